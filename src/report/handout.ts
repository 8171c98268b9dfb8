/**
 * The printable handout of a scenario: one self-contained HTML file (inline CSS with a print stylesheet,
 * no script, no outside request — a Content-Security-Policy forbids any), holding the narrative, the
 * facts, the outcome matrix with reasons and citations, the variations and the learning points.
 */
import type { Row, ScenarioRun } from '../scenario/run.js';
import { OUTCOME_WORDS, RELIEF_WORDS, STATUS_MARK } from './wording.js';
import { offenceFacts, offenceTitle, personFacts, valueWords } from './facts.js';
import { html, plain } from './neutral.js';
import { cellMark } from './scenario-text.js';

const CSS = `
:root { --ink: #111; --muted: #555; --line: #bbb; --ok: #dff3e4; --warn: #fff4cc; --bad: #fde2e1; }
* { box-sizing: border-box; }
body { font: 15px/1.45 Georgia, "Times New Roman", serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.tags { color: var(--muted); font: 13px/1.4 system-ui, sans-serif; }
.narrative p { margin: 0 0 .8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font: 13px/1.35 system-ui, sans-serif; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.outcome { font-weight: 700; white-space: nowrap; }
td.outcome small { display: block; font-weight: 400; white-space: normal; }
.eligible { background: var(--ok); } .undetermined { background: var(--warn); }
.excluded, .not-eligible { background: var(--bad); }
.diff { outline: 3px solid #b00; }
dl.facts { display: grid; grid-template-columns: 14rem 1fr; gap: .15rem 1rem; font: 13px/1.4 system-ui, sans-serif; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.change { font: 13px/1.4 system-ui, sans-serif; background: #f6f6f6; border-left: 4px solid var(--ink); padding: .3rem .6rem; }
.point { font-style: italic; }
.unverified { font-style: italic; }
.legend, footer { color: var(--muted); font: 12px/1.4 system-ui, sans-serif; }
ul.checks { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  @page { size: A4; margin: 14mm; }
  h2, h3 { break-after: avoid; }
  tr, .variation, dl.facts { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .eligible, .undetermined, .excluded, .not-eligible, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

function matrix(run: ScenarioRun, row: Row, label: string): string {
  const offences = [...new Set(row.cells.map((c) => c.offence))];
  const head = `<tr><th scope="col">Offence</th>${run.jurisdictions.map((j) => `<th scope="col">${html(run.names[j] ?? j)} <span class="tags">(${html(j)})</span></th>`).join('')}</tr>`;
  const body = offences
    .map((o) => {
      const label = row.cells.find((c) => c.offence === o)?.result.label;
      const cells = run.jurisdictions
        .map((j) => {
          const cell = row.cells.find((c) => c.jurisdiction === j && c.offence === o);
          if (!cell) return '<td>—</td>';
          const r = cell.result;
          const relief = Object.entries(r.byRelief).map(([k, v]) => `${html(k)}: ${html(v)}`).join('; ');
          const note = cell.differences.length ? `<small>differs: ${html(cell.differences.join('; '))}</small>` : '';
          return `<td class="outcome ${r.outcome}${cell.differences.length ? ' diff' : ''}" data-jurisdiction="${html(j)}" data-offence="${html(o)}" data-outcome="${r.outcome}"${cell.expected ? ` data-expected="${cell.expected.outcome}"` : ''}>${cellMark(cell)} ${r.outcome}<small>${relief || 'no relief at this stage'}</small>${note}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${html(o)}${label ? `: ${html(label)}` : ''}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="matrix" data-row="${html(label)}"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function reasons(run: ScenarioRun, row: Row): string {
  const out: string[] = [];
  for (const cell of row.cells) {
    if (!cell.expected && row.variation) continue;
    const r = cell.result;
    const shown = r.provisions;
    out.push(
      `<h3>${html(run.names[cell.jurisdiction] ?? cell.jurisdiction)} — ${html(cell.offence)}: ${cellMark(cell)} ${r.outcome}</h3>`,
      `<p>${cell.expected ? html(cell.expected.reason) : 'No expectation was written for this law.'}</p>`,
      shown.length
        ? `<ul class="checks">${shown
            .map(
              (p) =>
                `<li><strong>${html(RELIEF_WORDS[p.relief])}: ${p.outcome}</strong> — ${html(p.title)} — ${html(p.citation)}${p.url ? ` (<a href="${html(p.url)}">${html(p.url)}</a>)` : ''}; ${html(p.discretion)}. ${p.checks
                  .filter((ch) => p.outcome === 'eligible' || p.outcome === 'undetermined' || ch.status === 'not-met')
                  .map((ch) => `${STATUS_MARK[ch.status]} ${html(ch.cite)}: ${html(ch.reason)}`)
                  .join(' ')}${p.unverified.length ? ` <span class="unverified">⚠ Rests on law not yet checked against its text (${p.unverified.length} note${p.unverified.length > 1 ? 's' : ''}: nonpunishment jurisdictions show ${html(cell.jurisdiction)}).</span>` : ''}</li>`,
            )
            .join('')}</ul>`
        : `<p class="legend">${html(OUTCOME_WORDS[r.outcome])}: no provision of this law offers relief at this stage.</p>`,
    );
  }
  return out.join('\n');
}

