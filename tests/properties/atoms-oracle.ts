/**
 * A brute-force oracle for the atoms, written from the law's vocabulary and DESIGN.md's semantics, not from
 * src/engine/atoms.ts: for a fact with unknowns, enumerate every completion it can have (dates day by day
 * between their bounds, ages year by year, every value of the vocabulary, true and false, the subsets of
 * means that matter), decide each completion two-valued, and answer T when every completion is true, F when
 * every one is false, U otherwise. Where the law itself leaves a known fact open (a statute code the list
 * marks ambiguous, a code without a penalty in the table), that completion is U.
 *
 * Both engines share the atoms, so only a third computation can show an atom bug.
 */
import { DISPOSITIONS, FORMS, IDENTIFICATIONS } from '../../src/vocabulary.js';

export type TV = 'T' | 'F' | 'U';
type Two = boolean | 'open';

/** Fold the two-valued answers of every completion. */
export function verdict(answers: Iterable<Two>): TV {
  let t = false;
  let f = false;
  for (const a of answers) {
    if (a === 'open') return 'U';
    if (a) t = true;
    else f = true;
    if (t && f) return 'U';
  }
  return t && !f ? 'T' : f && !t ? 'F' : 'U';
}

// Calendar days, written here independently of src/law/dates.ts.
const DAY = 86_400_000;
export const dayNo = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
export const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** Every day from a to b inclusive. */
export function* days(a: string, b: string): Generator<string> {
  for (let n = dayNo(a); n <= dayNo(b); n++) yield isoOf(n);
}
/** The same calendar day years and months later (the last day of the month if that month is shorter), then days more. */
export function later(iso: string, p: { years: number; months: number; days: number }): string {
  const y = +iso.slice(0, 4);
  const m = +iso.slice(5, 7) - 1 + p.years * 12 + p.months;
  const first = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const d = Math.min(+iso.slice(8, 10), lastDay);
  return isoOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), d) / DAY + p.days);
}

/**
 * The world the generated facts live in: unknown dates range over [FLOOR, asOf]. FLOOR is more than any
 * generated time limit before every generated date, so that "any earlier date" behaves as it would without a floor.
 */
export const FLOOR = '2012-01-01';
export const AS_OF = '2022-06-30';

/** DESIGN.md's nexus ladder, weakest first. */
const LADDER = ['none', 'connected', 'result-of', 'direct-consequence', 'compelled'];

export interface When {
  earliest: string | null;
  latest: string;
  latestBy: 'offence' | 'conviction' | 'as-of';
}
const datesOf = (w: When) => days(w.earliest ?? FLOOR, w.latest);

