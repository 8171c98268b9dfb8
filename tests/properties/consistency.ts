/**
 * The consistency properties of DESIGN.md, as fast-check properties over shipped and generated laws.
 * Kept apart from the test file so that the sabotage tests can run the same properties against a broken
 * evaluator and show that each one notices.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { DEFAULT_DATE_BASIS, NEXUS, outcomeRank, RELIEFS, type Nexus, type Outcome } from '../../src/vocabulary.js';

/** DESIGN.md's ladder, weakest first — stated here, not read from the engine, so that a flipped engine shows. */
const LADDER: readonly Nexus[] = ['none', 'connected', 'result-of', 'direct-consequence', 'compelled'];
import { AS_OF, caseArb, hide, slotsOf, type LawUnderTest } from '../arbitraries/case.js';
import { cat, evaluateUnder, lawAndCase, laws, negative, outcomeOf } from './harness.js';
import { isRelevant } from './relevance.js';

/** Eligible stays eligible, and a definite no stays a definite no, per provision and per relief. */
function expectNoReversal(before: OffenceResult[], after: OffenceResult[]) {
  before.forEach((b, i) => {
    const a = after[i]!;
    for (const p of b.provisions) {
      const now = outcomeOf(a, p.provision);
      if (p.outcome === 'eligible') expect(now, `${b.offence} ${p.provision}: eligible → ${now}`).toBe('eligible');
      if (negative(p.outcome)) expect(negative(now), `${b.offence} ${p.provision}: ${p.outcome} → ${now}`).toBe(true);
    }
    for (const relief of RELIEFS) {
      const was = b.byRelief[relief];
      const is = a.byRelief[relief];
      if (was === 'eligible') expect(is, `${b.offence} ${relief}`).toBe('eligible');
      if (was && negative(was)) expect(negative(is), `${b.offence} ${relief}: ${was} → ${is}`).toBe(true);
    }
  });
}

/** 1. Answering unknown facts never undoes `eligible`, nor `excluded`/`not-eligible`. */
export const informationMonotonicity = () =>
  fc.asyncProperty(
    lawAndCase.chain((g) => fc.subarray(slotsOf(g.full, cat).filter((s) => !g.known.includes(s)), { minLength: 1 }).map((more) => ({ ...g, more }))),
    async ({ law, full, known, case: c, more }) => {
      const better = hide(full, new Set([...known, ...more]), cat);
      expectNoReversal(await evaluateUnder(law, c), await evaluateUnder(law, better));
    },
  );

/** 1. `missing` lists only facts that matter: each can change the outcome of a provision that lists it. */
export const missingFactsMatter = () =>
  fc.asyncProperty(lawAndCase, async ({ law, case: c }) => {
    const results = await evaluateUnder(law, c);
    for (const [i, r] of results.entries()) {
      const listed = new Set(r.provisions.filter((p) => p.outcome === 'undetermined').flatMap((p) => p.missing.map((m) => m.fact)));
      for (const m of r.missing) expect(listed.has(m.fact), `${r.offence}: ${m.fact} is not missing from any undetermined provision`).toBe(true);
      const index = c.offences.findIndex((o) => o.id === r.offence);
      for (const p of r.provisions)
        for (const m of p.missing)
          expect(await isRelevant(law, c, index, p.provision, m.fact, p.missing.map((x) => x.fact)), `${r.offence} ${p.provision}: no answer to ${m.fact} changes the outcome`).toBe(true);
      void i;
    }
  });

