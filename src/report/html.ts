/**
 * The memo as one self-contained HTML page: inline CSS, no script, no external resource of any kind
 * (a Content-Security-Policy forbids loading one), printable on A4 and Letter. Every text from the case
 * and the law is escaped; links are http(s) only.
 */
import type { Report } from '../schema/report.js';
import { buildMemo, type Memo } from './memo.js';
import { html as h, safeUrl } from './neutralise.js';
import type { ReadingContext } from './reading.js';

const CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #333; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; } h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .95em; }
th, td { border: 1px solid #888; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.meta { color: #333; } .disclaimer { border-left: 4px solid #555; padding: .4rem .8rem; background: #f4f4f4; }
.status { font-weight: bold; white-space: nowrap; }
ul.elements { list-style: none; padding-left: .4rem; } ul.elements li { margin: .25rem 0; }
.open { font-weight: bold; } .note { font-size: .95em; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .9em; word-break: break-all; }
a { color: #0645ad; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } h2, h3, h4 { break-after: avoid; } li, tr { break-inside: avoid; } a::after { content: ''; } }
@page { size: A4; margin: 18mm 16mm; }
main.next { break-before: page; border-top: 3px double #333; margin-top: 3rem; }
`;

const STATUS_WORDS = { met: '✓ met', 'not-met': '✗ not met', unknown: '? to establish' } as const;

export function renderHtml(report: Report, ctx: ReadingContext = {}): string {
  return memoHtml([buildMemo(report, ctx)]);
}

/** Several case files: one page, one memo after another, each starting on a new printed page. */
export function renderHtmlPage(reports: readonly Report[], ctx: (i: number) => ReadingContext): string {
  return memoHtml(reports.map((r, i) => buildMemo(r, ctx(i))));
}

export function memoHtml(memos: readonly Memo[]): string {
  const out: string[] = [];
  const p = (s: string) => out.push(s);
  const title = memos.map((m) => m.caseRef).join(', ');
  p('<!DOCTYPE html>');
  p('<html lang="en"><head><meta charset="utf-8">');
  p(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  p('<meta name="viewport" content="width=device-width, initial-scale=1">');
  p(`<title>Non-punishment memo: ${h(title)}</title>`);
  p(`<style>${CSS}</style></head><body>`);
  memos.forEach((m, i) => {
    p(`<main${i ? ' class="next"' : ''}>`);
    memoBody(m, p);
    p('</main>');
  });
  p('</body></html>');
  return out.join('\n') + '\n';
}

function memoBody(m: Memo, p: (s: string) => void): void {
  const link = (u: string | null) => {
    const s = safeUrl(u);
    return s ? ` — <a href="${h(s)}">${h(s)}</a>` : '';
  };
  p(`<h1>Non-punishment memo: ${h(m.caseRef)}</h1>`);
  p(`<p class="meta"><strong>Client / case reference:</strong> ${h(m.caseRef)}<br><strong>Assessed as of:</strong> ${h(m.asOf)}<br><strong>Rules:</strong> version ${h(m.rules.version)}, digest <code>${h(m.rules.digest)}</code></p>`);
  p(`<p class="disclaimer">${h(m.disclaimer)}</p>`);
  for (const law of m.laws) {
    p(`<section><h2>${h(law.name)} (${h(law.id)})</h2>`);
    p('<table><thead><tr><th>offence</th><th>stage</th><th>outcome</th><th>relief sought</th></tr></thead><tbody>');
    for (const o of law.offences) p(`<tr><td>${h([o.id, o.label].filter(Boolean).join(': '))}</td><td>${h(o.stage)}</td><td><strong>${h(o.headline)}</strong></td><td>${h(o.reliefSought)}</td></tr>`);
    p('</tbody></table>');
    for (const o of law.offences) {
      p(`<article><h3>${h(o.id)}${o.label ? `: ${h(o.label)}` : ''}</h3>`);
      p(`<p>Category ${h(o.category)}${o.code ? `, statute code <code>${h(o.code)}</code>` : ''}; stage: ${h(o.stage)}.<br><strong>Outcome: ${h(o.headline)}.</strong> Relief sought: ${h(o.reliefSought)}.${o.deadline ? ` Earliest deadline: <strong>${h(o.deadline)}</strong>.` : ''}</p>`);
      if (o.matched) p(`<p class="matched">${h(o.matched)}</p>`);
      for (const w of o.warnings) p(`<p class="warning">Warning: ${h(w)}</p>`);
      if (o.relied.length) p(`<p>Facts relied on (from the case file): ${o.relied.map((f) => `<code>${h(f.fact)}</code> = ${h(f.value)}`).join('; ')}.</p>`);
      if (o.ignored.length) p(`<p>Facts given that this law does not read: ${o.ignored.map((f) => `<code>${h(f.fact)}</code> (${h(f.value)})`).join('; ')}.</p>`);
      for (const need of o.mandatoryNeeds) p(`<p>A mandatory route, ${h(need.title)} (${h(need.citation)}), still needs: ${need.missing.map((x) => `${h(x.question)} (<code>${h(x.fact)}</code>)`).join('; ')}</p>`);
      for (const r of o.routes) {
        p(`<h4>${h(r.relief)}: ${h(r.title)} (${h(r.outcome)})</h4>`);
        p(`<p>${h(r.citation)}${link(r.url)}. Discretion: ${h(r.discretion)}.</p>`);
        p('<p>Elements to establish:</p><ul class="elements">');
        for (const e of r.elements) {
          const support = e.supportedBy.length ? ` Supported by: ${e.supportedBy.map((f) => `<code>${h(f.fact)}</code> = ${h(f.value)}`).join('; ')}.` : '';
          const open = e.toEstablish.length ? ` <span class="open">Still to establish:</span> ${e.toEstablish.map((x) => `${h(x.question)} (<code>${h(x.fact)}</code>)`).join('; ')}` : '';
          p(`<li><span class="status">${STATUS_WORDS[e.status]}</span> <em>${h(e.cite)}</em>: ${h(e.reason)}${/[.?!]$/.test(e.reason) ? '' : '.'}${support}${open}</li>`);
        }
        p('</ul>');
        for (const a of r.assumptions) p(`<p class="assumption">Assumption: ${h(a)}</p>`);
        if (r.proof) p(`<p>Proof: ${h(r.proof)}</p>`);
        if (r.deadline) p(`<p>Deadline: <strong>${h(r.deadline.date)}</strong> (${h(r.deadline.how)}).</p>`);
        if (r.notes.length) p(`<p class="note">Unverified points: see note${r.notes.length > 1 ? 's' : ''} ${r.notes.map((n) => `<a href="#note-${n}">[${n}]</a>`).join(', ')}.</p>`);
      }
      if (o.closed.length) {
        p('<p>Routes that do not apply:</p><ul>');
        for (const c of o.closed) p(`<li>${h(c.title)} (${h(c.citation)}): ${h(c.outcome)} — ${h(c.why)}</li>`);
        p('</ul>');
      }
      p('</article>');
    }
    if (law.protections.length) {
      p(`<h3>Confidentiality and other protections (${h(law.id)})</h3><ul>`);
      for (const pr of law.protections) p(`<li>${h(pr.name)}: <strong>${h(pr.value)}</strong>${pr.cite ? ` (${h(pr.cite)})` : ''}${pr.note ? `. ${h(pr.note)}` : ''}${pr.verified ? '' : ' (not verified)'}</li>`);
      p('</ul>');
    }
    p('</section>');
  }
  if (m.notes.length) {
    p('<section><h2>Unverified points in the law relied on</h2><ol>');
    m.notes.forEach((n, i) => p(`<li id="note-${i + 1}">${h(n)}</li>`));
    p('</ol></section>');
  }
  p(`<footer><p class="disclaimer"><em>${h(m.disclaimer)}</em> Rules ${h(m.rules.version)}, <code>${h(m.rules.digest)}</code>.</p></footer>`);
}
