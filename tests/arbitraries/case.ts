/**
 * Random but valid case files for a given law: every field of the format, dates on and around the days
 * the law's provisions and entries start and stop, ages on either side of the law's age bands and of 18,
 * statute codes taken from the law's own lists (and some it does not list), and any fact left unknown.
 *
 * A case is generated fully known and then partly hidden (`known` names the facts kept), so that a property
 * can compare a case with a better-informed version of itself.
 */
import fc from 'fast-check';
import { compileJurisdiction, type CompiledJurisdiction } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { Catalogue } from '../../src/schema/catalogue.js';
import type { JurisdictionFile } from '../../src/schema/jurisdiction.js';
import { DISPOSITIONS, DOMAINS, FORMS, IDENTIFICATIONS, NEXUS, RELATIONSHIPS } from '../../src/vocabulary.js';
import { jurisdictionArb } from './jurisdiction.js';

export const AS_OF = '2026-11-28';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface LawUnderTest {
  id: string;
  generated: boolean;
  file: JurisdictionFile;
  compiled: CompiledJurisdiction;
  /** Statute codes the law names anywhere, with ancillary forms, and one it does not name. */
  codes: string[];
  /** Every date the law names, and the day before each (both sides of a boundary). */
  dates: string[];
  /** Categories the law's lists and offence table name. */
  categories: string[];
}

export function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function describeLaw(file: JurisdictionFile, generated: boolean): LawUnderTest {
  const codes = new Set<string>();
  const categories = new Set<string>();
  for (const l of file.exception_lists ?? [])
    for (const e of l.entries) {
      for (const c of [...(e.codes ?? []), ...(e.ambiguous_codes ?? []), ...(e.except_codes ?? [])]) codes.add(c);
      if (e.ancillary) for (const c of e.codes ?? []) codes.add(`${c}-attempt`);
      if (e.category) categories.add(e.category);
    }
  for (const o of file.offences ?? []) {
    codes.add(o.code);
    categories.add(o.category);
  }
  codes.add('zz-not-listed-anywhere');
  const dates = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && ISO.test(v) && key !== 'checked' && v <= AS_OF) {
      dates.add(v);
      dates.add(shiftDays(v, -1));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(file, '');
  return { id: file.id, generated, file, compiled: compileJurisdiction(file), codes: [...codes].sort(), dates: [...dates].sort(), categories: [...categories].sort() };
}

/** A shipped law or a generated one. */
export function lawArb(cat: Catalogue, shipped: LawUnderTest[]): fc.Arbitrary<LawUnderTest> {
  return fc.oneof(fc.constantFrom(...shipped), jurisdictionArb(cat).map((j) => describeLaw(j, true)));
}

/** Facts a case can leave unknown, by the name the report's `missing` uses (per offence: `offences.N.`). */
export function slotsOf(c: CaseFile, cat: Catalogue): string[] {
  const slots = ['person.birth_date', 'trafficking.victim', 'trafficking.forms', 'trafficking.means', 'trafficking.coercive_control', 'trafficking.identification', 'trafficking.cooperating_with_authorities', 'trafficking.period'];
  c.offences.forEach((_, i) => {
    for (const f of ['code', 'date', 'conviction_date', 'disposition', 'nexus']) slots.push(`offences.${i}.${f}`);
    for (const q of cat.questions) slots.push(`offences.${i}.answers.${q.id}`);
  });
  return slots;
}

/** The case with only the `known` facts kept. */
export function hide(full: CaseFile, known: ReadonlySet<string>, cat: Catalogue): CaseFile {
  const c = structuredClone(full);
  for (const slot of slotsOf(full, cat)) {
    if (known.has(slot)) continue;
    const [head, ...rest] = slot.split('.');
    if (head === 'person') delete (c.person as Record<string, unknown> | undefined)?.[rest[0]!];
    else if (head === 'trafficking') delete (c.trafficking as Record<string, unknown> | undefined)?.[rest[0]!];
    else {
      const o = c.offences[Number(rest[0])]! as Record<string, unknown>;
      if (rest[1] === 'answers') delete (o['answers'] as Record<string, unknown> | undefined)?.[rest[2]!];
      else delete o[rest[1]!];
    }
  }
  return c;
}

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((s) => !/[\uFFFD\u0000]/.test(s));

