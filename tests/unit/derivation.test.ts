/**
 * The whole derivation of one offence (`check --explain`), read as a lawyer checking the engine's work: for
 * each check, the case-file facts it read with their values (or null where the case is silent), its value and
 * reason; the provision's requirements, exception and outcome beside json-rules-engine's values; a provision
 * left out at this stage; and every exception entry with why it does or does not list the offence.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import { deriveOffence, type OffenceDerivation, type ProvisionDerivation } from '../../src/engine/derivation.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law, lawFromYaml } from '../helpers.js';

const YAML = `id: deriveland
name: Deriveland
kind: jurisdiction
summary: Provisions that between them test every kind of check.
checked: 2026-11-28
instruments:
  - { id: act, title: Derive Act, verified: true }
coercion: { recognises_coercive_control: COERCIVE, text: force or threats, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: Defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence for an adult compelled by force, within two years of the offence, except the listed offences.
    in_force: { from: 2015-07-31 }
    offence_dates: { from: 2015-07-31 }
    nexus: compelled
    nexus_words: compelled to do the act
    age: { min: 18 }
    means: { adults: required }
    forms: [forced-criminality, sexual-exploitation]
    domains: [criminal]
    exceptions: [sch]
    questions: [due-diligence]
    conditions: { time_limit: { years: 2, from: offence }, cooperation_required: true, identification: [official-documentation, ngo] }
    verified: true
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.5 }
    text: Vacatur of a conviction that was a result of being trafficked, within three years of the conviction.
    in_force: { from: 2010-01-01 }
    nexus: result-of
    presumptions:
      - { limb: nexus, identification: [official-documentation], cite: "s.5(2)", rebuttable_by: "evidence to the contrary", verified: true }
    domains: [criminal, administrative]
    offences_covered: [covered]
    questions_rebuttal: [serious-harm-to-others]
    conditions: { time_limit: { years: 3, from: conviction } }
    verified: true
  - id: expunge
    title: Expungement
    relief: expungement
    discretion: discretionary
    citation: { instrument: act, section: s.7 }
    text: Expungement within a year of the end of the trafficking.
    in_force: { from: 2010-01-01 }
    nexus: connected
    domains: [criminal]
    conditions: { time_limit: { years: 1, from: trafficking-end } }
    verified: true
  - id: late
    title: Late application
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.9 }
    text: An application within ten years of the section coming into force.
    in_force: { from: 2020-01-01 }
    nexus: connected
    victim_required: false
    domains: [criminal]
    conditions: { time_limit: { years: 10, from: in-force } }
    verified: true
exception_lists:
  - id: sch
    title: Schedule 1
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: robbery, label: Robbery, category: robbery, covers_category: true, citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: supply, label: Supplying drugs, codes: [da-s4], citation: { instrument: act, section: Sch 1 para 2 }, verified: false, note: from a commentary }
  - id: covered
    title: Convictions that can be vacated
    citation: { instrument: act, section: Sch 2 }
    verified: true
    entries:
      - { id: possession, label: Possession of drugs, category: drug-possession, covers_category: true, citation: { instrument: act, section: Sch 2 para 1 }, verified: true }
`;
const compiled = (coercive: boolean) =>
  new Map([['deriveland', compileJurisdiction(lawFromYaml('deriveland', YAML.replace('COERCIVE', String(coercive))))]]).get('deriveland')!;
const cat = law().catalogue;

const CASE: CaseFile = {
  id: 'd',
  as_of: '2026-11-28',
  person: { birth_date: '1990-05-01' },
  trafficking: {
    victim: true,
    forms: ['forced-criminality'],
    means: ['threats'],
    coercive_control: ['isolation'],
    identification: 'official-documentation',
    cooperating_with_authorities: true,
    period: { start: '2020-01-01', end: '2026-06-01' },
  },
  offences: [
    {
      id: 'o1',
      category: 'drug-possession',
      code: 'da-s5',
      date: '2025-03-01',
      conviction_date: '2025-09-01',
      disposition: 'convicted',
      nexus: 'compelled',
      answers: { 'due-diligence': true },
    },
  ],
};

const CHARGED: CaseFile = { ...CASE, offences: [{ ...CASE.offences[0]!, disposition: 'charged', conviction_date: undefined }] };

async function derive(c: CaseFile = CASE, coercive = false): Promise<OffenceDerivation> {
  return deriveOffence(c, c.offences[0]!, compiled(coercive), c.as_of!, cat);
}
const provision = (d: OffenceDerivation, id: string): ProvisionDerivation => d.provisions.find((p) => p.provision === id)!;
const reads = (p: ProvisionDerivation) => Object.fromEntries(p.checks.map((c) => [c.code, c.reads.map((r) => `${r.fact}=${JSON.stringify(r.value)}`)]));

describe('the derivation of one offence', () => {
  it('names the law and the offence, and gives every provision with its own words', async () => {
    const d = await derive();
    expect([d.jurisdiction, d.name, d.offence]).toEqual(['deriveland', 'Deriveland', 'o1']);
    expect(d.provisions.map((p) => [p.provision, p.title, p.relief, p.discretion])).toEqual([
      ['defence', 'Defence', 'defence', 'mandatory'],
      ['vacate', 'Vacatur', 'vacatur', 'discretionary'],
      ['expunge', 'Expungement', 'expungement', 'discretionary'],
      ['late', 'Late application', 'vacatur', 'discretionary'],
    ]);
    expect(provision(d, 'defence').text).toMatch(/^A defence for an adult compelled by force/);
    expect(provision(d, 'defence').nexusWords).toBe('compelled to do the act');
    expect(provision(d, 'vacate').nexusWords).toBeNull();
  });

  it('each check of the defence: the facts it read, as the case states them', async () => {
    const p = provision(await derive(CHARGED), 'defence');
    expect(reads(p)).toEqual({
      disposition: ['offence.disposition="charged"'],
      'in-force': ['offence.date="2025-03-01"'],
      'offence-dates': ['offence.date="2025-03-01"'],
      domain: ['offence.domain="criminal (from the category drug-possession)"'],
      age: ['person.birth_date="1990-05-01"', 'offence.date="2025-03-01"'],
      victim: ['trafficking.victim=true'],
      forms: ['trafficking.forms=["forced-criminality"]'],
      nexus: ['offence.nexus="compelled"'],
      // Coercive control is not read where the law does not recognise it.
      means: ['trafficking.means=["threats"]', 'person.birth_date="1990-05-01"', 'offence.date="2025-03-01"'],
      'question:due-diligence': ['answers.due-diligence=true'],
      cooperation: ['trafficking.cooperating_with_authorities=true'],
      identification: ['trafficking.identification="official-documentation"'],
      'time-limit': ['offence.date="2025-03-01"', 'as_of="2026-11-28"'],
      'offence-date-window': ['offence.date="2025-03-01"', 'person.birth_date="1990-05-01"', 'as_of="2026-11-28"'],
    });
    expect(p.checks.find((c) => c.code === 'age')).toMatchObject({ atom: 'ageInBand', value: 'T', cite: 's.1' });
    expect(p.checks.filter((c) => c.value !== 'T')).toEqual([]);
    expect(p.checks.find((c) => c.code === 'time-limit')!.reason).toBe('within the time limit: apply by 2027-03-01');
    // Excluded neither by robbery nor by supply: eligible, and json-rules-engine agrees.
    expect([p.requirements, p.exception, p.outcome, p.reference, p.notAtThisStage]).toEqual(['T', 'F', 'eligible', { R: 'T', E: 'F' }, false]);
  });

  it('where coercive control counts, the means check reads it too', async () => {
    const p = provision(await derive(CASE, true), 'defence');
    expect(reads(p).means).toEqual(['trafficking.means=["threats"]', 'trafficking.coercive_control=["isolation"]', 'person.birth_date="1990-05-01"', 'offence.date="2025-03-01"']);
  });

  it('a presumed limb reads the identification that raises it; a rebuttal question reads its answer; each time limit reads the date it runs from', async () => {
    const d = await derive();
    const vacate = provision(d, 'vacate');
    expect(reads(vacate)).toMatchObject({
      'in-force': ['as_of="2026-11-28"'],
      domain: ['offence.domain="criminal (from the category drug-possession)"'],
      nexus: ['offence.nexus="compelled"', 'trafficking.identification="official-documentation"'],
      'rebuttal:serious-harm-to-others': ['answers.serious-harm-to-others=null'],
      'time-limit': ['offence.conviction_date="2025-09-01"', 'as_of="2026-11-28"'],
      'offence-covered': ['offence.category="drug-possession"', 'offence.code="da-s5"'],
    });
    expect(vacate.checks.find((c) => c.code === 'nexus')!.atom).toBe('presumedOr');
    expect(reads(provision(d, 'expunge'))['time-limit']).toEqual(['trafficking.period.end="2026-06-01"', 'as_of="2026-11-28"']);
    expect(reads(provision(d, 'late'))['time-limit']).toEqual(['provision in force from="2020-01-01"', 'as_of="2026-11-28"']);
    // A provision that does not require victim status has no victim check.
    expect(Object.keys(reads(provision(d, 'late')))).not.toContain('victim');
  });

  it('facts the case does not state are read as null; a domain stated in the case is read as stated', async () => {
    const c: CaseFile = { ...CASE, person: {}, trafficking: {}, offences: [{ id: 'o1', category: 'drug-possession', domain: 'administrative', disposition: 'convicted' }] };
    const d = await derive(c);
    expect(reads(provision(d, 'defence'))).toMatchObject({
      'in-force': ['offence.date=null'],
      domain: ['offence.domain="administrative"'],
      age: ['person.birth_date=null', 'offence.date=null'],
      victim: ['trafficking.victim=null'],
      forms: ['trafficking.forms=null'],
      nexus: ['offence.nexus=null'],
      'question:due-diligence': ['answers.due-diligence=null'],
      cooperation: ['trafficking.cooperating_with_authorities=null'],
      identification: ['trafficking.identification=null'],
    });
    expect(reads(provision(d, 'vacate'))['time-limit']).toEqual(['offence.conviction_date=null', 'as_of="2026-11-28"']);
    expect(reads(provision(d, 'expunge'))['time-limit']).toEqual(['trafficking.period.end=null', 'as_of="2026-11-28"']);
    expect(reads(provision(d, 'vacate'))['offence-covered']).toEqual(['offence.category="drug-possession"', 'offence.code=null']);
    // A case with no person and no trafficking section at all reads the same: nothing stated.
    const bare = await derive({ id: 'd', as_of: '2026-11-28', offences: c.offences } as CaseFile);
    expect(reads(provision(bare, 'defence'))).toEqual(reads(provision(d, 'defence')));
    expect(reads(provision(bare, 'vacate'))).toEqual(reads(provision(d, 'vacate')));
    expect(reads(provision(await derive({ id: 'd', as_of: '2026-11-28', offences: c.offences } as CaseFile, true), 'defence')).means).toEqual([
      'trafficking.means=null',
      'trafficking.coercive_control=null',
      'person.birth_date=null',
      'offence.date=null',
    ]);
  });

  it('a provision whose relief does not fit the stage is marked so, and its stage check says why', async () => {
    const d = await derive(CHARGED);
    expect(provision(d, 'vacate').notAtThisStage).toBe(true);
    expect(provision(d, 'vacate').checks[0]).toEqual({ code: 'disposition', cite: 's.5', atom: 'in', reads: [{ fact: 'offence.disposition', value: 'charged' }], value: 'F', reason: 'available only when: convicted, arrest-record; this offence is charged' });
    expect(provision(d, 'defence').notAtThisStage).toBe(false);
    // A defence is for a charge: at conviction it is out of stage.
    const convicted = provision(await derive(), 'defence');
    expect([convicted.notAtThisStage, convicted.outcome, convicted.checks[0]!.reason]).toEqual([true, 'not-eligible', 'available only when: charged; this offence is convicted']);
  });

  it('every exception entry of a provision, with whether it lists the offence and why', async () => {
    const d = await derive();
    expect(d.entries['defence']).toEqual([
      { list: 'Schedule 1', entry: 'robbery', label: 'Robbery', cite: 'Sch 1 para 1', verified: true, value: 'F', reason: 'not matched: Robbery (Sch 1 para 1) does not list this offence' },
      { list: 'Schedule 1', entry: 'supply', label: 'Supplying drugs', cite: 'Sch 1 para 2', verified: false, value: 'F', reason: 'not matched: Supplying drugs (Sch 1 para 2) does not list this offence' },
    ]);
    expect(d.entries['vacate']).toEqual([]);
    const robbery: CaseFile = { ...CHARGED, offences: [{ ...CHARGED.offences[0]!, category: 'robbery', code: undefined }] };
    const r = await derive(robbery);
    expect(r.entries['defence']![0]).toMatchObject({ entry: 'robbery', value: 'T', reason: expect.stringMatching(/Robbery \(Sch 1 para 1\)/) });
    expect([provision(r, 'defence').exception, provision(r, 'defence').outcome, provision(r, 'defence').reference]).toEqual(['T', 'excluded', { R: 'T', E: 'T' }]);
  });
});
