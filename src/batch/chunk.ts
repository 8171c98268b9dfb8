/**
 * Evaluating a chunk of caseload records: the same work in the main thread (`--jobs 1`) and in each
 * worker. Records in, output text and summary counts out; a bad record becomes an error record.
 */
import { evaluate } from '../evaluate.js';
import type { Law } from '../law.js';
import type { Problem } from '../load/problems.js';
import { caseFromJsonLine, caseFromRows, type CsvMapping, type CsvRow } from './input.js';
import { addReport, emptySummary, errorLine, reportCsv, reportLine, type Summary } from './output.js';

export type BatchRecord =
  | { kind: 'json'; line: number; text: string }
  | { kind: 'csv'; line: number; caseId: string; rows: CsvRow[] }
  | { kind: 'problem'; line: number; caseId?: string; problems: Problem[] };

export interface BatchSettings {
  file: string;
  format: 'ndjson' | 'csv';
  jurisdictions?: string[];
  all?: boolean;
  asOf?: string;
  engine: 'fast' | 'reference';
  failOn: string[];
  header?: string[];
  mapping?: CsvMapping;
}

export interface ChunkResult {
  out: string;
  summary: Summary;
  /** Records that could not be evaluated. */
  bad: number;
  /** Offences whose outcome is one of --fail-on. */
  failOnHits: number;
}

export async function evaluateChunk(records: readonly BatchRecord[], s: BatchSettings, law: Law): Promise<ChunkResult> {
  const summary = emptySummary();
  let out = '';
  let bad = 0;
  let failOnHits = 0;
  const fail = (line: number, caseId: string | undefined, problems: Problem[]) => {
    bad++;
    summary.errors++;
    out += errorLine(s.format, line, caseId, problems);
  };
  for (const r of records) {
    if (r.kind === 'problem') {
      fail(r.line, r.caseId, r.problems);
      continue;
    }
    const c = r.kind === 'json' ? caseFromJsonLine(s.file, r.line, r.text, law.catalogue) : caseFromRows(s.file, r.caseId, r.rows, s.header ?? [], s.mapping!, law.catalogue);
    if (!c.ok) {
      fail(r.line, r.kind === 'csv' ? r.caseId : undefined, c.problems);
      continue;
    }
    try {
      // CSV rows print no reasons: the evaluation decides without wording them (the same outcomes, provisions and missing facts).
      const report = await evaluate(c.value, law, { jurisdictions: s.jurisdictions, all: s.all, asOf: s.asOf, engine: s.engine, wording: s.format !== 'csv' });
      addReport(summary, report);
      for (const j of report.results) for (const o of j.offences) if (s.failOn.includes(o.outcome)) failOnHits++;
      out += s.format === 'csv' ? reportCsv(report) : reportLine(report);
    } catch (e) {
      // A case the law cannot be applied to (no jurisdiction anywhere, an unknown one): its own error record.
      const message = e instanceof Error ? e.message : String(e);
      const problems = (e as { problems?: Problem[] }).problems ?? [{ file: s.file, line: r.line, col: 1, path: '', code: 'eval.error', message }];
      fail(r.line, c.value.id, problems);
    }
  }
  return { out, summary, bad, failOnHits };
}
