/**
 * The atoms every limb is built from, at their boundaries: a date on the first day in force and the first
 * day no longer in force, an age on a birthday, the nexus ladder, means for children and adults, a time
 * limit on its last day, and the three values of the logic.
 */
import { describe, expect, it } from 'vitest';
import { atoms, deadlineOf, entryMatch, meansPresent, type EntryRule, type MeansRule, type TimeFacts, type TimeRule } from '../../src/engine/atoms.js';
import { offenceWhen } from '../../src/engine/facts.js';
import { and3, bool3, fromRuns, not3, or3 } from '../../src/engine/kleene.js';

describe('three-valued logic', () => {
  it('and, or, not and booleans, with unknown in between', () => {
    expect([and3(['T', 'T']), and3(['T', 'U']), and3(['U', 'F']), and3([])]).toEqual(['T', 'U', 'F', 'T']);
    expect([or3(['F', 'F']), or3(['F', 'U']), or3(['U', 'T']), or3([])]).toEqual(['F', 'U', 'T', 'F']);
    expect([not3('T'), not3('F'), not3('U')]).toEqual(['F', 'T', 'U']);
    expect([bool3(true), bool3(false), bool3(null), bool3(undefined)]).toEqual(['T', 'F', 'U', 'U']);
    expect([fromRuns(true, true), fromRuns(false, true), fromRuns(false, false)]).toEqual(['T', 'U', 'F']);
  });
});

