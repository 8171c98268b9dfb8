/**
 * Terminal rendering: one block per offence, outcome coloured, reasons with citations, "still to establish".
 * Every text that came from a case or law file goes through `plain` (t): no escape sequence, bidi override or
 * line break of its own reaches the terminal.
 */
import { Chalk } from 'chalk';
import type { Report } from '../schema/report.js';
import type { Outcome } from '../vocabulary.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';
import { httpUrl, plain as t } from './neutralise.js';
import { BURDEN_WORDS, OUTCOME_WORDS, RELIEF_WORDS, STANDARD_WORDS, STATUS_MARK } from './wording.js';

export function renderText(report: Report, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<Outcome, (s: string) => string> = {
    eligible: c.green.bold,
    undetermined: c.yellow.bold,
    excluded: c.red.bold,
    'not-eligible': c.red,
  };
  const out: string[] = [];
  out.push(c.bold(`Case ${t(report.case)}`) + c.dim(`  as of ${t(report.asOf)} · rules ${t(report.rules.version)} ${t(report.rules.digest.slice(0, 19))}…`));
  for (const r of report.results) {
    out.push('');
    out.push(c.bold.underline(`${t(r.name)} (${t(r.jurisdiction)})`));
    for (const o of r.offences) {
      out.push('');
      const title = [o.offence, o.label, o.code ? `[${o.code}]` : null].filter((x): x is string => !!x).map(t).join(' · ');
      out.push(`${c.bold(title)} — ${t(o.category)}${o.disposition ? `, ${t(o.disposition)}` : ', stage not stated'}`);
      const byRelief = Object.entries(o.byRelief).map(([k, v]) => `${t(k)}: ${t(String(v))}`).join(' · ');
      out.push(`  ${paint[o.outcome](o.outcome.toUpperCase())}  ${c.dim(byRelief || OUTCOME_WORDS[o.outcome])}`);
      const matched = resolutionLine(o);
      if (matched) out.push(c.dim(`  ${t(matched)}`));
      for (const w of resolutionWarnings(o)) out.push(c.magenta(`  ⚠ ${t(w)}`));
      if (o.deadline) out.push(`  ${c.bold('Earliest deadline:')} ${t(o.deadline)}`);
      if (!o.provisions.length) out.push(c.dim('  No provision of this law offers relief at this stage.'));
      for (const p of o.provisions) {
        out.push('');
        out.push(`  ${paint[p.outcome](p.outcome)}  ${c.bold(RELIEF_WORDS[p.relief])} — ${t(p.title)} (${t(p.discretion)})`);
        out.push(c.dim(`    ${t(p.citation)}${httpUrl(p.url) ? `  ${p.url}` : ''}`));
        // A provision that fails shows only what fails it; one that may apply shows every limb.
        const shown = p.outcome === 'eligible' || p.outcome === 'undetermined' ? p.checks : p.checks.filter((ch) => ch.status === 'not-met');
        for (const ch of shown) {
          const mark = ch.status === 'met' ? c.green(STATUS_MARK.met) : ch.status === 'not-met' ? c.red(STATUS_MARK['not-met']) : c.yellow(STATUS_MARK.unknown);
          out.push(`    ${mark} ${c.dim(t(ch.cite) + ':')} ${t(ch.reason)}`);
        }
        if (p.proof && shown === p.checks) out.push(c.dim(`    Proof: ${BURDEN_WORDS[p.proof.burden]}, ${STANDARD_WORDS[p.proof.standard]}.`));
        if (p.deadline) out.push(`    ${c.bold('Deadline:')} ${t(p.deadline)}`);
        for (const a of assumptionLines(p)) out.push(c.cyan(`    ≈ ${t(a)}`));
        for (const u of p.unverified) out.push(c.magenta(`    ⚠ unverified: ${t(u)}`));
        if (p.missing.length) {
          out.push(`    ${c.yellow.bold('Still to establish:')}`);
          for (const m of p.missing) out.push(`      - ${c.yellow(t(m.fact))}: ${t(m.question)}`);
        }
      }
    }
  }
  out.push('');
  return out.join('\n');
}
