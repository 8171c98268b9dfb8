/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Pure functions: no clock, no time zones, no `Date` (whose
 * two-digit years and six-digit ISO output once broke the arithmetic at both ends of the calendar).
 *
 * The dates accepted from any file or from `--as-of` lie in [MIN_DATE, MAX_DATE]. Every date the engine
 * derives from them — one day on, an age of at most 120 years, a time limit of at most 100 years + 1,200
 * months + 36,500 days — stays within the years 0001–9999, where an ISO date is always ten characters and
 * dates compare correctly as text. Outside those years the arithmetic throws rather than write a date
 * that would compare wrongly.
 */

export type IsoDate = string;

/** The first and last dates accepted in a case or law file, and by --as-of. */
export const MIN_DATE: IsoDate = '1800-01-01';
export const MAX_DATE: IsoDate = '9499-12-31';

/** True for a real calendar date within the accepted range. */
export function isAcceptedDate(s: string): boolean {
  return isIsoDate(s) && s >= MIN_DATE && s <= MAX_DATE;
}

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

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const [y0, m, d] = parts(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (the inverse of dayNumber); throws outside the years 0001–9999. */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function format(y: number, m: number, d: number): IsoDate {
  if (!Number.isInteger(y) || y < 1 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day after a date. */
export function nextDay(date: IsoDate): IsoDate {
  return fromDayNumber(dayNumber(date) + 1);
}

/** Add years, months and days; a day past the end of the month is clamped (29 Feb + 1 year = 28 Feb). */
export function addPeriod(date: IsoDate, p: { years?: number; months?: number; days?: number }): IsoDate {
  const [y0, m0, d0] = parts(date);
  const totalMonths = y0 * 12 + (m0 - 1) + (p.years ?? 0) * 12 + (p.months ?? 0);
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths - y * 12 + 1;
  const clamped = format(y, m, Math.min(d0, daysInMonth(y, m)));
  return p.days ? fromDayNumber(dayNumber(clamped) + p.days) : clamped;
}

export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
