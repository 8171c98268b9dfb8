/**
 * A view (a comparison, a scorecard, an impact, a matrix) as plain data a renderer turns into text,
 * markdown, CSV or HTML. Views build a Document from their results; renderers know nothing of the law.
 * Every string here may come from an input file: renderers neutralise it for their format.
 */
import type { Outcome } from '../vocabulary.js';

/** What a cell means, for colour (on a terminal, in HTML) — always shown as a word too. */
export type Tone = Outcome | 'better' | 'worse' | 'full' | 'partial' | 'none' | 'not-encoded';

export interface DocCell {
  text: string;
  tone?: Tone;
}

export interface DocTable {
  caption?: string;
  columns: string[];
  rows: DocCell[][];
  /** Rows (by index) whose cells differ across the row: marked in every format, not by colour alone. */
  differs?: number[];
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: DocTable }
  | { kind: 'bars'; caption: string; bars: { label: string; value: number; max: number; text: string }[] };

export interface Document {
  title: string;
  blocks: Block[];
  /** The one flat table the CSV format gives (one header row, one row per record). */
  csv: { columns: string[]; rows: string[][] };
}

export const TONE_WORDS: Record<Tone, string> = {
  eligible: 'eligible',
  undetermined: 'undetermined',
  excluded: 'excluded',
  'not-eligible': 'not eligible',
  better: 'better for the person',
  worse: 'worse for the person',
  full: 'full marks',
  partial: 'partial credit',
  none: 'no credit',
  'not-encoded': 'not encoded in the file',
};

/** The tone of a scorecard criterion, from its fraction of the points (null: not encoded). */
export function scoreTone(fraction: number | null): Tone {
  if (fraction === null) return 'not-encoded';
  return fraction >= 1 ? 'full' : fraction > 0 ? 'partial' : 'none';
}
