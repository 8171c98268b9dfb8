/**
 * The consistency properties of DESIGN.md, as fast-check properties over shipped and generated laws.
 * Kept apart from the test file so that the sabotage tests can run the same properties against a broken
 * evaluator and show that each one notices.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CaseFile } from '../../src/schema/case.js';
import type { Provision } from '../../src/schema/jurisdiction.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { buildFor, entriesOf, entryCanApply, lawProvisionCase, offenceUnder } from '../arbitraries/built.js';
import { describeLaw, hide, slotsOf, type LawUnderTest } from '../arbitraries/case.js';
import { cat, evaluateUnder, lawAndCase, laws, negative, outcomeOf, shipped } from './harness.js';
import { isRelevant } from './relevance.js';

// The orders the properties judge by are DESIGN.md's, written out here, not read from the engine, so that a
// wrong order in the engine shows.
type Nexus = 'compelled' | 'direct-consequence' | 'result-of' | 'connected' | 'none';
type Outcome = 'eligible' | 'undetermined' | 'excluded' | 'not-eligible';
/** The nexus ladder, weakest first. */
const LADDER: readonly Nexus[] = ['none', 'connected', 'result-of', 'direct-consequence', 'compelled'];
/** Outcomes, worst first: a definite no, excluded by an exception, not known yet, eligible. */
const RANK: Record<Outcome, number> = { 'not-eligible': 0, excluded: 1, undetermined: 2, eligible: 3 };
const RELIEFS = ['non-prosecution', 'defence', 'vacatur', 'expungement', 'sealing', 'appeal', 'penalty-relief', 'mitigation'] as const;

/** The runs CI gives each property (at FC_RUNS=40; scaled with FC_RUNS), shared with the sabotage tests. */
export const CI_RUNS = { informationMonotonicity: 40, missingFactsMatter: 20, exceptionsWin: 40, nexusLadder: 40, meansMonotonicity: 40, reliefsCombine: 40, perfectVictim: 40, enginesAgree: 20 } as const;

/** How often each property's premise held, printed by the test file ("premise held: NAME: k of n runs"). */
export const premises: Record<string, { held: number; runs: number }> = {};
function premise(name: string, held: boolean): void {
  const p = (premises[name] ??= { held: 0, runs: 0 });
  p.runs++;
  if (held) p.held++;
}
export function printPremises(): void {
  for (const [name, p] of Object.entries(premises)) process.stdout.write(`premise held: ${name}: ${p.held} of ${p.runs} runs\n`);
}

/**
 * Cases for the properties: three in four are built from a provision to meet all it requires (so that
 * eligibility, the interesting starting point, is common); the rest are the random cases of caseArb.
 */
const builtOrRandom: fc.Arbitrary<{ law: LawUnderTest; case: CaseFile; full: CaseFile; known: string[] }> = fc.oneof(
  { weight: 3, arbitrary: lawProvisionCase(laws, cat).map((b) => ({ law: b.law, case: b.case, full: b.case, known: slotsOf(b.case, cat) })) },
  { weight: 1, arbitrary: lawAndCase },
);
const anyEligible = (rs: OffenceResult[]) => rs.some((r) => r.provisions.some((p) => p.outcome === 'eligible'));

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

/**
 * 1. Answering unknown facts never undoes `eligible`, nor `excluded`/`not-eligible`. From a case built to
 * meet a provision, one or two facts are hidden and then some of them answered again (premise: the less
 * informed case has an eligible or definite result to keep).
 */
export const informationMonotonicity = () =>
  fc.asyncProperty(
    builtOrRandom.chain((g) => {
      const known = g.known;
      return fc.subarray(known, { minLength: 1, maxLength: 2 }).chain((hidden) => fc.subarray(hidden, { minLength: 1 }).map((more) => ({ ...g, hidden, more })));
    }),
    async ({ law, full, known, hidden, more }) => {
      const keep = new Set(known.filter((k) => !hidden.includes(k)));
      const before = await evaluateUnder(law, hide(full, keep, cat));
      const after = await evaluateUnder(law, hide(full, new Set([...keep, ...more]), cat));
      premise('information monotonicity: a provision is eligible before or after the answers', anyEligible(before) || anyEligible(after));
      expectNoReversal(before, after);
    },
  );

