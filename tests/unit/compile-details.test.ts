/**
 * The compiler's less visible outputs, each compiled inside the test that judges it: presumed limbs, the
 * answer each question must have, the subsections the joint date check and the offences-covered check cite,
 * limbs with one bound, a broken list reference, the facts a presumption reads, and the two reference
 * engines (unknown facts read as false, then as true) giving the three-valued answer.
 */
import { describe, expect, it } from 'vitest';
import { compileProvision, engineFacts, type CompiledProvision } from '../../src/engine/provisions.js';
import { buildReferenceEngines, runReference } from '../../src/engine/reference.js';
import type { EvalFacts } from '../../src/engine/facts.js';
import type { JurisdictionFile, Provision } from '../../src/schema/jurisdiction.js';
import { lawFromYaml } from '../helpers.js';

const j: JurisdictionFile = lawFromYaml(
  'compiland',
  `id: compiland
name: Compiland
kind: jurisdiction
summary: s
checked: 2026-11-28
instruments: [{ id: act, title: Act, verified: true }]
coercion: { recognises_coercive_control: true, text: c, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: p
    title: P
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.1 }
    text: x
    limbs: { in-force: s.1(1), offence-dates: s.1(2), age: s.1(3), means: s.1(4), time-limit: s.1(5), nexus: s.1(6) }
    in_force: { from: 2015-01-01 }
    offence_dates: { to: 2025-01-01 }
    age: { min: 16 }
    nexus: result-of
    means: { adults: required }
    questions: [due-diligence, no-realistic-alternative]
    questions_negative: [serious-harm-to-others]
    questions_rebuttal: [reasonable-fear-of-harm]
    presumptions:
      - { limb: nexus, identification: [official-documentation, conclusive-grounds], cite: s.1(7), rebuttable_by: evidence to the contrary, verified: true }
    domains: [criminal]
    offences_covered: [cov-a, cov-b]
    conditions: { time_limit: { years: 2, from: offence } }
    verified: true
exception_lists:
  - { id: cov-a, title: A, citation: { instrument: act, section: Sch 2 }, verified: true, entries: [{ id: a, label: A, category: theft, citation: { instrument: act, section: Sch 2 para 1 }, verified: true }] }
  - { id: cov-b, title: B, citation: { instrument: act, section: Sch 3 }, verified: true, entries: [{ id: b, label: B, category: fraud, citation: { instrument: act, section: Sch 3 para 1 }, verified: true }] }
`,
);
const p: Provision = j.provisions[0]!;
const check = (cp: CompiledProvision, code: string) => cp.checks.find((c) => c.code === code);

describe('compiling a provision, inside the test', () => {
  it('a presumed limb: its own test or the identification that raises the presumption, with the subsection and what rebuts it', () => {
    expect(check(compileProvision(j, p), 'nexus')).toEqual({
      code: 'nexus',
      atom: 'presumedOr',
      fact: 'presumptionFacts',
      value: { atom: 'nexusAtLeast', reads: 'nexus', value: 'result-of', identification: ['official-documentation', 'conclusive-grounds'], cite: 's.1(7)', rebuttableBy: 'evidence to the contrary' },
      cite: 's.1(6)',
    });
    expect(check(compileProvision(j, { ...p, presumptions: undefined }), 'nexus')).toEqual({ code: 'nexus', atom: 'nexusAtLeast', fact: 'nexus', value: 'result-of', cite: 's.1(6)' });
  });

  it('a presumption of a limb the provision does not test changes no check (the loader refuses it)', () => {
    const without = compileProvision(j, { ...p, presumptions: undefined });
    const untested = compileProvision(j, { ...p, presumptions: [{ ...p.presumptions![0]!, limb: 'victim' }], victim_required: false });
    expect(untested.checks).toEqual(without.checks.filter((c) => c.code !== 'victim'));
  });

  it('the answer each question must have; a question read both ways is "both"', () => {
    expect({ ...compileProvision(j, p).questionReads }).toEqual({
      'due-diligence': true,
      'no-realistic-alternative': true,
      'serious-harm-to-others': false,
      'reasonable-fear-of-harm': false,
    });
    // The loader refuses a question asked twice (law.question-twice); compiled anyway, one read both ways helps no
    // assumption, and one read twice the same way is read that way.
    const twice = { ...p, questions: ['due-diligence', 'due-diligence', 'no-realistic-alternative'], questions_negative: ['no-realistic-alternative'] };
    expect({ ...compileProvision(j, twice).questionReads }).toMatchObject({ 'due-diligence': true, 'no-realistic-alternative': 'both' });
    expect({ ...compileProvision(j, { ...p, questions: undefined, questions_negative: undefined, questions_rebuttal: undefined }).questionReads }).toEqual({});
  });

  it('the joint date check cites each date limb\'s own subsection once', () => {
    expect(check(compileProvision(j, { ...p, relief: 'defence' }), 'offence-date-window')!.cite).toBe('s.1(1); s.1(2); s.1(3); s.1(4); s.1(5)');
  });

  it('the offences-covered check cites each list once, or the subsection the provision gives', () => {
    expect(check(compileProvision(j, p), 'offence-covered')!.cite).toBe('Sch 2; Sch 3');
    expect(check(compileProvision(j, { ...p, limbs: { 'offence-covered': 's.1(8)' } }), 'offence-covered')!.cite).toBe('s.1(8)');
  });

  it('limbs with one bound or none', () => {
    const cp = compileProvision(j, p);
    expect(check(cp, 'age')).toMatchObject({ atom: 'ageInBand', value: { min: 16 } });
    expect((check(cp, 'offence-date-window')!.value as { age: unknown }).age).toEqual({ min: 16 });
    const noAge = compileProvision(j, { ...p, age: {} });
    expect(check(noAge, 'age')).toBeUndefined();
    expect((check(noAge, 'offence-date-window')!.value as { age: unknown }).age).toBeNull();
    expect(check(compileProvision(j, { ...p, offence_dates: undefined }), 'offence-dates')).toBeUndefined();
  });

  it('a list that is not in the file is skipped, not a crash (the loader refuses the reference)', () => {
    const cp = compileProvision({ ...j, exception_lists: undefined }, { ...p, exceptions: ['cov-a'], offences_covered: undefined });
    expect(cp.entries).toEqual([]);
  });
});

describe('the facts a presumption reads', () => {
  it('the link, victim status, the means with the age, and the identification', () => {
    const f = {
      nexus: 'compelled',
      victim: true,
      ageSpan: { min: 17, max: 17 },
      means: ['threat'],
      coerciveControl: null,
      identification: 'ngo',
    } as unknown as EvalFacts;
    expect(engineFacts(f).presumptionFacts).toEqual({ nexus: 'compelled', victim: true, meansFacts: { age: { min: 17, max: 17 }, means: ['threat'], coerciveControl: null }, identification: 'ngo' });
  });
});

describe('the reference engines', () => {
  const victimOnly: CompiledProvision = { ...compileProvision(j, p), checks: [{ code: 'victim', atom: 'isTrue', fact: 'victim', value: null, cite: 's.1' }], entries: [] };
  const run = async (victim: boolean | null) => (await runReference(buildReferenceEngines([victimOnly]), { victim } as never)).get('p');
  it('a fact known true, known false, and unknown', async () => {
    expect(await run(true)).toEqual({ R: 'T', E: 'F' });
    expect(await run(false)).toEqual({ R: 'F', E: 'F' });
    expect(await run(null)).toEqual({ R: 'U', E: 'F' });
  });
});