describe('atoms', () => {
  it('a known date is in force from its first day and not on the first day no longer covered', () => {
    const r = { from: '2015-07-31', to: '2020-01-01' };
    expect(['2015-07-30', '2015-07-31', '2019-12-31', '2020-01-01'].map((d) => atoms.dateInRange(d, r))).toEqual(['F', 'T', 'T', 'F']);
    expect(atoms.dateInRange('1900-01-01', {})).toBe('T');
    expect(atoms.dateInRange(undefined, r)).toBe('U');
    expect(atoms.dateInRange(offenceWhen('2015-07-31', null, null, '2026-11-28'), r)).toBe('T');
    expect(atoms.dateInRange(offenceWhen('2020-01-01', null, null, '2026-11-28'), r)).toBe('F');
    expect(atoms.dateInRange(offenceWhen(null, '2015-07-31', '2019-12-31', '2026-11-28'), r)).toBe('T');
    expect(atoms.dateInRange(offenceWhen(null, '2015-07-30', '2019-12-31', '2026-11-28'), r)).toBe('U');
    expect(atoms.dateInRange(offenceWhen(null, '2020-01-01', null, '2026-11-28'), r)).toBe('F');
    expect(atoms.dateInRange(offenceWhen(null, '2019-12-31', null, '2026-11-28'), r)).toBe('U');
  });

  it('an age band includes its minimum and excludes its maximum', () => {
    const band = { min: 12, max: 18 };
    expect([11, 12, 17, 18].map((a) => atoms.ageInBand({ min: a, max: a }, band))).toEqual(['F', 'T', 'T', 'F']);
    expect(atoms.ageInBand({ min: 11, max: 12 }, band)).toBe('U');
    expect(atoms.ageInBand({ min: 17, max: 18 }, band)).toBe('U');
    expect(atoms.ageInBand({ min: 0, max: null }, band)).toBe('U');
    expect(atoms.ageInBand({ min: null, max: 3 }, band)).toBe('U');
    expect(atoms.ageInBand(null, band)).toBe('U');
  });

  it('lists, booleans, answers and forms', () => {
    expect([atoms.in('charged', ['charged']), atoms.in('convicted', ['charged']), atoms.in(null, ['charged']), atoms.in(undefined, ['charged'])]).toEqual(['T', 'F', 'U', 'U']);
    expect(atoms.always()).toBe('T');
    expect([atoms.isTrue(true), atoms.isTrue(false), atoms.isTrue(null)]).toEqual(['T', 'F', 'U']);
    expect([atoms.intersects(['a', 'b'], ['b', 'c']), atoms.intersects(['a'], ['b']), atoms.intersects([], ['b']), atoms.intersects(null, ['b'])]).toEqual(['T', 'F', 'F', 'U']);
    const q = { question: 'due-diligence', expected: false };
    expect([atoms.answerIs({ 'due-diligence': false }, q), atoms.answerIs({ 'due-diligence': true }, q), atoms.answerIs({}, q), atoms.answerIs(null, q)]).toEqual(['T', 'F', 'U', 'U']);
    expect(atoms.answerIs(Object.create({ 'due-diligence': false }), q)).toBe('U'); // inherited keys are not answers
  });

  it('the nexus ladder: a stronger link meets a weaker requirement, never the reverse', () => {
    expect(atoms.nexusAtLeast('compelled', 'result-of')).toBe('T');
    expect(atoms.nexusAtLeast('result-of', 'result-of')).toBe('T');
    expect(atoms.nexusAtLeast('connected', 'result-of')).toBe('F');
    expect(atoms.nexusAtLeast('none', 'connected')).toBe('F');
    expect(atoms.nexusAtLeast(null, 'connected')).toBe('U');
    expect(atoms.nexusAtLeast('strong', 'connected')).toBe('U');
  });

  it('means: none needed of a child where the law says so; a counting means or recognised coercive control otherwise', () => {
    const rule: MeansRule = { adults: 'required', children: 'not-required', accepted: ['threat', 'force'], coerciveControlCounts: false };
    const facts = (min: number | null, max: number | null, means: string[] | null, cc: string[] | null = null) => ({ age: { min, max }, means, coerciveControl: cc });
    expect(atoms.meansSatisfied(facts(15, 15, []), rule)).toBe('T');
    expect(atoms.meansSatisfied(facts(30, 30, []), rule)).toBe('F');
    expect(atoms.meansSatisfied(facts(30, 30, ['deception']), rule)).toBe('F');
    expect(atoms.meansSatisfied(facts(30, 30, ['force']), rule)).toBe('T');
    expect(atoms.meansSatisfied(facts(30, 30, null), rule)).toBe('U');
    expect(atoms.meansSatisfied(facts(null, null, []), rule)).toBe('U');
    expect(atoms.meansSatisfied(facts(10, 30, []), rule)).toBe('U');
    expect(atoms.meansSatisfied(facts(null, null, []), { ...rule, children: 'required' })).toBe('F');
    expect(atoms.meansSatisfied(facts(null, null, []), { ...rule, adults: 'not-required' })).toBe('T');
    expect(atoms.meansSatisfied(facts(15, 15, []), { ...rule, adults: 'not-required', children: 'required' })).toBe('F');
    expect(atoms.meansSatisfied(facts(30, 30, []), { ...rule, adults: 'not-required', children: 'required' })).toBe('T');
    const cc: MeansRule = { ...rule, coerciveControlCounts: true };
    expect(meansPresent(facts(30, 30, [], ['isolation']), cc)).toBe('T');
    expect(meansPresent(facts(30, 30, [], []), cc)).toBe('F');
    expect(meansPresent(facts(30, 30, [], null), cc)).toBe('U');
    expect(meansPresent(facts(30, 30, [], ['isolation']), rule)).toBe('F');
    expect(meansPresent(facts(30, 30, ['deception'], null), { ...rule, accepted: null })).toBe('T');
  });

  it('time limits: the deadline from each starting point, the last day counts, an ongoing trafficking has not started the clock', () => {
    const base: TimeFacts = { asOf: '2026-11-28', offence: '2023-01-10', offenceWhen: offenceWhen('2023-01-10', null, null, '2026-11-28'), conviction: '2024-02-29', traffickingEnd: '2025-05-05' };
    const rule = (from: TimeRule['from']): TimeRule => ({ from, inForce: '2022-06-01', years: 1, months: 2, days: 3 });
    expect(['offence', 'conviction', 'trafficking-end', 'in-force'].map((f) => deadlineOf(base, rule(f as TimeRule['from'])))).toEqual(['2024-03-13', '2025-05-02', '2026-07-08', '2023-08-04']);
    expect(deadlineOf({ ...base, traffickingEnd: 'ongoing' }, rule('trafficking-end'))).toBe('running-not-started');
    expect(atoms.withinTimeLimit({ ...base, traffickingEnd: 'ongoing' }, rule('trafficking-end'))).toBe('T');
    expect(deadlineOf({ ...base, conviction: null }, rule('conviction'))).toBeNull();
    expect(atoms.withinTimeLimit({ ...base, conviction: null }, rule('conviction'))).toBe('U');
    const lastDay = { ...base, asOf: '2026-07-08' };
    expect(atoms.withinTimeLimit(lastDay, rule('trafficking-end'))).toBe('T');
    expect(atoms.withinTimeLimit({ ...lastDay, asOf: '2026-07-09' }, rule('trafficking-end'))).toBe('F');
    // Unknown offence date: out of time only if even the latest possible date is out of time.
    const unknown = (latest: string, earliest: string | null): TimeFacts => ({ ...base, offence: null, offenceWhen: { earliest, latest, latestBy: 'conviction' } });
    expect(atoms.withinTimeLimit(unknown('2025-09-25', null), rule('offence'))).toBe('U');
    expect(atoms.withinTimeLimit(unknown('2025-09-24', null), rule('offence'))).toBe('F');
    expect(atoms.withinTimeLimit(unknown('2025-09-25', '2025-09-25'), rule('offence'))).toBe('T');
  });
});

