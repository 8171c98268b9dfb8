/** Terminal rendering: one block per offence, outcome coloured, reasons with citations, "still to establish". */
import { Chalk } from 'chalk';
import type { Report } from '../schema/report.js';
import type { Outcome } from '../vocabulary.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';
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
  out.push(c.bold(`Case ${report.case}`) + c.dim(`  as of ${report.asOf} · rules ${report.rules.version} ${report.rules.digest.slice(0, 19)}…`));
  for (const r of report.results) {
    out.push('');
    out.push(c.bold.underline(`${r.name} (${r.jurisdiction})`));
    for (const o of r.offences) {
      out.push('');
      const title = [o.offence, o.label, o.code ? `[${o.code}]` : null].filter(Boolean).join(' · ');
      out.push(`${c.bold(title)} — ${o.category}${o.disposition ? `, ${o.disposition}` : ', stage not stated'}`);
      const byRelief = Object.entries(o.byRelief).map(([k, v]) => `${k}: ${v}`).join(' · ');
      out.push(`  ${paint[o.outcome](o.outcome.toUpperCase())}  ${c.dim(byRelief || OUTCOME_WORDS[o.outcome])}`);
      const matched = resolutionLine(o);
      if (matched) out.push(c.dim(`  ${matched}`));
      for (const w of resolutionWarnings(o)) out.push(c.magenta(`  ⚠ ${w}`));
      if (o.deadline) out.push(`  ${c.bold('Earliest deadline:')} ${o.deadline}`);
      if (!o.provisions.length) out.push(c.dim('  No provision of this law offers relief at this stage.'));
      for (const p of o.provisions) {
        out.push('');
        out.push(`  ${paint[p.outcome](p.outcome)}  ${c.bold(RELIEF_WORDS[p.relief])} — ${p.title} (${p.discretion})`);
        out.push(c.dim(`    ${p.citation}${p.url ? `  ${p.url}` : ''}`));
        // A provision that fails shows only what fails it; one that may apply shows every limb.
        const shown = p.outcome === 'eligible' || p.outcome === 'undetermined' ? p.checks : p.checks.filter((ch) => ch.status === 'not-met');
        for (const ch of shown) {
          const mark = ch.status === 'met' ? c.green(STATUS_MARK.met) : ch.status === 'not-met' ? c.red(STATUS_MARK['not-met']) : c.yellow(STATUS_MARK.unknown);
          out.push(`    ${mark} ${c.dim(ch.cite + ':')} ${ch.reason}`);
        }
        if (p.proof && shown === p.checks) out.push(c.dim(`    Proof: ${BURDEN_WORDS[p.proof.burden]}, ${STANDARD_WORDS[p.proof.standard]}.`));
        if (p.deadline) out.push(`    ${c.bold('Deadline:')} ${p.deadline}`);
        for (const a of assumptionLines(p)) out.push(c.cyan(`    ≈ ${a}`));
        for (const u of p.unverified) out.push(c.magenta(`    ⚠ unverified: ${u}`));
        if (p.missing.length) {
          out.push(`    ${c.yellow.bold('Still to establish:')}`);
          for (const m of p.missing) out.push(`      - ${c.yellow(m.fact)}: ${m.question}`);
        }
      }
    }
  }
  out.push('');
  return out.join('\n');
}
