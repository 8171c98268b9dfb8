/** `nonpunishment offences ID`: a law's offence table, for a lawyer looking for the right code. */
import type { Law } from '../law.js';
import { normaliseStatute, statuteTexts } from '../engine/resolve.js';
import type { OffenceRow } from '../schema/jurisdiction.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export interface OffencesOptions {
  category?: string;
  search?: string;
  format: string;
}

/** Rows whose code, label, statute or aliases contain the text (any case), or whose statute reads the same once normalised. */
export function searchOffences(rows: readonly OffenceRow[], opts: { category?: string; search?: string }): OffenceRow[] {
  const needle = opts.search?.toLowerCase().trim();
  const key = opts.search ? normaliseStatute(opts.search) : '';
  return rows.filter((r) => {
    if (opts.category && r.category !== opts.category) return false;
    if (!needle) return true;
    const texts = [r.code, r.label, ...statuteTexts(r)];
    return texts.some((t) => t.toLowerCase().includes(needle)) || (key !== '' && statuteTexts(r).some((t) => normaliseStatute(t) === key));
  });
}

export function offencesCommand(id: string, opts: OffencesOptions, law: Law, io: CliIO): number {
  if (opts.category && !law.catalogue.categories.some((c) => c.id === opts.category))
    throw new UsageError(`unknown category "${opts.category}" (see rules/offence-categories.yaml)`);
  const j = law.file(id);
  const table = j.offences ?? [];
  const rows = searchOffences(table, opts);
  if (opts.format === 'json') {
    io.stdout(JSON.stringify({ jurisdiction: j.id, rows: table.length, verified: table.filter((r) => r.verified).length, offences: rows }, null, 2) + '\n');
    return EXIT.ok;
  }
  const out: string[] = [];
  if (!table.length) {
    out.push(`${j.name} (${j.id}) has no offence table: offences are matched against its exception lists by code and category only.`);
    io.stdout(out.join('\n') + '\n');
    return EXIT.ok;
  }
  out.push(`${j.name} (${j.id}): ${rows.length} of ${table.length} offences${opts.category ? ` in category ${opts.category}` : ''}${opts.search ? ` matching "${opts.search}"` : ''}; ${table.filter((r) => r.verified).length} of ${table.length} verified against the text.`);
  for (const r of rows) {
    const dates = r.in_force ? [r.in_force.from && `from ${r.in_force.from}`, r.in_force.to && `repealed ${r.in_force.to}`].filter(Boolean).join(', ') : '';
    const facts = [r.category, r.domain && r.domain !== 'criminal' ? r.domain : null, r.max_penalty_years !== undefined ? `max ${r.max_penalty_years === 'life' ? 'life' : `${r.max_penalty_years} years`}` : null, dates || null, r.verified ? null : 'UNVERIFIED'].filter(Boolean).join('; ');
    out.push('');
    out.push(`${r.code}`);
    out.push(`  ${r.label}${r.statute ? ` — ${r.statute}` : ''}`);
    out.push(`  ${facts}`);
    if (r.aliases?.length) out.push(`  also written: ${r.aliases.join(' | ')}`);
  }
  if (!rows.length) out.push('', 'No offence matches. Try a shorter --search, or leave out --category.');
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
