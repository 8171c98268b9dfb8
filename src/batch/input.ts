/**
 * Caseload input for `batch`, record by record, with no I/O: an NDJSON line is one case (the case-file
 * format as JSON); a CSV row is one offence, grouped into cases by a case-id column through a column
 * mapping. Every bad record gives located problems (file, the input line, the column, the field) and
 * never stops the run.
 */
import { z } from 'zod';
import type { Loaded } from '../load/case.js';
import { validateCase } from '../load/case.js';
import { issuesToProblems } from '../load/issues.js';
import type { PathSegment, Problem } from '../load/problems.js';
import { parseSource, type Source } from '../load/source.js';
import type { CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import { idString, text } from '../schema/common.js';

/** Longest input record accepted, in characters (a line of NDJSON, or a CSV row). */
export const MAX_RECORD_CHARS = 1_000_000;

const RESERVED = /"(__proto__|constructor|prototype)"\s*:/;

/** One NDJSON line as a case. The quick path (JSON.parse) is taken for good lines; a bad one is read again with positions. */
export function caseFromJsonLine(file: string, lineNo: number, line: string, cat: Catalogue): Loaded<CaseFile> {
  if (line.length > MAX_RECORD_CHARS)
    return { ok: false, problems: [{ file, line: lineNo, col: 1, path: '', code: 'input.too-large', message: `line is too long (${line.length} characters; the limit is ${MAX_RECORD_CHARS})` }] };
  if (!RESERVED.test(line)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      const quick = validateCase({ file, value, locate: () => ({ line: lineNo, col: 1 }) }, cat);
      if (quick.ok) return quick;
    }
  }
  // Read it again with positions: the problems are placed on this line, at their column.
  const parsed = parseSource(file, line);
  const relocate = (ps: Problem[]) => ps.map((p) => ({ ...p, file, line: lineNo, col: p.line === 1 ? p.col : 1 }));
  if (!parsed.ok) return { ok: false, problems: relocate(parsed.problems) };
  if (parsed.source.value === null || typeof parsed.source.value !== 'object' || Array.isArray(parsed.source.value))
    return { ok: false, problems: [{ file, line: lineNo, col: 1, path: '', code: 'schema.type', message: 'each line must be one case: a JSON object' }] };
  const r = validateCase(parsed.source, cat);
  return r.ok ? r : { ok: false, problems: relocate(r.problems) };
}

// ---- CSV --------------------------------------------------------------------------------------------

const OFFENCE_FIELDS = ['offence_id', 'label', 'category', 'statute', 'code', 'jurisdiction', 'domain', 'date', 'disposition', 'conviction_date', 'nexus'] as const;
const CASE_FIELDS = ['as_of', 'case_jurisdiction', 'birth_date', 'prior_record', 'substance_dependency', 'victim', 'forms', 'means', 'coercive_control', 'relationship', 'identification', 'cooperating_with_authorities', 'period_start', 'period_end'] as const;
export const CSV_FIELDS = [...OFFENCE_FIELDS, ...CASE_FIELDS] as const;
type Field = (typeof CSV_FIELDS)[number];

export const csvMappingSchema = z
  .strictObject({
    case_id: text(200).describe('The column whose value groups rows into cases (rows of one case must be next to each other)'),
    columns: z
      .partialRecord(z.enum(CSV_FIELDS), text(200))
      .describe('Case-file field → the column that holds it. Lists (forms, means, coercive_control) are separated by ";"'),
    values: z
      .partialRecord(z.enum(CSV_FIELDS), z.record(z.string().max(200), z.string().max(200)))
      .optional()
      .describe('Per field, the export\'s own words → the case-file vocabulary (e.g. disposition: { GUILTY: convicted })'),
    date_format: z.enum(['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY']).optional().describe('How dates are written in the export (default YYYY-MM-DD)'),
    defaults: z
      .strictObject({ as_of: z.string().optional(), jurisdiction: idString.optional(), victim: z.boolean().optional() })
      .optional()
      .describe('Facts true of the whole caseload (e.g. every case on a screening list is a victim)'),
  })
  .describe('nonpunishment batch: how the columns of a CSV export map to the case file');
