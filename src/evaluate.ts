/**
 * Evaluating a parsed case against the law: the library's `evaluate`, in a module of its own so that a
 * command that only evaluates loads only the evaluator (src/index.ts re-exports it with the rest of the API).
 */
import { evaluateCase } from './engine/evaluate.js';
import { today } from './law/dates.js';
import type { Law } from './law.js';
import type { CaseFile } from './schema/case.js';
import type { Report } from './schema/report.js';

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
