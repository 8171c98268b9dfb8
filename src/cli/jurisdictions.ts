import type { Law } from '../law.js';
import { plain } from '../report/neutralise.js';
import { RELIEF_WORDS } from '../report/wording.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export function jurisdictionsCommand(action: string | undefined, id: string | undefined, law: Law, io: CliIO, format: string): number {
  if ((action === undefined || action === 'list') && id !== undefined)
    throw new UsageError(`jurisdictions list takes no id (got "${id}"); to see one jurisdiction: nonpunishment jurisdictions show ${id}`);
  if (action === undefined || action === 'list') {
    const all = law.getAll(law.ids());
    if (format === 'json') {
      io.stdout(JSON.stringify([...all.values()].map(({ file: j }) => ({ id: j.id, name: j.name, kind: j.kind, checked: j.checked, provisions: j.provisions.length, unverified: countUnverified(j), offences: j.offences?.length ?? 0, offencesVerified: j.offences?.filter((r) => r.verified).length ?? 0 })), null, 2) + '\n');
      return EXIT.ok;
    }
    const rows = [...all.values()].map(({ file: j }) => {
      const reliefs = [...new Set(j.provisions.map((p) => p.relief))].join(', ');
      const u = countUnverified(j);
      const name = j.name.length > 40 ? `${j.name.slice(0, 39)}…` : j.name;
      return `${j.id.padEnd(14)} ${j.kind.padEnd(12)} ${name.padEnd(41)} ${reliefs}${u ? `  (${u} unverified)` : ''}`;
    });
    // Every line is law-file text: neutralised whole (no colour is added here).
    io.stdout(rows.map((x) => plain(x)).join('\n') + '\n');
    return EXIT.ok;
  }
  if (action !== 'show') throw new UsageError(`unknown action "${action}" (expected list or show ID)`);
  if (!id) throw new UsageError('jurisdictions show needs an id, e.g. `nonpunishment jurisdictions show gb-ew`');
  const j = law.file(id);
  if (format === 'json') {
    io.stdout(JSON.stringify(j, null, 2) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [];
  const mark = (v: boolean, note?: string) => (v ? '' : `  [UNVERIFIED: ${note ?? 'not checked against a source'}]`);
  out.push(`${j.name} (${j.id}) — ${j.kind}, checked ${j.checked}`);
  out.push(j.summary);
  out.push('');
  out.push('Instruments:');
  for (const i of j.instruments) {
    out.push(`  ${i.id}: ${i.title}${i.in_force ? `, in force ${i.in_force}` : ''}${i.url ? `  ${i.url}` : ''}${mark(i.verified, i.note)}`);
    for (const a of i.amendments ?? []) out.push(`    amended ${a.date} by ${a.by}: ${a.effect}${mark(a.verified, a.note)}`);
  }
  out.push('');
  out.push(`Coercion: ${j.coercion.text} (${j.coercion.citation.section}; coercive control ${j.coercion.recognises_coercive_control ? 'recognised' : 'not recognised as such'})${mark(j.coercion.verified, j.coercion.note)}`);
  out.push('');
  out.push('Provisions:');
  for (const p of j.provisions) {
    out.push(`  ${p.id} — ${p.title}`);
    out.push(`    relief: ${RELIEF_WORDS[p.relief]}; ${p.discretion}; nexus: ${p.nexus}; in force ${p.in_force.from ?? '(date unknown)'}${p.in_force.to ? ` to ${p.in_force.to}` : ''}${p.age ? `; ages ${p.age.min ?? 0}${p.age.max !== undefined ? `-${p.age.max - 1}` : '+'}` : ''}`);
    out.push(`    ${p.citation.section}${p.citation.url ? `  ${p.citation.url}` : ''}${mark(p.verified, p.note)}`);
    for (const pr of p.presumptions ?? []) out.push(`    presumed: ${pr.limb}, where the identification is ${pr.identification.join(' or ')} (${pr.cite}); rebuttable by ${pr.rebuttable_by}${mark(pr.verified, pr.note)}`);
    if (p.questions_rebuttal?.length) out.push(`    may be rebutted (then left to the ${p.discretion} discretion): ${p.questions_rebuttal.join(', ')}`);
    // Every limb is shown: a check's subsection, and the aspects cited beside the checks.
    for (const [key, cite] of Object.entries(p.limbs ?? {})) out.push(`    limb ${key}: ${cite}`);
    if (p.exceptions?.length) out.push(`    exceptions: ${p.exceptions.join(', ')}`);
    if (p.offences_covered?.length) out.push(`    only offences in: ${p.offences_covered.join(', ')}`);
  }
  out.push('');
  const table = j.offences ?? [];
  out.push(table.length
    ? `Offence table: ${table.length} offences, ${table.filter((r) => r.verified).length} verified against the text, in ${new Set(table.map((r) => r.category)).size} categories (nonpunishment offences ${j.id})`
    : 'Offence table: none (offences are matched by code and category against the exception lists only)');
  for (const l of j.exception_lists ?? []) {
    out.push('');
    out.push(`Offence list ${l.id}: ${l.title} (${l.entries.length} entries)${mark(l.verified, l.note)}`);
    for (const e of l.entries)
      out.push(`  ${e.citation.section.padEnd(16)} ${e.label}${e.codes?.length ? `  [${e.codes.join(', ')}]` : ''}${e.ambiguous_codes?.length ? `  partial: ${e.ambiguous_codes.join(', ')}` : ''}${e.in_force?.from ? `  from ${e.in_force.from}` : ''}${mark(e.verified, e.note)}`);
  }
  io.stdout(out.map((x) => plain(x)).join('\n') + '\n');
  return EXIT.ok;
}

function countUnverified(j: unknown): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ((v as { verified?: unknown }).verified === false) n++;
      Object.values(v).forEach(walk);
    }
  };
  walk(j);
  return n;
}
