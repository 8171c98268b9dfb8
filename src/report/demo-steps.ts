/**
 * The classroom demo as a list of steps, built from a scenario run: the story, the facts, then law by
 * law each requirement checked and the outcome, then each variation (only what changed, and what that
 * did), then the learning points. A step may carry quiz questions, asked before its outcome is shown.
 * Plain text with colour only as emphasis: every meaning is also in a mark or a word.
 */
import type { ScenarioRun } from '../scenario/run.js';
import type { Outcome } from '../vocabulary.js';
import { offenceFacts, offenceTitle, personFacts, valueWords } from './facts.js';
import { oneLine } from './neutral.js';
import { cellMark, painter, wrapText } from './scenario-text.js';
import { RELIEF_WORDS, STATUS_MARK } from './wording.js';

export interface Quiz {
  question: string;
  answer: Outcome;
}

export interface DemoStep {
  title: string;
  /** Shown at once. */
  lead: string[];
  /** Asked after the lead, before the rest. */
  quiz: Quiz[];
  /** Shown after the quiz (at once when there is none). */
  reveal: string[];
}

export const OUTCOME_MARK: Record<Outcome, string> = { eligible: '✓', undetermined: '?', excluded: '✗', 'not-eligible': '✗' };

export function demoSteps(run: ScenarioRun, opts: { color: boolean; width?: number }): DemoStep[] {
  const { c, outcome } = painter(opts.color);
  const width = Math.max(40, Math.min(opts.width ?? 78, 100));
  const s = run.scenario;
  const big = (o: Outcome) => outcome[o](`${OUTCOME_MARK[o]} ${o.toUpperCase()}`);
  const steps: DemoStep[] = [];
  steps.push({
    title: oneLine(s.title),
    lead: [c.dim(`Scenario ${s.id} · ${s.pattern} · ${s.age_group} · A/79/322 para ${s.paragraphs.join(', ')}`), '', ...wrapText(s.narrative, width)],
    quiz: [],
    reveal: [],
  });
  const facts = personFacts(s.case).map((f) => `  ${f.label}: ${c.bold(oneLine(f.value))}`);
  for (const o of s.case.offences) facts.push('', c.bold(`  Offence ${oneLine(offenceTitle(o))}`), ...offenceFacts(o).map((f) => `    ${f.label}: ${c.bold(oneLine(f.value))}`));
  steps.push({ title: 'The facts', lead: facts, quiz: [], reveal: [] });
  const base = run.rows[0]!;
  for (const j of run.jurisdictions) {
    for (const cell of base.cells.filter((x) => x.jurisdiction === j)) {
      const r = cell.result;
      const label = oneLine(r.label ?? r.category);
      const reveal: string[] = [];
      if (!r.provisions.length) reveal.push('  No provision of this law offers relief at this stage.');
      for (const p of r.provisions) {
        reveal.push('', ...wrapText(`${RELIEF_WORDS[p.relief]} — ${oneLine(p.title)} (${p.discretion})`, width - 2, '  ').map((l) => c.bold(l)), ...wrapText(oneLine(p.citation), width - 2, '  ').map((l) => c.dim(l)));
        // A provision that may apply shows every requirement; one that fails shows what fails it.
        const shown = p.outcome === 'eligible' || p.outcome === 'undetermined' ? p.checks : p.checks.filter((ch) => ch.status === 'not-met');
        for (const ch of shown) {
          const word = ch.status === 'met' ? 'met' : ch.status === 'not-met' ? 'NOT MET' : 'unknown';
          reveal.push(...wrapText(`${STATUS_MARK[ch.status]} ${word} — ${oneLine(ch.cite)}: ${oneLine(ch.reason)}`, width - 4, '    '));
        }
        if (p.unverified.length) reveal.push(c.dim('    ⚠ rests on law not yet checked against its text (see: nonpunishment jurisdictions show)'));
        reveal.push(`    → ${big(p.outcome)}`);
      }
      reveal.push('', `  Outcome under ${j}: ${big(r.outcome)}`);
      if (cell.expected) reveal.push(...wrapText(`${cellMark(cell)} ${cell.differences.length ? `differs from the expected ${cell.expected.outcome}` : 'as expected'}: ${oneLine(cell.expected.reason)}`, width - 2, '  '));
      if (r.missing.length) reveal.push('  Still to establish:', ...r.missing.map((m) => `    ? ${m.fact}: ${oneLine(m.question)}`));
      steps.push({
        title: `${run.names[j] ?? j} (${j}) — ${cell.offence}: ${label}`,
        lead: [`  Stage: ${r.disposition ?? 'not stated'} · category: ${r.category}${r.code ? ` · code ${r.code}` : ''}`],
        quiz: [{ question: `Under ${j}, what is the outcome for ${cell.offence} (${label})?`, answer: r.outcome }],
        reveal,
      });
    }
  }
  for (const row of run.rows.slice(1)) {
    const v = row.variation!;
    const shown = row.cells.filter((x) => x.expected);
    const reveal: string[] = [];
    for (const cell of shown) {
      const before = base.cells.find((b) => b.jurisdiction === cell.jurisdiction && b.offence === cell.offence)?.result.outcome;
      const changed = before !== cell.result.outcome;
      reveal.push(`  ${cell.jurisdiction}, ${cell.offence}: ${before ? `${before} → ` : ''}${big(cell.result.outcome)}${changed ? c.bold('  (changed)') : '  (unchanged)'}`);
      reveal.push(...wrapText(`${cellMark(cell)} ${oneLine(cell.expected!.reason)}`, width - 4, '    '));
    }
    reveal.push('', ...wrapText(`Point: ${v.point}`, width - 2, '  '));
    steps.push({
      title: `What if: ${oneLine(v.title)}`,
      lead: [`  Only this changes — ${c.bold(v.change.path)}: ${oneLine(valueWords(v.before))} → ${c.bold(oneLine(valueWords(v.change.value)))}`],
      quiz: shown.map((cell) => ({ question: `Now, under ${cell.jurisdiction}, what is the outcome for ${cell.offence}?`, answer: cell.result.outcome })),
      reveal,
    });
  }
  steps.push({ title: 'Learning points', lead: s.points.flatMap((p, i) => wrapText(`${i + 1}. ${p}`, width - 2, '  ')), quiz: [], reveal: [] });
  return steps;
}

/** A step as printed: a heading rule, the title, its lines. */
export function stepText(step: DemoStep, n: number, total: number, opts: { color: boolean; width?: number; withReveal: boolean }): string {
  const { c } = painter(opts.color);
  const w = Math.max(40, Math.min(opts.width ?? 78, 100));
  const lines = ['', c.dim('═'.repeat(w)), c.bold(`[${n}/${total}]  ${step.title}`), c.dim('═'.repeat(w)), '', ...step.lead];
  if (opts.withReveal && step.reveal.length) lines.push(...step.reveal);
  return lines.join('\n') + '\n';
}