function paragraphs(text: string): string {
  return plain(text)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${html(p.replace(/\s+/g, ' '))}</p>`)
    .join('\n');
}

export function renderHandout(run: ScenarioRun): string {
  const s = run.scenario;
  const rules = run.rules;
  const facts = [...personFacts(s.case).map((f) => [f.label, f.value] as const)];
  const offences = s.case.offences
    .map((o) => `<h3>Offence ${html(offenceTitle(o))}</h3><dl class="facts">${offenceFacts(o).map((f) => `<dt>${html(f.label)}</dt><dd>${html(f.value)}</dd>`).join('')}</dl>`)
    .join('\n');
  const variations = run.rows
    .slice(1)
    .map((row) => {
      const v = row.variation!;
      return `<section class="variation"><h3>What if: ${html(v.title)}</h3>
<p class="change">Changed: <code>${html(v.change.path)}</code> from <strong>${html(valueWords(v.before))}</strong> to <strong>${html(valueWords(v.change.value))}</strong></p>
${matrix(run, row, v.id)}
${reasons(run, row)}
<p class="point">${html(v.point)}</p></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(s.title)} — training handout</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${html(s.title)}</h1>
<p class="tags">Scenario <code>${html(s.id)}</code> · pattern: ${html(s.pattern)} · ${html(s.age_group)} · A/79/322 para ${s.paragraphs.map(html).join(', ')} · laws: ${run.jurisdictions.map(html).join(', ')}</p>
</header>
<section class="narrative"><h2>The story</h2>
${paragraphs(s.narrative)}
<p class="legend">A composite written for training: no real person, no real case.</p>
</section>
<section><h2>The facts</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${html(k)}</dt><dd>${html(v)}</dd>`).join('')}</dl>
${offences}
</section>
<section><h2>Outcome, law by law</h2>
<p class="legend">= as expected · ≠ differs from the expected outcome · · no expectation for this law. Outcomes: eligible; undetermined (facts still to establish); excluded (a statutory exception); not-eligible (a requirement not met).</p>
${matrix(run, run.rows[0]!, 'as-written')}
${reasons(run, run.rows[0]!)}
</section>
${variations ? `<section><h2>What if…</h2>\n${variations}\n</section>` : ''}
<section><h2>Learning points</h2>
<ol>${s.points.map((p) => `<li>${html(p)}</li>`).join('')}</ol>
</section>
<footer><p>Rules ${html(rules.version)}, digest <code>${html(rules.digest)}</code>. This handout applies encoded law to invented facts; a fact left out is unknown, never false. Check every citation against the current official text before relying on it.</p></footer>
</body>
</html>
`;
}
