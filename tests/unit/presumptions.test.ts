/**
 * Presumptions in the law format: a limb presumed met from the kind of identification (New York's
 * official documentation presumes the nexus), and a rebuttal question that leaves the outcome to the
 * discretion named instead of a definite no (Scotland's serious offending) — as a lawyer reads them.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import type { CaseFile } from '../../src/schema/case.js';
import { checkOf, law, lawFromYaml, provisionOf } from '../helpers.js';

const YAML = `id: presumeland
name: Presumeland
kind: jurisdiction
summary: A vacatur with a presumed nexus, and a non-prosecution rule with a rebuttal.
checked: 2026-11-28
instruments:
  - { id: act, title: Presume Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.1 }
    text: Vacatur where the offence was a result of being trafficked; official documentation presumes it.
    in_force: { from: 2010-01-01 }
    nexus: result-of
    presumptions:
      - { limb: nexus, identification: [official-documentation], cite: "s.1(2)", rebuttable_by: "evidence to the contrary", verified: true }
    domains: [criminal]
    verified: true
  - id: guidance
    title: Presumption against prosecution
    relief: non-prosecution
    discretion: presumption
    citation: { instrument: act, section: s.3 }
    text: A strong presumption against prosecution, which serious harm may rebut.
    in_force: { from: 2010-01-01 }
    nexus: compelled
    questions_rebuttal: [serious-harm-to-others]
    limbs: { serious-harm-to-others: "s.3(2)" }
    domains: [criminal]
    verified: true
`;
const laws = new Map([['presumeland', compileJurisdiction(lawFromYaml('presumeland', YAML))]]);
const base: CaseFile = {
  id: 'p',
  as_of: '2026-11-28',
  person: { birth_date: '1990-01-01' },
  trafficking: { victim: true, identification: 'official-documentation' },
  offences: [{ id: 'o1', category: 'robbery', date: '2020-01-01', disposition: 'convicted' }],
};
const withFacts = (t: Partial<CaseFile['trafficking']>, o: Partial<CaseFile['offences'][number]> = {}): CaseFile => ({
  ...base,
  trafficking: { ...base.trafficking, ...t },
  offences: [{ ...base.offences[0]!, ...o }],
});

describe('a limb presumed from the identification', () => {
  it('official documentation, link not stated: presumed met, with the subsection and what may rebut it', async () => {
    const p = await provisionOf(withFacts({}), laws, 'vacate');
    expect(p.outcome).toBe('eligible');
    expect(checkOf(p, 'nexus')).toMatchObject({ status: 'met', reason: 'presumed (s.1(2)): the identification "official-documentation" raises the presumption; rebuttable by evidence to the contrary' });
  });
  it('another identification: the link must be shown, and the question asks for it', async () => {
    const p = await provisionOf(withFacts({ identification: 'ngo' }), laws, 'vacate');
    expect(p.outcome).toBe('undetermined');
    expect(p.missing.map((m) => m.fact)).toEqual(['offence.nexus']);
    expect(checkOf(p, 'nexus').reason).toBe('requires a link of at least "result-of"; the link is not stated; not presumed: presumed where the identification is official-documentation (s.1(2)), rebuttable by evidence to the contrary, and the identification is "ngo"');
  });
  it('identification not stated: either the link or the documentation would settle it', async () => {
    const p = await provisionOf(withFacts({ identification: undefined }), laws, 'vacate');
    expect(p.missing.map((m) => m.fact)).toEqual(['offence.nexus', 'trafficking.identification']);
    expect(checkOf(p, 'nexus')).toMatchObject({
      status: 'unknown',
      reason: 'requires a link of at least "result-of"; the link is not stated; or presumed where the identification is official-documentation (s.1(2)), rebuttable by evidence to the contrary — the identification is not stated',
    });
  });
  it('the link stated and weaker, identification not stated: the documentation could still raise the presumption, so undetermined', async () => {
    const p = await provisionOf(withFacts({ identification: undefined }, { nexus: 'connected' }), laws, 'vacate');
    expect(p.outcome).toBe('undetermined');
    expect(p.missing.map((m) => m.fact)).toEqual(['trafficking.identification']);
  });
  it('the link stated and weaker: still presumed, and the report says the case itself may be used to rebut it', async () => {
    const p = await provisionOf(withFacts({}, { nexus: 'connected' }), laws, 'vacate');
    expect(p.outcome).toBe('eligible');
    expect(checkOf(p, 'nexus').reason).toMatch(/^presumed \(s\.1\(2\)\): .*The case itself says: the link "connected" is weaker than the required "result-of", which may be used to rebut it$/);
  });
  it('the link shown: met on its own, no presumption needed', async () => {
    const p = await provisionOf(withFacts({ identification: 'none' }, { nexus: 'compelled' }), laws, 'vacate');
    expect(checkOf(p, 'nexus').reason).toBe('the link "compelled" meets the required "result-of"');
  });
});

describe('a question that may rebut a presumption', () => {
  const rob = { nexus: 'compelled' as const, disposition: 'charged' as const };
  it('answered no: the presumption stands', async () => {
    const p = await provisionOf(withFacts({}, { ...rob, answers: { 'serious-harm-to-others': false } }), laws, 'guidance');
    expect(p.outcome).toBe('eligible');
  });
  it('answered yes: left to the discretion the provision gives, never a definite no, and nothing left to ask', async () => {
    const p = await provisionOf(withFacts({}, { ...rob, answers: { 'serious-harm-to-others': true } }), laws, 'guidance');
    expect(p.outcome).toBe('undetermined');
    expect(p.missing).toEqual([]);
    expect(checkOf(p, 'rebuttal:serious-harm-to-others')).toMatchObject({ status: 'unknown', cite: 's.3(2)' });
    expect(checkOf(p, 'rebuttal:serious-harm-to-others').reason).toMatch(/^yes: .* — the presumption may be rebutted, so the outcome is left to the discretion the provision gives \(presumption, s\.3\); not a definite no$/);
  });
  it('unanswered, for a violent offence: to establish', async () => {
    const p = await provisionOf(withFacts({}, rob), laws, 'guidance');
    expect(p.outcome).toBe('undetermined');
    expect(p.missing.map((m) => m.fact)).toEqual(['answers.serious-harm-to-others']);
  });
  it('unanswered, for a kind of offence that answers it on its face: assumed no, shown as an assumption', async () => {
    const p = await provisionOf(withFacts({}, { ...rob, category: 'drug-possession' }), laws, 'guidance');
    expect(p.outcome).toBe('eligible');
    expect(p.assumptions.map((a) => a.fact)).toEqual(['answers.serious-harm-to-others']);
  });
});

describe('presumptions in a law file', () => {
  const problems = (text: string) => {
    const r = parseJurisdiction('presumeland.yaml', text, law().catalogue, 'presumeland');
    return r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}`);
  };
  it('a presumption of a limb the provision does not test is refused', () => {
    expect(problems(YAML.replace('    nexus: result-of\n', '    nexus: none\n'))).toEqual(['law.presumption-limb provisions[0].presumptions[0].limb']);
  });
  it('a rebuttal question also asked as a requirement is refused', () => {
    expect(problems(YAML.replace('    questions_rebuttal: [serious-harm-to-others]\n', '    questions_rebuttal: [serious-harm-to-others]\n    questions_negative: [serious-harm-to-others]\n'))).toEqual([
      'law.rebuttal-question provisions[1].questions_rebuttal',
    ]);
  });
});