export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** Without --map: the columns are named after the fields themselves, and case_id groups them. */
export const DEFAULT_MAPPING: CsvMapping = { case_id: 'case_id', columns: Object.fromEntries(CSV_FIELDS.map((f) => [f, f])) };

export interface CsvRow {
  /** Input line of the row (1-based, the header is line 1). */
  line: number;
  cells: Record<string, string>;
}

/** The header checked against the mapping: every mapped column must exist. */
export function checkHeader(file: string, header: readonly string[], m: CsvMapping, explicit: boolean): Problem[] {
  const problems: Problem[] = [];
  const at = (col: number, message: string) => problems.push({ file, line: 1, col, path: '', code: 'csv.header', message });
  if (!header.includes(m.case_id)) at(1, `no column "${m.case_id}" to group rows into cases (the case_id of the mapping)`);
  if (explicit)
    for (const [field, column] of Object.entries(m.columns)) if (!header.includes(column!)) at(1, `the mapping reads ${field} from a column "${column}" that the header does not have`);
  if (!Object.entries(m.columns).some(([f, c]) => f === 'category' && header.includes(c!))) at(1, 'no column for the offence category (required for every offence)');
  return problems;
}

function convertDate(v: string, format: CsvMapping['date_format']): string {
  if (!format || format === 'YYYY-MM-DD') return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m) return v; // left as written: the schema says why it is not a date
  const [a, b, y] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0'), m[3]!];
  return format === 'MM/DD/YYYY' ? `${y}-${a}-${b}` : `${y}-${b}-${a}`;
}

const BOOL: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };

/**
 * Rows of one case into a case file, placed so that each problem points at the row and the column it came
 * from. Empty cells are unknown facts, never false.
 */
