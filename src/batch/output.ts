/**
 * What `batch` writes, record by record, with no I/O: a compact JSON report per case (the report
 * contract, one line), or CSV rows (one per offence and jurisdiction); an error record for a bad input
 * record; and the counts for `--summary`. CSV cells never start a spreadsheet formula.
 */
import type { Problem } from '../load/problems.js';
import type { Report } from '../schema/report.js';
import { OUTCOMES, RELIEFS } from '../vocabulary.js';

export const CSV_HEADER = ['case', 'offence', 'jurisdiction', 'category', 'outcome', 'best_relief', 'provision', 'citation', 'missing', 'deadline', 'resolved_by', 'codes', 'error'] as const;

/** A CSV cell: quoted when it must be, and never read as a formula (=, +, -, @, tab, carriage return first). */
export function csvCell(v: string): string {
  let s = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(',') + '\n';

/** The relief whose outcome is the offence's outcome (the first, in the order of RELIEFS, among the best). */
function bestRelief(byRelief: Partial<Record<string, string>>, outcome: string): string {
  return RELIEFS.find((r) => byRelief[r] === outcome) ?? '';
}

export function reportLine(report: Report): string {
  return JSON.stringify(report) + '\n';
}

export function reportCsv(report: Report): string {
  let out = '';
  for (const j of report.results)
    for (const o of j.offences) {
      const relief = bestRelief(o.byRelief, o.outcome);
      const p = o.provisions.find((x) => x.relief === relief && x.outcome === o.outcome);
      out += csvLine([report.case, o.offence, j.jurisdiction, o.category, o.outcome, relief, p?.provision ?? '', p?.citation ?? '', o.missing.map((m) => m.fact).join('; '), o.deadline ?? '', o.resolved.by, o.resolved.codes.join(' '), '']);
    }
  return out;
}

/** A record that could not be evaluated: its line and its located problems, so the run can go on. */
export function errorLine(format: 'ndjson' | 'csv', line: number, caseId: string | undefined, problems: readonly Problem[]): string {
  const first = problems.slice(0, 20);
  if (format === 'csv') {
    const words = first.map((p) => `${p.file}:${p.line}:${p.col}${p.path ? ` ${p.path}` : ''} ${p.message}`).join(' | ');
    return csvLine([caseId ?? '', '', '', '', 'error', '', '', '', '', '', '', '', words]);
  }
  return JSON.stringify({ error: { line, case: caseId ?? null, problems: first, more: Math.max(0, problems.length - first.length) } }) + '\n';
}

/** Counts by jurisdiction × outcome, by best relief and by category, and the bad records. */
export interface Summary {
  cases: number;
  offences: number;
  errors: number;
  byJurisdiction: Record<string, Record<string, number>>;
  byRelief: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
}

export function emptySummary(): Summary {
  return { cases: 0, offences: 0, errors: 0, byJurisdiction: {}, byRelief: {}, byCategory: {} };
}

export function addReport(s: Summary, report: Report): void {
  s.cases++;
  for (const j of report.results)
    for (const o of j.offences) {
      s.offences++;
      const bj = (s.byJurisdiction[j.jurisdiction] ??= {});
      bj[o.outcome] = (bj[o.outcome] ?? 0) + 1;
      const relief = o.outcome === 'eligible' ? bestRelief(o.byRelief, o.outcome) : '';
      if (relief) s.byRelief[relief] = (s.byRelief[relief] ?? 0) + 1;
      const bc = (s.byCategory[o.category] ??= {});
      bc[o.outcome] = (bc[o.outcome] ?? 0) + 1;
    }
}

export function mergeSummary(into: Summary, from: Summary): void {
  into.cases += from.cases;
  into.offences += from.offences;
  into.errors += from.errors;
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  };
  for (const [j, counts] of Object.entries(from.byJurisdiction)) add((into.byJurisdiction[j] ??= {}), counts);
  add(into.byRelief, from.byRelief);
  for (const [c, counts] of Object.entries(from.byCategory)) add((into.byCategory[c] ??= {}), counts);
}

/** The summary as aligned text, for standard error. */
export function renderSummary(s: Summary): string {
  const cols = OUTCOMES as readonly string[];
  const table = (title: string, rows: Record<string, Record<string, number>>) => {
    const names = Object.keys(rows).sort();
    const w = Math.max(title.length, ...names.map((n) => n.length));
    const head = `${title.padEnd(w)}  ${cols.map((c) => c.padStart(14)).join('')}`;
    return [head, ...names.map((n) => `${n.padEnd(w)}  ${cols.map((c) => String(rows[n]![c] ?? 0).padStart(14)).join('')}`)].join('\n');
  };
  const reliefs = Object.entries(s.byRelief).sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `  ${r}: ${n}`).join('\n');
  return [
    `${s.cases} case(s), ${s.offences} offence evaluation(s), ${s.errors} bad record(s)`,
    '',
    table('jurisdiction', s.byJurisdiction),
    '',
    'eligible offences by relief:',
    reliefs || '  none',
    '',
    table('category', s.byCategory),
    '',
  ].join('\n');
}
