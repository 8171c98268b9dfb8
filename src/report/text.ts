/**
 * Terminal rendering: per law (in the order given) and offence (in the order of the case file), a
 * headline that does not overstate, the facts relied on and those the law leaves aside, each provision
 * with its limbs, and the notes on unverified points once at the end. Wrapped to the terminal's width.
 */
import { Chalk } from 'chalk';
import type { Report } from '../schema/report.js';
import type { Outcome } from '../vocabulary.js';
import { plain } from './neutralise.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';
import { factsIgnored, factsReliedOn, headline, inGivenOrder, mandatoryStillNeeds, notForThisPerson, Notes, type ReadingContext } from './reading.js';
import { BURDEN_WORDS, OUTCOME_WORDS, RELIEF_WORDS, STANDARD_WORDS, STATUS_MARK } from './wording.js';

export interface TextOptions extends ReadingContext {
  color: boolean;
  /** Columns to wrap to (80 when not a terminal). */
  width?: number;
  /** Show every provision in full, also those that do not apply to this person. */
  verbose?: boolean;
}

/** Words of `text` on lines of at most `width` columns; the first line after `first`, the others after `indent` spaces. */
export function wrap(text: string, width: number, indent: number, firstWidth = indent): string[] {
  const words = text.split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  let room = Math.max(20, width - firstWidth);
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > room) {
      lines.push(cur);
      cur = w;
      room = Math.max(20, width - indent);
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}

