/**
 * Date arithmetic over the whole range of dates the schema accepts (1800-01-01 to 9499-12-31): the window
 * of possible offence dates computed from bounds (in force, offence dates reached, age band, means of a
 * child or an adult, time limit from the offence) is exactly the set of days a day-by-day brute force
 * allows, and it never leaves out a day that meets every limb read exactly. Before day-number arithmetic,
 * the day after 9999-12-31 was written "+010000-01-01" and compared as text, and a year below 100 was
 * read as 19xx: both gave a wrong "no offence date could meet every limb".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeansRule, TimeRule } from '../../src/engine/atoms.js';
import { offenceDateWindow, type DateWindowRule } from '../../src/engine/date-window.js';
import { addPeriod, ageOn, dayNumber, fromDayNumber, MAX_DATE, MIN_DATE, nextDay } from '../../src/law/dates.js';
import { holds } from './harness.js';

const MIN = dayNumber(MIN_DATE);
const MAX = dayNumber(MAX_DATE);
const SPAN = 1500; // days between the earliest and the latest possible offence date: the brute force walks them all

/** A day anywhere in the accepted range, often at or near either end of it. */
const day = fc.oneof(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: MIN, max: MIN + 2 * SPAN }), fc.integer({ min: MAX - 2 * SPAN, max: MAX }));
const clampDay = (n: number) => fromDayNumber(Math.min(MAX, Math.max(MIN, n)));

const scenario = day.chain((latest) =>
  fc.record({
    latest: fc.constant(latest),
    span: fc.integer({ min: 0, max: Math.min(SPAN, latest - MIN) }),
    // No birth date: the earliest possible date is the start of the range, so only near it is it walkable.
    birthKnown: latest - MIN > SPAN ? fc.constant(true) : fc.boolean(),
    asOfAfter: fc.integer({ min: 0, max: 800 }),
    inForce: fc.option(fc.record({ from: fc.option(fc.integer({ min: -400, max: SPAN + 400 }), { nil: undefined }), to: fc.option(fc.integer({ min: -400, max: SPAN + 400 }), { nil: undefined }) }), { nil: null }),
    offenceDates: fc.option(fc.record({ from: fc.option(fc.integer({ min: -400, max: SPAN + 400 }), { nil: undefined }), to: fc.option(fc.integer({ min: -400, max: SPAN + 400 }), { nil: undefined }) }), { nil: null }),
    age: fc.option(fc.record({ min: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), max: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }) }), { nil: null }),
    means: fc.option(fc.record({ adults: fc.constantFrom('required', 'not-required'), children: fc.constantFrom('required', 'not-required') }), { nil: null }),
    meansShown: fc.constantFrom('T', 'F', 'U'),
    limit: fc.option(fc.record({ years: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(100)), months: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 400 }) }), { nil: null }),
  }),
);

describe('the window of possible offence dates, over the whole accepted range', () => {
  it('equals a day-by-day brute force, and keeps every day that meets each limb exactly', () =>
    holds(
      fc.asyncProperty(scenario, async (s) => {
        const latest = fromDayNumber(s.latest);
        const earliestDay = s.latest - s.span;
        const birth = s.birthKnown ? fromDayNumber(earliestDay) : null;
        const asOf = clampDay(s.latest + s.asOfAfter);
        const at = (offset: number | undefined) => (offset === undefined ? undefined : clampDay(earliestDay + offset));
        const range = (r: { from?: number | undefined; to?: number | undefined } | null) => (r === null ? null : { from: at(r.from), to: at(r.to) });
        // Ages near the person's own at the window, so the band binds.
        const base = birth === null ? 0 : ageOn(birth, latest) - 3;
        const age = s.age === null ? null : { min: s.age.min === undefined ? undefined : Math.max(0, base + s.age.min), max: s.age.max === undefined ? undefined : Math.max(1, base + s.age.max) };
        if (age && age.min !== undefined && age.max !== undefined && age.min >= age.max) age.max = age.min + 1;
        const means: MeansRule | null = s.means === null ? null : { adults: s.means.adults as MeansRule['adults'], children: s.means.children as MeansRule['children'], accepted: null, coerciveControlCounts: false };
        const timeLimit: TimeRule | null = s.limit === null ? null : { from: 'offence', inForce: null, ...s.limit };
        const rule: DateWindowRule = { inForce: range(s.inForce), offenceDates: range(s.offenceDates), age, means, timeLimit };
        const facts = { when: { earliest: birth, latest, latestBy: 'as-of' as const }, birth, asOf, meansShown: s.meansShown as 'T' | 'F' | 'U' };
        const window = offenceDateWindow(facts, rule);

        // Brute force: every day from the earliest to the latest possible, each limb read on its own.
        const inRange = (d: string, r: { from?: string; to?: string } | null) => r === null || ((r.from === undefined || d >= r.from) && (r.to === undefined || d < r.to));
        const birthday = (years: number) => addPeriod(birth!, { years });
        const wide: string[] = [];
        const exact: string[] = [];
        for (let n = birth === null ? MIN : earliestDay; n <= s.latest; n++) {
          const d = fromDayNumber(n);
          if (!inRange(d, rule.inForce) || !inRange(d, rule.offenceDates)) continue;
          if (timeLimit && addPeriod(d, timeLimit) < asOf) continue;
          // As the window reads an age band: from the birthday, to the day after the birthday (wider by a day for 29 February).
          let wideOk = true;
          let exactOk = true;
          if (birth !== null) {
            const a = ageOn(birth, d);
            if (age?.min !== undefined) {
              wideOk &&= d >= birthday(age.min);
              exactOk &&= a >= age.min;
            }
            if (age?.max !== undefined) {
              wideOk &&= d < nextDay(birthday(age.max));
              exactOk &&= a < age.max;
            }
            if (means && facts.meansShown === 'F') {
              if (means.adults === 'required' && means.children === 'not-required') {
                wideOk &&= d < nextDay(birthday(18));
                exactOk &&= a < 18;
              }
              if (means.adults === 'not-required' && means.children === 'required') {
                wideOk &&= d >= birthday(18);
                exactOk &&= a >= 18;
              }
            }
          }
          if (wideOk) wide.push(d);
          if (exactOk) exact.push(d);
        }
        if (wide.length === 0) expect(window).toBeNull();
        else expect(window).toEqual({ lo: wide[0], hi: nextDay(wide.at(-1)!) });
        for (const d of exact) expect(window !== null && window.lo <= d && d < window.hi, `${d} meets every limb`).toBe(true);
      }),
      300,
    ));
});

describe('day numbers', () => {
  it('round-trip every accepted date, and one day on is the next calendar day, across the whole range', () =>
    holds(
      fc.asyncProperty(day, async (n) => {
        const d = fromDayNumber(n);
        expect(dayNumber(d)).toBe(n);
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(nextDay(d) > d).toBe(true);
        expect(addPeriod(d, { days: 1 })).toBe(nextDay(d));
        // The longest periods a law may state keep four-digit years, so dates still compare as text.
        expect(addPeriod(nextDay(d), { years: 100, months: 1200, days: 36500 })).toMatch(/^\d{4}-/);
      }),
      200,
    ));
});