describe('offence-list entries', () => {
  const base: EntryRule = { category: null, codes: [], coversCategory: false, ambiguousCodes: [], minPenalty: null, exceptCodes: [], penalties: {}, inForce: null, dateBasis: 'offence' };
  const at = (code: string | null, category = 'theft', date: string | null = '2024-01-01', asOf = '2026-11-28') => ({ category, code, offenceWhen: offenceWhen(date, null, null, asOf), asOf });
  it('codes, categories and partial codes, each with its reason', () => {
    expect(entryMatch(at('x-1'), { ...base, codes: ['x-1'] })).toEqual({ tv: 'T', why: 'code' });
    expect(entryMatch(at('x-2'), { ...base, codes: ['x-1'] })).toEqual({ tv: 'F', why: 'none' });
    expect(entryMatch(at(null), { ...base, codes: ['x-1'] })).toEqual({ tv: 'F', why: 'none' }); // no category: a code-only entry cannot match by kind
    expect(entryMatch(at(null), { ...base, category: 'theft', coversCategory: true })).toEqual({ tv: 'T', why: 'category' });
    expect(entryMatch(at('x-9'), { ...base, category: 'theft', codes: ['x-1'] })).toEqual({ tv: 'F', why: 'none' });
    expect(entryMatch(at('x-9', 'fraud'), { ...base, category: 'theft', coversCategory: true })).toEqual({ tv: 'F', why: 'none' });
    expect(entryMatch(at('x-3'), { ...base, ambiguousCodes: ['x-3'] })).toEqual({ tv: 'U', why: 'ambiguous-code' });
  });
  it('penalty thresholds: at or above, life, carve-outs, unknown penalties and codes', () => {
    const rule: EntryRule = { ...base, minPenalty: 10, exceptCodes: ['x-carved'], penalties: { 'x-10': 10, 'x-9': 9, 'x-life': 'life', 'x-carved': 14 } };
    expect(['x-10', 'x-9', 'x-life', 'x-carved', 'x-new'].map((c) => entryMatch(at(c), rule))).toEqual([
      { tv: 'T', why: 'penalty' },
      { tv: 'F', why: 'none' },
      { tv: 'T', why: 'penalty' },
      { tv: 'F', why: 'carve-out' },
      { tv: 'U', why: 'penalty-unknown' },
    ]);
    expect(entryMatch(at(null), rule)).toEqual({ tv: 'U', why: 'code-unknown' });
    expect(entryMatch(at('x-10'), { ...rule, minPenalty: 'life' })).toEqual({ tv: 'F', why: 'none' });
    expect(entryMatch(at('x-life'), { ...rule, minPenalty: 'life' })).toEqual({ tv: 'T', why: 'penalty' });
  });
  it('dated entries are read on the offence date, or on the date of evaluation for as-of provisions', () => {
    const dated: EntryRule = { ...base, codes: ['x-1'], inForce: { from: '2024-01-31' } };
    expect(entryMatch(at('x-1', 'theft', '2024-01-30'), dated)).toEqual({ tv: 'F', why: 'not-in-force' });
    expect(entryMatch(at('x-1', 'theft', '2024-01-31'), dated)).toEqual({ tv: 'T', why: 'code' });
    expect(entryMatch(at('x-1', 'theft', null), dated)).toEqual({ tv: 'U', why: 'date-unknown' });
    expect(entryMatch(at(null, 'theft', null), { ...dated, category: 'theft' })).toEqual({ tv: 'U', why: 'code-unknown' });
    const asOf: EntryRule = { ...dated, dateBasis: 'as-of' };
    expect(entryMatch(at('x-1', 'theft', '2020-01-01', '2024-01-31'), asOf)).toEqual({ tv: 'T', why: 'code' });
    expect(entryMatch(at('x-1', 'theft', '2025-01-01', '2024-01-30'), asOf)).toEqual({ tv: 'F', why: 'not-in-force' });
    expect(atoms.anyEntryMatches(at('x-1', 'theft', '2024-02-01'), [{ ...base, codes: ['x-2'] }, dated])).toBe('T');
    expect(atoms.anyEntryMatches(at('x-3'), [{ ...base, codes: ['x-2'] }, { ...base, ambiguousCodes: ['x-3'] }])).toBe('U');
    expect(atoms.anyEntryMatches(at('x-4'), [])).toBe('F');
    expect(atoms.entryMatches(at('x-1', 'theft', '2024-02-01'), dated)).toBe('T');
  });
});