/** 1. `missing` lists only facts that matter: each can change the outcome of a provision that lists it. */
export const missingFactsMatter = () =>
  fc.asyncProperty(
    builtOrRandom.chain((g) => fc.subarray(g.known, { minLength: 1, maxLength: 3 }).map((hidden) => ({ ...g, case: hide(g.full, new Set(g.known.filter((k) => !hidden.includes(k))), cat) }))),
    async ({ law, case: c }) => {
      const results = await evaluateUnder(law, c);
      premise('missing lists only facts that matter: some provision is undetermined with facts missing', results.some((r) => r.provisions.some((p) => p.missing.length > 0)));
      for (const r of results) {
        const listed = new Set(r.provisions.filter((p) => p.outcome === 'undetermined').flatMap((p) => p.missing.map((m) => m.fact)));
        for (const m of r.missing) expect(listed.has(m.fact), `${r.offence}: ${m.fact} is not missing from any undetermined provision`).toBe(true);
        const index = c.offences.findIndex((o) => o.id === r.offence);
        for (const p of r.provisions)
          for (const m of p.missing)
            expect(await isRelevant(law, c, index, p.provision, m.fact, p.missing.map((x) => x.fact)), `${r.offence} ${p.provision}: no answer to ${m.fact} changes the outcome`).toBe(true);
      }
    },
  );

/**
 * 2. An offence an exception entry certainly covers is `excluded` under that provision, never eligible —
 * asserted on every run. The case is built to meet every other requirement of the provision; the premise
 * is that it does: with the provision's exception lists taken away, the same case is eligible under it.
 */
const pairsOf = (l: LawUnderTest) =>
  l.file.provisions.flatMap((p) => entriesOf(l.file, p.exceptions).filter((x) => offenceUnder(l.file, x.entry, x.listed) && entryCanApply(p, x.entry)).map((x) => ({ p, x })));
const withException = laws
  .filter((l) => pairsOf(l).length > 0)
  .chain((l) => {
    const pairs = pairsOf(l);
    return fc.constantFrom(...pairs).map(({ p, x }) => ({ law: l, provision: p, entry: x.entry.id, case: buildFor(l, p, cat, x) }));
  });

export const exceptionsWin = () =>
  fc.asyncProperty(withException, async ({ law, provision: p, entry, case: c }) => {
    const without = describeLaw({ ...law.file, provisions: law.file.provisions.map((q) => (q.id === p.id ? ({ ...q, exceptions: [] } as Provision) : q)) }, true);
    const otherwise = outcomeOf((await evaluateUnder(without, c))[0]!, p.id);
    premise('exceptions win: the provision is otherwise eligible', otherwise === 'eligible');
    const [r] = await evaluateUnder(law, c);
    const got = r!.provisions.find((x) => x.provision === p.id);
    expect(got, `${p.id} is left out of the result for ${JSON.stringify(c.offences[0])}`).toBeDefined();
    expect(got!.outcome, `${p.id} with ${c.offences[0]!.code ?? c.offences[0]!.category} (entry ${entry}; otherwise ${otherwise})`).toBe('excluded');
  });

/** 3. A stronger nexus never gives a worse outcome than a weaker one (premise: the stronger link makes some provision eligible). */
export const nexusLadder = () =>
  fc.asyncProperty(builtOrRandom, fc.constantFrom(...LADDER), fc.constantFrom(...LADDER), async ({ law, case: c }, x, y) => {
    const [weak, strong] = LADDER.indexOf(x) <= LADDER.indexOf(y) ? [x, y] : [y, x];
    const withNexus = (n: Nexus): CaseFile => ({ ...c, offences: c.offences.map((o) => ({ ...o, nexus: n })) });
    const after = await evaluateUnder(law, withNexus(strong));
    premise('nexus ladder: the stronger link makes some provision eligible', anyEligible(after));
    expectNotWorse(await evaluateUnder(law, withNexus(weak)), after, `${weak} → ${strong}`);
  });

function expectNotWorse(before: OffenceResult[], after: OffenceResult[], what: string) {
  before.forEach((b, i) => {
    const a = after[i]!;
    expect(RANK[a.outcome], `${b.offence} ${what}: ${b.outcome} → ${a.outcome}`).toBeGreaterThanOrEqual(RANK[b.outcome]);
    for (const p of b.provisions) {
      const now: Outcome = outcomeOf(a, p.provision);
      expect(RANK[now], `${b.offence} ${p.provision} ${what}: ${p.outcome} → ${now}`).toBeGreaterThanOrEqual(RANK[p.outcome]);
    }
  });
}

/**
 * 4. Adding a means or a coercive-control element to a known list never makes an outcome worse. Run over
 * laws with an `accepted` list: one provision of a shipped or generated law is given a list of accepted
 * means (and needs means of adults and children alike); the case is built to meet it with either no means
 * or one accepted means, and one more means is added — accepted or not, or a coercive-control element.
 * Premise: the provision was met but for the means, so that the means decide it.
 */
