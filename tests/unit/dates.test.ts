import { describe, expect, it } from 'vitest';
import { addPeriod, ageOn, dayNumber, fromDayNumber, isAcceptedDate, isIsoDate, MAX_DATE, MIN_DATE, nextDay, today } from '../../src/law/dates.js';

describe('dates', () => {
  it('refuses impossible calendar dates and accepts leap days', () => {
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-01-00')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-12-31')).toBe(true);
    expect(isIsoDate('2024-01-01')).toBe(true);
  });
  it('a person is 18 on their eighteenth birthday, 17 the day before (the s.45(1)/(4) boundary)', () => {
    expect(ageOn('2006-03-10', '2024-03-09')).toBe(17);
    expect(ageOn('2006-03-10', '2024-03-10')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
  it('time limits add calendar periods, clamping month ends', () => {
    expect(addPeriod('2020-01-31', { months: 1 })).toBe('2020-02-29');
    expect(addPeriod('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addPeriod('2021-11-16', { years: 3 })).toBe('2024-11-16');
    expect(addPeriod('2021-12-31', { days: 1 })).toBe('2022-01-01');
  });
  it('refuses a date that is not YYYY-MM-DD rather than guess', () => {
    expect(() => addPeriod('2021/12/31', { days: 1 })).toThrow(new RangeError('not an ISO date: 2021/12/31'));
    expect(() => ageOn('31.12.2000', '2021-12-31')).toThrow(RangeError);
  });
  it('accepts dates from 1800-01-01 to 9499-12-31, and computes without Date at both ends of the calendar', () => {
    expect([MIN_DATE, MAX_DATE, '1799-12-31', '9500-01-01', '0000-01-01', '0050-06-01'].map(isAcceptedDate)).toEqual([true, true, false, false, false, false]);
    expect(nextDay('9999-12-30')).toBe('9999-12-31');
    expect(() => nextDay('9999-12-31')).toThrow(new RangeError('date out of range: year 10000')); // never "+010000-01-01"
    expect(addPeriod('0050-01-01', { years: 1 })).toBe('0051-01-01'); // Date.UTC read year 51 as 1951
    expect(addPeriod(MAX_DATE, { years: 100, months: 1200, days: 36500 })).toBe('9799-12-07'); // 36,500 days are the 24 leap days of 9700-9799 short of 100 years
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('2024-02-29') + 1)).toBe('2024-03-01');
    expect(nextDay('1900-02-28')).toBe('1900-03-01');
    // The last day of a 400-year cycle (29 February of a year divisible by 400) and the days around it.
    for (const d of ['2000-02-28', '2000-02-29', '2000-03-01', '1600-02-29', '2400-02-29']) expect(fromDayNumber(dayNumber(d)), d).toBe(d);
    expect(nextDay('2000-02-29')).toBe('2000-03-01');
    // The first day there is, and the day before it, which is no date at all.
    expect(fromDayNumber(dayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(() => fromDayNumber(dayNumber('0001-01-01') - 1)).toThrow(new RangeError('date out of range: year 0'));
  });
  it("today is the UTC calendar date", () => {
    expect(today(new Date('2026-11-28T23:59:59Z'))).toBe('2026-11-28');
    expect(today(new Date('2026-11-29T00:00:00Z'))).toBe('2026-11-29');
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
