/**
 * How an offence was matched to a law's offence table, and the answers assumed from its kind, in words:
 * the same lines for every text format (the caller escapes them for its syntax).
 */
import type { OffenceResult, ProvisionResult } from '../schema/report.js';

const BY_WORDS = {
  code: 'by its statute code',
  statute: 'from the statute text',
  category: 'from its kind (category) alone',
  none: 'not matched to an offence of this law\'s table',
} as const;

/** One line on how the offence was read, or none when there was nothing to say (an exact code). */
export function resolutionLine(o: OffenceResult): string | null {
  const r = o.resolved;
  if (r.by === 'none') return null;
  if (r.by === 'code' && r.codes.length === 1 && r.codes[0] === o.code) return null;
  // A code given, read as a category: it stops short of the forms the law tells apart.
  const how = r.by === 'category' && o.code ? 'by the forms of its statute code' : BY_WORDS[r.by];
  return `Matched ${how}: ${r.note ?? r.codes.join(', ')}`;
}

/** Warnings about the match: a code or statute the table does not know, a category that differs. */
export function resolutionWarnings(o: OffenceResult): string[] {
  return o.resolved.warnings;
}

/** "assumed no (rule …)" for each answer taken from the offence's kind. */
export function assumptionLines(p: ProvisionResult): string[] {
  return p.assumptions.map((a) => `assumed ${a.value ? 'yes' : 'no'} for ${a.fact} — ${a.rule}; an answer in the case would override it`);
}