export function caseFromRows(file: string, caseId: string, rows: readonly CsvRow[], header: readonly string[], m: CsvMapping, cat: Catalogue): Loaded<CaseFile> {
  const where = new Map<string, { line: number; col: number }>();
  const get = (row: CsvRow, field: Field): string | undefined => {
    const column = m.columns[field];
    if (column === undefined) return undefined;
    const raw = row.cells[column];
    if (raw === undefined || raw.trim() === '') return undefined;
    const v = raw.trim();
    return m.values?.[field]?.[v] ?? v;
  };
  const place = (path: PathSegment[], row: CsvRow, field: Field) => where.set(path.join('.'), { line: row.line, col: header.indexOf(m.columns[field] ?? '') + 1 || 1 });
  const first = rows[0]!;
  const c: Record<string, unknown> = { id: caseId };
  place(['id'], first, 'offence_id');
  const setCase = (path: string[], field: Field, value: unknown) => {
    if (value === undefined) return;
    let node = c;
    for (const k of path.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
    place(path, first, field);
  };
  const date = (v: string | undefined) => (v === undefined ? undefined : convertDate(v, m.date_format));
  const bool = (v: string | undefined) => (v === undefined ? undefined : (BOOL[v.toLowerCase()] ?? v));
  const list = (v: string | undefined) => (v === undefined ? undefined : v.split(';').map((x) => x.trim()).filter(Boolean));
  setCase(['as_of'], 'as_of', date(get(first, 'as_of')) ?? m.defaults?.as_of);
  setCase(['jurisdiction'], 'case_jurisdiction', get(first, 'case_jurisdiction') ?? m.defaults?.jurisdiction);
  setCase(['person', 'birth_date'], 'birth_date', date(get(first, 'birth_date')));
  setCase(['person', 'prior_record'], 'prior_record', bool(get(first, 'prior_record')));
  setCase(['person', 'substance_dependency'], 'substance_dependency', bool(get(first, 'substance_dependency')));
  setCase(['trafficking', 'victim'], 'victim', bool(get(first, 'victim')) ?? m.defaults?.victim);
  setCase(['trafficking', 'forms'], 'forms', list(get(first, 'forms')));
  setCase(['trafficking', 'means'], 'means', list(get(first, 'means')));
  setCase(['trafficking', 'coercive_control'], 'coercive_control', list(get(first, 'coercive_control')));
  setCase(['trafficking', 'relationship'], 'relationship', get(first, 'relationship'));
  setCase(['trafficking', 'identification'], 'identification', get(first, 'identification'));
  setCase(['trafficking', 'cooperating_with_authorities'], 'cooperating_with_authorities', bool(get(first, 'cooperating_with_authorities')));
  const start = date(get(first, 'period_start'));
  if (start !== undefined) {
    setCase(['trafficking', 'period', 'start'], 'period_start', start);
    setCase(['trafficking', 'period', 'end'], 'period_end', date(get(first, 'period_end')));
  }
  c['offences'] = rows.map((row, i) => {
    const o: Record<string, unknown> = {};
    const put = (key: string, field: Field, value: unknown) => {
      if (value === undefined) return;
      o[key] = value;
      place(['offences', String(i), key], row, field);
    };
    put('id', 'offence_id', get(row, 'offence_id') ?? `o${i + 1}`);
    put('label', 'label', get(row, 'label'));
    put('category', 'category', get(row, 'category'));
    put('statute', 'statute', get(row, 'statute'));
    put('code', 'code', get(row, 'code'));
    put('jurisdiction', 'jurisdiction', get(row, 'jurisdiction'));
    put('domain', 'domain', get(row, 'domain'));
    put('date', 'date', date(get(row, 'date')));
    put('disposition', 'disposition', get(row, 'disposition'));
    put('conviction_date', 'conviction_date', date(get(row, 'conviction_date')));
    put('nexus', 'nexus', get(row, 'nexus'));
    where.set(['offences', String(i)].join('.'), { line: row.line, col: 1 });
    return o;
  });
  const source: Source = {
    file,
    value: c,
    locate: (path) => {
      for (let n = path.length; n > 0; n--) {
        const hit = where.get(path.slice(0, n).map(String).join('.'));
        if (hit) return hit;
      }
      return { line: first.line, col: 1 };
    },
  };
  return validateCase(source, cat);
}

/**
 * Rows in, cases out: a case is complete when the case id changes; an id seen before is a located problem.
 * To keep memory bounded whatever the input size, only the last `remember` case ids are kept for that
 * check (a split case whose parts lie further apart than that is not noticed).
 */
export class CsvCases {
  private current: { id: string; rows: CsvRow[] } | undefined;
  private readonly done = new Set<string>();
  constructor(
    private readonly caseIdColumn: string,
    private readonly maxRows = 1000,
    private readonly remember = 100_000,
  ) {}

  /** A row; returns the case it completed, if any, or a problem for a row that cannot be placed. */
  push(row: CsvRow): { complete?: { id: string; rows: CsvRow[] }; problem?: Omit<Problem, 'file'> } {
    const id = (row.cells[this.caseIdColumn] ?? '').trim();
    if (!id) return { problem: { line: row.line, col: 1, path: '', code: 'csv.case-id', message: `no case id in column "${this.caseIdColumn}"` } };
    if (this.current?.id === id) {
      if (this.current.rows.length >= this.maxRows)
        return { problem: { line: row.line, col: 1, path: '', code: 'input.too-large', message: `case "${id}" has more than ${this.maxRows} rows` } };
      this.current.rows.push(row);
      return {};
    }
    if (this.done.has(id))
      return { problem: { line: row.line, col: 1, path: '', code: 'csv.case-split', message: `case "${id}" appears again here; the rows of one case must be next to each other (sort the export by ${this.caseIdColumn})` } };
    const complete = this.flush();
    this.current = { id, rows: [row] };
    return complete ? { complete } : {};
  }

  /** A case has started and is not yet complete. */
  pending(): boolean {
    return this.current !== undefined;
  }

  flush(): { id: string; rows: CsvRow[] } | undefined {
    const c = this.current;
    if (c) {
      this.done.add(c.id);
      if (this.done.size > this.remember) this.done.delete(this.done.values().next().value as string);
      this.current = undefined;
    }
    return c;
  }
}

/** A mapping file's problems, placed in it. */
export function validateMapping(source: Source): Loaded<CsvMapping> {
  const r = csvMappingSchema.safeParse(source.value);
  if (!r.success) return { ok: false, problems: issuesToProblems(source, r.error.issues) };
  return { ok: true, value: r.data, source };
}
