/**
 * The atomic conditions a provision is built from. Each atom reads one fact (as json-rules-engine hands
 * it over) and a JSON value from the compiled rule, and answers T, F or U. The same functions serve the
 * json-rules-engine operators (run twice: unknown read as false, then as true) and the fast path.
 */
import { addPeriod } from '../law/dates.js';
import { NEXUS, type Nexus, nexusRank } from '../vocabulary.js';
import { offenceDateWindow, type DateWindowRule } from './date-window.js';
import type { AgeSpan, OffenceWhen } from './facts.js';
import { and3, bool3, not3, or3, type TV } from './kleene.js';

export interface MeansFacts {
  age: AgeSpan;
  means: string[] | null;
  coerciveControl: string[] | null;
}
export interface MeansRule {
  adults: 'required' | 'not-required';
  children: 'required' | 'not-required';
  /** Means that count; null = every means. */
  accepted: string[] | null;
  /** Coercive-control elements count as means (the jurisdiction's definition recognises them). */
  coerciveControlCounts: boolean;
}
export interface TimeFacts {
  asOf: string;
  offence: string | null;
  offenceWhen: OffenceWhen;
  conviction: string | null;
  traffickingEnd: string | 'ongoing' | null;
}
export interface TimeRule {
  from: 'offence' | 'conviction' | 'trafficking-end' | 'in-force';
  /** When the provision came into force; null when the law file does not say (a deadline from it is then unknown). */
  inForce: string | null;
  years: number;
  months: number;
  days: number;
}
export interface EntryFacts {
  category: string;
  code: string | null;
  offenceWhen: OffenceWhen;
  asOf: string;
}
/** What the joint check on an unknown offence date reads. */
export interface WindowFacts {
  when: OffenceWhen;
  birth: string | null;
  asOf: string;
  means: string[] | null;
  coerciveControl: string[] | null;
}
/** A limb met by its own test, or presumed from the kind of identification (as plain JSON). */
export interface PresumedRule {
  atom: AtomKind;
  /** The fact the limb's own test reads (not `fact`: json-rules-engine reads a value's `fact` as a reference to another fact). */
  reads: string;
  value: unknown;
  identification: string[];
  cite: string;
  rebuttableBy: string;
}
export interface PresumptionFacts {
  nexus: unknown;
  victim: unknown;
  meansFacts: unknown;
  identification: string | null;
}

/** A compiled exception entry, as plain JSON. */
export interface EntryRule {
  category: string | null;
  codes: string[];
  coversCategory: boolean;
  ambiguousCodes: string[];
  /** For rule-based entries: the penalty threshold, the carve-outs and the offence table's penalties. */
  minPenalty: number | 'life' | null;
  exceptCodes: string[];
  penalties: Record<string, number | 'life'>;
  /** The dates the entry is in force (added or removed by amendment), read at the provision's date basis. */
  inForce: { from?: string; to?: string } | null;
  dateBasis: 'offence' | 'as-of';
}

