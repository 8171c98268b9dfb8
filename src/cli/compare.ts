import { compareLaws } from '../drafting/compare.js';
import { tracedLaw } from '../drafting/trace.js';
import { evaluate } from '../evaluate.js';
import type { Law } from '../law.js';
import { isIsoDate, today } from '../law/dates.js';
import { readCaseSet } from '../load/case-sets.js';
import { loadScorecard } from '../load/scorecards.js';
import { compareDocument, matrixDocument, type Matrix } from '../report/drafting.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { checkViewFormat, printView } from './view-output.js';

export interface CompareOptions {
  cases?: string;
  onlyDifferences?: boolean;
  format: string;
  asOf?: string;
}

export async function compareCommand(ids: string[], opts: CompareOptions, law: Law, io: CliIO): Promise<number> {
  const format = checkViewFormat(opts.format);
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, got "${opts.asOf}"`);
  if (new Set(ids).size !== ids.length) throw new UsageError(`an id is named twice: ${ids.join(' ')}`);
  if (!opts.cases && ids.length < 2) throw new UsageError('compare needs at least two jurisdiction ids (or --cases DIR to run cases under one or more)');
  law.getAll(ids); // unknown ids and bad files: exit 2 before anything else
  const asOf = opts.asOf ?? today();
  const laws = ids.map((id) => tracedLaw(law.entry(id), asOf));
  if (!opts.cases) {
    const card = loadScorecard('a79-322', law.rulesDir, law.catalogue.categories.map((c) => c.id));
    const c = compareLaws(laws, card.often_compelled!, asOf);
    printView(io, format, c, () => compareDocument(c, !!opts.onlyDifferences));
    return EXIT.ok;
  }
  const set = readCaseSet(opts.cases, law.catalogue);
  if (!set.cases.length) throw new UsageError(`no cases in ${opts.cases}: give a directory of case or scenario files, or an .ndjson file`);
  const m: Matrix = { schema: 'nonpunishment/matrix@1', source: set.source, laws: laws.map((l) => ({ jurisdiction: l.id, name: l.file.name, file: l.name })), rows: [] };
  for (const c of set.cases) {
    const report = await evaluate(c, law, { jurisdictions: ids, engine: 'fast', asOf: opts.asOf });
    const byLaw = new Map(report.results.map((r) => [r.jurisdiction, new Map(r.offences.map((o) => [o.offence, o]))]));
    for (const o of [...c.offences].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      m.rows.push({
        case: c.id,
        offence: o.id,
        label: o.label ?? null,
        category: o.category,
        disposition: o.disposition ?? null,
        cells: laws.map((l) => {
          const r = byLaw.get(l.id)!.get(o.id)!;
          const best = r.provisions.find((p) => p.outcome === r.outcome);
          const i = best ? l.file.provisions.findIndex((p) => p.id === best.provision) : -1;
          return { jurisdiction: l.id, outcome: r.outcome, byRelief: { ...r.byRelief } as Record<string, typeof r.outcome>, provision: best?.provision ?? null, trace: i >= 0 ? l.at(['provisions', i]) : null };
        }),
      });
    }
  }
  const shown = opts.onlyDifferences ? { ...m, rows: m.rows.filter((r) => new Set(r.cells.map((c) => c.outcome)).size > 1) } : m;
  printView(io, format, shown, () => matrixDocument(m, !!opts.onlyDifferences));
  return EXIT.ok;
}
