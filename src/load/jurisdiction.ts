/** Reading a jurisdiction file into validated law, with every broken reference located. No file I/O here. */
import type { Catalogue } from '../schema/catalogue.js';
import { jurisdictionSchema, type JurisdictionFile } from '../schema/jurisdiction.js';
import type { Loaded } from './case.js';
import { issuesToProblems } from './issues.js';
import { type PathSegment, type Problem, suggest } from './problems.js';
import { parseSource, problemAt, type Source } from './source.js';

export function parseJurisdiction(file: string, text: string, cat: Catalogue, expectedId?: string): Loaded<JurisdictionFile> {
  const parsed = parseSource(file, text);
  if (!parsed.ok) return parsed;
  return validateJurisdiction(parsed.source, cat, expectedId);
}

export function validateJurisdiction(source: Source, cat: Catalogue, expectedId?: string): Loaded<JurisdictionFile> {
  const result = jurisdictionSchema(cat).safeParse(source.value);
  if (!result.success) return { ok: false, problems: issuesToProblems(source, result.error.issues, jurisdictionSchema(cat)) };
  const j = result.data;
  const problems: Problem[] = [];
  const at = (path: PathSegment[], code: string, message: string) => problems.push(problemAt(source, path, code, message));

  if (expectedId !== undefined && j.id !== expectedId)
    at(['id'], 'ref.id-mismatch', `id "${j.id}" must equal the file name "${expectedId}"`);

  const unique = (items: { id: string }[], path: PathSegment[], what: string, seen: Map<string, string>) =>
    items.forEach((it, i) => {
      const prev = seen.get(it.id);
      if (prev) at([...path, i, 'id'], 'ref.duplicate-id', `${what} id "${it.id}" is already used at ${prev}`);
      else seen.set(it.id, `${path.join('.')}[${i}]`);
    });
  unique(j.instruments, ['instruments'], 'instrument', new Map());
  unique(j.provisions, ['provisions'], 'provision', new Map());
  const lists = j.exception_lists ?? [];
  unique(lists, ['exception_lists'], 'exception list', new Map());
  const entrySeen = new Map<string, string>();
  lists.forEach((l, li) => unique(l.entries, ['exception_lists', li, 'entries'], 'exception entry', entrySeen));
  const codeSeen = new Set<string>();
  (j.offences ?? []).forEach((o, i) => {
    if (codeSeen.has(o.code)) at(['offences', i, 'code'], 'ref.duplicate-id', `offence code "${o.code}" is listed twice`);
    codeSeen.add(o.code);
  });

  // Every citation must name a declared instrument; every unverified piece must say why.
  const instrumentIds = j.instruments.map((i) => i.id);
  walk(source.value, [], (node, path) => {
    const citation = (node as Record<string, unknown>)['citation'];
    if (citation && typeof citation === 'object' && 'instrument' in citation) {
      const id = (citation as { instrument: string }).instrument;
      if (!instrumentIds.includes(id)) {
        const hint = suggest(id, instrumentIds);
        at([...path, 'citation', 'instrument'], 'ref.unknown-instrument', `citation names instrument "${id}", which is not in instruments${hint ? `; did you mean "${hint}"?` : ''}`);
      }
    }
    const n = node as Record<string, unknown>;
    if (n['verified'] === false && !n['note'])
      at([...path, 'verified'], 'law.unverified-without-note', 'verified: false needs a note saying what is unchecked and why');
  });

  const listIds = lists.map((l) => l.id);
  j.provisions.forEach((p, pi) => {
    for (const field of ['exceptions', 'offences_covered'] as const)
      (p[field] ?? []).forEach((e, ei) => {
        if (!listIds.includes(e)) {
          const hint = suggest(e, listIds);
          at(['provisions', pi, field, ei], 'ref.unknown-exception-list', `no offence list "${e}" in exception_lists${hint ? `; did you mean "${hint}"?` : ''}`);
        }
      });
    if (p.age?.min !== undefined && p.age.max !== undefined && p.age.min >= p.age.max)
      at(['provisions', pi, 'age'], 'law.age-band', `age band is empty (min ${p.age.min} is not below max ${p.age.max})`);
    for (const [key, range] of [['in_force', p.in_force], ['offence_dates', p.offence_dates]] as const)
      if (range?.from && range.to && range.to <= range.from)
        at(['provisions', pi, key, 'to'], 'law.date-range', `date range ends (${range.to}) on or before it starts (${range.from})`);
    if (!p.in_force.from && p.verified)
      at(['provisions', pi, 'in_force'], 'law.in-force', 'a verified provision needs the date it came into force (in_force.from); if it is unknown, mark the provision verified: false with a note');
    const tl = p.conditions?.time_limit;
    if (tl && !tl.years && !tl.months && !tl.days)
      at(['provisions', pi, 'conditions', 'time_limit'], 'law.time-limit', 'a time limit needs years, months or days');
  });
  lists.forEach((l, li) =>
    l.entries.forEach((e, ei) => {
      const path = ['exception_lists', li, 'entries', ei];
      if (!e.category && !e.codes?.length && !e.rule && !e.ancillary)
        at(path, 'law.empty-entry', 'an exception entry needs a category, codes or a rule to match against');
      if (e.except_codes && !e.rule) at([...path, 'except_codes'], 'law.carve-out', 'except_codes only make sense on a rule-based entry');
      if (e.rule && !j.offences?.length)
        at([...path, 'rule'], 'ref.no-offence-table', 'a rule-based entry needs the `offences` table it is read against');
      if (e.covers_category && !e.category) at([...path, 'covers_category'], 'law.covers-category', 'covers_category needs a category');
    }),
  );
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: j, source };
}

function walk(value: unknown, path: PathSegment[], visit: (node: object, path: PathSegment[]) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    visit(value, path);
    for (const [k, v] of Object.entries(value)) if (k !== 'citation') walk(v, [...path, k], visit);
  }
}
