/**
 * The report around the outcomes: which offences go to which law, what happens without a date or a
 * jurisdiction, every unverified piece of law a result relied on, the burden of proof, the nearest
 * deadline, and the case checks that refuse impossible dates.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase, EvaluationError } from '../../src/engine/evaluate.js';
import { evaluate } from '../../src/index.js';
import { parseCase } from '../../src/load/case.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law, lawFromYaml } from '../helpers.js';

const cat = law().catalogue;
const rules = { version: 't', digest: 't' };

const YAML = `id: unsure
name: Unsure
kind: jurisdiction
summary: Every piece unverified.
checked: 2026-11-28
instruments:
  - { id: act, title: Unsure Act, url: "https://example.org/unsure", verified: false, note: text not found }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: false, note: definition from a summary }
provisions:
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.5, url: "https://example.org/unsure#s5" }
    text: Vacatur.
    in_force: { from: 2010-01-01 }
    nexus: connected
    means: { adults: required }
    domains: [criminal]
    exceptions: [sch]
    conditions: { time_limit: { years: 5, from: conviction } }
    proof: { burden: applicant, standard: balance-of-probabilities, verified: false, note: no case law found }
    verified: false
    note: commencement unknown
  - id: seal
    title: Sealing
    relief: sealing
    discretion: mandatory
    citation: { instrument: act, section: s.6 }
    text: Sealing.
    in_force: { from: 2010-01-01 }
    nexus: none
    victim_required: false
    domains: [criminal]
    conditions: { time_limit: { years: 2, from: trafficking-end } }
    verified: true
exception_lists:
  - id: sch
    title: Excluded offences
    citation: { instrument: act, section: Sch 1 }
    verified: false
    note: list read in a news report
    entries:
      - { id: robbery, label: Robbery, codes: [rob-1], citation: { instrument: act, section: Sch 1 para 1 }, verified: false, note: code guessed }
`;
const unsure = new Map([['unsure', compileJurisdiction(lawFromYaml('unsure', YAML))]]);

const base: CaseFile = {
  id: 'e',
  as_of: '2026-11-28',
  person: { birth_date: '1990-01-01' },
  trafficking: { victim: true, means: ['force'], period: { start: '2018-01-01', end: '2025-06-30' } },
  offences: [{ id: 'o1', category: 'theft', code: 'th-1', date: '2019-05-05', conviction_date: '2022-02-02', disposition: 'convicted', nexus: 'connected' }],
};
const run = (c: CaseFile) => evaluateCase(c, unsure, cat, { jurisdictions: ['unsure'], rules });

describe('what a result relied on', () => {
  it('names every unverified piece of law the result used, with its note', async () => {
    const o = (await run(base)).results[0]!.offences[0]!;
    const vacate = o.provisions.find((p) => p.provision === 'vacate')!;
    expect(vacate.outcome).toBe('eligible');
    expect(vacate.unverified).toEqual([
      'Unsure Act: text not found',
      'vacate: commencement unknown',
      'vacate (burden and standard of proof): no case law found',
      'coercion definition: definition from a summary',
      'Excluded offences: list read in a news report',
    ]);
    expect(vacate.verified).toBe(false);
    expect(vacate.url).toBe('https://example.org/unsure#s5');
    expect(vacate.proof).toEqual({ burden: 'applicant', standard: 'balance-of-probabilities' });
    const seal = o.provisions.find((p) => p.provision === 'seal')!;
    expect(seal.unverified).toEqual(['Unsure Act: text not found']); // no means, no list: their notes are not its business
    expect(seal.url).toBe('https://example.org/unsure');
    expect(seal.proof).toBeNull();
  });

  it('an exception entry that matches adds its own note', async () => {
    const o = (await run({ ...base, offences: [{ ...base.offences[0]!, code: 'rob-1' }] })).results[0]!.offences[0]!;
    const vacate = o.provisions.find((p) => p.provision === 'vacate')!;
    expect(vacate.outcome).toBe('excluded');
    expect(vacate.unverified).toContain('Robbery (Sch 1 para 1): code guessed');
  });

  it('gives each deadline and, for the offence, the nearest one still open', async () => {
    const o = (await run(base)).results[0]!.offences[0]!;
    expect(o.provisions.map((p) => [p.provision, p.outcome, p.deadline])).toEqual([
      ['vacate', 'eligible', '2027-02-02'],
      ['seal', 'eligible', '2027-06-30'],
    ]);
    expect(o.deadline).toBe('2027-02-02');
    const late = (await run({ ...base, offences: [{ ...base.offences[0]!, conviction_date: '2020-01-01' }] })).results[0]!.offences[0]!;
    expect(late.provisions.find((p) => p.provision === 'vacate')!.outcome).toBe('not-eligible');
    expect(late.deadline).toBe('2027-06-30'); // a passed deadline is not the one to act on
    const ongoing = (await run({ ...base, trafficking: { ...base.trafficking, period: { start: '2018-01-01' } } })).results[0]!.offences[0]!;
    const seal = ongoing.provisions.find((p) => p.provision === 'seal')!;
    expect(seal.deadline).toBeNull(); // the limit has not started to run
    expect(seal.reasons).toContain('s.6: time limit of 2 year(s) from the end of the trafficking, which is ongoing');
  });

  it('the offence outcome is the best relief; missing facts come only from undetermined provisions', async () => {
    const o = (await run({ ...base, trafficking: { ...base.trafficking, means: undefined } })).results[0]!.offences[0]!;
    expect(o.byRelief).toEqual({ vacatur: 'undetermined', sealing: 'eligible' });
    expect(o.outcome).toBe('eligible');
    expect(o.missing).toEqual([]);
    const none = (await run({ ...base, trafficking: { ...base.trafficking, means: undefined, period: undefined } })).results[0]!.offences[0]!;
    expect(none.outcome).toBe('undetermined');
    expect(none.missing.map((m) => m.fact)).toEqual(['trafficking.means', 'trafficking.period.end']);
  });
});

describe('which law, and when', () => {
  it('needs a date of evaluation and a known jurisdiction for every offence', async () => {
    const { as_of: _, ...noDate } = base;
    await expect(evaluateCase(noDate as CaseFile, unsure, cat, { jurisdictions: ['unsure'], rules })).rejects.toMatchObject({ code: 'eval.no-date' });
    await expect(evaluateCase(base, unsure, cat, { rules })).rejects.toThrow(/offence\(s\) o1 have no jurisdiction; give one in the case file or use --jurisdiction ID/);
    await expect(evaluateCase(base, unsure, cat, { jurisdictions: ['elsewhere'], rules })).rejects.toBeInstanceOf(EvaluationError);
  });

  it('each offence goes to its own jurisdiction, sorted by jurisdiction then offence', async () => {
    const c: CaseFile = { ...base, jurisdiction: 'gb-ew', offences: [{ id: 'b', category: 'theft' }, { id: 'a', category: 'theft', jurisdiction: 'gb-sct' }, { id: 'c', category: 'theft' }] };
    const report = await evaluate(c, law());
    expect(report.results.map((r) => [r.jurisdiction, r.offences.map((o) => o.offence)])).toEqual([['gb-ew', ['b', 'c']], ['gb-sct', ['a']]]);
    expect(report.asOf).toBe('2026-11-28');
    const unsorted = await evaluateCase({ ...base, offences: [{ ...base.offences[0]!, id: 'zz' }, { ...base.offences[0]!, id: 'aa' }, { ...base.offences[0]!, id: 'mm' }] }, unsure, cat, { jurisdictions: ['unsure', 'unsure'], rules });
    expect(unsorted.results.map((r) => [r.jurisdiction, r.offences.map((o) => o.offence)])).toEqual([['unsure', ['aa', 'mm', 'zz']]]);
    const all = await evaluate(c, law(), { all: true, asOf: '2025-01-01', engine: 'fast' });
    expect(all.results.map((r) => r.jurisdiction)).toEqual([...law().ids()].sort());
    expect(all.asOf).toBe('2025-01-01');
  });
});

describe('case checks on dates', () => {
  const problems = (text: string) => {
    const r = parseCase('c.yaml', text, cat);
    return r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);
  };
  it('refuses an offence before birth, a conviction before the offence and an offence after as_of', () => {
    expect(problems('id: c\nas_of: 2020-01-01\nperson: { birth_date: 2000-01-01 }\noffences:\n  - { id: o1, category: theft, date: 1999-12-31, conviction_date: 1999-12-30 }\n  - { id: o2, category: theft, date: 2020-01-02 }\n')).toEqual([
      'case.date-order offences[0].date: offence date 1999-12-31 is before the birth date 2000-01-01',
      'case.date-order offences[0].conviction_date: conviction date 1999-12-30 is before the offence date 1999-12-31',
      'case.date-order offences[1].date: offence date 2020-01-02 is after as_of 2020-01-01',
    ]);
    expect(problems('id: c\nas_of: 2020-01-01\nperson: { birth_date: 2000-01-01 }\noffences:\n  - { id: o1, category: theft, date: 2000-01-01, conviction_date: 2000-01-01 }\n  - { id: o2, category: theft, date: 2020-01-01 }\n')).toEqual([]);
  });
});

describe('eligible only through a discretionary route', () => {
  it('the offence-level missing lists what the mandatory route still needs (the shipped courier: CPS guidance eligible, s.45 undetermined)', async () => {
    const { readCase } = await import('../../src/load/files.js');
    const r = readCase('examples/drug-courier.yaml', law().catalogue);
    if (!r.ok) throw new Error('example unreadable');
    const offences = (await evaluate(r.value, law(), {})).results[0]!.offences;
    const o2 = offences.find((x) => x.offence === 'o2')!;
    expect(o2.outcome).toBe('eligible');
    expect(o2.provisions.find((p) => p.provision === 'msa-2015-s45-adult')!.outcome).toBe('undetermined');
    expect(o2.missing.map((m) => m.fact)).toEqual(['answers.no-realistic-alternative']);
    // Where the defence itself is eligible, nothing is left to ask.
    expect(offences.find((x) => x.offence === 'o1')!.missing).toEqual([]);
  });
});
