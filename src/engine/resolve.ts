/**
 * Resolving an offence against a law's own offence table, before any provision is checked:
 *   1. a `code` the table has: that row;
 *   2. a code that stops short of what the law needs (mda-1971-s5-2 where the class of drug decides):
 *      the rows that extend it (mda-1971-s5-2-class-a, …);
 *   3. else a `statute` text that matches rows' statutes or aliases, whatever the punctuation, case,
 *      "s."/"section"/"§", brackets and the order of act and section;
 *   4. else the rows of the offence's category in force on the offence date (every date it can be);
 *   5. a code or statute the table does not know: no candidates, evaluated from the exception lists as
 *      before, with a warning that names the nearest codes the table knows.
 * The result is plain data; the evaluator runs every check once per candidate row. No I/O.
 */
import type { OffenceFacts } from '../schema/case.js';
import type { JurisdictionFile, OffenceRow } from '../schema/jurisdiction.js';
import type { OffenceWhen } from './facts.js';
import { ANCILLARY_SUFFIXES } from './provisions.js';
import { editDistance } from '../law/edit-distance.js';
import { BoundedMemo } from './memo.js';

export type ResolvedBy = 'code' | 'statute' | 'category' | 'none';

export interface Resolution {
  by: ResolvedBy;
  /** The candidate rows: one when the offence is known exactly, several when only its kind is. */
  rows: OffenceRow[];
  /** The code each candidate is evaluated under (a row's code; for an attempt of a listed offence, the code given). */
  codes: string[];
  /** For `statute`: the words that were matched. */
  statute?: string;
  /** For a code that stops short of the rows that extend it (read as a category over them): that code. */
  stem?: string;
  /** Said to the user beside the result: a code or statute the table does not know, a category that differs from the row's. */
  warnings: string[];
}

/** The table, indexed once per law: by code and by normalised statute text. */
export interface OffenceIndex {
  rows: readonly OffenceRow[];
  /** Every row's code, in table order (for the nearest codes to an unknown one). */
  codes: readonly string[];
  byCode: Map<string, OffenceRow>;
  byCategory: Map<string, OffenceRow[]>;
  /** The rows by normalised statute text, and by section; built on the first offence given by its statute. */
  statutes(): StatuteIndex;
}
export interface StatuteIndex {
  byStatute: Map<string, OffenceRow[]>;
  /** By section (the part after "|" of a normalised statute): the act words and the rows. */
  bySection: Map<string, [string, OffenceRow[]][]>;
}

export function indexOffences(j: JurisdictionFile): OffenceIndex {
  const rows = j.offences ?? [];
  const byCode = new Map<string, OffenceRow>();
  const byCategory = new Map<string, OffenceRow[]>();
  for (const r of rows) {
    byCode.set(r.code, r);
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  }
  let statutes: StatuteIndex | undefined;
  return { rows, codes: rows.map((r) => r.code), byCode, byCategory, statutes: () => (statutes ??= indexStatutes(rows)) };
}

function indexStatutes(rows: readonly OffenceRow[]): StatuteIndex {
  const byStatute = new Map<string, OffenceRow[]>();
  for (const r of rows)
    for (const s of statuteTexts(r)) {
      const key = normaliseStatute(s);
      if (!key) continue;
      const hit = byStatute.get(key) ?? [];
      if (!hit.includes(r)) hit.push(r);
      byStatute.set(key, hit);
    }
  const bySection = new Map<string, [string, OffenceRow[]][]>();
  for (const [key, hit] of byStatute) {
    const [act, section] = key.split('|') as [string, string];
    if (section === undefined || !section.trim()) continue;
    bySection.set(section, [...(bySection.get(section) ?? []), [act, hit]]);
  }
  return { byStatute, bySection };
}

/** Every way a row's statute is written: its citation as given and its aliases. */
export function statuteTexts(r: OffenceRow): string[] {
  return [...(r.statute ? [r.statute] : []), ...(r.aliases ?? [])];
}

