import { evaluate, evaluateByLaw } from '../evaluate.js';
import type { Law } from '../law.js';
import { isAcceptedDate, MAX_DATE, MIN_DATE, today } from '../law/dates.js';
import { againstEvaluationDate, withoutJurisdiction } from '../load/case.js';
import { readCaseOrScenario } from '../load/scenarios.js';
import type { Source } from '../load/source.js';
import { InputError, type Problem } from '../load/problems.js';
import type { CaseFile } from '../schema/case.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import type { Report } from '../schema/report.js';
// Renderers and the derivation are loaded for the format and the option asked for, not all of them on every run.
import { OUTCOMES, type Outcome } from '../vocabulary.js';
import { EXIT, UsageError, type CliIO } from './io.js';

import { FORMATS } from '../report/formats.js';
export { FORMATS };

export interface CheckOptions {
  jurisdiction?: string[];
  all?: boolean;
  format: string;
  asOf?: string;
  failOn?: string[];
  explain?: string;
  verbose?: boolean;
  /** Evaluate with json-rules-engine (checked against the fast path), for audits. */
  referenceEngine?: boolean;
}

export async function checkCommand(files: string[], opts: CheckOptions, law: Law, io: CliIO): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`unknown format "${opts.format}" (expected one of: ${FORMATS.join(', ')})`);
  if (opts.asOf !== undefined && !isAcceptedDate(opts.asOf))
    throw new UsageError(`--as-of must be a real date as YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}, got "${opts.asOf}"`);
  if (opts.all && opts.jurisdiction?.length) throw new UsageError('use either --jurisdiction or --all, not both');
  for (const o of opts.failOn ?? []) if (!(OUTCOMES as readonly string[]).includes(o)) throw new UsageError(`--fail-on takes outcomes (${OUTCOMES.join(', ')}), got "${o}"`);
  if (opts.explain !== undefined && (opts.format === 'markdown' || opts.format === 'html')) throw new UsageError('--explain prints text or json; leave out --format, or use --format json');
  if (opts.jurisdiction?.length) law.getAll(opts.jurisdiction); // unknown ids: exit 2 before any case is read
  const problems: Problem[] = [];
  const cases: { c: CaseFile; jurisdictions?: string[] }[] = [];
  for (const f of files) {
    const r = readCaseOrScenario(f, law);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    // Contradictions with the date actually used (an --as-of before an offence, or today before a future date),
    // and offences no law can be found for: located in the case file, before anything is evaluated. In a
    // scenario file the case sits under `case`, and the scenario names its laws.
    const c = r.value;
    const source: Source = r.jurisdictions ? { file: r.source.file, value: c, locate: (p, k) => r.source.locate(['case', ...p], k) } : r.source;
    const when = opts.asOf !== undefined ? { date: opts.asOf, origin: '--as-of' as const } : c.as_of ? undefined : { date: today(), origin: 'today' as const };
    const found = [...(when ? againstEvaluationDate(source, c, when) : []), ...(opts.all || opts.jurisdiction?.length || r.jurisdictions ? [] : withoutJurisdiction(source, c))];
    if (found.length) problems.push(...found);
    else cases.push({ c, jurisdictions: r.jurisdictions });
  }
  if (problems.length) throw new InputError(problems);
  if (opts.explain !== undefined) return explain(cases.map((x) => x.c), files, opts, law, io);
  if (opts.format === 'json' && cases.length === 1) return jsonByLaw(cases[0]!, opts, law, io);
  const reports: Report[] = [];
  for (const { c, jurisdictions } of cases) {
    // A scenario file is read under the laws it was written for, unless the command names others.
    const named = opts.jurisdiction?.length ? opts.jurisdiction : opts.all ? undefined : jurisdictions;
    reports.push(await evaluate(c, law, { jurisdictions: named, all: opts.all, asOf: opts.asOf, engine: opts.referenceEngine ? 'reference' : 'fast' }));
  }
  const ctx = (i: number) => ({ caseFile: cases[i]!.c, laws: lawFiles(reports[i]!, law), order: opts.all ? law.ids() : opts.jurisdiction });
  if (opts.format === 'json') io.stdout(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
  else if (opts.format === 'markdown') {
    const { renderMarkdown } = await import('../report/markdown.js');
    io.stdout(reports.map((r, i) => renderMarkdown(r, ctx(i))).join('\n---\n\n'));
  } else if (opts.format === 'html') {
    const { renderHtmlPage } = await import('../report/html.js');
    io.stdout(renderHtmlPage(reports, ctx));
  } else {
    const { renderText } = await import('../report/text.js');
    io.stdout(reports.map((r, i) => renderText(r, { color: io.color, width: io.columns ?? 80, verbose: opts.verbose, ...ctx(i) })).join('\n'));
  }
  const failOn = new Set((opts.failOn ?? []) as Outcome[]);
  const hit = reports.some((r) => r.results.some((j) => j.offences.some((o) => failOn.has(o.outcome))));
  return hit ? EXIT.failOn : EXIT.ok;
}

