/**
 * An offence whose date is not stated still has bounds: not before the birth date, not after the
 * conviction or the date of evaluation. Limbs that every possible date meets (or fails) are decided; a
 * joint check fails when no single date could meet every date limb at once.
 */
import { describe, expect, it } from 'vitest';
import { atoms, type MeansRule, type TimeRule } from '../../src/engine/atoms.js';
import { offenceDateWindow, type DateWindowRule } from '../../src/engine/date-window.js';
import { ageSpanOf, offenceWhen } from '../../src/engine/facts.js';

const AS_OF = '2026-11-28';
const when = (bounds: { date?: string; birth?: string; conviction?: string }) => offenceWhen(bounds.date ?? null, bounds.birth ?? null, bounds.conviction ?? null, AS_OF);

describe('bounds on an unknown offence date', () => {
  it('run from the birth date to the conviction, or to the date of evaluation', () => {
    expect(when({ birth: '1990-05-01', conviction: '2014-03-02' })).toEqual({ earliest: '1990-05-01', latest: '2014-03-02', latestBy: 'conviction' });
    expect(when({})).toEqual({ earliest: null, latest: AS_OF, latestBy: 'as-of' });
    expect(when({ conviction: '2030-01-01' })).toEqual({ earliest: null, latest: AS_OF, latestBy: 'as-of' });
    expect(when({ date: '2020-02-02', birth: '1990-01-01' })).toEqual({ earliest: '2020-02-02', latest: '2020-02-02', latestBy: 'offence' });
  });

  it('decide a date range only when every possible date falls on one side of it', () => {
    const law = { from: '2015-07-31' };
    expect(atoms.dateInRange(when({ conviction: '2014-01-01' }), law)).toBe('F'); // convicted before the law existed
    expect(atoms.dateInRange(when({ birth: '2016-01-01' }), law)).toBe('T'); // born after it came into force
    expect(atoms.dateInRange(when({ birth: '2000-01-01' }), law)).toBe('U');
    expect(atoms.dateInRange(when({ birth: '2000-01-01' }), { to: '2000-01-01' })).toBe('F'); // repealed the day of birth
    expect(atoms.dateInRange(when({ conviction: '2014-01-01' }), { to: '2014-01-02' })).toBe('T'); // every date up to the conviction is covered
    expect(atoms.dateInRange(when({ conviction: '2014-01-02' }), { to: '2014-01-02' })).toBe('U');
    expect(atoms.dateInRange(when({ birth: '2000-01-01', conviction: '2014-01-01' }), { from: '2000-01-01', to: '2014-01-02' })).toBe('T');
    expect(atoms.dateInRange(when({ birth: '2000-01-01', conviction: '2014-01-01' }), { from: '2000-01-01', to: '2014-01-01' })).toBe('U');
    expect(atoms.dateInRange(null, law)).toBe('U');
  });

  it('give the ages the person can have been, and decide an age band from them', () => {
    const span = ageSpanOf('2000-06-15', when({ birth: '2000-06-15', conviction: '2015-06-14' }));
    expect(span).toEqual({ min: 0, max: 14 });
    expect(atoms.ageInBand(span, { max: 18 })).toBe('T');
    expect(atoms.ageInBand(span, { min: 18 })).toBe('F');
    expect(atoms.ageInBand(span, { min: 10 })).toBe('U');
    expect(atoms.ageInBand(span, { min: 15, max: 18 })).toBe('F');
    expect(atoms.ageInBand({ min: 16, max: 17 }, { min: 10, max: 18 })).toBe('T');
    expect(atoms.ageInBand({ min: 17, max: 17 }, { min: 17, max: 18 })).toBe('T');
    expect(atoms.ageInBand({ min: 18, max: 18 }, { min: 10, max: 18 })).toBe('F');
    expect(ageSpanOf(null, when({}))).toEqual({ min: null, max: null });
    expect(atoms.ageInBand({ min: null, max: null }, { max: 18 })).toBe('U');
  });

  it('decide a time limit from the offence when even the latest possible date is out of time', () => {
    const limit: TimeRule = { from: 'offence', inForce: '2000-01-01', years: 3, months: 0, days: 0 };
    const facts = (w: ReturnType<typeof when>) => ({ asOf: AS_OF, offence: null, offenceWhen: w, conviction: null, traffickingEnd: null });
    expect(atoms.withinTimeLimit(facts(when({ conviction: '2020-01-01' })), limit)).toBe('F');
    expect(atoms.withinTimeLimit(facts(when({ conviction: '2024-01-01' })), limit)).toBe('U');
    expect(atoms.withinTimeLimit(facts(when({ birth: '2024-01-01' })), limit)).toBe('T');
    expect(atoms.withinTimeLimit(facts(when({ birth: '2023-11-27' })), limit)).toBe('U'); // the earliest date is just out of time
    expect(atoms.withinTimeLimit(facts(when({ birth: '2023-11-28' })), limit)).toBe('T'); // the last day counts
    expect(atoms.withinTimeLimit(facts(when({ conviction: '2020-01-01' })), { ...limit, from: 'conviction' })).toBe('U');
  });
});

