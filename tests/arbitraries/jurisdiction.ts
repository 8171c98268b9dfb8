/**
 * Random but valid jurisdiction files: provisions with every kind of limb (dates, age bands, forms,
 * nexus, means, questions, conditions, time limits), exception lists of every kind (codes, categories,
 * partial codes, penalty thresholds with carve-outs, ancillary offences, dated entries), lists of the
 * offences a provision covers, an offence table and a coercion definition. The properties run on these
 * as well as on the shipped files, so they hold for the engine and not only for today's law.
 *
 * Codes and dates come from small pools so that random cases hit entries and boundaries often.
 */
import fc from 'fast-check';
import type { Catalogue } from '../../src/schema/catalogue.js';
import type { JurisdictionFile } from '../../src/schema/jurisdiction.js';
import { DATE_BASES, DISCRETIONS, DISPOSITIONS, DOMAINS, FORMS, IDENTIFICATIONS, NEXUS, RELIEFS, TIME_LIMIT_FROM } from '../../src/vocabulary.js';

/** Statute codes the generated lists and offence tables draw from. */
export const CODE_POOL = ['gx-1', 'gx-2', 'gx-3', 'gx-4', 'gx-5', 'gx-6'] as const;
/** Dates the generated provisions and entries start or stop on. */
export const DATE_POOL = ['2008-03-01', '2012-01-01', '2015-07-31', '2019-04-12', '2022-01-01', '2024-07-15'] as const;

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const someOf = <T>(xs: readonly T[], minLength = 1) => fc.subarray([...xs], { minLength });
const citation = fc.record({ instrument: fc.constant('act'), section: fc.constantFrom('s. 1', 's. 2(1)', 'art. 8', 'para 3') });
const note = 'generated for a property test';

/** A date range from the pool: from before to, either end may be open. */
const dateRange = fc
  .tuple(opt(fc.constantFrom(...DATE_POOL)), opt(fc.constantFrom(...DATE_POOL)))
  .map(([a, b]) => {
    if (a && b && a === b) return { from: a };
    const [from, to] = a && b && b < a ? [b, a] : [a, b];
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  });

const ageBand = fc
  .tuple(opt(fc.constantFrom(10, 12, 16, 18, 21)), opt(fc.constantFrom(12, 16, 18, 21, 25)))
  .filter(([min, max]) => min === undefined || max === undefined || min < max)
  .map(([min, max]) => ({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }));

const timeLimit = fc
  .record({ years: fc.integer({ min: 0, max: 6 }), months: fc.integer({ min: 0, max: 11 }), days: fc.constantFrom(0, 1, 30), from: fc.constantFrom(...TIME_LIMIT_FROM) })
  .map((t) => ({ ...t, years: t.years || t.months || t.days ? t.years : 1 }));

function entryArb(cat: Catalogue, withTable: boolean) {
  const categories = cat.categories.map((c) => c.id);
  const kinds = withTable ? (['codes', 'category', 'ambiguous', 'ancillary', 'rule'] as const) : (['codes', 'category', 'ambiguous', 'ancillary'] as const);
  return fc.record({
    kind: fc.constantFrom(...kinds),
    codes: someOf(CODE_POOL),
    category: fc.constantFrom(...categories),
    covers: fc.boolean(),
    ambiguous: someOf(CODE_POOL),
    threshold: fc.constantFrom<number | 'life'>(2, 5, 10, 14, 'life'),
    carveOuts: fc.subarray([...CODE_POOL], { maxLength: 2 }),
    ancillary: fc.boolean(),
    in_force: opt(dateRange),
    verified: fc.boolean(),
  }).map((e) => ({
    label: `generated ${e.kind} entry`,
    ...(e.kind === 'codes' ? { codes: e.codes, ...(e.ancillary ? { ancillary: true } : {}) } : {}),
    ...(e.kind === 'ancillary' ? { ancillary: true } : {}),
    ...(e.kind === 'category' ? { category: e.category, ...(e.covers ? { covers_category: true } : {}) } : {}),
    ...(e.kind === 'ambiguous' ? { category: e.category, ambiguous_codes: e.ambiguous } : {}),
    ...(e.kind === 'rule' ? { rule: { max_penalty_years_at_least: e.threshold }, ...(e.carveOuts.length ? { except_codes: e.carveOuts } : {}) } : {}),
    ...(e.in_force && Object.keys(e.in_force).length ? { in_force: e.in_force } : {}),
    verified: e.verified,
    ...(e.verified ? {} : { note }),
  }));
}

