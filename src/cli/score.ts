import { scoreLaw } from '../drafting/scorecard.js';
import { tracedLaw } from '../drafting/trace.js';
import type { Law } from '../law.js';
import { isIsoDate, today } from '../law/dates.js';
import { parseSource } from '../load/source.js';
import { readText } from '../load/files.js';
import { loadScorecard } from '../load/scorecards.js';
import { scoreDocument, type ScoreView } from '../report/drafting.js';
import { join } from 'node:path';
import { EXIT, UsageError, type CliIO } from './io.js';
import { checkViewFormat, printView } from './view-output.js';

export function scoreCommand(ids: string[], opts: { card?: string; format: string; asOf?: string }, law: Law, io: CliIO): number {
  const format = checkViewFormat(opts.format);
  if (!opts.card) throw new UsageError('score needs --card a79-322 or --card us-record-relief');
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, got "${opts.asOf}"`);
  const card = loadScorecard(opts.card, law.rulesDir, law.catalogue.categories.map((c) => c.id));
  const selected = ids.length ? [...new Set(ids)] : law.ids();
  law.getAll(selected);
  const asOf = opts.asOf ?? today();
  // Criteria trace to the card's own lines, as laws trace to theirs.
  const cardFile = join(law.rulesDir, 'scorecards', `${card.id}.yaml`);
  const read = readText(cardFile);
  const parsed = read.ok ? parseSource(cardFile, read.text) : undefined;
  const shown = `rules/scorecards/${card.id}.yaml`;
  const view: ScoreView = {
    schema: 'nonpunishment/score@1',
    card: { id: card.id, title: card.title, source: card.source, weights: card.weights, file: shown },
    asOf,
    criteria: card.criteria.map((c, i) => ({
      id: c.id,
      title: c.title,
      source: c.source,
      reads: c.reads,
      points: c.points,
      partial: c.partial,
      trace: { file: shown, line: parsed?.ok ? parsed.source.locate(['criteria', i]).line : 1, path: `criteria[${i}]` },
    })),
    laws: selected.map((id) => scoreLaw(card, tracedLaw(law.entry(id), asOf))),
  };
  printView(io, format, view, () => scoreDocument(view, card));
  return EXIT.ok;
}