export const atoms = {
  /** A condition every possible answer meets (a list naming the whole vocabulary): met even when the fact is unknown. */
  always(): TV {
    return 'T';
  },
  /** The fact is one of the listed values. */
  in(fact: unknown, value: unknown): TV {
    if (fact === null || fact === undefined) return 'U';
    return (value as unknown[]).includes(fact) ? 'T' : 'F';
  },
  /** A date (or every date it can be, for an offence whose date is unknown) falls in [from, to). */
  dateInRange(fact: unknown, value: unknown): TV {
    const r = value as { from?: string; to?: string };
    if (typeof fact === 'string') return (r.from !== undefined && fact < r.from) || (r.to !== undefined && fact >= r.to) ? 'F' : 'T';
    if (!fact || typeof fact !== 'object') return 'U';
    const { earliest, latest } = fact as OffenceWhen;
    if (r.from !== undefined && latest < r.from) return 'F';
    if (r.to !== undefined && earliest !== null && earliest >= r.to) return 'F';
    const afterFrom = r.from === undefined || (earliest !== null && earliest >= r.from);
    const beforeTo = r.to === undefined || latest < r.to;
    return afterFrom && beforeTo ? 'T' : 'U';
  },
  /** The age at the offence (or every age it can have been) is in [min, max). */
  ageInBand(fact: unknown, value: unknown): TV {
    const span = fact as AgeSpan | null;
    if (!span || span.min === null || span.max === null) return 'U';
    const b = value as { min?: number; max?: number };
    if ((b.min !== undefined && span.max < b.min) || (b.max !== undefined && span.min >= b.max)) return 'F';
    if ((b.min === undefined || span.min >= b.min) && (b.max === undefined || span.max < b.max)) return 'T';
    return 'U';
  },
  isTrue(fact: unknown): TV {
    return bool3(fact as boolean | null);
  },
  intersects(fact: unknown, value: unknown): TV {
    if (!Array.isArray(fact)) return 'U';
    return fact.some((f) => (value as unknown[]).includes(f)) ? 'T' : 'F';
  },
  nexusAtLeast(fact: unknown, value: unknown): TV {
    if (typeof fact !== 'string' || !(NEXUS as readonly string[]).includes(fact)) return 'U';
    return nexusRank(fact as Nexus) >= nexusRank(value as Nexus) ? 'T' : 'F';
  },
  /** answers[question] === expected; an unanswered question is unknown. */
  answerIs(fact: unknown, value: unknown): TV {
    const { question, expected } = value as { question: string; expected: boolean };
    const answers = (fact ?? {}) as Record<string, boolean | undefined>;
    const a = Object.prototype.hasOwnProperty.call(answers, question) ? answers[question] : undefined;
    if (a === undefined) return 'U';
    return a === expected ? 'T' : 'F';
  },
  /** Means are not needed (a child, where the law asks none of children), or a counting means is present. */
  meansSatisfied(fact: unknown, value: unknown): TV {
    const f = fact as MeansFacts;
    const r = value as MeansRule;
    const child = atoms.ageInBand(f.age, { max: 18 });
    const need: TV = r.adults === r.children ? bool3(r.adults === 'required') : child === 'U' ? 'U' : bool3((child === 'T' ? r.children : r.adults) === 'required');
    return or3([not3(need), meansPresent(f, r)]);
  },
  /** The application is within the time limit on the evaluation date. */
  withinTimeLimit(fact: unknown, value: unknown): TV {
    const f = fact as TimeFacts;
    const r = value as TimeRule;
    const deadline = deadlineOf(f, r);
    if (deadline === null) {
      // An offence of unknown date: out of time even from its latest possible date, or in time even from its earliest.
      if (r.from !== 'offence') return 'U';
      if (f.asOf > addPeriod(f.offenceWhen.latest, r)) return 'F';
      return f.offenceWhen.earliest !== null && f.asOf <= addPeriod(f.offenceWhen.earliest, r) ? 'T' : 'U';
    }
    if (deadline === 'running-not-started') return 'T';
    return f.asOf <= deadline ? 'T' : 'F';
  },
  /** Some offence date meets every date limb at once (always met when the date is known: the limbs decide). */
  offenceDateWindow(fact: unknown, value: unknown): TV {
    const f = fact as WindowFacts;
    const r = value as DateWindowRule;
    if (f.when.latestBy === 'offence') return 'T';
    const meansShown = r.means ? meansPresent({ age: { min: null, max: null }, means: f.means, coerciveControl: f.coerciveControl }, r.means) : 'U';
    return offenceDateWindow({ when: f.when, birth: f.birth, asOf: f.asOf, meansShown }, r) ? 'T' : 'F';
  },
  /** A question that may rebut a presumption: answered "no", the presumption stands; "yes" leaves it to the discretion; unanswered, unknown. */
  notRebutted(fact: unknown, value: unknown): TV {
    const { question } = value as { question: string };
    const answers = (fact ?? {}) as Record<string, boolean | undefined>;
    return Object.prototype.hasOwnProperty.call(answers, question) && answers[question] === false ? 'T' : 'U';
  },
  /** The limb's own test, or the presumption: the identification is one that raises it. */
  presumedOr(fact: unknown, value: unknown): TV {
    const f = fact as PresumptionFacts;
    const r = value as PresumedRule;
    const own = (atoms[r.atom] as (a: unknown, b: unknown) => TV)((f as unknown as Record<string, unknown>)[r.reads], r.value);
    return or3([own, presumptionRaised(f, r)]);
  },
  /** The offence matches one of several entries (a list of the offences a provision covers). */
  anyEntryMatches(fact: unknown, value: unknown): TV {
    return or3((value as EntryRule[]).map((e) => entryMatch(fact as EntryFacts, e).tv));
  },
  /** The offence matches an exception entry. */
  entryMatches(fact: unknown, value: unknown): TV {
    return entryMatch(fact as EntryFacts, value as EntryRule).tv;
  },
};
export type AtomKind = keyof typeof atoms;

