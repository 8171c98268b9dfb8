/**
 * The dates an unknown offence date can take under every limb (src/engine/date-window.ts) at its edges: a
 * limb bounded on one side only narrows that side, and a time limit whose last day falls on the date of
 * evaluation keeps the dates it reaches even where month ends make two start dates share one deadline.
 */
import { describe, expect, it } from 'vitest';
import { offenceDateWindow, type DateWindowRule } from '../../src/engine/date-window.js';

const none: DateWindowRule = { inForce: null, offenceDates: null, age: null, means: null, timeLimit: null };
const unknownUntil = (latest: string, earliest: string | null = null) => ({ when: { earliest, latest, latestBy: 'as-of' as const }, birth: '2000-01-01', asOf: '2026-11-28', meansShown: 'U' as const });

describe('the window of possible offence dates', () => {
  it('an age band with a maximum only ends the window the day after the last birthday it covers, and starts it nowhere', () => {
    expect(offenceDateWindow(unknownUntil('2026-11-28'), { ...none, age: { max: 18 } })).toEqual({ lo: '1800-01-01', hi: '2018-01-02' });
  });

  it('an age band with a minimum only starts the window on that birthday, and ends it nowhere', () => {
    expect(offenceDateWindow(unknownUntil('2026-11-28'), { ...none, age: { min: 12 } })).toEqual({ lo: '2012-01-01', hi: '2026-11-29' });
  });

  it('a one-month limit whose last day is 28 February keeps 30 January, though 31 January runs to the same day', () => {
    // 30 and 31 January 2023 both run out on 28 February 2023 (the month end clamps); the latest possible date is 30 January.
    const f = { ...unknownUntil('2023-01-30', '2023-01-01'), asOf: '2023-02-28' };
    expect(offenceDateWindow(f, { ...none, timeLimit: { from: 'offence', inForce: null, years: 0, months: 1, days: 0 } })).toEqual({ lo: '2023-01-28', hi: '2023-01-31' });
  });
});