describe('the joint check on an unknown offence date', () => {
  const none: DateWindowRule = { inForce: null, offenceDates: null, age: null, means: null, timeLimit: null };
  const facts = (bounds: { birth?: string; conviction?: string }, meansShown: 'T' | 'F' | 'U' = 'U') => ({ when: when(bounds), birth: bounds.birth ?? null, asOf: AS_OF, meansShown });

  it('finds no date for a child defence in force from 2015 when the person was born in 1980', () => {
    expect(offenceDateWindow(facts({ birth: '1980-01-01' }), { ...none, inForce: { from: '2015-07-31' }, age: { max: 18 } })).toBeNull();
    expect(offenceDateWindow(facts({ birth: '2000-01-01' }), { ...none, inForce: { from: '2015-07-31' }, age: { max: 18 } })).toEqual({ lo: '2015-07-31', hi: '2018-01-02' });
  });

  it('keeps the last day of an age band (a day of slack, never a day short)', () => {
    // Born 2000-01-01: 17 until 2017-12-31 inclusive. A law from 2017-12-31 for under-18s can apply on that day.
    expect(offenceDateWindow(facts({ birth: '2000-01-01' }), { ...none, inForce: { from: '2017-12-31' }, age: { max: 18 } })).not.toBeNull();
    expect(offenceDateWindow(facts({ birth: '2000-01-01' }), { ...none, inForce: { from: '2018-01-02' }, age: { max: 18 } })).toBeNull();
    expect(offenceDateWindow(facts({ birth: '2000-01-01' }), { ...none, offenceDates: { to: '2018-01-01' }, age: { min: 18 } })).toBeNull();
    expect(offenceDateWindow(facts({ birth: '2000-01-01' }), { ...none, offenceDates: { to: '2018-01-02' }, age: { min: 18 } })).toEqual({ lo: '2018-01-01', hi: '2018-01-02' });
  });

  it('reads the conviction as the last possible date', () => {
    expect(offenceDateWindow(facts({ conviction: '2015-07-30' }), { ...none, inForce: { from: '2015-07-31' }, offenceDates: { from: '2010-01-01' } })).toBeNull();
    expect(offenceDateWindow(facts({ conviction: '2015-07-31' }), { ...none, inForce: { from: '2015-07-31' }, offenceDates: { from: '2010-01-01' } })).toEqual({ lo: '2015-07-31', hi: '2015-08-01' });
  });

  it('needs a child when means are required of adults only and none are shown, an adult in the reverse case', () => {
    const adultsOnly: MeansRule = { adults: 'required', children: 'not-required', accepted: null, coerciveControlCounts: false };
    const childrenOnly: MeansRule = { ...adultsOnly, adults: 'not-required', children: 'required' };
    const law = { ...none, inForce: { from: '2015-07-31' } };
    expect(offenceDateWindow(facts({ birth: '1980-01-01' }, 'F'), { ...law, means: adultsOnly })).toBeNull();
    expect(offenceDateWindow(facts({ birth: '1980-01-01' }, 'T'), { ...law, means: adultsOnly })).not.toBeNull();
    expect(offenceDateWindow(facts({ birth: '2010-01-01', conviction: '2026-01-01' }, 'F'), { ...law, means: childrenOnly })).toBeNull();
    expect(offenceDateWindow(facts({ birth: '2000-01-01', conviction: '2026-01-01' }, 'F'), { ...law, means: childrenOnly })).toEqual({ lo: '2018-01-01', hi: '2026-01-02' });
  });

  it('a limb looser than the bounds already known narrows nothing', () => {
    // In force from 1970 and until 2030, reaching offences from 1960 to 2040: the birth (1990) and the conviction (2020) stay the bounds.
    const loose = { ...none, inForce: { from: '1970-01-01', to: '2030-01-01' }, offenceDates: { from: '1960-01-01', to: '2040-01-01' } };
    expect(offenceDateWindow(facts({ birth: '1990-01-01', conviction: '2020-01-01' }), loose)).toEqual({ lo: '1990-01-01', hi: '2020-01-02' });
    // A limb bounded on one side only leaves the other bound alone.
    expect(offenceDateWindow(facts({ birth: '1990-01-01', conviction: '2020-01-01' }), { ...none, inForce: { to: '2019-01-01' }, offenceDates: { from: '2000-01-01' } })).toEqual({ lo: '2000-01-01', hi: '2019-01-01' });
  });

  it('means required at every age, or at none, say nothing about the age', () => {
    const everyAge: MeansRule = { adults: 'required', children: 'required', accepted: null, coerciveControlCounts: false };
    const noAge: MeansRule = { ...everyAge, adults: 'not-required', children: 'not-required' };
    const law = { ...none, inForce: { from: '2015-07-31' } };
    for (const means of [everyAge, noAge]) expect(offenceDateWindow(facts({ birth: '2000-01-01', conviction: '2026-01-01' }, 'F'), { ...law, means })).toEqual({ lo: '2015-07-31', hi: '2026-01-02' });
  });

  it('keeps only the dates from which a time limit has not run out', () => {
    const limit: TimeRule = { from: 'offence', inForce: '2000-01-01', years: 2, months: 0, days: 0 };
    expect(offenceDateWindow(facts({ birth: '1990-01-01' }), { ...none, inForce: { from: '2015-07-31' }, timeLimit: limit })).toEqual({ lo: '2024-11-28', hi: '2026-11-29' });
    expect(offenceDateWindow(facts({ conviction: '2020-01-01' }), { ...none, inForce: { from: '2015-07-31' }, timeLimit: limit })).toBeNull();
  });

  it('is met whenever the offence date is known: the limbs then decide on their own', () => {
    const rule = { ...none, inForce: { from: '2015-07-31' }, age: { max: 18 } };
    const known = { when: when({ date: '2010-01-01' }), birth: '1980-01-01', asOf: AS_OF, means: null, coerciveControl: null };
    expect(atoms.offenceDateWindow(known, rule)).toBe('T');
    expect(atoms.offenceDateWindow({ ...known, when: when({ birth: '1980-01-01' }) }, rule)).toBe('F');
  });
});
