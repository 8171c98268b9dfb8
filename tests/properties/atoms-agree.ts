/**
 * Properties: each atom of src/engine/atoms.ts gives what the brute-force oracle (atoms-oracle.ts) gives,
 * on random facts and rule values placed around the boundaries (the first day in force and the day before,
 * a birthday band, the last day of a time limit and the day after). About half the facts carry an unknown,
 * so that the oracle enumerates; printPremises says how often it did. Kept apart from the test file so that
 * the sabotage tests can run them against a broken atom.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { atoms, type EntryRule } from '../../src/engine/atoms.js';
import { DISPOSITIONS, FORMS, IDENTIFICATIONS, NEXUS } from '../../src/vocabulary.js';
import { dayNo, isoOf, later, oracle, type TV, type When } from './atoms-oracle.js';
import { cat } from './harness.js';

const premise: Record<string, { held: number; runs: number }> = {};
function count(name: string, held: boolean) {
  const p = (premise[name] ??= { held: 0, runs: 0 });
  p.runs++;
  if (held) p.held++;
}
/** The runs CI gives each atom property (scaled with FC_RUNS). */
export const CI_RUNS = 60;

export function printPremises(): void {
  for (const [name, p] of Object.entries(premise)) process.stdout.write(`premise held: atom ${name} with an unknown the oracle enumerates: ${p.held} of ${p.runs} runs\n`);
}

function agree(name: string, unknown: boolean, engine: TV, want: TV, what: unknown) {
  count(name, unknown);
  expect(engine, `${name}(${JSON.stringify(what)}): engine ${engine}, every completion gives ${want}`).toBe(want);
}

const shift = (iso: string, n: number) => isoOf(dayNo(iso) + n);
/** A day in 2016–2021, around which the boundaries of a run are placed. */
const pivot = fc.integer({ min: dayNo('2016-01-01'), max: dayNo('2021-12-31') }).map(isoOf);
/** Unknown about half the time. */
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 2 });

/** An offence date, known, or unknown between bounds (no lower bound when the birth date is unknown). */
const whenNear = (p: string) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 8 }).map((k): When => ({ earliest: shift(p, k), latest: shift(p, k), latestBy: 'offence' })) },
    { weight: 2, arbitrary: fc.record({ a: fc.option(fc.integer({ min: -6, max: 3 }), { nil: null }), b: fc.integer({ min: 0, max: 9 }), by: fc.constantFrom<'conviction' | 'as-of'>('conviction', 'as-of') }).map(
      ({ a, b, by }): When => ({ earliest: a === null ? null : shift(p, a), latest: shift(p, (a ?? -3) + b), latestBy: by }),
    ) },
  );
const isUnknown = (w: When) => w.latestBy !== 'offence';
const range = (p: string) =>
  fc.record({ from: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }), len: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }).map(({ from, len }) => ({
    ...(from !== undefined ? { from: shift(p, from) } : {}),
    ...(len !== undefined ? { to: shift(p, (from ?? 0) + len) } : {}),
  }));


/** in: a value of the vocabulary (disposition, identification) */
export const inVocabulary = () =>
    (
      fc.property(
        fc.constantFrom<readonly string[]>(DISPOSITIONS, IDENTIFICATIONS).chain((vocab) =>
          fc.record({ vocab: fc.constant(vocab), fact: maybe(fc.constantFrom(...vocab)), list: fc.subarray([...vocab], { minLength: 1, maxLength: vocab.length - 1 }) }),
        ),
        ({ vocab, fact, list }) => agree('in', fact === null, atoms.in(fact, list), oracle.in(fact, list, vocab), { fact, list }),
      )
    );

/** dateInRange: a known date, or every date an offence of unknown date can have */
export const dateInRange = () =>
    (
      fc.property(
        pivot.chain((p) => fc.record({ fact: fc.oneof(whenNear(p), fc.integer({ min: -5, max: 8 }).map((k) => shift(p, k))), r: range(p) })),
        ({ fact, r }) => agree('dateInRange', typeof fact !== 'string' && isUnknown(fact), atoms.dateInRange(fact, r), oracle.dateInRange(fact, r), { fact, r }),
      )
    );

