/**
 * Evaluating a parsed case against the law: the library's `evaluate`, in a module of its own so that a
 * command that only evaluates loads only the evaluator (src/index.ts re-exports it with the rest of the API).
 */
import { evaluateCase, type EvaluateOptions } from './engine/evaluate.js';
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

/** What a request asks: the laws named (none: each offence under its own), the laws read, compiled, and the evaluator's options. */
function settle(c: CaseFile, law: Law, req: EvaluateRequest) {
  const selected = req.all ? law.ids() : req.jurisdictions;
  const named = selected && selected.length ? selected : undefined;
  const ids = named ?? [...new Set(c.offences.map((o) => o.jurisdiction ?? c.jurisdiction).filter((x): x is string => !!x))];
  const compiled = law.getAll(ids);
  const asOf = req.asOf ?? c.as_of ?? today();
  const options: EvaluateOptions = { asOf, jurisdictions: named, rules: law.rulesInfo(ids), engine: req.engine ?? 'fast', wording: req.wording ?? true };
  return { named, compiled, asOf, options };
}

/** Evaluate a parsed case against the law: the report of DESIGN.md, as plain data. */
export async function evaluate(c: CaseFile, law: Law, req: EvaluateRequest = {}): Promise<Report> {
  const { compiled, options } = settle(c, law, req);
  return evaluateCase(c, compiled, law.catalogue, options);
}

/**
 * The same report one law at a time: its header, then each law's result in the report's order. A command
 * can write each law's part as it comes instead of holding a thousand offences under fourteen laws at once
 * (check --format json). Each law's result is the one `evaluate` gives.
 */
export function evaluateByLaw(c: CaseFile, law: Law, req: EvaluateRequest = {}): { header: Omit<Report, 'results'>; results: AsyncIterable<Report['results'][number]> } {
  const { named, compiled, asOf, options } = settle(c, law, req);
  const header: Omit<Report, 'results'> = { schema: REPORT_SCHEMA_ID, case: c.id, asOf, rules: options.rules };
  // Which offences each law reads, in the report's order: every offence under each law named, else each under its own.
  const parts: [string, CaseFile][] = [];
  if (named) for (const j of [...new Set(named)].sort()) parts.push([j, c]);
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
      const r = await evaluateCase(part, new Map([[j, compiled.get(j)!]]), law.catalogue, { ...options, jurisdictions: named ? [j] : undefined });
      yield* r.results;
    }
  }
  return { header, results: results() };
}

async function* one(report: Promise<Report>): AsyncIterable<Report['results'][number]> {
  yield* (await report).results;
}
