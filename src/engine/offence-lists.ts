/**
 * Looking an offence up in a provision's exception lists instead of reading every entry. An entry can
 * match only through a code it names (listed or ambiguous), its category, or a penalty rule; every other
 * entry is a plain "no" (atoms.entryMatch answers F, why `none`). The index finds the few entries that can
 * answer anything else, so a list of hundreds of entries costs a handful of look-ups per offence.
 * The answers are those of entryMatch, entry by entry: the index only skips entries that cannot match.
 */
import { entryMatch, type EntryFacts, type EntryMatchWhy, type EntryRule } from './atoms.js';
import type { TV } from './kleene.js';

export interface OffenceListIndex {
  /** Entries naming the code, as listed or as listed only in part. */
  byCode: ReadonlyMap<string, readonly number[]>;
  /** Entries of the category. */
  byCategory: ReadonlyMap<string, readonly number[]>;
  /** Entries by penalty threshold: they read the offence table, whatever the code. */
  always: readonly number[];
}

/** An entry that matches, or may: its position in the provision's entries, and why. */
export interface EntryHit {
  index: number;
  tv: Exclude<TV, 'F'>;
  why: EntryMatchWhy;
}

export function indexEntries(rules: readonly EntryRule[]): OffenceListIndex {
  const byCode = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const always: number[] = [];
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const xs = m.get(k);
    if (!xs) m.set(k, [i]);
    else if (xs.at(-1) !== i) xs.push(i);
  };
  rules.forEach((r, i) => {
    if (r.minPenalty !== null) return void always.push(i);
    for (const c of r.codes) push(byCode, c, i);
    for (const c of r.ambiguousCodes) push(byCode, c, i);
    if (r.category !== null) push(byCategory, r.category, i);
  });
  return { byCode, byCategory, always };
}

/** The entries the offence matches or may match, in the order of the lists (an empty list: it matches none). */
export function entryHits(index: OffenceListIndex, rules: readonly EntryRule[], f: EntryFacts): EntryHit[] {
  const byCode = f.code === null ? undefined : index.byCode.get(f.code);
  const byCategory = index.byCategory.get(f.category);
  const always = index.always;
  // Most offences meet one source or none: only a mix needs merging.
  const at: readonly number[] =
    !byCode && !byCategory ? always
    : !byCategory && !always.length ? byCode!
    : !byCode && !always.length ? byCategory!
    : [...new Set([...always, ...(byCode ?? []), ...(byCategory ?? [])])].sort((a, b) => a - b);
  const hits: EntryHit[] = [];
  for (const i of at) {
    const m = entryMatch(f, rules[i]!);
    if (m.tv !== 'F') hits.push({ index: i, tv: m.tv, why: m.why });
  }
  return hits;
}
