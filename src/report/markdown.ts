/**
 * A memo a lawyer can paste into a brief: per offence, the outcome, each relief with citation, reasons and open
 * questions. Every text from a case or law file goes through `markdown` (esc): inert, one line, no markup.
 */
import type { Report } from '../schema/report.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';
import { httpUrl, markdown as esc } from './neutralise.js';
import { BURDEN_WORDS, OUTCOME_WORDS, RELIEF_WORDS, STANDARD_WORDS, STATUS_MARK } from './wording.js';


export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Non-punishment assessment: case ${esc(report.case)}`);
  out.push('');
  out.push(`Assessed as of ${esc(report.asOf)}. Rules version ${esc(report.rules.version)}, digest \`${report.rules.digest.replace(/[^a-z0-9:]/g, '')}\` (reproduce with the same rules files).`);
  out.push('');
  out.push('> This memo applies encoded law to the facts given. Facts left out are treated as unknown, never as false. Check every citation against the current official text before relying on it.');
  for (const r of report.results) {
    out.push('');
    out.push(`## ${esc(r.name)} (${esc(r.jurisdiction)})`);
    out.push('');
    out.push('| offence | stage | outcome | by relief |');
    out.push('|---|---|---|---|');
    for (const o of r.offences)
      out.push(`| ${esc([o.offence, o.label].filter(Boolean).join(': '))} | ${esc(o.disposition ?? 'not stated')} | **${esc(o.outcome)}** | ${Object.entries(o.byRelief).map(([k, v]) => `${esc(k)}: ${esc(String(v))}`).join('; ') || '—'} |`);
    for (const o of r.offences) {
      out.push('');
      out.push(`### ${esc(o.offence)}${o.label ? ` — ${esc(o.label)}` : ''}`);
      out.push('');
      out.push(`Category: ${esc(o.category)}${o.code ? `; statute code ${esc(o.code)}` : ''}; stage: ${esc(o.disposition ?? 'not stated')}. **Outcome: ${esc(o.outcome)}** (${OUTCOME_WORDS[o.outcome]}).${o.deadline ? ` Earliest deadline: **${esc(o.deadline)}**.` : ''}`);
      const matched = resolutionLine(o);
      if (matched) out.push('', esc(matched));
      for (const w of resolutionWarnings(o)) out.push('', `> Warning: ${esc(w)}`);
      for (const p of o.provisions) {
        out.push('');
        out.push(`#### ${RELIEF_WORDS[p.relief]}: ${esc(p.title)} — ${esc(p.outcome)}`);
        out.push('');
        out.push(`${esc(p.citation)}${httpUrl(p.url) ? ` (<${p.url}>)` : ''}. Discretion: ${esc(p.discretion)}.${p.proof ? ` Proof: ${BURDEN_WORDS[p.proof.burden]}, ${STANDARD_WORDS[p.proof.standard]}.` : ''}`);
        out.push('');
        for (const ch of p.checks) out.push(`- ${STATUS_MARK[ch.status]} *${esc(ch.cite)}*: ${esc(ch.reason)}`);
        if (p.missing.length) {
          out.push('');
          out.push('Still to establish:');
          out.push('');
          for (const m of p.missing) out.push(`- \`${m.fact.replace(/[^a-z0-9._:-]/gi, '')}\`: ${esc(m.question)}`); // fact names are the engine's own
        }
        for (const a of assumptionLines(p)) out.push('', `> Assumption: ${esc(a)}`);
        if (p.unverified.length) {
          out.push('');
          for (const u of p.unverified) out.push(`> Unverified: ${esc(u)}`);
        }
      }
    }
  }
  out.push('');
  return out.join('\n');
}
