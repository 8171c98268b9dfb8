/**
 * Answers that the kind of offence gives on its face (rules/questions.yaml, `answered_by_category`).
 * Each is an assumption: listed in the report with the rule that made it, overridden by any answer in
 * the case, and used only by a provision that needs that very answer (the evaluator sees to it), so an
 * assumption can only ever help the person. No I/O.
 */
import type { Catalogue } from '../schema/catalogue.js';

export interface Assumed {
  question: string;
  value: boolean;
  /** The rule, in words: where it is written and why it holds. */
  rule: string;
}

/** The answers an offence of this category gives on its face, less those the case answers itself. */
export function assumedAnswers(category: string, answers: Readonly<Record<string, boolean | undefined>>, cat: Catalogue): Assumed[] {
  const out: Assumed[] = [];
  for (const q of cat.questions) {
    const a = q.answered_by_category;
    if (!a || !a.categories.includes(category)) continue;
    if (Object.prototype.hasOwnProperty.call(answers, q.id) && answers[q.id] !== undefined) continue;
    out.push({ question: q.id, value: a.answer, rule: `rules/questions.yaml ${q.id}: ${a.why} (${category})` });
  }
  return out;
}