const SECTION_WORDS = new Set(['s', 'ss', 'sec', 'sect', 'section', 'sections', '§', '§§', 'art', 'arts', 'article', 'articles', 'para', 'paras', 'paragraph', 'reg', 'regulation', 'r', 'rule']);
const MARKER: Record<string, string> = { art: 'art', arts: 'art', article: 'art', articles: 'art', para: 'para', paras: 'para', paragraph: 'para', reg: 'reg', regulation: 'reg', r: 'reg', rule: 'reg' };
const SYNONYMS: Record<string, string[]> = { ni: ['northern', 'ireland'] };
const STOP_WORDS = new Set(['of', 'the', 'and', 'under', 'contrary', 'to']);
/** "s1" and "art310" are a section marker and a number written together. */
function splitMarker(t: string): string[] {
  const m = /^(s|ss|sec|art)(\d[a-z0-9]*)$/.exec(t);
  return m ? [m[1]!, m[2]!] : [t];
}

/**
 * A statute citation reduced to what identifies it: the words of the act (in their order) and the
 * section (in its order), joined so that "Theft Act (NI) 1969 s.1", "s 1 Theft Act (Northern Ireland)
 * 1969" and "THEFT ACT (NI) 1969, SECTION 1" give the same key. Returns '' for text with no words.
 */
export function normaliseStatute(text: string): string {
  // A caseload cites the same few hundred statutes again and again: each is reduced once (a bounded memo).
  const hit = normalised.get(text);
  if (hit !== undefined) return hit;
  const key = normaliseStatuteOnce(text);
  normalised.set(text, key);
  return key;
}
const normalised = new BoundedMemo<string, string>(4096);

function normaliseStatuteOnce(text: string): string {
  const raw = text
    .toLowerCase()
    .replace(/§/g, ' § ')
    .replace(/[^a-z0-9§]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t && !STOP_WORDS.has(t))
    .flatMap((t) => SYNONYMS[t] ?? splitMarker(t));
  const act: string[] = [];
  const section: string[] = [];
  let inSection = false;
  let marker = 's';
  for (const t of raw) {
    if (SECTION_WORDS.has(t)) {
      inSection = true;
      marker = MARKER[t] ?? 's';
      continue;
    }
    // A section is numbers and short letter-number parts (1, 2a, iii, b); a longer word ends it.
    if (inSection && (/^\d/.test(t) || t.length <= 4)) section.push(t);
    else {
      inSection = false;
      act.push(t);
    }
  }
  // "Section 1" and "s 1" alike; a section with no act (a bare "s 1") still compares by its act words: none.
  if (!act.length && !section.length) return '';
  return `${act.join(' ')}|${section.length ? marker : ''} ${section.join(' ')}`.trim();
}

/**
 * Statute text that names the same section of the same act with more or fewer leading words
 * ("Penal Law § 240.37" and "N.Y. Penal Law § 240.37"): the act words of one end the other's, at least
 * two words in common. Every row that fits is a candidate.
 */
function bySuffix(idx: OffenceIndex, key: string): OffenceRow[] {
  const [act, section] = key.split('|') as [string, string];
  const words = act.split(' ').filter(Boolean);
  const out: OffenceRow[] = [];
  for (const [k, rows] of idx.statutes().bySection.get(section) ?? []) {
    const other = k.split(' ').filter(Boolean);
    const [short, long] = words.length <= other.length ? [words, other] : [other, words];
    if (short.length < 2) continue;
    if (short.every((w, i) => long[long.length - short.length + i] === w)) for (const r of rows) if (!out.includes(r)) out.push(r);
  }
  return out;
}

/** Does a row's period of existence include (or, for an unknown date, overlap) the offence date? */
function inForceOn(r: OffenceRow, when: OffenceWhen): boolean {
  const f = r.in_force;
  if (!f) return true;
  if (f.from !== undefined && when.latest < f.from) return false;
  if (f.to !== undefined && when.earliest !== null && when.earliest >= f.to) return false;
  return true;
}