/** Whether the facts raise the presumption: the identification is of a kind that does. */
export function presumptionRaised(f: PresumptionFacts, r: PresumedRule): TV {
  return f.identification === null ? 'U' : bool3(r.identification.includes(f.identification));
}

export function meansPresent(f: MeansFacts, r: MeansRule): TV {
  const accepted = r.accepted;
  const byMeans: TV = f.means === null ? 'U' : bool3(f.means.some((m) => accepted === null || accepted.includes(m)));
  const byControl: TV = !r.coerciveControlCounts ? 'F' : f.coerciveControl === null ? 'U' : bool3(f.coerciveControl.length > 0);
  return or3([byMeans, byControl]);
}

/** The last day to apply; `running-not-started` while the trafficking is ongoing; null when unknown. */
export function deadlineOf(f: TimeFacts, r: TimeRule): string | 'running-not-started' | null {
  const start =
    r.from === 'offence' ? f.offence : r.from === 'conviction' ? f.conviction : r.from === 'in-force' ? r.inForce : f.traffickingEnd;
  if (start === null) return null;
  if (start === 'ongoing') return 'running-not-started';
  return addPeriod(start, { years: r.years, months: r.months, days: r.days });
}

export type EntryMatchWhy = 'code' | 'category' | 'ambiguous-code' | 'code-unknown' | 'penalty' | 'penalty-unknown' | 'carve-out' | 'not-in-force' | 'date-unknown' | 'none';

export function entryMatch(f: EntryFacts, e: EntryRule): { tv: TV; why: EntryMatchWhy } {
  const m = entryMatchUndated(f, e);
  if (m.tv === 'F' || e.inForce === null) return m;
  const inForce = atoms.dateInRange(e.dateBasis === 'offence' ? f.offenceWhen : f.asOf, e.inForce);
  if (inForce === 'F') return { tv: 'F', why: 'not-in-force' };
  return inForce === 'U' ? { tv: 'U', why: m.tv === 'T' ? 'date-unknown' : m.why } : m;
}

function entryMatchUndated(f: EntryFacts, e: EntryRule): { tv: TV; why: EntryMatchWhy } {
  if (e.minPenalty !== null) {
    if (f.code === null) return { tv: 'U', why: 'code-unknown' };
    if (e.exceptCodes.includes(f.code)) return { tv: 'F', why: 'carve-out' };
    const p = Object.prototype.hasOwnProperty.call(e.penalties, f.code) ? e.penalties[f.code] : undefined;
    if (p === undefined) return { tv: 'U', why: 'penalty-unknown' };
    const reaches = p === 'life' || (e.minPenalty !== 'life' && p >= e.minPenalty);
    return reaches ? { tv: 'T', why: 'penalty' } : { tv: 'F', why: 'none' };
  }
  if (f.code !== null && e.codes.includes(f.code)) return { tv: 'T', why: 'code' };
  if (e.category !== null && e.category === f.category) {
    if (e.coversCategory) return { tv: 'T', why: 'category' };
    if (f.code === null) return { tv: 'U', why: 'code-unknown' };
  }
  if (f.code !== null && e.ambiguousCodes.includes(f.code)) return { tv: 'U', why: 'ambiguous-code' };
  return { tv: 'F', why: 'none' };
}