function dateArb(law: LawUnderTest) {
  const random = fc.integer({ min: Date.parse('2003-01-01') / 86_400_000, max: Date.parse(AS_OF) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  return law.dates.length ? fc.oneof(fc.constantFrom(...law.dates), random) : random;
}

function offenceArb(law: LawUnderTest, cat: Catalogue, index: number) {
  const allCategories = cat.categories.map((c) => c.id);
  const category = law.categories.length ? fc.oneof(fc.constantFrom(...law.categories), fc.constantFrom(...allCategories)) : fc.constantFrom(...allCategories);
  return fc.record({
    id: fc.constant(`o${index + 1}`),
    label: fc.option(text, { nil: undefined }),
    statute: fc.option(text, { nil: undefined }),
    category,
    code: fc.oneof(fc.constantFrom(...law.codes), fc.constantFrom('gx-1', 'gx-2-attempt', 'other-code')),
    domain: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined, freq: 4 }),
    date: dateArb(law),
    convictionAfter: fc.constantFrom(0, 30, 400, 2200),
    disposition: fc.constantFrom(...DISPOSITIONS),
    nexus: fc.constantFrom(...NEXUS),
    answers: fc.record(Object.fromEntries(cat.questions.map((q) => [q.id, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>),
  });
}

export interface GeneratedCase {
  full: CaseFile;
  known: string[];
  /** The case as a user would write it: only the known facts. */
  case: CaseFile;
}

/** A valid case file for `law`, with some facts unknown. */
export function caseArb(law: LawUnderTest, cat: Catalogue): fc.Arbitrary<GeneratedCase> {
  return fc
    .integer({ min: 1, max: 3 })
    .chain((n) =>
      fc.record({
        offences: fc.tuple(...Array.from({ length: n }, (_, i) => offenceArb(law, cat, i))),
        age: fc.constantFrom(9, 11, 12, 15, 16, 17, 18, 19, 21, 25, 40),
        ageShift: fc.constantFrom(-1, 0, 1, 200),
        person: fc.record({ prior_record: fc.option(fc.boolean(), { nil: undefined }), substance_dependency: fc.option(fc.boolean(), { nil: undefined }) }),
        victim: fc.boolean(),
        forms: fc.subarray([...FORMS]),
        means: fc.subarray(cat.means.map((m) => m.id)),
        cc: fc.subarray(cat.coerciveControl.map((m) => m.id)),
        relationship: fc.option(fc.constantFrom(...RELATIONSHIPS), { nil: undefined }),
        identification: fc.constantFrom(...IDENTIFICATIONS),
        cooperating: fc.boolean(),
        periodEnd: fc.option(fc.constantFrom(-400, 0, 200, 3000), { nil: undefined }),
        periodStart: fc.boolean(),
        // Half the cases have every fact in the survivor's favour, so that eligibility is common enough for
        // the properties to test what happens to an eligible result.
        favourable: fc.boolean(),
        known: fc.array(fc.boolean(), { minLength: 8 + n * (5 + cat.questions.length), maxLength: 8 + n * (5 + cat.questions.length) }),
      }),
    )
    .map((r) => {
      if (r.favourable) {
        const negative = new Set(law.file.provisions.flatMap((p) => p.questions_negative ?? []));
        Object.assign(r, { victim: true, forms: [...FORMS], means: cat.means.map((m) => m.id), cc: cat.coerciveControl.map((m) => m.id), identification: 'court-finding', cooperating: true });
        r.offences = r.offences.map((o) => ({ ...o, nexus: 'compelled', answers: Object.fromEntries(cat.questions.map((q) => [q.id, !negative.has(q.id)])) })) as typeof r.offences;
      }
      const dates = r.offences.map((o) => o.date).sort();
      const birth = shiftDays(shiftYears(dates[0]!, -r.age), r.ageShift);
      const periodEnd = r.periodEnd === undefined ? undefined : [shiftDays(dates[0]!, r.periodEnd), AS_OF].sort()[0]!;
      const full: CaseFile = {
        id: 'generated-case',
        as_of: AS_OF,
        person: { birth_date: birth, ...clean(r.person) },
        trafficking: {
          victim: r.victim,
          forms: r.forms,
          ...(r.periodStart || periodEnd ? { period: { ...(r.periodStart ? { start: [birth, '2001-01-01'].sort()[1]! } : {}), ...(periodEnd ? { end: periodEnd } : {}) } } : { period: {} }),
          means: r.means,
          coercive_control: r.cc,
          ...(r.relationship ? { relationship: r.relationship } : {}),
          identification: r.identification,
          cooperating_with_authorities: r.cooperating,
        },
        offences: r.offences.map((o) =>
          clean({
            id: o.id,
            label: o.label,
            category: o.category,
            statute: o.statute,
            code: o.code,
            domain: o.domain,
            date: o.date,
            conviction_date: [shiftDays(o.date, o.convictionAfter), AS_OF].sort()[0]!,
            disposition: o.disposition,
            nexus: o.nexus,
            answers: o.answers,
          }),
        ) as CaseFile['offences'],
      };
      // A period start after its end is refused by the loader; keep the start only when it is in order.
      const p = full.trafficking!.period!;
      if (p.start && p.end && p.end < p.start) delete p.start;
      const known = slotsOf(full, cat).filter((_, i) => r.known[i]);
      return { full, known, case: hide(full, new Set(known), cat) };
    });
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
