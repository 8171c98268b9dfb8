/** Calendar dates as ISO strings (YYYY-MM-DD). Pure functions: no clock, no time zones. */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date: 2024-02-29 yes, 2021-02-30 no. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function parts(d: IsoDate): [number, number, number] {
  const m = ISO.exec(d);
  if (!m) throw new RangeError(`not an ISO date: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Completed years between a birth date and a date (the age on that date). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Add years, months and days; a day past the end of the month is clamped (29 Feb + 1 year = 28 Feb). */
export function addPeriod(date: IsoDate, p: { years?: number; months?: number; days?: number }): IsoDate {
  const [y0, m0, d0] = parts(date);
  const totalMonths = (y0 * 12 + (m0 - 1)) + (p.years ?? 0) * 12 + (p.months ?? 0);
  const y = Math.floor(totalMonths / 12);
  const m = (totalMonths % 12) + 1;
  const d = Math.min(d0, daysInMonth(y, m));
  const t = Date.UTC(y, m - 1, d) + (p.days ?? 0) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
