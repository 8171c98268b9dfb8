/**
 * The reasons a lawyer reads, for the shapes of law that `reasons.test.ts` does not reach: a provision
 * checked on the date of evaluation, dates in force or offence dates bounded on one side only, two-sided
 * and upper-only age bands, means not needed for a child, coercive control that counts, lists that name
 * every stage or every kind of identification, time limits in years, months and days from the offence or
 * from the end of the trafficking, offence lists a provision reaches only, and each way an exception
 * entry can match. Each unknown names the fact, and the question, that settles it.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { ProvisionResult } from '../../src/schema/report.js';
import { FACT_QUESTIONS } from '../../src/engine/explain.js';
import { checkOf, law, lawFromYaml, provisionOf } from '../helpers.js';

const cat = law().catalogue;
const questionText = (id: string) => cat.questions.find((q) => q.id === id)!.text;

const YAML = `
id: variantland
name: Variantland
kind: jurisdiction
summary: A law written for the reason tests, one provision per shape of limb.
checked: 2026-11-28
instruments:
  - { id: act, title: Variantland Act 2018, url: "https://example.org/act", verified: true }
coercion: { recognises_coercive_control: true, text: "any control of the person", citation: { instrument: act, section: "s. 2" }, verified: true }
provisions:
  - id: guidance
    title: Guidance not to prosecute children
    relief: non-prosecution
    dispositions: [investigation, charged, convicted, arrest-record, penalty]
    discretion: presumption
    citation: { instrument: act, section: "g. 1" }
    text: Guidance on the date of evaluation.
    in_force: { from: 2018-01-01, to: 2030-01-01 }
    date_basis: as-of
    age: { min: 12, max: 18 }
    forms: [sexual-exploitation, forced-criminality]
    nexus: connected
    means: { adults: required, children: not-required }
    domains: [criminal, immigration, administrative, civil]
    conditions: { identification: [none, self, ngo, reasonable-grounds, conclusive-grounds, official-documentation, court-finding] }
    verified: true
  - id: vacate
    title: Vacating old convictions
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: "s. 9" }
    limbs: { in-force: "s. 20", offence-dates: "s. 9(1)", age: "s. 9(2)", means: "s. 9(3)", time-limit: "s. 9(4)", offence-covered: "s. 9(5)" }
    text: Vacatur of listed convictions within a time limit from the offence.
    in_force: { to: 2030-01-01 }
    date_basis: offence
    offence_dates: { to: 2026-01-01 }
    age: { max: 30 }
    nexus: result-of
    means: { adults: required }
    domains: [criminal]
    offences_covered: [covered]
    exceptions: [excl]
    conditions: { time_limit: { years: 2, months: 6, days: 10, from: offence } }
    verified: false
    note: the date it came into force is not known
  - id: expunge
    title: Expunging records after the trafficking ends
    relief: expungement
    discretion: mandatory
    citation: { instrument: act, section: "s. 12" }
    text: Expungement within a year of the end of the trafficking.
    in_force: { from: 2018-01-01 }
    offence_dates: { from: 2012-01-01 }
    nexus: result-of
    means: { adults: required }
    questions_negative: [serious-harm-to-others]
    domains: [criminal]
    conditions: { time_limit: { years: 1, from: trafficking-end } }
    verified: true
  - id: seal
    title: Sealing records where means are shown at any age
    relief: sealing
    discretion: discretionary
    citation: { instrument: act, section: "s. 14" }
    text: Sealing where means are shown, for children and adults alike.
    in_force: { from: 2018-01-01 }
    nexus: result-of
    means: { adults: required, children: required, accepted: [threat, force] }
    domains: [criminal]
    verified: true
  - id: fines
    title: Relief from penalties
    relief: penalty-relief
    dispositions: [convicted]
    discretion: discretionary
    citation: { instrument: act, section: "s. 16" }
    text: Relief from penalties where an adult shows means; read on the offence date.
    in_force: { from: 1990-01-01 }
    date_basis: offence
    nexus: result-of
    means: { adults: required }
    domains: [criminal]
    exceptions: [excl]
    verified: true
exception_lists:
  - id: excl
    title: Excluded offences
    citation: { instrument: act, section: "Sch 1" }
    verified: true
    entries:
      - { id: arson, label: Every arson, category: arson, covers_category: true, citation: { instrument: act, section: "Sch 1 para 1" }, verified: true }
      - { id: serious, label: Offences punishable with ten years or more, rule: { max_penalty_years_at_least: 10 }, except_codes: [robbery-act-s2], citation: { instrument: act, section: "Sch 1 para 2" }, verified: true }
      - { id: new-fraud, label: Fraud by false representation, codes: [fraud-act-s2], in_force: { from: 2020-01-01 }, citation: { instrument: act, section: "Sch 1 para 3" }, verified: true }
  - id: covered
    title: Convictions that can be vacated
    citation: { instrument: act, section: "Sch 2" }
    verified: true
    entries:
      - { id: possession, label: Possession of a controlled drug, codes: [drug-act-s5], citation: { instrument: act, section: "Sch 2 para 1" }, verified: true }
      - { id: arson-covered, label: Arson, category: arson, covers_category: true, citation: { instrument: act, section: "Sch 2 para 2" }, verified: true }
      - { id: serious-covered, label: Serious offences, rule: { max_penalty_years_at_least: 10 }, citation: { instrument: act, section: "Sch 2 para 3" }, verified: true }
      - { id: fraud-covered, label: Fraud, codes: [fraud-act-s2], in_force: { from: 2020-01-01 }, citation: { instrument: act, section: "Sch 2 para 4" }, verified: true }
      - { id: begging-covered, label: Begging, category: begging, covers_category: true, in_force: { from: 2020-01-01 }, citation: { instrument: act, section: "Sch 2 para 5" }, verified: true }
offences:
  - { code: robbery-act-s1, label: Robbery, category: robbery, max_penalty_years: life, citation: { instrument: act, section: "s. 30" }, verified: true }
  - { code: robbery-act-s2, label: Robbery of a shop, category: robbery, max_penalty_years: life, citation: { instrument: act, section: "s. 30A" }, verified: true }
  - { code: theft-act-s1, label: Theft, category: theft, max_penalty_years: 7, citation: { instrument: act, section: "s. 31" }, verified: true }
  - { code: drug-act-s5, label: Possession of a drug, category: drug-possession, max_penalty_years: 2, citation: { instrument: act, section: "s. 32" }, verified: true }
  - { code: fraud-act-s2, label: Fraud, category: fraud, max_penalty_years: 5, citation: { instrument: act, section: "s. 33" }, verified: true }
  - { code: arson-act-s1, label: Arson, category: arson, max_penalty_years: 5, citation: { instrument: act, section: "s. 34" }, verified: true }
`;
const variantland = new Map([['variantland', compileJurisdiction(lawFromYaml('variantland', YAML))]]);

const base: CaseFile = {
  id: 'variants',
  as_of: '2026-11-28',
  person: { birth_date: '2000-01-01' },
  trafficking: { victim: true, forms: ['forced-criminality'], means: ['threat', 'deception'], coercive_control: ['isolation'], identification: 'none', period: { start: '2015-01-01', end: '2026-06-01' } },
  offences: [{ id: 'o1', category: 'drug-possession', code: 'drug-act-s5', date: '2025-03-01', conviction_date: '2025-09-01', disposition: 'convicted', nexus: 'result-of', answers: { 'serious-harm-to-others': false } }],
};
type Offence = CaseFile['offences'][number];
const withOffence = (o: Partial<Offence>, rest: Partial<CaseFile> = {}): CaseFile => ({ ...base, ...rest, offences: [{ ...base.offences[0]!, ...o }] });
const withTrafficking = (t: Partial<CaseFile['trafficking']>, o: Partial<Offence> = {}): CaseFile => withOffence(o, { trafficking: { ...base.trafficking, ...t } });

const provision = (c: CaseFile, id: string) => provisionOf(c, variantland, id);
const reasonOf = (p: ProvisionResult, code: string) => {
  const c = checkOf(p, code);
  return `${c.status}: ${c.reason}`;
};
const missingFacts = (p: ProvisionResult) => p.missing.map((m) => m.fact);

describe('a provision checked on the date of evaluation', () => {
  it('in force on that date: says so with the date of evaluation, whatever the offence date', async () => {
    const p = await provision(withOffence({ date: '2010-05-01', conviction_date: '2011-01-01' }, { person: { birth_date: '1996-01-01' } }), 'guidance');
    expect(reasonOf(p, 'in-force')).toBe('met: in force from 2018-01-01 until 2030-01-01; applies on the date of evaluation (2026-11-28)');
  });

  it('not yet or no longer in force on that date: says which, without calling it retrospective', async () => {
    const early = await provision({ ...base, as_of: '2017-12-31', offences: [{ ...base.offences[0]!, date: '2016-01-01', conviction_date: '2016-06-01' }] }, 'guidance');
    expect(reasonOf(early, 'in-force')).toBe('not-met: not in force on the date of evaluation (2017-12-31); in force from 2018-01-01 until 2030-01-01');
    expect(early.outcome).toBe('not-eligible');
  });

  it('an unknown offence date leaves its date in force decided: the offence date is not asked for it', async () => {
    const p = await provision(withOffence({ date: undefined, conviction_date: undefined }, { person: { birth_date: '2012-01-01' } }), 'guidance');
    expect(reasonOf(p, 'in-force')).toMatch(/^met: /);
    // Only the age band needs the offence date: born 2012, the offence can fall before or after the 12th birthday.
    expect(reasonOf(p, 'age')).toBe('unknown: applies to persons aged 12 to 17 at the offence; the age at the offence is unknown');
    expect(missingFacts(p)).toEqual(['offence.date']);
    expect(p.missing[0]!.question).toBe(FACT_QUESTIONS['offence.date']);
    // The joint check of the offence date's limbs is compiled here, and left out of the result when some date fits.
    expect(p.checks.map((c) => c.code)).toEqual(['disposition', 'in-force', 'domain', 'age', 'victim', 'forms', 'nexus', 'means', 'identification']);
  });
});

describe('lists that name every value', () => {
  it('every stage listed: available at every stage', async () => {
    const p = await provision(withOffence({ disposition: 'penalty' }, { person: { birth_date: '2010-01-01' } }), 'guidance');
    expect(reasonOf(p, 'disposition')).toBe('met: available at every stage');
  });

  it('every kind of identification listed: any identification, or none, is accepted', async () => {
    const p = await provision(withOffence({}, { person: { birth_date: '2010-01-01' } }), 'guidance');
    expect(reasonOf(p, 'identification')).toBe('met: any identification, or none, is accepted');
  });
});

describe('age bands', () => {
  it('two-sided band: names both ends, the upper one as the last age covered', async () => {
    const child = await provision(withOffence({}, { person: { birth_date: '2010-01-01' } }), 'guidance');
    expect(reasonOf(child, 'age')).toBe('met: applies: the person was 15 at the offence (the provision covers persons aged 12 to 17)');
    const adult = await provision(withOffence({}), 'guidance');
    expect(reasonOf(adult, 'age')).toBe('not-met: does not apply: the person was 25 at the offence (the provision covers persons aged 12 to 17)');
  });

  it('upper bound only: "under" the age', async () => {
    const p = await provision(withOffence({}, { person: { birth_date: '1990-01-01' } }), 'vacate');
    expect(reasonOf(p, 'age')).toBe('not-met: does not apply: the person was 35 at the offence (the provision covers persons under 30)');
  });

  it('an unknown birth date is asked for by the age band alone', async () => {
    const p = await provision(withOffence({}, { person: {} }), 'guidance');
    expect(reasonOf(p, 'age')).toBe('unknown: applies to persons aged 12 to 17 at the offence; the age at the offence is unknown');
    expect(missingFacts(p)).toEqual(['person.birth_date']);
    expect(p.missing[0]!.question).toBe(FACT_QUESTIONS['person.birth_date']);
  });
});

describe('forms of exploitation', () => {
  it('met, not met and unknown each name the forms', async () => {
    const child = { person: { birth_date: '2010-01-01' } };
    const met = await provision(withOffence({}, child), 'guidance');
    expect(reasonOf(met, 'forms')).toBe('met: covers the form of exploitation (forced-criminality)');
    const other = await provision(withOffence({}, { ...child, trafficking: { ...base.trafficking, forms: ['forced-labour', 'domestic-servitude'] } }), 'guidance');
    expect(reasonOf(other, 'forms')).toBe('not-met: covers only sexual-exploitation, forced-criminality; the case names domestic-servitude, forced-labour');
    const unknown = await provision(withOffence({}, { ...child, trafficking: { ...base.trafficking, forms: undefined } }), 'guidance');
    expect(reasonOf(unknown, 'forms')).toBe('unknown: covers only sexual-exploitation, forced-criminality; the form of exploitation is not stated');
  });
});

describe('means', () => {
  it('a child need show no means, and the reason says so', async () => {
    const child = await provision(withOffence({}, { person: { birth_date: '2010-01-01' }, trafficking: { ...base.trafficking, means: undefined, coercive_control: undefined } }), 'guidance');
    expect(reasonOf(child, 'means')).toBe('met: no means need be shown for a child');
    expect(child.outcome).toBe('eligible');
  });

  it('when coercive control counts, its elements are shown with the means, and every means counts when none are listed', async () => {
    const p = await provision(withOffence({}), 'vacate');
    expect(reasonOf(p, 'means')).toBe('met: means shown: deception, threat, isolation');
  });

  it('no means and no coercive control: the reason says coercive control counts and lists no counting means', async () => {
    const p = await provision(withTrafficking({ means: [], coercive_control: [] }), 'vacate');
    expect(reasonOf(p, 'means')).toBe('not-met: no qualifying means shown (coercive control counts).');
  });

  it('means unknown: both the means and the elements of coercive control are asked for', async () => {
    const p = await provision(withTrafficking({ means: undefined, coercive_control: undefined }), 'vacate');
    expect(reasonOf(p, 'means')).toBe('unknown: means must be shown for an adult (coercive control counts); not yet established');
    expect(missingFacts(p)).toEqual(['trafficking.coercive_control', 'trafficking.means']);
    expect(p.missing.map((m) => m.question)).toEqual([FACT_QUESTIONS['trafficking.coercive_control'], FACT_QUESTIONS['trafficking.means']]);
  });

  it('means unknown for someone who may have been a child: the age facts are asked for too', async () => {
    const p = await provision(withOffence({ date: undefined, conviction_date: undefined }, { person: {}, trafficking: { ...base.trafficking, means: undefined, coercive_control: [] } }), 'guidance');
    expect(p.outcome).toBe('undetermined');
    expect(missingFacts(p)).toEqual(['offence.date', 'person.birth_date', 'trafficking.means']);
  });

  it('means needed for adults only, and no age limb: the means limb itself asks for the age', async () => {
    const unknownAge = await provision(withOffence({}, { person: {}, trafficking: { ...base.trafficking, means: undefined, coercive_control: [] } }), 'expunge');
    expect(reasonOf(unknownAge, 'means')).toBe('unknown: means must be shown for an adult (coercive control counts); not yet established');
    expect(missingFacts(unknownAge)).toEqual(['person.birth_date', 'trafficking.means']);
    const adult = await provision(withOffence({}, { person: { birth_date: '1980-01-01' }, trafficking: { ...base.trafficking, means: undefined, coercive_control: [] } }), 'expunge');
    expect(missingFacts(adult)).toEqual(['trafficking.means']);
  });

  it('means needed at every age: the age is not asked for, and a child shows means like an adult', async () => {
    const p = await provision(withOffence({}, { person: {}, trafficking: { ...base.trafficking, means: undefined, coercive_control: [] } }), 'seal');
    expect(missingFacts(p)).toEqual(['trafficking.means']);
    const child = await provision(withOffence({}, { person: { birth_date: '2010-01-01' } }), 'seal');
    expect(reasonOf(child, 'means')).toBe('met: means shown: threat, isolation');
  });

  it('only the means the law counts are shown, with the elements of coercive control', async () => {
    const p = await provision(withOffence({}), 'seal');
    expect(reasonOf(p, 'means')).toBe('met: means shown: threat, isolation');
  });

  it('coercive control alone, means not stated: met on coercive control, and the reason shows its elements in order', async () => {
    const p = await provision(withTrafficking({ means: undefined, coercive_control: ['monitoring', 'isolation'] }), 'vacate');
    expect(reasonOf(p, 'means')).toBe('met: means shown: isolation, monitoring');
  });

  it('means stated, coercive control not: met on the means alone', async () => {
    const p = await provision(withTrafficking({ means: ['threat'], coercive_control: undefined }), 'vacate');
    expect(reasonOf(p, 'means')).toBe('met: means shown: threat');
  });

  it('means that do not count, coercive control unknown: only coercive control is asked for', async () => {
    const p = await provision(withTrafficking({ means: ['deception'], coercive_control: undefined }), 'seal');
    expect(reasonOf(p, 'means')).toMatch(/^unknown: /);
    expect(missingFacts(p)).toEqual(['trafficking.coercive_control']);
  });
});

describe('dates in force and offence dates bounded on one side', () => {
  it('in force until a date: no "from" in the words', async () => {
    const p = await provision(withOffence({}), 'vacate');
    expect(reasonOf(p, 'in-force')).toBe('met: in force until 2030-01-01; applies on the offence date (2025-03-01)');
  });

  it('offence dates before a date only, and from a date only', async () => {
    const before = await provision(withOffence({}), 'vacate');
    expect(reasonOf(before, 'offence-dates')).toBe('met: reaches offences committed before 2026-01-01 (offence: 2025-03-01)');
    const after = await provision(withOffence({}), 'expunge');
    expect(reasonOf(after, 'offence-dates')).toBe('met: reaches offences committed from 2012-01-01 (offence: 2025-03-01)');
  });

  it('an offence date that the conviction and the birth date do not decide is asked for by the offence-dates limb', async () => {
    const p = await provision(withOffence({ date: undefined, conviction_date: '2025-01-01' }), 'expunge');
    expect(reasonOf(p, 'offence-dates')).toBe('unknown: reaches offences committed from 2012-01-01; the offence date is not stated');
    expect(missingFacts(p)).toEqual(['offence.date']);
  });
});

describe('time limits', () => {
  it('years, months and days are all named; the deadline is given', async () => {
    const p = await provision(withOffence({}), 'vacate');
    expect(reasonOf(p, 'time-limit')).toBe('met: within the time limit: apply by 2027-09-11');
    expect(p.deadline).toBe('2027-09-11');
    const late = await provision(withOffence({ date: '2023-06-01', conviction_date: '2023-09-01' }), 'vacate');
    expect(reasonOf(late, 'time-limit')).toBe('not-met: time limit passed on 2025-12-11 (2 year(s) 6 month(s) 10 day(s) from the offence)');
  });

  it('an unknown offence date decided by its latest possible date: the limit passed even from then', async () => {
    const p = await provision(withOffence({ date: undefined, conviction_date: '2020-01-01' }, { person: { birth_date: '2000-01-01' } }), 'vacate');
    expect(reasonOf(p, 'time-limit')).toBe('not-met: time limit passed: even from the latest possible offence date (2020-01-01) it ended on 2022-07-11');
  });

  it('an unknown offence date decided by its earliest possible date: within the limit even from then', async () => {
    const c: CaseFile = { ...base, as_of: '2024-12-31', person: { birth_date: '2023-06-01' }, offences: [{ ...base.offences[0]!, date: undefined, conviction_date: undefined }] };
    const p = await provision(c, 'vacate');
    expect(reasonOf(p, 'time-limit')).toBe('met: within the time limit even from the earliest possible offence date (2023-06-01): apply by 2025-12-11');
  });

  it('from the end of the trafficking: the deadline, the ongoing case and the unknown end', async () => {
    const within = await provision(withOffence({}), 'expunge');
    expect(reasonOf(within, 'time-limit')).toBe('met: within the time limit: apply by 2027-06-01');
    expect(within.deadline).toBe('2027-06-01');
    const late = await provision(withTrafficking({ period: { start: '2015-01-01', end: '2024-01-01' } }), 'expunge');
    expect(reasonOf(late, 'time-limit')).toBe('not-met: time limit passed on 2025-01-01 (1 year(s) from the trafficking end)');
    const ongoing = await provision(withTrafficking({ period: { start: '2015-01-01' } }), 'expunge');
    expect(reasonOf(ongoing, 'time-limit')).toBe('met: time limit of 1 year(s) from the end of the trafficking, which is ongoing');
    expect(ongoing.deadline).toBeNull();
    const unknown = await provision(withTrafficking({ period: undefined }), 'expunge');
    expect(reasonOf(unknown, 'time-limit')).toBe('unknown: time limit of 1 year(s) from the trafficking end; that date is not stated');
    expect(missingFacts(unknown)).toEqual(['trafficking.period.end']);
    expect(unknown.missing[0]!.question).toBe(FACT_QUESTIONS['trafficking.period.end']);
  });
});

describe('a question that must be answered no', () => {
  it('unanswered: "to establish (must be no)", and the question asked is the catalogue\'s', async () => {
    // Robbery is violent: its kind does not answer the question, so it stays to establish.
    const p = await provision(withOffence({ answers: {}, category: 'robbery', code: 'robbery-act-s2' }), 'expunge');
    expect(reasonOf(p, 'question:serious-harm-to-others')).toBe(`unknown: to establish (must be no): ${questionText('serious-harm-to-others')}`);
    expect(p.missing).toEqual([{ fact: 'answers.serious-harm-to-others', question: questionText('serious-harm-to-others') }]);
    expect(p.assumptions).toEqual([]);
  });

  it('unanswered, for a kind of offence that answers it on its face: assumed "no", and said so with its rule', async () => {
    const p = await provision(withOffence({ answers: {} }), 'expunge');
    expect(reasonOf(p, 'question:serious-harm-to-others')).toBe(`met: no: ${questionText('serious-harm-to-others')}`);
    expect(p.missing).toEqual([]);
    expect(p.assumptions).toEqual([
      { fact: 'answers.serious-harm-to-others', value: false, rule: expect.stringMatching(/^rules\/questions\.yaml serious-harm-to-others: .*no violence.*\(drug-possession\)$/) },
    ]);
  });

  it('an answer in the case overrides the assumption, even when it counts against the person', async () => {
    const p = await provision(withOffence({ answers: { 'serious-harm-to-others': true } }), 'expunge');
    expect(reasonOf(p, 'question:serious-harm-to-others')).toBe(`not-met: yes (must be no): ${questionText('serious-harm-to-others')}`);
    expect(p.assumptions).toEqual([]);
  });
});

describe('offences a provision reaches only', () => {
  it('a listed offence is reached; an unlisted one is not; without a code, the code decides', async () => {
    const listed = await provision(withOffence({}), 'vacate');
    expect(reasonOf(listed, 'offence-covered')).toBe('met: the offence is one of those the provision reaches');
    const unlisted = await provision(withOffence({ category: 'theft', code: 'theft-act-s1' }), 'vacate');
    expect(reasonOf(unlisted, 'offence-covered')).toBe('not-met: reaches only the offences listed in s. 9(5); this one is not among them');
    expect(unlisted.outcome).toBe('not-eligible');
    // No code, and no offence of the kind in the law's table: the code decides.
    const noCode = await provision(withOffence({ code: undefined, category: 'burglary' }), 'vacate');
    expect(reasonOf(noCode, 'offence-covered')).toBe('unknown: reaches only the offences listed in s. 9(5); the exact statute code decides');
    expect(missingFacts(noCode)).toEqual(['offence.code']);
    // The code is listed, but only for offences from 2020, and the offence date is not stated: the date decides.
    const undated = await provision(withOffence({ category: 'fraud', code: 'fraud-act-s2', date: undefined }), 'vacate');
    expect(reasonOf(undated, 'offence-covered')).toBe('unknown: reaches only the offences listed in s. 9(5); the offence date decides');
    expect(missingFacts(undated)).toContain('offence.date');
    expect(missingFacts(undated)).not.toContain('offence.code');
    // Begging is covered only from 2020, and a serious offence by its penalty: with neither the date nor the code, both decide.
    const neither = await provision(withOffence({ category: 'begging', code: undefined, date: undefined }), 'vacate');
    expect(reasonOf(neither, 'offence-covered')).toBe('unknown: reaches only the offences listed in s. 9(5); the offence date and the exact statute code decide');
    // No code, but the law's table has one offence of the kind, and the list names it.
    const byKind = await provision(withOffence({ code: undefined }), 'vacate');
    expect(reasonOf(byKind, 'offence-covered')).toBe('met: the offence is one of those the provision reaches');
  });

  it('a listed offence in force only from a date: an unknown offence date is asked for', async () => {
    const p = await provision(withOffence({ category: 'fraud', code: 'fraud-act-s2', date: undefined, conviction_date: '2025-06-01' }), 'vacate');
    expect(p.outcome).toBe('undetermined');
    expect(missingFacts(p)).toEqual(['offence.date']);
  });
});

describe('each way an exception entry matches', () => {
  it('a whole category: "every <category> offence is listed"', async () => {
    const p = await provision(withOffence({ category: 'arson', code: 'arson-act-s1' }), 'vacate');
    expect(p.outcome).toBe('excluded');
    expect(reasonOf(p, 'exception')).toBe('not-met: excluded: every arson offence is listed — Every arson (Sch 1 para 1)');
    expect(p.excludedBy).toEqual(['arson']);
  });

  it('once one entry excludes the offence, entries that only may are not named', async () => {
    // arson-act-s9 is not in the offence table, so the penalty entry alone could not decide.
    const p = await provision(withOffence({ category: 'arson', code: 'arson-act-s9' }), 'vacate');
    expect(p.outcome).toBe('excluded');
    expect(reasonOf(p, 'exception')).toBe('not-met: excluded: every arson offence is listed — Every arson (Sch 1 para 1)');
    expect(p.excludedBy).toEqual(['arson']);
    const unsure = await provision(withOffence({ category: 'theft', code: 'theft-act-s9' }), 'vacate');
    expect(unsure.outcome).toBe('undetermined');
    expect(unsure.excludedBy).toEqual(['serious']);
  });

  it('a penalty threshold: the offence table decides, and a carve-out stays out', async () => {
    const robbery = await provision(withOffence({ category: 'robbery', code: 'robbery-act-s1' }), 'vacate');
    expect(reasonOf(robbery, 'exception')).toBe('not-met: excluded: robbery-act-s1 carries a maximum penalty at or above the threshold — Offences punishable with ten years or more (Sch 1 para 2)');
    const theft = await provision(withOffence({ category: 'theft', code: 'theft-act-s1' }), 'vacate');
    expect(reasonOf(theft, 'exception')).toBe('met: not listed in Excluded offences');
    const carvedOut = await provision(withOffence({ category: 'robbery', code: 'robbery-act-s2' }), 'vacate');
    expect(reasonOf(carvedOut, 'exception')).toBe('met: not listed in Excluded offences');
    expect(carvedOut.excludedBy).toEqual([]);
  });

  it('a code missing from the offence table: may be excluded, and the code is asked about with the entry named', async () => {
    const p = await provision(withOffence({ category: 'drug-possession', code: 'drug-act-s9' }), 'vacate');
    expect(reasonOf(p, 'exception')).toBe("unknown: may be excluded: Offences punishable with ten years or more (Sch 1 para 2); the maximum penalty for drug-act-s9 is not in this file's offence table");
    expect(p.excludedBy).toEqual(['serious']);
  });

  it('an entry in force only from a date, and an unknown offence date: the offence date decides', async () => {
    const p = await provision(withOffence({ category: 'fraud', code: 'fraud-act-s2', date: undefined, conviction_date: '2025-06-01' }), 'vacate');
    expect(reasonOf(p, 'exception')).toBe('unknown: may be excluded: Fraud by false representation (Sch 1 para 3), which is in force only for some dates; the offence date decides');
    expect(p.missing.map((m) => m.fact)).toEqual(['offence.date']);
    const before = await provision(withOffence({ category: 'fraud', code: 'fraud-act-s2', date: '2019-12-31', conviction_date: '2020-06-01' }), 'vacate');
    expect(reasonOf(before, 'exception')).toBe('met: not listed in Excluded offences');
  });
});

describe('an unknown offence date is asked for by exactly the limbs it leaves open', () => {
  const undated = (birth: string | undefined, t: Partial<CaseFile['trafficking']> = {}, o: Partial<Offence> = {}) =>
    withOffence({ date: undefined, conviction_date: '2025-06-01', ...o }, { person: birth ? { birth_date: birth } : {}, trafficking: { ...base.trafficking, ...t } });

  it('the date in force alone: born 1980, convicted 2025, a law in force from 1990', async () => {
    const p = await provision(undated('1980-01-01'), 'fines');
    expect(reasonOf(p, 'in-force')).toBe('unknown: in force from 1990-01-01; the offence date is not stated');
    expect(missingFacts(p)).toEqual(['offence.date']);
  });

  it('the offence dates alone, with the birth date unknown: the birth date is not asked for', async () => {
    const p = await provision(undated(undefined), 'expunge');
    expect(p.outcome).toBe('undetermined');
    expect(missingFacts(p)).toEqual(['offence.date']);
  });

  it('an exception entry in force only from a date, every other limb decided: only the date is asked', async () => {
    const p = await provision(undated('2000-01-01', {}, { category: 'fraud', code: 'fraud-act-s2' }), 'fines');
    expect(reasonOf(p, 'in-force')).toMatch(/^met: /);
    expect(reasonOf(p, 'exception')).toMatch(/^unknown: may be excluded: Fraud by false representation/);
    expect(missingFacts(p)).toEqual(['offence.date']);
  });

  it('means unknown for someone certainly a child at any possible date: none are needed', async () => {
    const p = await provision(undated('2015-01-01', { means: undefined, coercive_control: [] }), 'fines');
    expect(reasonOf(p, 'means')).toBe('met: no means need be shown for a child');
    expect(p.outcome).toBe('eligible');
  });

  it('means unknown for someone who may have been a child or an adult: the offence date is asked too', async () => {
    const p = await provision(undated('2000-01-01', { means: undefined, coercive_control: [] }), 'fines');
    expect(missingFacts(p)).toEqual(['offence.date', 'trafficking.means']);
  });
});
