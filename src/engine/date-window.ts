/**
 * One unknown offence date feeds several limbs at once: the provision's dates in force, the offence dates
 * it reaches, the age band (through the birth date), whether means are needed (child or adult), and a time
 * limit running from the offence. Read one by one, each limb is merely unknown; read together, they may
 * leave no possible date at all — a child defence in force from 2015 for a person born in 1980 cannot
 * apply, whatever the date. This check intersects the dates each limb allows and fails when nothing is
 * left. It never decides more than that: with a non-empty window the individual limbs stay unknown.
 */
import { addPeriod, dayNumber, fromDayNumber, MIN_DATE, nextDay } from '../law/dates.js';
import type { MeansRule, TimeRule } from './atoms.js';
import type { OffenceWhen } from './facts.js';
import type { TV } from './kleene.js';

export interface DateWindowRule {
  inForce: { from?: string; to?: string } | null;
  offenceDates: { from?: string; to?: string } | null;
  age: { min?: number; max?: number } | null;
  means: MeansRule | null;
  /** A time limit running from the offence date. */
  timeLimit: TimeRule | null;
}
export interface DateWindowFacts {
  when: OffenceWhen;
  birth: string | null;
  asOf: string;
  /** Whether counting means are shown, whatever the age (T, F or U). */
  meansShown: TV;
}


/** The dates [lo, hi) an unknown offence date can take under every limb; null when there are none. */
export function offenceDateWindow(f: DateWindowFacts, r: DateWindowRule): { lo: string; hi: string } | null {
  let lo = f.when.earliest ?? MIN_DATE;
  let hi = nextDay(f.when.latest);
  const within = (from?: string, to?: string) => {
    if (from !== undefined && from > lo) lo = from;
    if (to !== undefined && to < hi) hi = to;
  };
  if (r.inForce) within(r.inForce.from, r.inForce.to);
  if (r.offenceDates) within(r.offenceDates.from, r.offenceDates.to);
  if (f.birth !== null) {
    // Birthdays on 29 February make "birth + n years" a day early; the bounds err on the side of a wider window.
    const birthday = (years: number) => addPeriod(f.birth!, { years });
    if (r.age?.min !== undefined) within(birthday(r.age.min), undefined);
    if (r.age?.max !== undefined) within(undefined, nextDay(birthday(r.age.max)));
    if (r.means && f.meansShown === 'F') {
      if (r.means.adults === 'required' && r.means.children === 'not-required') within(undefined, nextDay(birthday(18)));
      if (r.means.adults === 'not-required' && r.means.children === 'required') within(birthday(18), undefined);
    }
  }
  if (r.timeLimit && lo < hi) {
    // The earliest offence date from which the limit has not yet run out on the date of evaluation.
    const t = r.timeLimit;
    if (addPeriod(hi, t) < f.asOf) return null;
    let a = dayNumber(lo);
    let b = dayNumber(hi);
    const iso = fromDayNumber;
    while (a < b) {
      const mid = Math.floor((a + b) / 2);
      if (addPeriod(iso(mid), t) >= f.asOf) b = mid;
      else a = mid + 1;
    }
    lo = iso(a);
  }
  return lo < hi ? { lo, hi } : null;
}
