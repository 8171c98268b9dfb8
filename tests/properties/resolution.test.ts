/**
 * Properties of resolving an offence against a law's offence table (shipped and generated laws):
 * - refinement: giving the exact code never turns a decided outcome into a different decided one;
 * - a category-only offence comes out as the common outcome of its candidates, undetermined when they differ;
 * - statute text matches whatever its punctuation, case, section words, brackets and word order;
 * - an assumption taken from the offence's kind never comes out worse than the explicit answer it stands for.
 * The outcome order is restated here, not taken from the engine.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseStatute, statuteTexts } from '../../src/engine/resolve.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { caseArb, describeLaw, type LawUnderTest } from '../arbitraries/case.js';
import { cat, evaluateUnder, holds, laws, shipped } from './harness.js';

/** The categories of a law's table, those shared by several rows first (where candidates can differ). */
function sharedCategories(l: LawUnderTest): string[] {
  const n = new Map<string, number>();
  for (const r of l.file.offences ?? []) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  const shared = [...n].filter(([, k]) => k > 1).map(([c]) => c);
  return shared.length ? shared : [...n.keys()];
}

type Row = NonNullable<LawUnderTest['file']['offences']>[number];
type Entry = NonNullable<LawUnderTest['file']['exception_lists']>[number]['entries'][number];
/**
 * Whether a list entry names the row (by its code, as a code the entry only partly excludes, by its maximum
 * penalty and not carved out, or as one of a whole category), read off the law file here.
 */
function entryNamesRow(e: Entry, row: Row): boolean {
  if (e.codes?.includes(row.code) || e.ambiguous_codes?.includes(row.code)) return true;
  if (e.covers_category && e.category === row.category) return true;
  const at = e.rule?.max_penalty_years_at_least;
  if (at === undefined || e.except_codes?.includes(row.code)) return false;
  const years = row.max_penalty_years;
  return years === 'life' || (at !== 'life' && years !== undefined && years >= at);
}

/**
 * The categories with rows that a provision's exception lists (or lists of the offences it covers) name and
 * rows that they do not, each with the stages (dispositions) those provisions reach: an offence known only by
 * such a kind, at such a stage, has candidates that can come out differently.
 */
const splits = new WeakMap<LawUnderTest, Map<string, string[]>>();
function splitCategories(l: LawUnderTest): Map<string, string[]> {
  const known = splits.get(l);
  if (known) return known;
  const lists = new Map((l.file.exception_lists ?? []).map((x) => [x.id, x.entries]));
  const byCategory = new Map<string, Row[]>();
  for (const r of l.file.offences ?? []) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const out = new Map<string, string[]>();
  for (const [category, rows] of byCategory) {
    if (rows.length < 2) continue;
    const splitting = l.file.provisions.map((p) => {
      const entries = [...(p.exceptions ?? []), ...(p.offences_covered ?? [])].flatMap((id) => lists.get(id) ?? []);
      const named = rows.map((r) => entries.some((e) => entryNamesRow(e, r)));
      return named.includes(true) && named.includes(false);
    });
    const stages = new Set(l.compiled.provisions.flatMap((p, i) => (splitting[i] ? p.dispositions : [])));
    if (!stages.size) continue;
    // Stages no other provision reaches first: there, another route cannot give every candidate the same answer.
    const others = new Set(l.compiled.provisions.flatMap((p, i) => (splitting[i] ? [] : p.dispositions)));
    const alone = [...stages].filter((s) => !others.has(s));
    out.set(category, alone.length ? alone : [...stages]);
  }
  splits.set(l, out);
  return out;
}

/**
 * A law with an offence table, and a case whose offences are of kinds the table has (the premise, biased to
 * hold). Mostly, the law has kinds whose rows split on an exception list, the kind is one of those, and the
 * offences state their date and a stage that a provision splitting them reaches (one no other provision
 * reaches, where there is one), so that one candidate can be excluded while another is not; the other
 * facts, and which of them are known, still vary.
 */
const withTable = laws.filter((l) => (l.file.offences?.length ?? 0) > 0);
const lawWithTableAndCase = fc
  .oneof({ weight: 3, arbitrary: withTable.filter((l) => splitCategories(l).size > 0) }, { weight: 1, arbitrary: withTable })
  .chain((l) => {
    const split = [...splitCategories(l)].map(([category, stages]) => fc.tuple(fc.constant(category), fc.constantFrom(...stages)));
    const any = fc.tuple(fc.constantFrom(...sharedCategories(l)), fc.constant(undefined));
    const kind = split.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...split) }, { weight: 1, arbitrary: any }) : any;
    return fc.tuple(caseArb(l, cat), kind).map(([g, [category, stage]]) => ({
      law: l,
      ...g,
      case: { ...g.case, offences: g.case.offences.map((o, i) => ({ ...o, category, ...(stage ? { disposition: stage as Offence['disposition'], date: g.full.offences[i]!.date } : {}) })) },
    }));
  });