const withAccepted = fc
  .tuple(laws, fc.nat(), fc.subarray(cat.means.map((m) => m.id), { minLength: 1, maxLength: cat.means.length - 1 }))
  .map(([l, pick, accepted]) => {
    const i = pick % l.file.provisions.length;
    const provisions = l.file.provisions.map((p, k) => (k === i ? ({ ...p, means: { adults: 'required', children: 'required', accepted } } as Provision) : p));
    return { law: describeLaw({ ...l.file, provisions }, true), provision: provisions[i]!, accepted };
  })
  .chain((g) =>
    fc.record({
      g: fc.constant(g),
      start: fc.constantFrom<'none' | 'accepted'>('none', 'accepted'),
      extra: fc.oneof(
        fc.constantFrom(...g.accepted.map((m) => `means:${m}`)),
        fc.constantFrom(...cat.means.filter((m) => !g.accepted.includes(m.id)).map((m) => `means:${m.id}`)),
        fc.constantFrom(...cat.coerciveControl.map((m) => `cc:${m.id}`)),
      ),
    }),
  );

export const meansMonotonicity = () =>
  fc.asyncProperty(withAccepted, async ({ g: { law, provision: p, accepted }, start, extra }) => {
    const base = buildFor(law, p, cat);
    const t = base.trafficking!;
    t.means = start === 'none' ? [] : [accepted[0]!];
    t.coercive_control = [];
    const more = structuredClone(base);
    const [kind, id] = extra.split(':') as ['means' | 'cc', string];
    if (kind === 'cc') more.trafficking!.coercive_control = [id];
    else more.trafficking!.means = [...new Set([...t.means, id])];
    const withAll = structuredClone(base);
    withAll.trafficking!.means = [accepted[0]!];
    premise('means: the provision with an accepted list is met once an accepted means is shown', outcomeOf((await evaluateUnder(law, withAll))[0]!, p.id) === 'eligible');
    expectNotWorse(await evaluateUnder(law, base), await evaluateUnder(law, more), `${t.means.join(',') || 'no means'} +${extra}`);
  });

/**
 * 7. A relief comes out as the best of its provisions, and the offence as the best of its reliefs, by the
 * order restated above (where the offence resolves to one row of the law's table or none: over several
 * candidates a value stands only where every candidate gives it). Cases are built to meet a provision of a
 * shipped law that shares its relief with another (adult and child, two versions of one section), sometimes with one fact hidden. Premise: some relief has provisions that
 * come out differently, so that the order decides.
 */
const sharing = (l: LawUnderTest) => l.file.provisions.filter((p) => l.file.provisions.some((q) => q !== p && q.relief === p.relief));
const sharedRelief = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...shipped.filter((l) => sharing(l).length > 0))
      .chain((l) => fc.record({ p: fc.constantFrom(...sharing(l)), hide: fc.subarray(slotsOf(buildFor(l, sharing(l)[0]!, cat), cat), { maxLength: 1 }) }).map(({ p, hide: hidden }) => {
        const c = buildFor(l, p, cat);
        return { law: l, case: hide(c, new Set(slotsOf(c, cat).filter((x) => !hidden.includes(x))), cat) };
      })),
  },
  { weight: 1, arbitrary: builtOrRandom },
);

export const reliefsCombine = () =>
  fc.asyncProperty(sharedRelief, async ({ law, case: c }) => {
    const results = await evaluateUnder(law, c);
    const best = (os: Outcome[]) => os.reduce<Outcome | undefined>((b, o) => (b === undefined || RANK[o] > RANK[b] ? o : b), undefined);
    let decides = false;
    for (const r of results) {
      if (r.resolved.codes.length > 1) continue;
      for (const relief of RELIEFS) {
        const ps = r.provisions.filter((p) => p.relief === relief).map((p) => p.outcome);
        if (new Set(ps).size > 1) decides = true;
        expect(r.byRelief[relief], `${r.offence} ${relief}: provisions ${ps.join(', ') || 'none'}`).toBe(best(ps));
      }
      expect(r.outcome, `${r.offence}: reliefs ${JSON.stringify(r.byRelief)}`).toBe(best(Object.values(r.byRelief)) ?? 'not-eligible');
    }
    premise('reliefs combine: some relief has provisions that come out differently', decides);
  });

/** 5. A prior record or a substance dependency never changes an outcome (no provision says so). */
export const perfectVictim = () =>
  fc.asyncProperty(builtOrRandom, fc.boolean(), fc.boolean(), async ({ law, case: c }, prior, dependency) => {
    const other: CaseFile = { ...c, person: { ...c.person, prior_record: prior, substance_dependency: dependency } };
    const base = await evaluateUnder(law, c);
    premise('"perfect victim": some provision is eligible without the record', anyEligible(base));
    expect(await evaluateUnder(law, other)).toEqual(base);
  });

/** 8. The fast path gives exactly what json-rules-engine gives. */
export const enginesAgree = () =>
  fc.asyncProperty(builtOrRandom, async ({ law, case: c }) => {
    const fast = await evaluateUnder(law, c, 'fast');
    premise('engines agree: some provision is eligible', anyEligible(fast));
    expect(fast).toEqual(await evaluateUnder(law, c, 'reference'));
  });

export type LawCase = { law: LawUnderTest; case: CaseFile };