/** ageInBand: every age the person can have been */
export const ageInBand = () =>
    (
      fc.property(
        fc.record({
          span: fc.oneof(
            { weight: 1, arbitrary: fc.constant({ min: null, max: null }) },
            { weight: 4, arbitrary: fc.record({ min: fc.integer({ min: 14, max: 20 }), d: fc.integer({ min: 0, max: 2 }) }).map(({ min, d }) => ({ min, max: min + d })) },
          ),
          band: fc.record({ min: fc.option(fc.integer({ min: 15, max: 18 }), { nil: undefined }), len: fc.integer({ min: 1, max: 4 }), open: fc.boolean() }).map(({ min, len, open }) =>
            min === undefined ? { max: 15 + len } : open ? { min } : { min, max: min + len },
          ),
        }),
        ({ span, band }) => agree('ageInBand', span.min === null || span.min !== span.max, atoms.ageInBand(span, band), oracle.ageInBand(span, band), { span, band }),
      )
    );

/** isTrue */
export const isTrue = () => (fc.property(maybe(fc.boolean()), (fact) => agree('isTrue', fact === null, atoms.isTrue(fact), oracle.isTrue(fact), { fact })));

/** intersects: forms of exploitation */
export const intersects = () =>
    (
      fc.property(maybe(fc.subarray([...FORMS])), fc.subarray([...FORMS], { minLength: 1 }), (fact, list) =>
        agree('intersects', fact === null, atoms.intersects(fact, list), oracle.intersects(fact, list), { fact, list }),
      )
    );

/** nexusAtLeast: the ladder */
export const nexusAtLeast = () =>
    (
      fc.property(maybe(fc.constantFrom(...NEXUS)), fc.constantFrom(...NEXUS.filter((n) => n !== 'none')), (fact, required) =>
        agree('nexusAtLeast', fact === null, atoms.nexusAtLeast(fact, required), oracle.nexusAtLeast(fact, required), { fact, required }),
      )
    );

/** answerIs: a question answered yes, no or not at all */
export const answerIs = () =>
    (
      fc.property(fc.record({ q1: fc.option(fc.boolean(), { nil: undefined, freq: 2 }), q2: fc.option(fc.boolean(), { nil: undefined, freq: 2 }) }), fc.constantFrom('q1', 'q2'), fc.boolean(), (raw, question, expected) => {
        const answers = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, boolean>;
        agree('answerIs', !(question in answers), atoms.answerIs(answers, { question, expected }), oracle.answerIs(answers, { question, expected }), { answers, question, expected });
      })
    );

/** meansSatisfied: means needed of children and adults as the law says, from its accepted list */
export const meansSatisfied = () => {
    const means = cat.means.map((m) => m.id);
    const control = cat.coerciveControl.map((m) => m.id);
    return fc.property(
        fc.record({
          age: fc.oneof(fc.constant({ min: null, max: null }), fc.integer({ min: 15, max: 19 }).chain((min) => fc.integer({ min, max: min + 2 }).map((max) => ({ min, max })))),
          means: maybe(fc.subarray(means, { maxLength: 3 })),
          coerciveControl: maybe(fc.subarray(control, { maxLength: 2 })),
        }),
        fc.record({
          adults: fc.constantFrom('required', 'not-required'),
          children: fc.constantFrom('required', 'not-required'),
          accepted: fc.option(fc.subarray(means, { minLength: 1, maxLength: 4 }), { nil: null }),
          coerciveControlCounts: fc.boolean(),
        }),
        (f, r) => {
          const unknown = f.means === null || f.coerciveControl === null || f.age.min === null || f.age.min !== f.age.max;
          agree('meansSatisfied', unknown, atoms.meansSatisfied(f, r), oracle.meansSatisfied(f, r, means, control), { f, r });
        },
      );
};