/**
 * A law one of whose provisions asks a question an offence's kind answers on its face, and a case of such a
 * kind. Mostly (the premise) the provision needs the very answer the kind gives, and the offence's stage is
 * one the provision's relief reaches, so that the assumption is used; otherwise the provision needs the
 * opposite answer, and the assumption must not be used against the person.
 */
const assumable = cat.questions.filter((q) => q.answered_by_category);
const lawAskingAndCase = fc
  .tuple(laws, fc.constantFrom(...assumable), fc.nat(), fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }))
  .map(([l, q, pick, helps]) => {
    const at = pick % l.file.provisions.length;
    // The provision needs the answer "no" where that is the answer that helps (the kind's answer, or its opposite).
    const needsNo = helps === !q.answered_by_category!.answer;
    const provisions = l.file.provisions.map((p, i) =>
      i === at
        ? needsNo
          ? { ...p, questions: (p.questions ?? []).filter((x) => x !== q.id), questions_negative: [...new Set([...(p.questions_negative ?? []), q.id])] }
          : { ...p, questions_negative: (p.questions_negative ?? []).filter((x) => x !== q.id), questions: [...new Set([...(p.questions ?? []), q.id])] }
        : p,
    );
    const law = describeLaw({ ...l.file, provisions }, true);
    return { law, q, dispositions: law.compiled.provisions[at]!.dispositions };
  })
  .chain(({ law, q, dispositions }) =>
    fc.tuple(caseArb(law, cat), fc.constantFrom(...q.answered_by_category!.categories), fc.constantFrom(...dispositions)).map(([g, category, disposition]) => ({
      law,
      ...g,
      case: {
        ...g.case,
        offences: g.case.offences.map((o) => ({
          ...o,
          category,
          ...(o.disposition === undefined ? {} : { disposition }),
          answers: Object.fromEntries(Object.entries(o.answers ?? {}).filter(([k]) => !assumable.some((x) => x.id === k))),
        })),
      },
    })),
  );

/** Worst first, written out here so that a wrong order in the engine cannot hide. */
const RANK: Record<string, number> = { 'not-eligible': 0, excluded: 1, undetermined: 2, eligible: 3 };
const premise: Record<string, { held: number; runs: number }> = {};
const count = (name: string, held: boolean) => {
  const p = (premise[name] ??= { held: 0, runs: 0 });
  p.runs++;
  if (held) p.held++;
};
afterAll(() => {
  for (const [name, p] of Object.entries(premise)) process.stdout.write(`premise held: ${name}: ${p.held} of ${p.runs} runs\n`);
});

type Offence = CaseFile['offences'][number];
const withoutCode = (o: Offence): Offence => {
  const { code: _c, statute: _s, ...rest } = o;
  return rest as Offence;
};
const one = (c: CaseFile, o: Offence): CaseFile => ({ ...c, offences: [o] });