export function renderText(report: Report, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width ?? 80;
  const paint: Record<Outcome, (s: string) => string> = {
    eligible: c.green.bold,
    undetermined: c.yellow.bold,
    excluded: c.red.bold,
    'not-eligible': c.red,
  };
  const out: string[] = [];
  /** A paragraph: a coloured prefix of known visible width, then text wrapped under it. */
  const para = (indent: number, prefix: string, prefixLen: number, body: string, paintBody: (s: string) => string = (s) => s) => {
    // A short prefix (a mark) hangs the text under it; after a long one (a heading) the text goes on two columns in.
    const hang = indent + (prefixLen <= 4 ? prefixLen : 2);
    const lines = wrap(plain(body), width, hang, indent + prefixLen);
    out.push(' '.repeat(indent) + prefix + paintBody(lines[0]!));
    for (const l of lines.slice(1)) out.push(' '.repeat(hang) + paintBody(l));
  };
  const notes = new Notes();
  // Question texts are long: each is printed in full once, then referred to.
  const asked = new Set<string>();
  const questions = [...new Set(report.results.flatMap((r) => r.offences.flatMap((o) => o.provisions.flatMap((p) => p.missing.map((m) => m.question)))))].filter((q) => q.length > 40);
  const once = (text: string) => {
    let out = text;
    for (const q of questions)
      if (out.includes(q)) {
        if (asked.has(q)) out = out.replace(q, '(question as above)');
        else asked.add(q);
      }
    return out;
  };
  out.push(c.bold(`Case ${plain(report.case)}`) + c.dim(`  as of ${report.asOf} · rules ${report.rules.version} ${report.rules.digest.slice(0, 19)}…`));
  for (const r of inGivenOrder(report, opts)) {
    const law = opts.laws?.get(r.jurisdiction);
    out.push('');
    out.push(c.bold.underline(plain(`${r.name} (${r.jurisdiction})`)));
    const ignoredBefore = new Map<string, string>();
    for (const o of r.offences) {
      out.push('');
      const title = [o.offence, o.label, o.code ? `[${o.code}]` : null].filter(Boolean).join(' · ');
      para(0, '', 0, `${title} — ${o.category}${o.disposition ? `, ${o.disposition}` : ', stage not stated'}`, c.bold);
      const h = headline(o);
      const head = o.outcome.toUpperCase();
      const via = h.basis.length && (o.outcome === 'eligible' || o.outcome === 'undetermined') ? `via ${h.basis.map((p) => `${p.title} (${p.discretion})`).join('; ')}` : OUTCOME_WORDS[o.outcome];
      para(2, paint[o.outcome](head) + ' — ', head.length + 3, h.qualifiers.length ? h.qualifiers.join('; ') : via);
      const byRelief = Object.entries(o.byRelief).map(([k, v]) => `${k}: ${v}`).join(' · ');
      if (byRelief) para(2, c.dim('By relief: '), 11, byRelief, c.dim);
      const matched = resolutionLine(o);
      if (matched) para(2, '', 0, matched, c.dim);
      for (const w of resolutionWarnings(o)) para(2, c.magenta('⚠ '), 2, w);
      if (o.deadline) para(2, c.bold('Earliest deadline: '), 19, o.deadline);
      for (const m of mandatoryStillNeeds(o))
        para(2, c.yellow.bold('A mandatory route still needs: '), 31, `${m.provision.title} (${m.provision.citation}) — ${m.missing.map((x) => x.fact).join(', ') || 'see below'} (below)`);
      const relied = factsReliedOn(o, opts.caseFile, law?.coercion.recognises_coercive_control ?? true);
      if (relied.length) para(2, c.bold('Facts relied on: '), 17, relied.map((f) => `${f.fact} = ${f.value}`).join('; '));
      const ignored = factsIgnored(o, opts.caseFile, law).map((f) => `${f.fact} (${f.value})`).join('; ');
      if (ignored) {
        const same = ignoredBefore.get(ignored);
        para(2, c.bold('Given, but not read by this law: '), 33, same ? `as for ${same}.` : ignored);
        if (!same) ignoredBefore.set(ignored, o.offence);
      }
      if (!o.provisions.length) para(2, '', 0, 'No provision of this law offers relief at this stage.', c.dim);
      const folded: string[] = [];
      for (const p of o.provisions) {
        const notFor = notForThisPerson(p);
        if (notFor && !opts.verbose) {
          folded.push(`${p.title} (${notFor})`);
          continue;
        }
        out.push('');
        para(2, paint[p.outcome](p.outcome) + '  ', p.outcome.length + 2, `${RELIEF_WORDS[p.relief]} — ${p.title} (${p.discretion})`);
        para(4, '', 0, `${p.citation}${p.url ? `  ${p.url}` : ''}`, c.dim);
        // A provision that fails shows only what fails it; one that may apply shows every limb.
        const shown = p.outcome === 'eligible' || p.outcome === 'undetermined' || opts.verbose ? p.checks : p.checks.filter((ch) => ch.status === 'not-met');
        for (const ch of shown) {
          const mark = ch.status === 'met' ? c.green(STATUS_MARK.met) : ch.status === 'not-met' ? c.red(STATUS_MARK['not-met']) : c.yellow(STATUS_MARK.unknown);
          para(4, `${mark} `, 2, once(`${ch.cite}: ${ch.reason}`));
        }
        if (p.proof && shown === p.checks) para(4, '', 0, `Proof: ${BURDEN_WORDS[p.proof.burden]}, ${STANDARD_WORDS[p.proof.standard]}.`, c.dim);
        if (p.deadline) para(4, c.bold('Deadline: '), 10, p.deadline);
        for (const a of assumptionLines(p)) para(4, c.cyan('≈ '), 2, a);
        if (p.unverified.length) para(4, c.magenta('⚠ unverified: '), 14, `see note${p.unverified.length > 1 ? 's' : ''} ${p.unverified.map((u) => `[${notes.ref(u)}]`).join(' ')}`);
        if (p.missing.length) {
          out.push(`    ${c.yellow.bold('Still to establish:')}`);
          for (const m of p.missing) {
            para(6, `- ${c.yellow(m.fact)}: `, m.fact.length + 4, once(m.question));
          }
        }
      }
      if (folded.length) {
        out.push('');
        para(2, c.dim('Not for this person (--verbose shows them): '), 44, folded.join('; '), c.dim);
      }
    }
  }
  if (notes.list.length) {
    out.push('');
    out.push(c.magenta.bold('Unverified points in the law relied on:'));
    notes.list.forEach((n, i) => para(2, `[${i + 1}] `, String(i + 1).length + 3, n));
  }
  out.push('');
  return out.join('\n');
}
