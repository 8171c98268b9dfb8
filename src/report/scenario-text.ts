/** Terminal rendering of the scenario library: the list, one scenario's story and facts, and its outcome matrix. */
import { Chalk } from 'chalk';
import type { TrainingScenario } from '../scenario/file.js';
import { differenceLines, type Cell, type Row, type ScenarioRun } from '../scenario/run.js';
import type { Outcome } from '../vocabulary.js';
import { offenceFacts, offenceTitle, personFacts, valueWords } from './facts.js';
import { oneLine, plain } from './neutral.js';

export const painter = (color: boolean) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const outcome: Record<Outcome, (s: string) => string> = {
    eligible: c.green.bold,
    undetermined: c.yellow.bold,
    excluded: c.red.bold,
    'not-eligible': c.red,
  };
  return { c, outcome };
};

/** The mark beside a cell: the meaning is in the mark and the words, never in the colour alone. */
export function cellMark(cell: Cell): string {
  return cell.expected === undefined ? '·' : cell.differences.length ? '≠' : '=';
}

export function renderList(scenarios: TrainingScenario[], opts: { color: boolean }): string {
  const { c } = painter(opts.color);
  const w = Math.max(...scenarios.map((s) => s.id.length), 2);
  const out = [c.bold(`${'id'.padEnd(w)}  title`)];
  for (const s of scenarios) {
    out.push(`${c.bold(s.id.padEnd(w))}  ${oneLine(s.title)}`);
    out.push(c.dim(`${''.padEnd(w)}  pattern: ${s.pattern} · ${s.age_group} · A/79/322 para ${s.paragraphs.join(', ')} · ${s.jurisdictions.join(', ')}`));
  }
  out.push('', `${scenarios.length} scenarios. Run one: nonpunishment scenario demo ID`, '');
  return out.join('\n');
}

function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const para of plain(text).split(/\n\s*\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
    out.push('');
  }
  if (out[out.length - 1] === '') out.pop();
  return out;
}
export { wrap as wrapText };

export function renderShow(s: TrainingScenario, opts: { color: boolean; width?: number }): string {
  const { c } = painter(opts.color);
  const width = opts.width ?? 78;
  const out: string[] = [];
  out.push(c.bold.underline(oneLine(s.title)), c.dim(`${s.id} · pattern: ${s.pattern} · ${s.age_group} · A/79/322 para ${s.paragraphs.join(', ')}`), '');
  out.push(...wrap(s.narrative, width), '');
  out.push(c.bold('The facts'));
  for (const f of personFacts(s.case)) out.push(`  ${f.label}: ${oneLine(f.value)}`);
  for (const o of s.case.offences) {
    out.push(`  ${c.bold(`Offence ${oneLine(offenceTitle(o))}`)}`);
    for (const f of offenceFacts(o)) out.push(`    ${f.label}: ${oneLine(f.value)}`);
  }
  out.push('', c.bold(`Laws: ${s.jurisdictions.join(', ')}`), '');
  if (s.variations.length) {
    out.push(c.bold('What if…'));
    for (const v of s.variations) {
      out.push(`  ${c.bold(oneLine(v.title))} — ${v.change.path}: ${oneLine(valueWords(v.before))} → ${oneLine(valueWords(v.change.value))}`);
      out.push(...wrap(v.point, width - 4, '    '));
    }
    out.push('');
  }
  out.push(c.bold('Learning points'));
  for (const p of s.points) out.push(...wrap(p, width - 4, '  - ').map((l, i) => (i === 0 ? l : l.replace(/^ {2}- /, '    '))));
  out.push('');
  return out.join('\n');
}

function matrixRows(run: ScenarioRun, row: Row, color: boolean): string[] {
  const { c, outcome } = painter(color);
  const offences = [...new Set(row.cells.map((x) => x.offence))];
  const col = 16;
  const lw = Math.min(34, Math.max(...offences.map((o) => o.length + 2), 10));
  const out: string[] = [];
  out.push(c.bold(`  ${'offence'.padEnd(lw)}${run.jurisdictions.map((j) => j.padEnd(col)).join('')}`.trimEnd()));
  for (const o of offences) {
    let line = `  ${o.padEnd(lw)}`;
    for (const j of run.jurisdictions) {
      const cell = row.cells.find((x) => x.jurisdiction === j && x.offence === o);
      if (!cell) {
        line += '—'.padEnd(col);
        continue;
      }
      const word = `${cellMark(cell)} ${cell.result.outcome}`;
      line += outcome[cell.result.outcome](word) + ' '.repeat(Math.max(1, col - word.length));
    }
    out.push(line.trimEnd());
  }
  return out;
}

export function renderRun(run: ScenarioRun, opts: { color: boolean }): string {
  const { c } = painter(opts.color);
  const s = run.scenario;
  const out: string[] = [];
  out.push(c.bold.underline(oneLine(s.title)), c.dim(`${s.id} · = as expected · ≠ differs from the expected outcome · · no expectation for this law`), '');
  const base = run.rows[0]!;
  out.push(c.bold('As written'));
  out.push(...matrixRows(run, base, opts.color));
  out.push('');
  for (const cell of base.cells) {
    const why = cell.expected ? oneLine(cell.expected.reason) : 'no expectation written for this law';
    out.push(`  ${cell.jurisdiction} ${cell.offence}: ${c.bold(cell.result.outcome)}${relief(cell)} — ${why}`);
  }
  for (const row of run.rows.slice(1)) {
    const v = row.variation!;
    out.push('', c.bold(`What if: ${oneLine(v.title)}`), c.dim(`  ${v.change.path}: ${oneLine(valueWords(v.before))} → ${oneLine(valueWords(v.change.value))}`));
    out.push(...matrixRows(run, row, opts.color));
    for (const cell of row.cells) {
      if (!cell.expected) continue;
      out.push(`  ${cell.jurisdiction} ${cell.offence}: ${c.bold(cell.result.outcome)}${relief(cell)} — ${oneLine(cell.expected.reason)}`);
    }
    out.push(...wrap(`Point: ${v.point}`, 74, '  '));
  }
  out.push('');
  const diffs = differenceLines(run);
  const checked = run.rows.reduce((n, r) => n + r.cells.filter((x) => x.expected).length, 0);
  if (diffs.length) {
    out.push(c.red.bold(`DIFFERENCES: ${diffs.length} of ${checked} expected outcomes differ`));
    for (const d of diffs) out.push(`  ≠ ${oneLine(d)}`);
  } else out.push(c.green.bold(`All ${checked} expected outcomes met.`));
  out.push('');
  return out.join('\n');
}

function relief(cell: Cell): string {
  const r = Object.entries(cell.result.byRelief).map(([k, v]) => `${k}: ${v}`).join('; ');
  return r ? ` (${r})` : '';
}