describe('resolution against the offence table', () => {
  it('a category-only offence: the common outcome of its candidates (undetermined when they differ and one could be eligible); giving the code only refines it', () =>
    holds(
      fc.asyncProperty(lawWithTableAndCase, async ({ law, case: c }) => {
        let held = false;
        let split = false;
        for (const o0 of c.offences) {
          const o = withoutCode(o0);
          const [byKind] = await evaluateUnder(law, one(c, o));
          if (!byKind || byKind.resolved.by !== 'category' || byKind.resolved.codes.length === 0) continue;
          held = true;
          const each: OffenceResult[] = [];
          for (const code of byKind.resolved.codes) each.push((await evaluateUnder(law, one(c, { ...o, code })))[0]!);
          const outcomes = each.map((r) => r.outcome);
          // Written out here: agreeing candidates give their outcome; differing ones give undetermined when one
          // of them could be eligible, and not eligible when none could (some excluded, some failing a limb).
          const hopeful = (x: string) => x === 'eligible' || x === 'undetermined';
          const common = outcomes.every((x) => x === outcomes[0]) ? outcomes[0] : outcomes.some(hopeful) ? 'undetermined' : 'not-eligible';
          if (!outcomes.every((x) => x === outcomes[0])) split = true;
          expect(byKind.outcome, `${law.id} ${o.id}: candidates ${byKind.resolved.codes.join(',')} → ${outcomes.join(',')}`).toBe(common);
          // Refinement, offence and provision by provision: eligible stays eligible, and a no stays a no.
          const no = (x: string) => x === 'excluded' || x === 'not-eligible';
          for (const r of each) {
            if (byKind.outcome === 'eligible') expect(r.outcome).toBe('eligible');
            if (no(byKind.outcome)) expect(no(r.outcome), `${law.id}: ${byKind.outcome} → ${r.outcome}`).toBe(true);
            for (const p of byKind.provisions) {
              const q = r.provisions.find((x) => x.provision === p.provision)!;
              if (p.outcome === 'eligible') expect(q.outcome, `${law.id} ${p.provision}`).toBe('eligible');
              if (no(p.outcome)) expect(no(q.outcome), `${law.id} ${p.provision}: ${p.outcome} → ${q.outcome}`).toBe(true);
            }
          }
          if (common === 'undetermined' && !outcomes.every((x) => x === outcomes[0])) {
            const q = byKind.missing.find((m) => m.fact === 'offence.code');
            expect(q?.choices?.map((x) => x.code)).toEqual([...byKind.resolved.codes].sort());
            for (const ch of q!.choices!) expect(ch.outcome).toBe(outcomes[byKind.resolved.codes.indexOf(ch.code)]);
          }
        }
        count('category-only offence with candidates', held);
        count('candidates that come out differently', split);
      }),
      30,
    ));

  it('an assumption never comes out worse than the explicit answer it stands for', () =>
    holds(
      fc.asyncProperty(lawAskingAndCase, async ({ law, case: c }) => {
        let held = false;
        for (const o of c.offences) {
          const assumable = cat.questions.filter((q) => q.answered_by_category?.categories.includes(o.category) && (o.answers ?? {})[q.id as never] === undefined);
          if (!assumable.length) continue;
          const [assumed] = await evaluateUnder(law, one(c, o));
          const answers = { ...(o.answers ?? {}), ...Object.fromEntries(assumable.map((q) => [q.id, q.answered_by_category!.answer])) };
          const [explicit] = await evaluateUnder(law, one(c, { ...o, answers } as Offence));
          if (assumed!.provisions.some((p) => p.assumptions.length)) held = true;
          expect(RANK[assumed!.outcome]).toBeGreaterThanOrEqual(RANK[explicit!.outcome]!);
          for (const p of assumed!.provisions) {
            const q = explicit!.provisions.find((x) => x.provision === p.provision)!;
            expect(RANK[p.outcome], `${law.id} ${p.provision}`).toBeGreaterThanOrEqual(RANK[q.outcome]!);
            // Where the assumption is used, it gives exactly what the explicit answer gives.
            if (p.assumptions.length) expect(p.outcome).toBe(q.outcome);
          }
        }
        count('an assumption was used', held);
      }),
      30,
    ));

  it('statute text matches whatever its punctuation, case, section words, brackets and order', () => {
    const rows = shipped.flatMap((l) => (l.file.offences ?? []).filter((r) => r.statute).map((r) => ({ law: l, row: r })));
    const generated = fc.record({
      act: fc.constantFrom('Theft Act 1968', 'Misuse of Drugs Act 1971', 'Penal Code', 'Wetboek van Strafrecht', 'Theft Act (Northern Ireland) 1969'),
      section: fc.constantFrom('1', '5(2)', '236.14', '667.5(c)(7)', '9(1)(a)', '310'),
    });
    const variant = fc.record({
      word: fc.constantFrom('s.', 's', 'section', '§', 'S.', 'Section'),
      front: fc.boolean(),
      upper: fc.boolean(),
      spaced: fc.boolean(),
    });
    fc.assert(
      fc.property(generated, variant, ({ act, section }, v) => {
        const sec = v.spaced ? section.replace(/[().]/g, ' ') : section;
        const text = v.front ? `${v.word} ${sec} ${act}` : `${act} ${v.word}${v.word.length > 2 ? ' ' : ''}${sec}`;
        const t = v.upper ? text.toUpperCase() : text;
        expect(normaliseStatute(t)).toBe(normaliseStatute(`${act} s.${section}`));
        expect(normaliseStatute(t)).not.toBe('');
      }),
      { seed: 20261128, numRuns: 200 },
    );
    expect(normaliseStatute('Theft Act (NI) 1969 s.1')).toBe(normaliseStatute('s 1 Theft Act (Northern Ireland) 1969'));
    expect(normaliseStatute('Penal Code § 236.14')).toBe(normaliseStatute('PENAL CODE SECTION 236.14'));
    expect(normaliseStatute('Theft Act 1968 s.1')).not.toBe(normaliseStatute('Theft Act 1968 s.12'));
    expect(normaliseStatute('Theft Act 1968 s.9')).not.toBe(normaliseStatute('Theft Act 1978 s.9'));
    // Every statute and alias of every shipped table reads back to its own row.
    for (const { law, row } of rows)
      for (const s of statuteTexts(row)) {
        const hits = law.compiled.offences.statutes().byStatute.get(normaliseStatute(s)) ?? [];
        expect(hits.map((h) => h.code), `${law.id} ${s}`).toContain(row.code);
      }
  });
});
