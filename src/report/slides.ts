/** A scenario as a markdown slide deck (slides separated by `---`, as Marp, reveal.js and Slidev read them). */
import type { Row, ScenarioRun } from '../scenario/run.js';
import { offenceFacts, offenceTitle, personFacts, valueWords } from './facts.js';
import { markdown as md, plain } from './neutral.js';
import { cellMark } from './scenario-text.js';

function table(run: ScenarioRun, row: Row): string[] {
  const offences = [...new Set(row.cells.map((c) => c.offence))];
  const out = [`| offence | ${run.jurisdictions.map(md).join(' | ')} |`, `|---|${run.jurisdictions.map(() => '---').join('|')}|`];
  for (const o of offences)
    out.push(
      `| ${md(o)} | ${run.jurisdictions
        .map((j) => {
          const cell = row.cells.find((c) => c.jurisdiction === j && c.offence === o);
          return cell ? `${cellMark(cell)} **${cell.result.outcome}**` : '—';
        })
        .join(' | ')} |`,
    );
  return out;
}

function whys(row: Row): string[] {
  return row.cells
    .filter((c) => c.expected)
    .map((c) => `- ${md(c.jurisdiction)}, ${md(c.offence)}: **${c.result.outcome}** — ${md(c.expected!.reason)}${c.differences.length ? ` (differs: ${md(c.differences.join('; '))})` : ''}`);
}

export function renderSlides(run: ScenarioRun): string {
  const s = run.scenario;
  const slides: string[][] = [];
  slides.push([`# ${md(s.title)}`, '', `Pattern: ${md(s.pattern)} · ${md(s.age_group)} · A/79/322 para ${s.paragraphs.map(md).join(', ')}`, '', `Laws: ${run.jurisdictions.map(md).join(', ')}`]);
  slides.push(['## The story', '', ...plain(s.narrative).split(/\n\s*\n/).map((p) => md(p)).filter(Boolean).flatMap((p) => [p, '']), '*A composite written for training: no real person, no real case.*']);
  slides.push(['## The facts', '', ...personFacts(s.case).map((f) => `- ${md(f.label)}: ${md(f.value)}`)]);
  for (const o of s.case.offences) slides.push([`## Offence ${md(offenceTitle(o))}`, '', ...offenceFacts(o).map((f) => `- ${md(f.label)}: ${md(f.value)}`)]);
  slides.push(['## Outcome, law by law', '', ...table(run, run.rows[0]!), '', ...whys(run.rows[0]!), '', '= as expected · ≠ differs · · no expectation for this law']);
  for (const row of run.rows.slice(1)) {
    const v = row.variation!;
    slides.push([`## What if: ${md(v.title)}`, '', `Changed \`${v.change.path}\`: ${md(valueWords(v.before))} → ${md(valueWords(v.change.value))}`, '', ...table(run, row), '', ...whys(row), '', `> ${md(v.point)}`]);
  }
  slides.push(['## Learning points', '', ...s.points.map((p, i) => `${i + 1}. ${md(p)}`)]);
  return slides.map((x) => x.join('\n')).join('\n\n---\n\n') + '\n';
}