/** withinTimeLimit: on the last day and the day after, from each start, known or not */
export const withinTimeLimit = () =>
    (
      fc.property(
        fc
          .record({
            start: pivot,
            from: fc.constantFrom('offence', 'conviction', 'trafficking-end', 'in-force'),
            years: fc.integer({ min: 0, max: 2 }),
            months: fc.integer({ min: 0, max: 3 }),
            days: fc.integer({ min: 0, max: 40 }),
            known: fc.boolean(),
            ongoing: fc.boolean(),
            around: fc.integer({ min: -2, max: 2 }),
            spread: fc.record({ a: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), b: fc.integer({ min: 0, max: 5 }) }),
          })
          .map((g) => {
            const r = { from: g.from, inForce: g.start, years: g.years, months: g.months, days: g.days };
            const asOf = shift(later(g.start, r), g.around);
            const when: When = g.known || g.from !== 'offence' ? { earliest: g.start, latest: g.start, latestBy: 'offence' } : { earliest: g.spread.a === null ? null : shift(g.start, -g.spread.a), latest: shift(g.start, g.spread.b), latestBy: 'as-of' };
            const f = {
              asOf,
              offence: when.latestBy === 'offence' ? when.earliest : null,
              offenceWhen: when,
              conviction: g.from === 'conviction' && g.known ? g.start : null,
              traffickingEnd: g.from === 'trafficking-end' ? (g.known ? g.start : g.ongoing ? ('ongoing' as const) : null) : null,
            };
            return { f, r, unknown: !g.known && g.from !== 'in-force' && !(g.from === 'trafficking-end' && g.ongoing) };
          }),
        ({ f, r, unknown }) => agree('withinTimeLimit', unknown, atoms.withinTimeLimit(f, r as never), oracle.withinTimeLimit(f, r), { f, r }),
      )
    );

/** entryMatches: codes, categories, penalty thresholds with carve-outs, ambiguous codes, dates in force */
export const entryMatches = () => {
    const pool = ['c1', 'c2', 'c3', 'c4'];
    const cats = ['cat-a', 'cat-b'];
    const entry = (p: string) =>
      fc
        .record({
          kind: fc.constantFrom('codes', 'category', 'rule'),
          codes: fc.subarray(pool, { minLength: 1, maxLength: 2 }),
          ambiguous: fc.subarray(pool, { maxLength: 1 }),
          category: fc.constantFrom(...cats),
          covers: fc.boolean(),
          min: fc.constantFrom<number | 'life'>(5, 10, 'life'),
          except: fc.subarray(pool, { maxLength: 1 }),
          penalties: fc.tuple(...pool.map(() => fc.option(fc.constantFrom<number | 'life'>(2, 5, 10, 14, 'life'), { nil: undefined }))),
          inForce: fc.option(range(p), { nil: null }),
          dateBasis: fc.constantFrom<'offence' | 'as-of'>('offence', 'as-of'),
        })
        .map((g): EntryRule => {
          const penalties: Record<string, number | 'life'> = {};
          pool.forEach((c, i) => g.penalties[i] !== undefined && (penalties[c] = g.penalties[i]!));
          const base = { inForce: g.inForce, dateBasis: g.dateBasis, category: null, codes: [], coversCategory: false, ambiguousCodes: [], minPenalty: null, exceptCodes: [], penalties: {} };
          if (g.kind === 'rule') return { ...base, minPenalty: g.min, exceptCodes: g.except, penalties };
          if (g.kind === 'category') return { ...base, category: g.category, coversCategory: g.covers, codes: g.covers ? [] : g.codes, ambiguousCodes: g.ambiguous.filter((c) => !g.codes.includes(c)) };
          return { ...base, codes: g.codes, ambiguousCodes: g.ambiguous.filter((c) => !g.codes.includes(c)) };
        });
    return fc.property(
        pivot.chain((p) =>
          fc.record({
            e: entry(p),
            f: fc.record({ category: fc.constantFrom(...cats), code: maybe(fc.constantFrom(...pool, 'zz-other')), offenceWhen: whenNear(p), asOf: fc.integer({ min: -4, max: 8 }).map((k) => shift(p, k)) }),
          }),
        ),
        ({ e, f }) => {
          const unknown = f.code === null || (e.inForce !== null && e.dateBasis === 'offence' && isUnknown(f.offenceWhen));
          agree('entryMatches', unknown, atoms.entryMatches(f, e), oracle.entryMatches(f, e), { f, e });
        },
      );
};