function provisionArb(cat: Catalogue, listIds: string[]) {
  const questions = cat.questions.map((q) => q.id);
  return fc.record({
    relief: fc.constantFrom(...RELIEFS),
    dispositions: opt(someOf(DISPOSITIONS)),
    discretion: fc.constantFrom(...DISCRETIONS),
    citation,
    in_force: dateRange,
    date_basis: opt(fc.constantFrom(...DATE_BASES)),
    offence_dates: opt(dateRange),
    age: opt(ageBand),
    forms: opt(someOf(FORMS)),
    victim_required: opt(fc.boolean()),
    nexus: fc.constantFrom(...NEXUS),
    means: opt(fc.record({
      adults: fc.constantFrom('required', 'not-required'),
      children: opt(fc.constantFrom('required', 'not-required')),
      accepted: opt(someOf(cat.means.map((m) => m.id))),
    })),
    questions: fc.subarray(questions, { maxLength: 2 }),
    negative: fc.subarray(questions, { maxLength: 1 }),
    domains: someOf(DOMAINS),
    exceptions: fc.subarray(listIds),
    covered: fc.subarray(listIds, { maxLength: Math.min(1, listIds.length) }),
    cooperation: opt(fc.boolean()),
    identification: opt(someOf(IDENTIFICATIONS)),
    time_limit: opt(timeLimit),
    verified: fc.boolean(),
  }).map((p) => {
    const negative = p.negative.filter((q) => !p.questions.includes(q));
    const exceptions = p.exceptions.filter((l) => !p.covered.includes(l));
    const conditions = {
      ...(p.cooperation !== undefined ? { cooperation_required: p.cooperation } : {}),
      ...(p.identification ? { identification: p.identification } : {}),
      ...(p.time_limit ? { time_limit: p.time_limit } : {}),
    };
    const verified = p.verified && p.in_force.from !== undefined;
    return {
      title: `generated ${p.relief}`,
      relief: p.relief,
      ...(p.dispositions ? { dispositions: p.dispositions } : {}),
      discretion: p.discretion,
      citation: p.citation,
      text: 'A generated provision.',
      in_force: p.in_force,
      ...(p.date_basis ? { date_basis: p.date_basis } : {}),
      ...(p.offence_dates && Object.keys(p.offence_dates).length ? { offence_dates: p.offence_dates } : {}),
      ...(p.age && Object.keys(p.age).length ? { age: p.age } : {}),
      ...(p.forms ? { forms: p.forms } : {}),
      ...(p.victim_required !== undefined ? { victim_required: p.victim_required } : {}),
      nexus: p.nexus,
      ...(p.means ? { means: Object.fromEntries(Object.entries(p.means).filter(([, v]) => v !== undefined)) } : {}),
      ...(p.questions.length ? { questions: p.questions } : {}),
      ...(negative.length ? { questions_negative: negative } : {}),
      domains: p.domains,
      ...(exceptions.length ? { exceptions } : {}),
      ...(p.covered.length ? { offences_covered: p.covered } : {}),
      ...(Object.keys(conditions).length ? { conditions } : {}),
      verified,
      ...(verified ? {} : { note }),
    };
  });
}

/** A valid jurisdiction file (checked by a property: it loads through the real loader). */
export function jurisdictionArb(cat: Catalogue): fc.Arbitrary<JurisdictionFile> {
  return fc
    .record({ lists: fc.integer({ min: 0, max: 3 }), withTable: fc.boolean(), cc: fc.boolean() })
    .chain(({ lists, withTable, cc }) => {
      const listIds = Array.from({ length: lists }, (_, i) => `list-${i + 1}`);
      return fc.record({
        lists: fc.tuple(...listIds.map(() => fc.array(entryArb(cat, withTable), { minLength: 1, maxLength: 4 }))),
        provisions: fc.array(provisionArb(cat, listIds), { minLength: 1, maxLength: 4 }),
        // Rows share a few categories, so that an offence known only by its kind has several candidates.
        table: fc.tuple(...CODE_POOL.map(() => fc.record({ listed: fc.boolean(), penalty: fc.constantFrom<number | 'life'>(1, 2, 5, 10, 14, 'life'), category: fc.oneof(fc.constantFrom(...cat.categories.slice(0, 3).map((c) => c.id)), fc.constantFrom(...cat.categories.map((c) => c.id))), domain: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined, freq: 3 }) }))),
      }).map(({ lists: entries, provisions, table }) => {
        const offences = CODE_POOL.flatMap((code, i) =>
          withTable && table[i]!.listed
            ? [{ code, label: `offence ${code}`, statute: `Generated Act s.${i + 1}`, category: table[i]!.category, ...(table[i]!.domain ? { domain: table[i]!.domain } : {}), max_penalty_years: table[i]!.penalty, citation: { instrument: 'act', section: `s. ${i + 1}` }, verified: true }]
            : [],
        );
        const anyRule = entries.some((es) => es.some((e) => 'rule' in e));
        if (anyRule && !offences.length) offences.push({ code: CODE_POOL[0], label: 'offence gx-1', statute: 'Generated Act s.1', category: cat.categories[0]!.id, max_penalty_years: 10, citation: { instrument: 'act', section: 's. 1' }, verified: true });
        const file = {
          id: 'generated',
          name: 'Generated jurisdiction',
          kind: 'jurisdiction',
          summary: 'A jurisdiction file generated for a property test.',
          checked: '2026-11-28',
          instruments: [{ id: 'act', title: 'Generated Act', verified: true }],
          coercion: { recognises_coercive_control: cc, text: 'Generated definition of coercion.', citation: { instrument: 'act', section: 's. 3' }, verified: true },
          provisions: provisions.map((p, i) => ({ id: `prov-${i + 1}`, ...p })),
          ...(listIds.length
            ? { exception_lists: listIds.map((id, li) => ({ id, title: `Generated list ${li + 1}`, citation: { instrument: 'act', section: `Sch ${li + 1}` }, verified: true, entries: entries[li]!.map((e, ei) => ({ id: `${id}-e${ei + 1}`, ...e, citation: { instrument: 'act', section: `Sch ${li + 1} para ${ei + 1}` } })) })) }
            : {}),
          ...(offences.length ? { offences } : {}),
        };
        return file as JurisdictionFile;
      });
    });
}