export const oracle = {
  /** A value of the vocabulary: unknown ranges over the whole vocabulary. */
  in(fact: string | null, list: string[], vocabulary: readonly string[]): TV {
    return verdict((fact === null ? vocabulary : [fact]).map((v) => list.includes(v)));
  },
  /** A known date, or every date an offence of unknown date can have, in [from, to). */
  dateInRange(fact: string | When, r: { from?: string; to?: string }): TV {
    const inside = (d: string) => (r.from === undefined || d >= r.from) && (r.to === undefined || d < r.to);
    return verdict(typeof fact === 'string' ? [inside(fact)] : [...datesOf(fact)].map(inside));
  },
  /** Every age the person can have been (unknown: any age from 0 to 120) in [min, max). */
  ageInBand(span: { min: number | null; max: number | null }, band: { min?: number; max?: number }): TV {
    const [lo, hi] = span.min === null || span.max === null ? [0, 120] : [span.min, span.max];
    const out: boolean[] = [];
    for (let a = lo; a <= hi; a++) out.push((band.min === undefined || a >= band.min) && (band.max === undefined || a < band.max));
    return verdict(out);
  },
  isTrue(fact: boolean | null): TV {
    return verdict(fact === null ? [true, false] : [fact]);
  },
  /** Forms of exploitation: unknown ranges over every subset of the vocabulary (the empty one and each single form decide). */
  intersects(fact: string[] | null, list: string[]): TV {
    const completions = fact === null ? [[], ...FORMS.map((f) => [f])] : [fact];
    return verdict(completions.map((c) => c.some((x) => list.includes(x))));
  },
  nexusAtLeast(fact: string | null, required: string): TV {
    return verdict((fact === null ? LADDER : [fact]).map((n) => LADDER.indexOf(n) >= LADDER.indexOf(required)));
  },
  answerIs(answers: Record<string, boolean>, q: { question: string; expected: boolean }): TV {
    const a = Object.prototype.hasOwnProperty.call(answers, q.question) ? answers[q.question]! : null;
    return verdict((a === null ? [true, false] : [a]).map((x) => x === q.expected));
  },
  /**
   * Means are needed of an adult (18 or over) or of a child as the law says; a means counts if the law's list
   * accepts it (no list: every means), or any coercive-control element where the law's definition recognises them.
   */
  meansSatisfied(
    f: { age: { min: number | null; max: number | null }; means: string[] | null; coerciveControl: string[] | null },
    r: { adults: string; children: string; accepted: string[] | null; coerciveControlCounts: boolean },
    allMeans: readonly string[],
    allControl: readonly string[],
  ): TV {
    const [lo, hi] = f.age.min === null || f.age.max === null ? [0, 120] : [f.age.min, f.age.max];
    const meansSets = f.means === null ? [[], ...allMeans.map((m) => [m])] : [f.means];
    const controlSets = f.coerciveControl === null ? [[], ...allControl.map((m) => [m])] : [f.coerciveControl];
    const out: boolean[] = [];
    for (let age = lo; age <= hi; age++)
      for (const means of meansSets)
        for (const cc of controlSets) {
          const needed = (age < 18 ? r.children : r.adults) === 'required';
          const shown = means.some((m) => r.accepted === null || r.accepted.includes(m)) || (r.coerciveControlCounts && cc.length > 0);
          out.push(!needed || shown);
        }
    return verdict(out);
  },
  /** On the date of evaluation, the last day to apply (start + the period) has not passed. */
  withinTimeLimit(
    f: { asOf: string; offence: string | null; offenceWhen: When; conviction: string | null; traffickingEnd: string | 'ongoing' | null },
    r: { from: string; inForce: string; years: number; months: number; days: number },
  ): TV {
    const starts: (string | 'ongoing')[] =
      r.from === 'in-force'
        ? [r.inForce]
        : r.from === 'offence'
          ? f.offence !== null ? [f.offence] : [...datesOf(f.offenceWhen)]
          : r.from === 'conviction'
            ? f.conviction !== null ? [f.conviction] : [...days(FLOOR, f.asOf)]
            : f.traffickingEnd !== null ? [f.traffickingEnd] : ['ongoing', ...days(FLOOR, f.asOf)];
    // While the trafficking goes on, the time has not started to run.
    return verdict(starts.map((s) => s === 'ongoing' || f.asOf <= later(s, r)));
  },
  /**
   * An exception entry: a listed code, a whole category, or a penalty threshold over the offence table
   * (with carve-outs), in force at the provision's date basis. Unknown code: every code of the offence's
   * kind the entry names, and one it does not; unknown offence date: every date it can have.
   */
  entryMatches(
    f: { category: string; code: string | null; offenceWhen: When; asOf: string },
    e: {
      category: string | null;
      codes: string[];
      coversCategory: boolean;
      ambiguousCodes: string[];
      minPenalty: number | 'life' | null;
      exceptCodes: string[];
      penalties: Record<string, number | 'life'>;
      inForce: { from?: string; to?: string } | null;
      dateBasis: 'offence' | 'as-of';
    },
  ): TV {
    const listed = (code: string): Two => {
      if (e.minPenalty !== null) {
        if (e.exceptCodes.includes(code)) return false;
        if (!Object.prototype.hasOwnProperty.call(e.penalties, code)) return 'open'; // the table does not say
        const p = e.penalties[code]!;
        return p === 'life' || (e.minPenalty !== 'life' && p >= e.minPenalty);
      }
      if (e.codes.includes(code)) return true;
      if (e.category !== null && e.category === f.category && e.coversCategory) return true;
      if (e.ambiguousCodes.includes(code)) return 'open'; // the list names it but its reach is unsettled
      return false;
    };
    // An entry's codes are offences of the entry's category: an offence known only as another kind (or an
    // entry that names no kind) cannot be one of them. A penalty rule reaches every code of the table.
    const possible = [...(e.category !== null && e.category === f.category ? [...e.codes, ...e.ambiguousCodes] : []), ...(e.minPenalty !== null ? [...e.exceptCodes, ...Object.keys(e.penalties)] : []), 'zz-unlisted'];
    const codes = f.code !== null ? [f.code] : [...new Set(possible)];
    const dates = e.inForce === null ? [null] : e.dateBasis === 'as-of' ? [f.asOf] : [...datesOf(f.offenceWhen)];
    const inForce = (d: string | null) => d === null || ((e.inForce!.from === undefined || d >= e.inForce!.from) && (e.inForce!.to === undefined || d < e.inForce!.to));
    const out: Two[] = [];
    for (const c of codes) {
      const l = listed(c);
      for (const d of dates) out.push(!inForce(d) ? false : l);
    }
    return verdict(out);
  },
};

export const VOCABULARIES = { disposition: DISPOSITIONS, identification: IDENTIFICATIONS } as const;
