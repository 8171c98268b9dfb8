/** The interview's fact names are the report's `missing` ids, and the README documents every one of them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_QUESTIONS } from '../../src/engine/explain.js';
import { factSpecs, parseValue, setFact, getFact } from '../../src/interview/facts.js';
import { law, ROOT } from '../helpers.js';
import type { CaseFile } from '../../src/schema/case.js';

const specs = factSpecs(law().catalogue);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the facts an interview asks and reads', () => {
  it('include every fact the report can name as missing', () => {
    for (const fact of Object.keys(FACT_QUESTIONS)) expect(specs.map((s) => s.fact), fact).toContain(fact);
    for (const q of law().catalogue.questions) expect(specs.map((s) => s.fact)).toContain(`answers.${q.id}`);
  });

  it('are all in the README table', () => {
    const table = readme.slice(readme.indexOf('| fact | value |'), readme.indexOf('Dates are `YYYY-MM-DD`'));
    for (const s of specs) if (!s.fact.startsWith('answers.')) expect(table, s.fact).toContain(`\`${s.fact}\``);
    expect(table).toContain('`answers.<question>`');
  });

  it('read values as the README says, and refuse the wrong kind with the reason', () => {
    const spec = (f: string) => specs.find((s) => s.fact === f)!;
    expect(parseValue(spec('trafficking.victim'), 'y', '2026-11-28')).toEqual({ ok: true, value: true });
    expect(parseValue(spec('trafficking.victim'), '?', '2026-11-28')).toEqual({ ok: true, value: undefined });
    expect(parseValue(spec('trafficking.means'), 'none', '2026-11-28')).toEqual({ ok: true, value: [] });
    expect(parseValue(spec('trafficking.means'), 'threat, debt-bondage', '2026-11-28')).toEqual({ ok: true, value: ['threat', 'debt-bondage'] });
    expect(parseValue(spec('trafficking.means'), 'threats', '2026-11-28')).toMatchObject({ ok: false, reason: expect.stringContaining('did you mean "threat"') });
    expect(parseValue(spec('trafficking.period.end'), 'ongoing', '2026-11-28')).toEqual({ ok: true, value: 'ongoing' });
    expect(parseValue(spec('offence.date'), '2027-01-01', '2026-11-28')).toEqual({ ok: false, reason: '2027-01-01 is after the date of evaluation (2026-11-28)' });
    expect(parseValue(spec('offence.nexus'), 'compeled', '2026-11-28')).toMatchObject({ ok: false, reason: expect.stringContaining('did you mean "compelled"') });
  });

  it('set and unset a fact in a case, "ongoing" included', () => {
    let c: CaseFile = { id: 'c', offences: [{ id: 'o1', category: 'theft' }] };
    c = setFact(c, { fact: 'trafficking.period.end' }, 'ongoing');
    expect(getFact(c, { fact: 'trafficking.period.end' })).toBe('ongoing');
    c = setFact(c, { fact: 'trafficking.period.end' }, undefined);
    expect(getFact(c, { fact: 'trafficking.period.end' })).toBeUndefined();
    c = setFact(c, { fact: 'answers.due-diligence', offence: 'o1' }, true);
    expect(getFact(c, { fact: 'answers.due-diligence', offence: 'o1' })).toBe(true);
    expect(c).toEqual({ id: 'c', offences: [{ id: 'o1', category: 'theft', answers: { 'due-diligence': true } }] });
  });
});
