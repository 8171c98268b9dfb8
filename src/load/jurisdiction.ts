/** Reading a jurisdiction file into validated law, with every broken reference located. No file I/O here. */
import type { Catalogue } from '../schema/catalogue.js';
import { LIMB_ASPECTS, LIMB_CHECKS } from '../vocabulary.js';
import { jurisdictionSchema, type JurisdictionFile } from '../schema/jurisdiction.js';
import type { Loaded } from './case.js';
import { issuesToProblems } from './issues.js';
import { formatPath, type PathSegment, ProblemList, suggest } from './problems.js';
import { parseSource, problemAt, walkData, type Source } from './source.js';
import { normaliseStatute } from '../engine/resolve.js';

export function parseJurisdiction(file: string, text: string, cat: Catalogue, expectedId?: string): Loaded<JurisdictionFile> {
  const parsed = parseSource(file, text);
  if (!parsed.ok) return parsed;
  return validateJurisdiction(parsed.source, cat, expectedId);
}

export function validateJurisdiction(source: Source, cat: Catalogue, expectedId?: string): Loaded<JurisdictionFile> {
  const result = jurisdictionSchema(cat).safeParse(source.value);
  if (!result.success) return { ok: false, problems: issuesToProblems(source, result.error.issues, jurisdictionSchema(cat)) };
  const j = result.data;
  const problems = new ProblemList();
  const at = (path: PathSegment[], code: string, message: string | (() => string)) =>
    problems.add(() => problemAt(source, path, code, typeof message === 'string' ? message : message()));

  if (expectedId !== undefined && j.id !== expectedId)
    at(['id'], 'ref.id-mismatch', `id "${j.id}" must equal the file name "${expectedId}"`);

  const unique = (items: { id: string }[], path: PathSegment[], what: string, seen: Map<string, string>) =>
    items.forEach((it, i) => {
      const prev = seen.get(it.id);
      if (prev) at([...path, i, 'id'], 'ref.duplicate-id', `${what} id "${it.id}" is already used at ${prev}`);
      else seen.set(it.id, formatPath([...path, i]));
    });
  unique(j.instruments, ['instruments'], 'instrument', new Map());
  unique(j.provisions, ['provisions'], 'provision', new Map());
  const lists = j.exception_lists ?? [];
  unique(lists, ['exception_lists'], 'exception list', new Map());
  const entrySeen = new Map<string, string>();
  lists.forEach((l, li) => unique(l.entries, ['exception_lists', li, 'entries'], 'exception entry', entrySeen));
  const codeSeen = new Set<string>();
  const aliasSeen = new Map<string, number>();
  (j.offences ?? []).forEach((o, i) => {
    if (codeSeen.has(o.code)) at(['offences', i, 'code'], 'ref.duplicate-id', `offence code "${o.code}" is listed twice`);
    codeSeen.add(o.code);
    if (o.in_force?.from && o.in_force.to && o.in_force.to <= o.in_force.from)
      at(['offences', i, 'in_force', 'to'], 'law.date-range', `date range ends (${o.in_force.to}) on or before it starts (${o.in_force.from})`);
    // Several rows may share a statute (the classes of drug under one section); an alias must name one offence.
    (o.aliases ?? []).forEach((a, ai) => {
      const key = normaliseStatute(a);
      const prev = aliasSeen.get(key);
      if (prev !== undefined && prev !== i) at(['offences', i, 'aliases', ai], 'law.alias-shared', `alias "${a}" is also an alias of offences[${prev}] (${j.offences![prev]!.code}); an alias must name one offence`);
      else aliasSeen.set(key, i);
    });
  });
  // With a table, every code an offence list names must be in it, or stop short of codes in it (mda-1971-s5-2).
  if (codeSeen.size) {
    // Every code a row extends (the prefixes of its code at a dash), found in one pass over the table.
    const stems = new Set<string>();
    for (const c of codeSeen) for (let i = c.indexOf('-'); i > 0; i = c.indexOf('-', i + 1)) stems.add(c.slice(0, i));
    const known = (code: string) => codeSeen.has(code) || stems.has(code);
    (j.exception_lists ?? []).forEach((l, li) =>
      l.entries.forEach((e, ei) => {
        for (const field of ['codes', 'ambiguous_codes', 'except_codes'] as const)
          (e[field] ?? []).forEach((code, ci) => {
            if (known(code)) return;
            const hint = suggest(code, [...codeSeen]);
            at(['exception_lists', li, 'entries', ei, field, ci], 'ref.code-not-in-table', `code "${code}" is not in this law's offence table${hint ? `; did you mean "${hint}"?` : ''}`);
          });
      }),
    );
  }

  // Every citation must name a declared instrument; every unverified piece must say why.
  const instrumentIds = j.instruments.map((i) => i.id);
  const instrumentSet = new Set(instrumentIds);
  walk(source.value, (node, path) => {
    const n = node as Record<string, unknown>;
    const citation = Object.hasOwn(n, 'citation') ? n['citation'] : undefined;
    if (citation && typeof citation === 'object' && Object.hasOwn(citation, 'instrument')) {
      const id = (citation as { instrument: string }).instrument;
      if (!instrumentSet.has(id))
        at([...path, 'citation', 'instrument'], 'ref.unknown-instrument', () => {
          const hint = suggest(id, instrumentIds);
          return `citation names instrument "${id}", which is not in instruments${hint ? `; did you mean "${hint}"?` : ''}`;
        });
    }
    if (Object.hasOwn(n, 'verified') && n['verified'] === false && !(Object.hasOwn(n, 'note') && n['note']))
      at([...path, 'verified'], 'law.unverified-without-note', 'verified: false needs a note saying what is unchecked and why');
  });

  const listIds = lists.map((l) => l.id);
  const listSet = new Set(listIds);
  j.provisions.forEach((p, pi) => {
    for (const field of ['exceptions', 'offences_covered'] as const)
      (p[field] ?? []).forEach((e, ei) => {
        if (!listSet.has(e))
          at(['provisions', pi, field, ei], 'ref.unknown-exception-list', () => {
            const hint = suggest(e, listIds);
            return `no offence list "${e}" in exception_lists${hint ? `; did you mean "${hint}"?` : ''}`;
          });
      });
    const asked = [...(p.questions ?? []), ...(p.questions_negative ?? []), ...(p.questions_rebuttal ?? [])];
    const limbKeys: string[] = [...LIMB_CHECKS, ...asked, ...LIMB_ASPECTS];
    for (const key of Object.keys(p.limbs ?? {}))
      if (!limbKeys.includes(key))
        problems.add(() => {
          const hint = suggest(key, limbKeys);
          const question = cat.questions.some((q) => q.id === key);
          return problemAt(
            source,
            ['provisions', pi, 'limbs', key],
            'law.unknown-limb',
            question
              ? `limb "${key}" names a question this provision does not ask (add it to questions, or remove the limb)`
              : `limb "${key}" is neither a check, a question this provision asks, nor a cited aspect; ${hint ? `did you mean "${hint}"?` : `checks: ${LIMB_CHECKS.join(', ')}; aspects: ${LIMB_ASPECTS.join(', ')}`}`,
            true,
          );
        });
    if (p.age?.min !== undefined && p.age.max !== undefined && p.age.min >= p.age.max)
      at(['provisions', pi, 'age'], 'law.age-band', `age band is empty (min ${p.age.min} is not below max ${p.age.max})`);
    for (const [key, range] of [['in_force', p.in_force], ['offence_dates', p.offence_dates]] as const)
      if (range?.from && range.to && range.to <= range.from)
        at(['provisions', pi, key, 'to'], 'law.date-range', `date range ends (${range.to}) on or before it starts (${range.from})`);
    if (!p.in_force.from && p.verified)
      at(['provisions', pi, 'in_force'], 'law.in-force', 'a verified provision needs the date it came into force (in_force.from); if it is unknown, mark the provision verified: false with a note');
    (p.presumptions ?? []).forEach((pr, ri) => {
      const tested = pr.limb === 'nexus' ? p.nexus !== 'none' : pr.limb === 'victim' ? p.victim_required !== false : p.means?.adults === 'required' || p.means?.children === 'required';
      if (!tested) at(['provisions', pi, 'presumptions', ri, 'limb'], 'law.presumption-limb', `a presumption of the ${pr.limb} limb needs a provision that tests it`);
    });
    // A question asked twice is a slip; asked once to be answered yes and once no, no answer meets both.
    const askedAt = new Map<string, 'questions' | 'questions_negative'>();
    for (const key of ['questions', 'questions_negative'] as const)
      (p[key] ?? []).forEach((q, qi) => {
        const before = askedAt.get(q);
        if (before === key) at(['provisions', pi, key, qi], 'law.question-twice', `question "${q}" is already asked in ${key}`);
        else if (before)
          at(['provisions', pi, key, qi], 'law.question-twice', `question "${q}" is asked to be answered yes (questions) and no (questions_negative): no answer meets both`);
        else askedAt.set(q, key);
      });
    for (const q of p.questions_rebuttal ?? [])
      if ([...(p.questions ?? []), ...(p.questions_negative ?? [])].includes(q))
        at(['provisions', pi, 'questions_rebuttal'], 'law.rebuttal-question', `question "${q}" is also asked as a requirement; a rebuttal question is asked once, as a rebuttal`);
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
  if (problems.length) return { ok: false, problems: problems.done() };
  return { ok: true, value: j, source };
}

/** Every object (not list) in the data with its path, depth first, each visited once; `citation` objects are not entered. */
function walk(root: unknown, visit: (node: object, path: PathSegment[]) => void): void {
  walkData(root, (node, path) => {
    if (Array.isArray(node)) return;
    visit(node, path);
    return ['citation'];
  });
}
