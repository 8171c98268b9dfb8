/**
 * The reasons a lawyer reads: for each limb of a provision, met, not met and unknown each give a reason
 * that names the decisive fact (the stage, the date and the date in force, the age and the band, the link,
 * the means, the answer, the deadline) and the subsection it comes from; each unknown names its question.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { checkOf, law, lawFromYaml, provisionOf } from '../helpers.js';

const cat = law().catalogue;
const YAML = `
id: testland
name: Testland
kind: jurisdiction
summary: A law written for the reason tests.
checked: 2026-11-28
instruments:
  - { id: act, title: Testland Act 2015, url: "https://example.org/act", verified: true }
coercion: { recognises_coercive_control: false, text: "threats or force", citation: { instrument: act, section: "s. 2" }, verified: true }
provisions:
  - id: defence
    title: Defence for trafficked persons
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: "s. 45" }
    text: A defence.
    limbs: { age: "s. 45(1)(a)", nexus: "s. 45(1)(b)", means: "s. 45(2)", no-realistic-alternative: "s. 45(1)(d)", forms: "s. 45(3)", in-force: "s. 60", identification: "s. 45(5)", cooperation: "s. 45(6)" }
    in_force: { from: 2015-07-31 }
    offence_dates: { from: 2010-01-01, to: 2026-01-01 }
    age: { min: 18 }
    forms: [forced-criminality]
    nexus: compelled
    means: { adults: required, accepted: [threat, force] }
    questions: [no-realistic-alternative]
    questions_negative: [serious-harm-to-others]
    domains: [criminal]
    exceptions: [sch]
    conditions: { cooperation_required: true, identification: [conclusive-grounds, court-finding] }
    verified: true
  - id: vacatur
    title: Vacating convictions
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: "s. 50" }
    text: Vacatur.
    in_force: { from: 2015-07-31 }
    nexus: result-of
    domains: [criminal]
    conditions: { time_limit: { years: 3, from: conviction } }
    verified: false
    note: commencement read in a secondary source
exception_lists:
  - id: sch
    title: Schedule 4
    citation: { instrument: act, section: "Sch 4" }
    verified: true
    entries:
      - { id: robbery, label: Robbery, category: robbery, codes: [tha-1968-s8], citation: { instrument: act, section: "Sch 4 para 14" }, verified: true }
      - { id: burglary, label: Burglary with intent to cause harm, category: burglary, codes: [tha-1968-s9-gbh], ambiguous_codes: [tha-1968-s9], citation: { instrument: act, section: "Sch 4 para 14A" }, verified: false, note: partial entry }
`;
const testland = new Map([['testland', compileJurisdiction(lawFromYaml('testland', YAML))]]);

const adult: CaseFile = {
  id: 'reasons',
  as_of: '2026-11-28',
  person: { birth_date: '1990-01-01' },
  trafficking: { victim: true, forms: ['forced-criminality'], means: ['threat'], identification: 'conclusive-grounds', cooperating_with_authorities: true },
  offences: [{ id: 'o1', category: 'drug-supply', code: 'mda-1971-s4-3', date: '2020-03-01', conviction_date: '2025-01-10', disposition: 'charged', nexus: 'compelled', answers: { 'no-realistic-alternative': true, 'serious-harm-to-others': false } }],
};

const provision = (c: CaseFile, id: string) => provisionOf(c, testland, id);
const check = checkOf;
const withOffence = (o: Partial<CaseFile['offences'][number]>, rest: Partial<CaseFile> = {}): CaseFile => ({ ...adult, ...rest, offences: [{ ...adult.offences[0]!, ...o }] });

describe('reasons for each limb', () => {
  it('all met: eligible, every reason names its fact and subsection', async () => {
    const p = await provision(adult, 'defence');
    expect(p.outcome).toBe('eligible');
    expect(p.citation).toBe('Testland Act 2015, s. 45');
    expect(p.url).toBe('https://example.org/act');
    expect(p.reasons).toEqual([
      's. 45: available at this stage (charged)',
      's. 60: in force from 2015-07-31; applies on the offence date (2020-03-01)',
      's. 45: reaches offences committed from 2010-01-01 before 2026-01-01 (offence: 2020-03-01)',
      's. 45: covers criminal offences',
      's. 45(1)(a): applies: the person was 30 at the offence (the provision covers persons aged 18 or over)',
      's. 45: the person is or was a victim of trafficking, slavery or exploitation',
      's. 45(3): covers the form of exploitation (forced-criminality)',
      's. 45(1)(b): the link "compelled" meets the required "compelled"',
      's. 45(2): means shown: threat',
      `s. 45(1)(d): yes: ${cat.questions.find((q) => q.id === 'no-realistic-alternative')!.text}`,
      `s. 45: no: ${cat.questions.find((q) => q.id === 'serious-harm-to-others')!.text}`,
      's. 45(6): the person is cooperating with the authorities',
      's. 45(5): identification "conclusive-grounds" is accepted',
      'Sch 4: not listed in Schedule 4',
    ]);
    expect(p.missing).toEqual([]);
    expect(p.excludedBy).toEqual([]);
    expect(p.unverified).toEqual([]);
  });

  it('each limb not met says why, with the value the law asks for', async () => {
    const cases: [string, CaseFile, string][] = [
      ['in-force', withOffence({ date: '2015-07-30' }), 'not in force on the offence date (2015-07-30); in force from 2015-07-31 and not retrospective'],
      ['offence-dates', withOffence({ date: '2026-02-01', conviction_date: '2026-03-01' }), 'reaches only offences committed from 2010-01-01 before 2026-01-01; this one: 2026-02-01'],
      ['domain', withOffence({ category: 'illegal-entry' }), 'covers only criminal matters; this offence is immigration'],
      ['age', withOffence({}, { person: { birth_date: '2005-01-01' } }), 'does not apply: the person was 15 at the offence (the provision covers persons aged 18 or over)'],
      ['victim', withOffence({}, { trafficking: { ...adult.trafficking, victim: false } }), 'the case says the person is not a victim of trafficking, slavery or exploitation'],
      ['forms', withOffence({}, { trafficking: { ...adult.trafficking, forms: ['domestic-servitude'] } }), 'covers only forced-criminality; the case names domestic-servitude'],
      ['nexus', withOffence({ nexus: 'result-of' }), 'the link "result-of" is weaker than the required "compelled"'],
      ['means', withOffence({}, { trafficking: { ...adult.trafficking, means: ['deception'], coercive_control: ['isolation'] } }), 'no qualifying means shown (coercive control is not recognised as such by this law; counting means: threat, force). (s. 2: threats or force)'],
      ['question:no-realistic-alternative', withOffence({ answers: { 'no-realistic-alternative': false, 'serious-harm-to-others': false } }), `no (must be yes): ${cat.questions.find((q) => q.id === 'no-realistic-alternative')!.text}`],
      ['question:serious-harm-to-others', withOffence({ answers: { 'no-realistic-alternative': true, 'serious-harm-to-others': true } }), `yes (must be no): ${cat.questions.find((q) => q.id === 'serious-harm-to-others')!.text}`],
      ['cooperation', withOffence({}, { trafficking: { ...adult.trafficking, cooperating_with_authorities: false } }), 'requires cooperation with the authorities, which the case says is absent'],
      ['identification', withOffence({}, { trafficking: { ...adult.trafficking, identification: 'ngo' } }), 'requires identification by conclusive-grounds, court-finding; the case has "ngo"'],
    ];
    for (const [code, c, reason] of cases) {
      const p = await provision(c, 'defence');
      expect(p.outcome, code).toBe('not-eligible');
      expect(check(p, code), code).toMatchObject({ status: 'not-met', reason });
      expect(p.checks.filter((x) => x.status === 'not-met').map((x) => x.code), code).toEqual([code]);
    }
  });

  it('a relief that does not fit the stage of the case is left out of the result', async () => {
    const report = await evaluateCase(withOffence({ disposition: 'penalty' }), testland, cat, { jurisdictions: ['testland'], rules: { version: 't', digest: 't' } });
    const o = report.results[0]!.offences[0]!;
    expect(o.provisions.map((p) => p.provision)).toEqual([]);
    expect(o.byRelief).toEqual({});
    expect(o.outcome).toBe('not-eligible');
  });

  it('each limb unknown says what is to establish and names the question that settles it', async () => {
    const cases: [string, CaseFile, string, string][] = [
      ['disposition', withOffence({ disposition: undefined }), 'available only when: charged; the stage is not stated', 'offence.disposition'],
      ['victim', withOffence({}, { trafficking: { ...adult.trafficking, victim: undefined } }), 'victim status is not yet established', 'trafficking.victim'],
      ['forms', withOffence({}, { trafficking: { ...adult.trafficking, forms: undefined } }), 'covers only forced-criminality; the form of exploitation is not stated', 'trafficking.forms'],
      ['nexus', withOffence({ nexus: undefined }), 'requires a link of at least "compelled"; the link is not stated', 'offence.nexus'],
      ['means', withOffence({}, { trafficking: { ...adult.trafficking, means: undefined } }), 'means must be shown for an adult (coercive control is not recognised as such by this law); not yet established', 'trafficking.means'],
      ['question:no-realistic-alternative', withOffence({ answers: { 'serious-harm-to-others': false } }), `to establish (must be yes): ${cat.questions.find((q) => q.id === 'no-realistic-alternative')!.text}`, 'answers.no-realistic-alternative'],
      ['cooperation', withOffence({}, { trafficking: { ...adult.trafficking, cooperating_with_authorities: undefined } }), 'requires cooperation with the authorities; not stated', 'trafficking.cooperating_with_authorities'],
      ['identification', withOffence({}, { trafficking: { ...adult.trafficking, identification: undefined } }), 'requires identification by conclusive-grounds, court-finding; not stated', 'trafficking.identification'],
    ];
    for (const [code, c, reason, fact] of cases) {
      const p = await provision(c, 'defence');
      expect(p.outcome, code).toBe('undetermined');
      expect(check(p, code), code).toMatchObject({ status: 'unknown', reason });
      expect(p.missing.map((m) => m.fact), code).toEqual([fact]);
      expect(p.missing[0]!.question.length, code).toBeGreaterThan(20);
    }
  });

  it('an unknown offence date names the date and, for the age, the birth date too', async () => {
    const noDate = await provision(withOffence({ date: undefined, conviction_date: undefined }), 'defence');
    expect(noDate.outcome).toBe('undetermined');
    expect(check(noDate, 'in-force')).toMatchObject({ status: 'unknown', reason: 'in force from 2015-07-31; the offence date is not stated' });
    expect(check(noDate, 'age')).toMatchObject({ status: 'unknown', reason: 'applies to persons aged 18 or over at the offence; the age at the offence is unknown' });
    expect(noDate.missing.map((m) => m.fact)).toEqual(['offence.date']);
    const neither = await provision(withOffence({ date: undefined, conviction_date: undefined }, { person: {} }), 'defence');
    expect(neither.missing.map((m) => m.fact)).toEqual(['offence.date', 'person.birth_date']);
  });

  it('an unknown date is decided on its bounds, and the reason says which bound decided', async () => {
    const early = await provision(withOffence({ date: undefined, conviction_date: '2015-01-01', disposition: 'charged' }), 'defence');
    expect(check(early, 'in-force')).toMatchObject({ status: 'not-met', reason: 'not in force on the offence date (date not stated, but no later than 2015-01-01 (the conviction) and no earlier than 1990-01-01 (the birth date)); in force from 2015-07-31 and not retrospective' });
    const child = await provision(withOffence({ date: undefined, conviction_date: '2020-01-01' }, { person: { birth_date: '2005-06-01' } }), 'defence');
    expect(check(child, 'age')).toMatchObject({ status: 'not-met', reason: 'does not apply: the person was between 0 and 14 (born 2005-06-01; offence date not stated, but no later than 2020-01-01 (the conviction) and no earlier than 2005-06-01 (the birth date)) at the offence (the provision covers persons aged 18 or over)' });
    const window = await provision(withOffence({ date: undefined, conviction_date: undefined }, { person: { birth_date: '2009-01-01' } }), 'defence');
    expect(window.outcome).toBe('not-eligible');
    expect(check(window, 'offence-date-window').reason).toMatch(/^no offence date could meet every limb at once \(date not stated, but no later than 2026-11-28 \(the date of evaluation\)/);
  });

  it('exception entries: a listed code excludes and names the entry; a partial entry asks for the finer code', async () => {
    const robbery = await provision(withOffence({ category: 'robbery', code: 'tha-1968-s8' }), 'defence');
    expect(robbery.outcome).toBe('excluded');
    expect(robbery.excludedBy).toEqual(['robbery']);
    expect(check(robbery, 'exception')).toMatchObject({ status: 'not-met', cite: 'Sch 4', reason: 'excluded: tha-1968-s8 is listed — Robbery (Sch 4 para 14)' });
    const burglary = await provision(withOffence({ category: 'burglary', code: 'tha-1968-s9' }), 'defence');
    expect(burglary.outcome).toBe('undetermined');
    expect(check(burglary, 'exception')).toMatchObject({ status: 'unknown', reason: 'may be excluded: tha-1968-s9 is listed only in part — Burglary with intent to cause harm (Sch 4 para 14A); a more specific code decides' });
    expect(burglary.missing.map((m) => m.fact)).toEqual(['offence.code']);
    expect(burglary.missing[0]!.question).toMatch(/It may fall under: Burglary with intent to cause harm \(Sch 4 para 14A\)\.$/);
    expect(burglary.unverified).toEqual(['Burglary with intent to cause harm (Sch 4 para 14A): partial entry']);
    const noCode = await provision(withOffence({ category: 'burglary', code: undefined }), 'defence');
    expect(check(noCode, 'exception').reason).toBe('may be excluded: Burglary with intent to cause harm (Sch 4 para 14A); the statute code decides');
  });

  it('a time limit gives the deadline, says when it has passed, and waits for the date it runs from', async () => {
    const convicted = (conviction_date: string | undefined): CaseFile => withOffence({ disposition: 'convicted', nexus: 'result-of', conviction_date });
    const within = await provision(convicted('2025-01-10'), 'vacatur');
    expect(within.outcome).toBe('eligible');
    expect(within.deadline).toBe('2028-01-10');
    expect(check(within, 'time-limit').reason).toBe('within the time limit: apply by 2028-01-10');
    expect(within.unverified).toEqual(['vacatur: commencement read in a secondary source']);
    const late = await provision(convicted('2023-11-27'), 'vacatur');
    expect(late.outcome).toBe('not-eligible');
    expect(check(late, 'time-limit').reason).toBe('time limit passed on 2026-11-27 (3 year(s) from the conviction)');
    const lastDay = await provision(convicted('2023-11-28'), 'vacatur');
    expect(lastDay.outcome).toBe('eligible');
    const unknown = await provision(convicted(undefined), 'vacatur');
    expect(check(unknown, 'time-limit').reason).toBe('time limit of 3 year(s) from the conviction; that date is not stated');
    expect(unknown.missing.map((m) => m.fact)).toEqual(['offence.conviction_date']);
  });
});