/**
 * One case as JSON, written law by law as each is evaluated: the very text of the whole report's
 * JSON.stringify(report, null, 2), without holding a large case's report (1,000 offences under every law) at once.
 */
async function jsonByLaw({ c, jurisdictions }: { c: CaseFile; jurisdictions?: string[] }, opts: CheckOptions, law: Law, io: CliIO): Promise<number> {
  const named = opts.jurisdiction?.length ? opts.jurisdiction : opts.all ? undefined : jurisdictions;
  const { header, results } = evaluateByLaw(c, law, { jurisdictions: named, all: opts.all, asOf: opts.asOf, engine: opts.referenceEngine ? 'reference' : 'fast' });
  const failOn = new Set((opts.failOn ?? []) as Outcome[]);
  let hit = false;
  let n = 0;
  const empty = JSON.stringify({ ...header, results: [] }, null, 2); // ends in `"results": []\n}`
  for await (const r of results) {
    // The header is written with the first law, so that an error in evaluating it leaves nothing written.
    const head = n === 0 ? empty.slice(0, -'[]\n}'.length) + '[\n' : ',\n';
    io.stdout(head + '    ' + JSON.stringify(r, null, 2).replace(/\n/g, '\n    '));
    n++;
    if (r.offences.some((o) => failOn.has(o.outcome))) hit = true;
    await io.drain?.();
  }
  io.stdout(n === 0 ? empty + '\n' : '\n  ]\n}\n');
  return hit ? EXIT.failOn : EXIT.ok;
}

function lawFiles(r: Report, law: Law): Map<string, JurisdictionFile> {
  return new Map(r.results.map((x) => [x.jurisdiction, law.file(x.jurisdiction)]));
}

/** The derivation of one offence under each law it is read under. */
async function explain(cases: CaseFile[], files: string[], opts: CheckOptions, law: Law, io: CliIO): Promise<number> {
  const id = opts.explain!;
  const [{ deriveOffence }, { renderDerivation }] = await Promise.all([import('../engine/derivation.js'), import('../report/derivation.js')]);
  const out: unknown[] = [];
  for (const [i, c] of cases.entries()) {
    const o = c.offences.find((x) => x.id === id);
    if (!o) throw new UsageError(`--explain: no offence "${id}" in ${files[i]} (its offences: ${c.offences.map((x) => x.id).join(', ')})`);
    const asOf = opts.asOf ?? c.as_of ?? today();
    const ids = opts.all ? law.ids() : opts.jurisdiction?.length ? opts.jurisdiction : [o.jurisdiction ?? c.jurisdiction].filter((x): x is string => !!x);
    if (!ids.length) throw new UsageError(`offence "${id}" has no jurisdiction; give one in the case file or use --jurisdiction ID`);
    for (const j of ids) {
      const d = await deriveOffence(c, o, law.get(j), asOf, law.catalogue);
      if (opts.format === 'json') out.push({ case: c.id, asOf, ...d });
      else io.stdout(renderDerivation(d, io.columns ?? 80) + '\n');
    }
  }
  if (opts.format === 'json') io.stdout(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
  return EXIT.ok;
}
