/**
 * Which offences a law's exception lists exclude, counted by offence category. With an `offences`
 * table, each entry is read against it (codes, finer codes, the maximum-penalty rule, whole
 * categories) and the excluded rows are counted; an entry that names no row of the table counts once
 * under its own category. Without a table, each entry counts once. Ancillary entries (attempts,
 * conspiracies… of the listed offences) add no offence of their own and are not counted.
 */
import type { ExceptionEntry, JurisdictionFile, OffenceRow } from '../schema/jurisdiction.js';
import type { Trace, TracedLaw } from './trace.js';

export interface ExcludedItem {
  /** Table row code, or the entry id when the entry names no row. */
  id: string;
  label: string;
  category: string;
  /** The exception entry that excludes it. */
  entry: string;
  trace: Trace;
}

export interface Exclusions {
  /** Whether the law has an offences table to read the entries against. */
  table: boolean;
  total: number;
  byCategory: Record<string, number>;
  items: ExcludedItem[];
  /** Exception lists some provision uses, with the provisions that use them. */
  lists: { id: string; provisions: string[]; trace: Trace }[];
}

const UNCATEGORISED = 'uncategorised';

function codeMatches(row: string, code: string): boolean {
  return row === code || row.startsWith(`${code}-`);
}

/** Rows of the table an entry excludes. */
export function rowsOf(e: ExceptionEntry, rows: readonly OffenceRow[]): OffenceRow[] {
  return rows.filter((r) => {
    if (e.codes?.some((c) => codeMatches(r.code, c))) return true;
    if (e.covers_category && e.category && r.category === e.category) return true;
    if (e.rule) {
      if (e.except_codes?.some((c) => codeMatches(r.code, c))) return false;
      const min = e.rule.max_penalty_years_at_least;
      const max = r.max_penalty_years;
      if (max === undefined) return false;
      return max === 'life' || (min !== 'life' && max >= min);
    }
    return false;
  });
}

export function exclusions(law: TracedLaw): Exclusions {
  const j: JurisdictionFile = law.file;
  const used = new Map<string, string[]>();
  for (const p of law.provisions) for (const l of p.exceptions ?? []) used.set(l, [...(used.get(l) ?? []), p.id]);
  const rows = j.offences ?? [];
  const items = new Map<string, ExcludedItem>();
  const lists: Exclusions['lists'] = [];
  (j.exception_lists ?? []).forEach((list, li) => {
    const provisions = used.get(list.id);
    if (!provisions) return;
    lists.push({ id: list.id, provisions, trace: law.at(['exception_lists', li]) });
    list.entries.forEach((e, ei) => {
      if (e.ancillary && !e.codes?.length && !e.category && !e.rule) return;
      const trace = law.at(['exception_lists', li, 'entries', ei]);
      const hits = rows.length ? rowsOf(e, rows) : [];
      if (hits.length) {
        for (const r of hits) if (!items.has(`row:${r.code}`)) items.set(`row:${r.code}`, { id: r.code, label: r.label, category: r.category, entry: e.id, trace });
      } else if (!items.has(`entry:${e.id}`)) items.set(`entry:${e.id}`, { id: e.id, label: e.label, category: e.category ?? UNCATEGORISED, entry: e.id, trace });
    });
  });
  const all = [...items.values()];
  const byCategory: Record<string, number> = {};
  for (const x of all) byCategory[x.category] = (byCategory[x.category] ?? 0) + 1;
  return { table: rows.length > 0, total: all.length, byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => (a < b ? -1 : 1))), items: all, lists };
}