export function resolveOffence(o: OffenceFacts, idx: OffenceIndex, when: OffenceWhen): Resolution {
  if (!idx.rows.length) return { by: 'none', rows: [], codes: [], warnings: [] };
  const warnings: string[] = [];
  const categoryWarning = (rows: OffenceRow[]) => {
    const other = [...new Set(rows.filter((r) => r.category !== o.category).map((r) => r.category))];
    if (other.length) warnings.push(`the case gives the category "${o.category}"; this law's table files ${rows.length === 1 ? 'this offence' : 'these offences'} under ${other.map((c) => `"${c}"`).join(', ')}`);
  };
  if (o.code !== undefined) {
    const row = idx.byCode.get(o.code);
    if (row) {
      categoryWarning([row]);
      return { by: 'code', rows: [row], codes: [row.code], warnings };
    }
    // A code that stops short of what the law needs: read as a category over the rows that extend it.
    const finer = idx.rows.filter((r) => r.code.startsWith(`${o.code}-`) && inForceOn(r, when));
    if (finer.length) {
      categoryWarning(finer);
      return { by: 'category', rows: finer, codes: finer.map((r) => r.code), stem: o.code, warnings };
    }
    // An attempt, conspiracy, secondary part or encouraging of an offence the table knows.
    const base = ANCILLARY_SUFFIXES.map((s) => (o.code!.endsWith(`-${s}`) ? idx.byCode.get(o.code!.slice(0, -s.length - 1)) : undefined)).find(Boolean);
    if (base) return { by: 'code', rows: [{ ...base, code: o.code }], codes: [o.code], warnings };
    const near = nearestCodes(o.code, idx.codes);
    warnings.push(`${o.code}: not in this law's offence table${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} Read as an offence that no exception entry names by code.`);
    return { by: 'none', rows: [], codes: [], warnings };
  }
  if (o.statute !== undefined) {
    const key = normaliseStatute(o.statute);
    const rows = (key && (idx.statutes().byStatute.get(key) ?? bySuffix(idx, key))) || [];
    const live = rows.filter((r) => inForceOn(r, when));
    if (live.length) {
      categoryWarning(live);
      return { by: 'statute', rows: live, codes: live.map((r) => r.code), statute: o.statute, warnings };
    }
    warnings.push(`"${o.statute}": no offence in this law's table is cited that way; give the code (see \`nonpunishment offences\`) to have it matched. Read from its category's exception entries only.`);
    return { by: 'none', rows: [], codes: [], warnings };
  }
  const rows = (idx.byCategory.get(o.category) ?? []).filter((r) => inForceOn(r, when));
  if (!rows.length) return { by: 'none', rows: [], codes: [], warnings };
  return { by: 'category', rows, codes: rows.map((r) => r.code), warnings };
}

/** Up to three codes of the table closest to a code it does not know (bounded work: codes of similar length only). */
export function nearestCodes(code: string, codes: readonly string[]): string[] {
  if (code.length > 120) return [];
  // A caseload meets the same unknown codes again and again: each is looked for once per table (a bounded memo).
  let memo = nearestMemo.get(codes);
  if (!memo) nearestMemo.set(codes, (memo = new BoundedMemo(4096)));
  const hit = memo.get(code);
  if (hit) return [...hit];
  const found = nearestCodesOf(code, codes);
  memo.set(code, found);
  return [...found];
}
const nearestMemo = new WeakMap<readonly string[], BoundedMemo<string, readonly string[]>>();

function nearestCodesOf(code: string, codes: readonly string[]): string[] {
  const scored: { c: string; d: number }[] = [];
  const atMost = Math.max(1, Math.floor(code.length / 4));
  for (const c of codes) {
    if (Math.abs(c.length - code.length) > 12) continue;
    const d = editDistance(code, c, atMost);
    if (d <= atMost) scored.push({ c, d });
  }
  // Also: codes that share the code's last part (firearms-act-1968-s5 → fa-1968-s5).
  const tail = code.split('-').slice(-2).join('-');
  for (const c of codes) if (tail.length >= 4 && c.endsWith(tail) && !scored.some((s) => s.c === c)) scored.push({ c, d: 99 });
  return scored
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.c);
}
