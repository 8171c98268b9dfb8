/** A memo a lawyer can paste into a brief: per offence, the outcome, each relief with citation, reasons and open questions. */
import type { Report } from '../schema/report.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';
import { BURDEN_WORDS, OUTCOME_WORDS, RELIEF_WORDS, STANDARD_WORDS, STATUS_MARK } from './wording.js';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Non-punishment assessment: case ${esc(report.case)}`);
  out.push('');
  out.push(`Assessed as of ${report.asOf}. Rules version ${report.rules.version}, digest \`${report.rules.digest}\` (reproduce with the same rules files).`);
  out.push('');
  out.push('> This memo applies encoded law to the facts given. Facts left out are treated as unknown, never as false. Check every citation against the current official text before relying on it.');
  for (const r of report.results) {
    out.push('');
    out.push(`## ${esc(r.name)} (\`${r.jurisdiction}\`)`);
    out.push('');
    out.push('| offence | stage | outcome | by relief |');
    out.push('|---|---|---|---|');
    for (const o of r.offences)
      out.push(`| ${esc([o.offence, o.label].filter(Boolean).join(': '))} | ${o.disposition ?? 'not stated'} | **${o.outcome}** | ${Object.entries(o.byRelief).map(([k, v]) => `${k}: ${v}`).join('; ') || '—'} |`);
    for (const o of r.offences) {
      out.push('');
      out.push(`### ${esc(o.offence)}${o.label ? ` — ${esc(o.label)}` : ''}`);
      out.push('');
      out.push(`Category: ${o.category}${o.code ? `; statute code \`${o.code}\`` : ''}; stage: ${o.disposition ?? 'not stated'}. **Outcome: ${o.outcome}** (${OUTCOME_WORDS[o.outcome]}).${o.deadline ? ` Earliest deadline: **${o.deadline}**.` : ''}`);
      const matched = resolutionLine(o);
      if (matched) out.push('', esc(matched));
      for (const w of resolutionWarnings(o)) out.push('', `> Warning: ${esc(w)}`);
      for (const p of o.provisions) {
        out.push('');
        out.push(`#### ${RELIEF_WORDS[p.relief]}: ${esc(p.title)} — ${p.outcome}`);
        out.push('');
        out.push(`${esc(p.citation)}${p.url ? ` (<${p.url}>)` : ''}. Discretion: ${p.discretion}.${p.proof ? ` Proof: ${BURDEN_WORDS[p.proof.burden]}, ${STANDARD_WORDS[p.proof.standard]}.` : ''}`);
        out.push('');
        for (const ch of p.checks) out.push(`- ${STATUS_MARK[ch.status]} *${esc(ch.cite)}*: ${esc(ch.reason)}`);
        if (p.missing.length) {
          out.push('');
          out.push('Still to establish:');
          out.push('');
          for (const m of p.missing) out.push(`- \`${m.fact}\`: ${esc(m.question)}`);
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
