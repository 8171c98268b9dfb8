/** Reading the scorecards of rules/scorecards/: validated, every problem located (file, line, column, field). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURE_LEVELS, scorecardSchema, type Scorecard } from '../schema/scorecard.js';
import { readText } from './files.js';
import { issuesToProblems } from './issues.js';
import { InputError, type Problem, suggest } from './problems.js';
import { parseSource, problemAt, type Source } from './source.js';

export function scorecardIds(rulesDir: string): string[] {
  try {
    return readdirSync(join(rulesDir, 'scorecards'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

export function loadScorecard(id: string, rulesDir: string, categories: readonly string[]): Scorecard {
  const ids = scorecardIds(rulesDir);
  if (!ids.includes(id)) {
    const hint = suggest(id, ids);
    throw new InputError([{ file: '<command line>', line: 1, col: 1, path: '', code: 'ref.unknown-card', message: `unknown card "${id}"${hint ? `; did you mean "${hint}"?` : ''} (available: ${ids.join(', ')})` }]);
  }
  const file = join(rulesDir, 'scorecards', `${id}.yaml`);
  const read = readText(file);
  if (!read.ok) throw new InputError(read.problems);
  const parsed = parseSource(file, read.text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const r = validateScorecard(parsed.source, categories, id);
  if (!r.ok) throw new InputError(r.problems);
  return r.value;
}

/** Schema, then the rules a schema cannot say: credit for exactly the levels a measure gives, an attribute where one is read. */
export function validateScorecard(source: Source, categories: readonly string[], expectedId?: string): { ok: true; value: Scorecard } | { ok: false; problems: Problem[] } {
  const r = scorecardSchema.safeParse(source.value);
  if (!r.success) return { ok: false, problems: issuesToProblems(source, r.error.issues) };
  const card = r.data;
  const problems: Problem[] = [];
  if (expectedId !== undefined && card.id !== expectedId) problems.push(problemAt(source, ['id'], 'ref.id-mismatch', `id "${card.id}" must equal the file name "${expectedId}"`));
  (card.often_compelled?.categories ?? []).forEach((c, i) => {
    if (!categories.includes(c)) problems.push(problemAt(source, ['often_compelled', 'categories', i], 'ref.unknown-category', `unknown offence category "${c}"`));
  });
  const seen = new Set<string>();
  card.criteria.forEach((c, i) => {
    if (seen.has(c.id)) problems.push(problemAt(source, ['criteria', i, 'id'], 'ref.duplicate-id', `criterion id "${c.id}" is used twice`));
    seen.add(c.id);
    const levels = MEASURE_LEVELS[c.measure];
    const missing = levels.filter((l) => !(l in c.credit));
    const extra = Object.keys(c.credit).filter((l) => !levels.includes(l));
    if (missing.length) problems.push(problemAt(source, ['criteria', i, 'credit'], 'card.credit', `measure ${c.measure} can give ${missing.map((m) => `"${m}"`).join(', ')}: give the credit for each`));
    for (const e of extra) problems.push(problemAt(source, ['criteria', i, 'credit', e], 'card.credit', `measure ${c.measure} never gives "${e}" (it gives ${levels.join(', ')})`, true));
    if (c.measure === 'attribute' && !c.attribute) problems.push(problemAt(source, ['criteria', i], 'card.attribute', 'the attribute measure needs `attribute`: the name of the attribute it reads'));
    if (c.measure !== 'attribute' && c.attribute) problems.push(problemAt(source, ['criteria', i, 'attribute'], 'card.attribute', `only the attribute measure reads an attribute (this one is ${c.measure})`, true));
  });
  if (card.criteria.some((c) => c.measure === 'exceptions') && !card.often_compelled)
    problems.push(problemAt(source, ['criteria'], 'card.often-compelled', 'the exceptions measure needs `often_compelled`: the categories victims are often made to commit'));
  return problems.length ? { ok: false, problems } : { ok: true, value: card };
}
