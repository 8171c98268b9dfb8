/**
 * Running a training scenario: every offence under every law it is meant for (or the laws asked for),
 * then each variation as its own row, each cell checked against the expected outcome. Plain data; the
 * renderers word it.
 */
import { evaluate } from '../evaluate.js';
import type { Law } from '../law.js';
import type { OffenceResult } from '../schema/report.js';
import type { Expectation } from '../scenarios.js';
import type { TrainingScenario, Variation } from './file.js';

export interface Cell {
  jurisdiction: string;
  offence: string;
  result: OffenceResult;
  /** Undefined when the scenario states no expectation for this cell (a law it was not written for). */
  expected?: Expectation;
  /** Empty when the result is what was expected; otherwise one line per difference. */
  differences: string[];
}

export interface Row {
  /** Null for the scenario as written. */
  variation: Variation | null;
  cells: Cell[];
}

export interface ScenarioRun {
  scenario: TrainingScenario;
  jurisdictions: string[];
  /** Display names of the laws, by id. */
  names: Record<string, string>;
  rows: Row[];
  /** Version and digest of the rules used (the reports'). */
  rules: { version: string; digest: string };
  /** Every expected outcome met. */
  matches: boolean;
}

export interface RunRequest {
  jurisdictions?: string[];
  all?: boolean;
  engine?: 'fast' | 'reference';
}

export function differences(got: OffenceResult, want: Expectation | undefined): string[] {
  if (!want) return [];
  const out: string[] = [];
  if (got.outcome !== want.outcome) out.push(`outcome is ${got.outcome}, expected ${want.outcome}`);
  if (want.byRelief) {
    const g = JSON.stringify(Object.entries(got.byRelief).sort());
    const w = JSON.stringify(Object.entries(want.byRelief).sort());
    if (g !== w) out.push(`by relief ${fmtRelief(got.byRelief)}, expected ${fmtRelief(want.byRelief)}`);
  }
  if (want.resolved) {
    // How the offence resolves against the law's offence table, once the report carries it.
    const g = (got as { resolved?: { by: string; codes: string[] } }).resolved;
    const w = `${want.resolved.by} [${[...want.resolved.codes].sort().join(', ')}]`;
    const h = g ? `${g.by} [${[...g.codes].sort().join(', ')}]` : 'not reported';
    if (h !== w) out.push(`resolved ${h}, expected ${w}`);
  }
  if (want.missing) {
    const g = got.missing.map((m) => m.fact).sort();
    const w = [...want.missing].sort();
    if (JSON.stringify(g) !== JSON.stringify(w)) out.push(`missing [${g.join(', ')}], expected [${w.join(', ')}]`);
  }
  return out;
}

const fmtRelief = (r: Record<string, string | undefined>) =>
  Object.entries(r)
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ') || 'none';

export async function runScenario(s: TrainingScenario, law: Law, req: RunRequest = {}): Promise<ScenarioRun> {
  const jurisdictions = req.all ? law.ids() : req.jurisdictions?.length ? [...new Set(req.jurisdictions)] : s.jurisdictions;
  const engine = req.engine ?? 'fast';
  const rows: Row[] = [];
  const names: Record<string, string> = {};
  let rules = { version: '', digest: '' };
  for (const variation of [null, ...s.variations]) {
    const c = variation ? variation.case : s.case;
    const table = variation ? variation.expect : s.expect;
    const report = await evaluate(c, law, { jurisdictions, engine });
    rules = report.rules;
    const cells: Cell[] = [];
    for (const r of report.results) {
      names[r.jurisdiction] = r.name;
      for (const o of r.offences) {
        const expected = table[r.jurisdiction]?.[o.offence];
        cells.push({ jurisdiction: r.jurisdiction, offence: o.offence, result: o, expected, differences: differences(o, expected) });
      }
    }
    rows.push({ variation, cells });
  }
  return { scenario: s, jurisdictions, names, rows, rules, matches: rows.every((r) => r.cells.every((c) => c.differences.length === 0)) };
}

/** One line per cell that differs: the scenario, the variation, the law, the offence, what differs, and the reason expected. */
export function differenceLines(run: ScenarioRun): string[] {
  const out: string[] = [];
  for (const row of run.rows)
    for (const cell of row.cells)
      for (const d of cell.differences)
        out.push(
          `scenario ${run.scenario.id}${row.variation ? `, variation ${row.variation.id}` : ''}, jurisdiction ${cell.jurisdiction}, offence ${cell.offence}: ${d} — expected because: ${cell.expected!.reason}`,
        );
  return out;
}
