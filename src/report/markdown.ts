/** The memo as markdown: a document a lawyer can adapt and file (see memo.ts for what it holds). */
import type { Report } from '../schema/report.js';
import { buildMemo, type Memo } from './memo.js';
import { markdown as md, safeUrl } from './neutralise.js';
import type { ReadingContext } from './reading.js';
import { STATUS_MARK } from './wording.js';

export function renderMarkdown(report: Report, ctx: ReadingContext = {}): string {
  return memoMarkdown(buildMemo(report, ctx));
}

export function memoMarkdown(m: Memo): string {
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  p(`# Non-punishment memo: ${md(m.caseRef)}`);
  p();
  p(`**Client / case reference:** ${md(m.caseRef)}  `);
  p(`**Assessed as of:** ${m.asOf}  `);
  p(`**Rules:** version ${md(m.rules.version)}, digest \`${m.rules.digest.replace(/`/g, '')}\` (the same rules files give the same result)`);
  p();
  p(`> ${md(m.disclaimer)}`);
  for (const law of m.laws) {
    p();
    p(`## ${md(law.name)} (${md(law.id)})`);
    p();
    p('| offence | stage | outcome | relief sought |');
    p('|---|---|---|---|');
    for (const o of law.offences) p(`| ${md([o.id, o.label].filter(Boolean).join(': '))} | ${md(o.stage)} | **${md(o.headline)}** | ${md(o.reliefSought)} |`);
    for (const o of law.offences) {
      p();
      p(`### ${md(o.id)}${o.label ? `: ${md(o.label)}` : ''}`);
      p();
      p(`Category ${md(o.category)}${o.code ? `, statute code \`${o.code}\`` : ''}; stage: ${md(o.stage)}.  `);
      p(`**Outcome: ${md(o.headline)}.** Relief sought: ${md(o.reliefSought)}.${o.deadline ? ` Earliest deadline: **${o.deadline}**.` : ''}`);
      if (o.matched) p(md(o.matched));
      for (const w of o.warnings) p(`> Warning: ${md(w)}`);
      if (o.relied.length) {
        p();
        p(`Facts relied on (from the case file): ${o.relied.map((f) => `${md(f.fact)} = ${md(f.value)}`).join('; ')}.`);
      }
      if (o.ignored.length) {
        p();
        p(`Facts given that this law does not read: ${o.ignored.map((f) => `${md(f.fact)} (${md(f.value)})`).join('; ')}.`);
      }
      for (const need of o.mandatoryNeeds) {
        p();
        p(`A mandatory route, ${md(need.title)} (${md(need.citation)}), still needs: ${need.missing.map((x) => `${md(x.fact)}: ${md(x.question)}`).join('; ')}`);
      }
      for (const r of o.routes) {
        const url = safeUrl(r.url);
        p();
        p(`#### ${md(r.relief)}: ${md(r.title)} (${md(r.outcome)})`);
        p();
        p(`${md(r.citation)}${url ? ` — <${url}>` : ''}. Discretion: ${md(r.discretion)}.`);
        p();
        p('Elements to establish:');
        p();
        for (const e of r.elements) {
          const support = e.supportedBy.length ? ` Supported by: ${e.supportedBy.map((f) => `${md(f.fact)} = ${md(f.value)}`).join('; ')}.` : '';
          const open = e.toEstablish.length ? ` **Still to establish:** ${e.toEstablish.map((x) => `${md(x.question)} (\`${x.fact}\`)`).join('; ')}` : '';
          p(`- ${STATUS_MARK[e.status]} *${md(e.cite)}*: ${md(e.reason)}${/[.?!]$/.test(e.reason) ? '' : '.'}${support}${open}`);
        }
        for (const a of r.assumptions) p(`> Assumption: ${md(a)}`);
        if (r.proof) {
          p();
          p(`Proof: ${md(r.proof)}`);
        }
        if (r.deadline) {
          p();
          p(`Deadline: **${r.deadline.date}** (${md(r.deadline.how)}).`);
        }
        if (r.notes.length) {
          p();
          p(`Unverified points: see note${r.notes.length > 1 ? 's' : ''} ${r.notes.map((n) => `[${n}]`).join(', ')} below.`);
        }
      }
      if (o.closed.length) {
        p();
        p('Routes that do not apply:');
        p();
        for (const c of o.closed) p(`- ${md(c.title)} (${md(c.citation)}): ${md(c.outcome)} — ${md(c.why)}`);
      }
    }
    if (law.protections.length) {
      p();
      p(`### Confidentiality and other protections (${md(law.id)})`);
      p();
      for (const pr of law.protections) p(`- ${md(pr.name)}: **${md(pr.value)}**${pr.cite ? ` (${md(pr.cite)})` : ''}${pr.note ? `. ${md(pr.note)}` : ''}${pr.verified ? '' : ' (not verified)'}`);
    }
  }
  if (m.notes.length) {
    p();
    p('## Unverified points in the law relied on');
    p();
    m.notes.forEach((n, i) => p(`${i + 1}. ${md(n)}`));
  }
  p();
  p('---');
  p();
  p(`*${md(m.disclaimer)}* Rules ${md(m.rules.version)}, \`${m.rules.digest.replace(/`/g, '')}\`.`);
  p();
  return out.join('\n');
}
