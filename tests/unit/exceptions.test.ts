/** Exception entries: by code, by whole category, partial (ambiguous) codes, penalty rules, dates. */
import { describe, expect, it } from 'vitest';
import { entryMatch, type EntryRule } from '../../src/engine/atoms.js';
import { provisionOutcome } from '../../src/engine/evaluate.js';
import { offenceWhen } from '../../src/engine/facts.js';

const base: EntryRule = { category: null, codes: [], coversCategory: false, ambiguousCodes: [], minPenalty: null, exceptCodes: [], penalties: {}, inForce: null, dateBasis: 'offence' };
const facts = (category: string, code: string | null, offenceDate: string | null = '2024-01-01', bounds: { birth?: string; conviction?: string } = {}) => ({
  category,
  code,
  offenceWhen: offenceWhen(offenceDate, bounds.birth ?? null, bounds.conviction ?? null, '2026-11-28'),
  asOf: '2026-11-28',
});

describe('exception entries', () => {
  const burglaryGbh: EntryRule = { ...base, category: 'burglary', codes: ['tha-1968-s9-gbh'], ambiguousCodes: ['tha-1968-s9'] };
  it('a listed code is excluded; the plain section of a partial entry is undetermined; another code is not excluded', () => {
    expect(entryMatch(facts('burglary', 'tha-1968-s9-gbh'), burglaryGbh).tv).toBe('T');
    expect(entryMatch(facts('burglary', 'tha-1968-s9'), burglaryGbh)).toEqual({ tv: 'U', why: 'ambiguous-code' });
    expect(entryMatch(facts('burglary', 'tha-1968-s9-steal'), burglaryGbh).tv).toBe('F');
  });
  it('without a code, an offence of the entry category is undetermined unless the entry covers the whole category', () => {
    expect(entryMatch(facts('burglary', null), burglaryGbh)).toEqual({ tv: 'U', why: 'code-unknown' });
    expect(entryMatch(facts('theft', null), burglaryGbh).tv).toBe('F');
    expect(entryMatch(facts('robbery', null), { ...base, category: 'robbery', codes: ['tha-1968-s8'], coversCategory: true }).tv).toBe('T');
  });
  it('an entry inserted by amendment only reaches offences from its date; with no offence date it is undetermined', () => {
    const s66a: EntryRule = { ...base, category: 'sexual-offence', codes: ['soa-2003-s66a'], inForce: { from: '2024-01-31' } };
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', '2024-01-30'), s66a).tv).toBe('F');
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', '2024-01-31'), s66a).tv).toBe('T');
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', null), s66a).tv).toBe('U');
  });
  it('an offence of unknown date is outside a dated entry when the conviction came before the entry, inside when the person was born after it', () => {
    const s66a: EntryRule = { ...base, codes: ['soa-2003-s66a'], inForce: { from: '2024-01-31' } };
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', null, { conviction: '2023-06-01' }), s66a)).toEqual({ tv: 'F', why: 'not-in-force' });
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', null, { birth: '2024-02-01' }), s66a)).toEqual({ tv: 'T', why: 'code' });
    expect(entryMatch(facts('sexual-offence', 'soa-2003-s66a', null, { birth: '2000-01-01', conviction: '2025-01-01' }), s66a)).toEqual({ tv: 'U', why: 'date-unknown' });
  });
  it('a penalty threshold excludes offences at or above it, spares carve-outs, and needs the penalty to be known', () => {
    const rule: EntryRule = { ...base, minPenalty: 5, exceptCodes: ['mda-1971-s6-2'], penalties: { 'tha-1969-s1': 10, 'ida-2010-s6': 2, 'mda-1971-s6-2': 14, 'x-life': 'life' } };
    expect(entryMatch(facts('theft', 'tha-1969-s1'), rule).tv).toBe('T');
    expect(entryMatch(facts('false-documents', 'ida-2010-s6'), rule).tv).toBe('F');
    expect(entryMatch(facts('drug-production', 'mda-1971-s6-2'), rule)).toEqual({ tv: 'F', why: 'carve-out' });
    expect(entryMatch(facts('fraud', 'unknown-code'), rule)).toEqual({ tv: 'U', why: 'penalty-unknown' });
    expect(entryMatch(facts('fraud', null), rule).tv).toBe('U');
    const life: EntryRule = { ...rule, minPenalty: 'life' };
    expect(entryMatch(facts('homicide', 'x-life'), life).tv).toBe('T');
    expect(entryMatch(facts('drug-production', 'tha-1969-s1'), life).tv).toBe('F');
  });
});

describe('provision outcome', () => {
  it('an exception wins; a failed requirement is not-eligible; otherwise unknowns leave it undetermined', () => {
    expect(provisionOutcome('T', 'T')).toBe('excluded');
    expect(provisionOutcome('U', 'T')).toBe('excluded');
    expect(provisionOutcome('F', 'T')).toBe('excluded');
    expect(provisionOutcome('F', 'U')).toBe('not-eligible');
    expect(provisionOutcome('T', 'F')).toBe('eligible');
    expect(provisionOutcome('T', 'U')).toBe('undetermined');
    expect(provisionOutcome('U', 'F')).toBe('undetermined');
  });
});