/** 2. An offence an exception entry certainly covers is `excluded` under that provision, never eligible. */
export const exceptionsWin = () =>
  fc.asyncProperty(
    laws
      .filter((l) => l.file.provisions.some((p) => p.exceptions?.length))
      .chain((l) => fc.record({ law: fc.constant(l), g: caseArb(l, cat), pick: fc.nat(), entryPick: fc.nat() })),
    async ({ law, g, pick, entryPick }) => {
      const withLists = law.file.provisions.filter((p) => p.exceptions?.length);
      const p = withLists[pick % withLists.length]!;
      const lists = (law.file.exception_lists ?? []).filter((l) => p.exceptions!.includes(l.id));
      const entries = lists.flatMap((l) => l.entries.map((e) => ({ e, listed: l.entries.flatMap((x) => x.codes ?? []) })));
      const { e, listed } = entries[entryPick % entries.length]!;
      const o = structuredClone(g.case.offences[0]!);
      // Make the offence one the entry certainly covers: a listed code, a whole category, or a code whose
      // penalty in the offence table reaches the threshold and is not carved out.
      if (e.codes?.length) o.code = e.codes[entryPick % e.codes.length]!;
      else if (e.ancillary && listed.length) o.code = `${listed[entryPick % listed.length]!}-attempt`;
      else if (e.category && e.covers_category) o.category = e.category;
      else if (e.rule) {
        const t = e.rule.max_penalty_years_at_least;
        const hit = (law.file.offences ?? []).find((r) => !(e.except_codes ?? []).includes(r.code) && (r.max_penalty_years === 'life' || (t !== 'life' && r.max_penalty_years !== undefined && r.max_penalty_years >= t)));
        fc.pre(hit !== undefined);
        o.code = hit!.code;
      } else fc.pre(false);
      const basis = p.date_basis ?? DEFAULT_DATE_BASIS[p.relief];
      if (e.in_force) {
        if (basis === 'offence') {
          o.date = e.in_force.from ?? '2003-01-01';
          fc.pre(o.date <= AS_OF && (!e.in_force.to || o.date < e.in_force.to));
          if (o.conviction_date && o.conviction_date < o.date) o.conviction_date = o.date;
          if (g.case.person?.birth_date && g.case.person.birth_date > o.date) fc.pre(false);
        } else fc.pre((!e.in_force.from || AS_OF >= e.in_force.from) && (!e.in_force.to || AS_OF < e.in_force.to));
      }
      const c: CaseFile = { ...g.case, offences: [o] };
      const [r] = await evaluateUnder(law, c);
      const got = r!.provisions.find((x) => x.provision === p.id);
      if (got) expect(got.outcome, `${p.id} with ${o.code ?? o.category} (entry ${e.id})`).toBe('excluded');
    },
  );

/** 3. A stronger nexus never gives a worse outcome than a weaker one. */
export const nexusLadder = () =>
  fc.asyncProperty(lawAndCase, fc.constantFrom(...NEXUS), fc.constantFrom(...NEXUS), async ({ law, case: c }, x, y) => {
    const [weak, strong] = LADDER.indexOf(x) <= LADDER.indexOf(y) ? [x, y] : [y, x];
    const withNexus = (n: (typeof NEXUS)[number]): CaseFile => ({ ...c, offences: c.offences.map((o) => ({ ...o, nexus: n })) });
    expectNotWorse(await evaluateUnder(law, withNexus(weak)), await evaluateUnder(law, withNexus(strong)), `${weak} → ${strong}`);
  });

function expectNotWorse(before: OffenceResult[], after: OffenceResult[], what: string) {
  before.forEach((b, i) => {
    const a = after[i]!;
    expect(outcomeRank(a.outcome), `${b.offence} ${what}: ${b.outcome} → ${a.outcome}`).toBeGreaterThanOrEqual(outcomeRank(b.outcome));
    for (const p of b.provisions) {
      const now: Outcome = outcomeOf(a, p.provision);
      expect(outcomeRank(now), `${b.offence} ${p.provision} ${what}: ${p.outcome} → ${now}`).toBeGreaterThanOrEqual(outcomeRank(p.outcome));
    }
  });
}

/** 4. Adding a means or a coercive-control element to a known list never makes an outcome worse. */
export const meansMonotonicity = () =>
  fc.asyncProperty(lawAndCase, fc.constantFrom(...cat.means.map((m) => `means:${m.id}`), ...cat.coerciveControl.map((m) => `cc:${m.id}`)), async ({ law, case: c }, extra) => {
    const more = structuredClone(c);
    const t = (more.trafficking ??= {});
    const [kind, id] = extra.split(':') as ['means' | 'cc', string];
    const key = kind === 'cc' ? 'coercive_control' : 'means';
    const list = (t[key] ?? []) as string[];
    (t as Record<string, string[]>)[key] = [...new Set([...list, id])];
    // Where the list was unknown, giving one also answers a question; compare from a known (possibly empty) list.
    const base = structuredClone(c);
    (base.trafficking ??= {} as never)[key] = list as never;
    expectNotWorse(await evaluateUnder(law, base), await evaluateUnder(law, more), `+${extra}`);
  });

/** 5. A prior record or a substance dependency never changes an outcome (no provision says so). */
export const perfectVictim = () =>
  fc.asyncProperty(lawAndCase, fc.boolean(), fc.boolean(), async ({ law, case: c }, prior, dependency) => {
    const other: CaseFile = { ...c, person: { ...c.person, prior_record: prior, substance_dependency: dependency } };
    expect(await evaluateUnder(law, other)).toEqual(await evaluateUnder(law, c));
  });

/** 8. The fast path gives exactly what json-rules-engine gives. */
export const enginesAgree = () =>
  fc.asyncProperty(lawAndCase, async ({ law, case: c }) => {
    expect(await evaluateUnder(law, c, 'fast')).toEqual(await evaluateUnder(law, c, 'reference'));
  });

export type LawCase = { law: LawUnderTest; case: CaseFile };
