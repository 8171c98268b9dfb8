/**
 * Evaluating a parsed case against the law: the library's `evaluate`, in a module of its own so that a
 * command that only evaluates loads only the evaluator (src/index.ts re-exports it with the rest of the API).
 */
import { evaluateCase } from './engine/evaluate.js';
import { today } from './law/dates.js';
import type { Law } from './law.js';
import type { CaseFile } from './schema/case.js';
import { REPORT_SCHEMA_ID, type Report } from './schema/report.js';

export interface EvaluateRequest {
  /** Evaluate every offence under each of these jurisdictions ("what if it happened there"). */
  jurisdictions?: string[];
  /** Every available jurisdiction. */
  all?: boolean;
  /** Date of evaluation; default the case's as_of, else today. */
  asOf?: string;
  /** `fast` (default: the compiled path) or `reference` (json-rules-engine, the reference semantics, for audits). */
  engine?: 'reference' | 'fast';
  /** `false`: decide only, with every reason, question and note left empty (see EvaluateOptions.wording). */
  wording?: boolean;
}

/** Evaluate a parsed case against the law: the report of DESIGN.md, as plain data. */
export async function evaluate(c: CaseFile, law: Law, req: EvaluateRequest = {}): Promise<Report> {
  const selected = req.all ? law.ids() : req.jurisdictions;
  const ids = selected && selected.length ? selected : [...new Set(c.offences.map((o) => o.jurisdiction ?? c.jurisdiction).filter((x): x is string => !!x))];
  const compiled = law.getAll(ids);
  return evaluateCase(c, compiled, law.catalogue, {
    asOf: req.asOf ?? c.as_of ?? today(),
    jurisdictions: selected && selected.length ? selected : undefined,
    rules: law.rulesInfo(ids),
    engine: req.engine ?? 'fast',
    wording: req.wording ?? true,
  });
}

/**
 * The same report one law at a time: its header, then each law's result in the report's order. A command
 * can write each law's part as it comes instead of holding a thousand offences under fourteen laws at once
 * (check --format json). Each law's result is the one `evaluate` gives.
 */
export function evaluateByLaw(c: CaseFile, law: Law, req: EvaluateRequest = {}): { header: Omit<Report, 'results'>; results: AsyncIterable<Report['results'][number]> } {
  const selected = req.all ? law.ids() : req.jurisdictions;
  const ids = selected && selected.length ? selected : [...new Set(c.offences.map((o) => o.jurisdiction ?? c.jurisdiction).filter((x): x is string => !!x))];
  const asOf = req.asOf ?? c.as_of ?? today();
  const header: Omit<Report, 'results'> = { schema: REPORT_SCHEMA_ID, case: c.id, asOf, rules: law.rulesInfo(ids) };
  // Which offences each law reads, in the report's order: every offence under each law named, else each under its own.
  const parts: [string, CaseFile][] = [];
  if (selected && selected.length) for (const j of [...new Set(selected)].sort()) parts.push([j, c]);
  else {
    const byLaw = new Map<string, CaseFile['offences']>();
    for (const o of c.offences) {
      const j = o.jurisdiction ?? c.jurisdiction;
      if (j === undefined) return { header, results: one(evaluate(c, law, req)) }; // evaluate says which offences have none
      byLaw.set(j, [...(byLaw.get(j) ?? []), o]);
    }
    for (const j of [...byLaw.keys()].sort()) parts.push([j, { ...c, offences: byLaw.get(j)! }]);
  }
  async function* results() {
    for (const [j, part] of parts) {
      const r = await evaluateCase(part, law.getAll([j]), law.catalogue, { asOf, jurisdictions: selected && selected.length ? [j] : undefined, rules: header.rules, engine: req.engine ?? 'fast', wording: req.wording ?? true });
      yield* r.results;
    }
  }
  return { header, results: results() };
}

async function* one(report: Promise<Report>): AsyncIterable<Report['results'][number]> {
  yield* (await report).results;
}
