/**
 * Candidate offences (several rows of the law's offence table) seen where they part or share words: the
 * code question asked once, at the first level where they part — the offence, a relief, else a provision —
 * and not at a level where they only differ between two ways of failing; the finer code still asked where
 * they come out alike but each is listed only in part; each candidate's own reason and missing facts when
 * an explanation could be shared between them; what a mandatory route still needs; the nearest deadline
 * among them; how three candidates are grouped in a reason and a question; and how each row is labelled
 * with its statute.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import { FACT_QUESTIONS } from '../../src/engine/explain.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult, ProvisionResult } from '../../src/schema/report.js';
import { checkOf, law, lawFromYaml } from '../helpers.js';

const YAML = `id: parting
name: Parting
kind: jurisdiction
summary: A youth guidance, three defences and two vacaturs read over candidate offences.
checked: 2026-11-28
instruments:
  - { id: act, title: Parting Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: youth
    title: Guidance for young people
    relief: non-prosecution
    discretion: discretionary
    citation: { instrument: act, section: s.3 }
    text: Young people are not prosecuted for offences connected with their exploitation, except those listed.
    in_force: { from: 1900-01-01 }
    dispositions: [investigation]
    age: { max: 18 }
    nexus: connected
    domains: [criminal]
    exceptions: [youth-list]
    verified: true
  - id: listed
    title: Defence except for listed offences
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.4 }
    text: A defence for compelled acts, except the offences of the two schedules.
    in_force: { from: 1900-01-01 }
    dispositions: [investigation, charged]
    nexus: compelled
    domains: [criminal]
    exceptions: [sch1, sch2]
    verified: true
  - id: plain
    title: Defence for every offence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.5 }
    text: A defence for compelled acts.
    in_force: { from: 1900-01-01 }
    dispositions: [investigation, charged]
    nexus: compelled
    domains: [criminal]
    verified: true
  - id: covered
    title: Defence for covered offences
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.6 }
    text: A defence for acts connected with the trafficking, for the offences of the third schedule only.
    in_force: { from: 1900-01-01 }
    dispositions: [investigation, charged]
    nexus: connected
    domains: [criminal]
    offences_covered: [cov]
    verified: true
  - id: vacate-soon
    title: Vacatur within a year
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.7 }
    text: Vacatur within a year of the conviction, except the offences the youth guidance excludes.
    in_force: { from: 1900-01-01 }
    nexus: connected
    domains: [criminal]
    exceptions: [youth-list]
    conditions: { time_limit: { years: 1, from: conviction } }
    verified: true
  - id: vacate-later
    title: Vacatur within three years
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.8 }
    text: Vacatur within three years of the conviction.
    in_force: { from: 1900-01-01 }
    nexus: connected
    domains: [criminal]
    conditions: { time_limit: { years: 3, from: conviction } }
    verified: true
exception_lists:
  - id: youth-list
    title: Youth exclusions
    citation: { instrument: act, section: s.3(2) }
    verified: true
    entries:
      - { id: youth-theft, label: Plain theft, codes: [th-1], citation: { instrument: act, section: s.3(2)(a) }, verified: true }
  - id: sch1
    title: Schedule 1
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: shop, label: Theft from a shop, codes: [th-2], citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: fraud-codes, label: Fraud by either means, codes: [fr-a, fr-b], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
      - { id: fraud-all, label: Every fraud, category: fraud, covers_category: true, citation: { instrument: act, section: Sch 1 para 3 }, verified: true }
      - { id: supply-late, label: Supply listed from 2025, codes: [dr-9], in_force: { from: 2025-01-01 }, citation: { instrument: act, section: Sch 1 para 4 }, verified: true }
      - { id: import-a, label: Importing a class A drug, codes: [im-1-a], ambiguous_codes: [im-1], citation: { instrument: act, section: Sch 1 para 5 }, verified: true }
      - { id: import-post, label: Importing by post, codes: [im-2-post], ambiguous_codes: [im-1, im-2], citation: { instrument: act, section: Sch 1 para 6 }, verified: true }
  - id: sch2
    title: Schedule 2
    citation: { instrument: act, section: Sch 2 }
    verified: true
    entries:
      - { id: menaces, label: Begging with menaces, codes: [bg-a], citation: { instrument: act, section: Sch 2 para 1 }, verified: false, note: read in a consolidation; the gazette text would verify it }
  - id: cov
    title: Schedule 3
    citation: { instrument: act, section: Sch 3 }
    verified: true
    entries:
      - { id: possession-part, label: Production and possession in part, codes: [dr-0], ambiguous_codes: [dr-1, im-1, im-2], citation: { instrument: act, section: Sch 3 para 1 }, verified: true }
      - { id: theft-part, label: Theft in part, category: theft, ambiguous_codes: [th-1, th-2], citation: { instrument: act, section: Sch 3 para 3 }, verified: true }
      - { id: possession-late, label: Possession listed from 2025, codes: [dr-2], in_force: { from: 2025-01-01 }, citation: { instrument: act, section: Sch 3 para 2 }, verified: true }
offences:
  - { code: th-1, label: Theft, category: theft, citation: { instrument: act, section: s.10 }, verified: true }
  - { code: th-2, label: Theft from a shop, category: theft, citation: { instrument: act, section: s.11 }, verified: true }
  - { code: fr-a, label: Fraud by false representation, category: fraud, citation: { instrument: act, section: s.12 }, verified: true }
  - { code: fr-b, label: Fraud by abuse of position, category: fraud, citation: { instrument: act, section: s.13 }, verified: true }
  - { code: dr-1, label: Possession of a drug, category: drug-possession, citation: { instrument: act, section: s.14 }, verified: true }
  - { code: dr-0, label: Production of a drug, category: drug-production, citation: { instrument: act, section: s.20 }, verified: true }
  - { code: dr-2, label: Possession of a drug in prison, category: drug-possession, citation: { instrument: act, section: s.15 }, verified: true }
  - { code: dr-9, label: Supply of a drug, category: drug-supply, citation: { instrument: act, section: s.16 }, verified: true }
  - { code: im-1, label: Importing a drug, category: drug-importation, citation: { instrument: act, section: s.21 }, verified: true }
  - { code: im-2, label: Importing a drug for another, category: drug-importation, citation: { instrument: act, section: s.22 }, verified: true }
  - { code: im-1-a, label: Importing a class A drug, category: other, citation: { instrument: act, section: s.21(2) }, verified: true }
  - { code: im-2-post, label: Importing a drug by post, category: other, citation: { instrument: act, section: s.22(2) }, verified: true }
  - { code: bg-a, label: Begging, statute: Criminal Code art. 12, category: begging, citation: { instrument: act, section: s.17 }, verified: true }
  - { code: bg-b, label: Criminal Code aggressive begging, statute: Criminal Code art 13, category: begging, citation: { instrument: act, section: s.18 }, verified: true }
  - { code: bg-c, label: Begging in a subway (NY Penal Law), statute: N.Y. Penal Law § 240.35, category: begging, citation: { instrument: act, section: s.19 }, verified: true }
`;
const cat = law().catalogue;
const parsed = lawFromYaml('parting', YAML);

/** The law is compiled in each test: a provision's fixed words are worked out once per compiled provision, in the test that first needs them. */
async function result(o: Partial<CaseFile['offences'][number]>, wording = true, birth = '1970-01-01'): Promise<OffenceResult> {
  const c: CaseFile = {
    id: 'c',
    as_of: '2026-11-28',
    person: { birth_date: birth },
    trafficking: { victim: true },
    offences: [{ id: 'o1', category: 'theft', date: '2024-01-01', disposition: 'charged', nexus: 'compelled', ...o } as CaseFile['offences'][number]],
  };
  const laws = new Map([['parting', compileJurisdiction(parsed)]]);
  return (await evaluateCase(c, laws, cat, { jurisdictions: ['parting'], rules: { version: 't', digest: 't' }, wording })).results[0]!.offences[0]!;
}
const provision = (r: OffenceResult, id: string): ProvisionResult => r.provisions.find((p) => p.provision === id)!;
const Q = `${FACT_QUESTIONS['offence.code']} This law's offence table has several offences of this kind, and they come out differently`;
const nexusQuestion = { fact: 'offence.nexus', question: FACT_QUESTIONS['offence.nexus'] };

describe('candidates that agree on the offence and on every relief, and part on one provision', () => {
  it('the code question is asked under that provision, the first one read, with how each comes out there', async () => {
    // The link unknown: both thefts undetermined under each defence; th-2 is listed for the first one only.
    const r = await result({ nexus: undefined });
    expect(r.outcome).toBe('undetermined');
    expect(r.byRelief).toEqual({ defence: 'undetermined' });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['listed', 'undetermined'], ['plain', 'undetermined'], ['covered', 'undetermined']]);
    const code = {
      fact: 'offence.code',
      question: `${Q} under listed — undetermined: th-1 (Theft) — excluded: th-2 (Theft from a shop).`,
      choices: [
        { code: 'th-1', label: 'Theft', outcome: 'undetermined' },
        { code: 'th-2', label: 'Theft from a shop', outcome: 'excluded' },
      ],
    };
    // Asked once: not also as the finer code the third schedule needs of both (it covers thefts only in part).
    expect(r.missing).toEqual([code, nexusQuestion]);
    // Under the defence for every offence they come out alike: only the link is asked there.
    expect(provision(r, 'plain').missing).toEqual([nexusQuestion]);
    expect(provision(r, 'covered').missing).toEqual([{ fact: 'offence.code', question: FACT_QUESTIONS['offence.code'] }, nexusQuestion]);
  });

  it('candidates alike everywhere: only the facts they lack are asked, not which one it is', async () => {
    // Both frauds are excluded from the first defence and open under the second until the link is known.
    const r = await result({ category: 'fraud', nexus: undefined });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['listed', 'excluded'], ['plain', 'undetermined'], ['covered', 'not-eligible']]);
    expect(r.outcome).toBe('undetermined');
    expect(r.missing).toEqual([nexusQuestion]);
  });

  it('a relief and a provision read earlier where they only fail in two ways (excluded, not eligible) are passed over', async () => {
    // Under investigation the youth guidance is read first: th-1 is listed there, th-2 is too old for it; neither can be eligible.
    const r = await result({ nexus: undefined, disposition: 'investigation' });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['youth', 'not-eligible'], ['listed', 'undetermined'], ['plain', 'undetermined'], ['covered', 'undetermined']]);
    expect(r.byRelief).toEqual({ 'non-prosecution': 'not-eligible', defence: 'undetermined' });
    expect(r.outcome).toBe('undetermined');
    expect(r.missing.map((m) => [m.fact, m.question])).toEqual([
      ['offence.code', `${Q} under listed — undetermined: th-1 (Theft) — excluded: th-2 (Theft from a shop).`],
      ['offence.nexus', FACT_QUESTIONS['offence.nexus']],
    ]);
  });
});

describe('the code question where candidates part, asked once', () => {
  it('they part on a relief: asked for that relief, and not also as the finer code a provision needs of both', async () => {
    // A child under investigation, the link unknown: th-1 is listed for the youth guidance, th-2 is open there.
    const r = await result({ nexus: undefined, disposition: 'investigation' }, true, '2010-01-01');
    expect(r.byRelief).toEqual({ 'non-prosecution': 'undetermined', defence: 'undetermined' });
    expect(r.missing).toEqual([
      {
        fact: 'offence.code',
        question: `${Q} for non-prosecution — undetermined: th-2 (Theft from a shop) — excluded: th-1 (Theft).`,
        choices: [
          { code: 'th-1', label: 'Theft', outcome: 'excluded' },
          { code: 'th-2', label: 'Theft from a shop', outcome: 'undetermined' },
        ],
      },
      nexusQuestion,
    ]);
  });

  it('they part on the offence: asked of the offence, once', async () => {
    // The link "connected": th-2 is eligible under the youth guidance, th-1 is listed there and open only under the defence for covered offences.
    const r = await result({ nexus: 'connected', disposition: 'investigation' }, true, '2010-01-01');
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['youth', 'undetermined'], ['listed', 'not-eligible'], ['plain', 'not-eligible'], ['covered', 'undetermined']]);
    expect(r.outcome).toBe('undetermined');
    expect(r.missing.map((m) => [m.fact, m.question])).toEqual([['offence.code', `${Q} — eligible: th-2 (Theft from a shop) — undetermined: th-1 (Theft).`]]);
  });

  it('they part on a provision where one also needs a finer code: the provision asks which offence it is, once', async () => {
    // dr-1 is covered only in part (a finer code decides); dr-2 is covered from 2025, and the offence is of 2025.
    const r = await result({ category: 'drug-possession', date: '2025-06-01' });
    const covered = provision(r, 'covered');
    expect(covered.outcome).toBe('undetermined');
    expect(covered.missing.map((m) => [m.fact, m.question])).toEqual([['offence.code', `${Q} — eligible: dr-2 (Possession of a drug in prison) — undetermined: dr-1 (Possession of a drug).`]]);
  });
});

describe('an explanation shared between candidates', () => {
  it('a reason that names the code is each candidate\'s own, though another entry lists the whole kind', async () => {
    const r = await result({ category: 'fraud' });
    const listed = provision(r, 'listed');
    expect(listed.outcome).toBe('excluded');
    expect(listed.excludedBy).toEqual(['fraud-all', 'fraud-codes']);
    expect(checkOf(listed, 'exception')).toEqual({
      code: 'exception',
      status: 'not-met',
      cite: 'Sch 1; Sch 2',
      reason: 'for each of them (fr-a, fr-b): excluded: it is listed — Fraud by either means (Sch 1 para 2); excluded: every fraud offence is listed — Every fraud (Sch 1 para 3)',
    });
  });

  it('a list of offences covered that is open asks each candidate for what its own entries lack', async () => {
    // dr-1 is listed only in part (a finer code decides); dr-2 is listed from 2025, and the offence date is not stated.
    const r = await result({ category: 'drug-possession', date: undefined });
    const covered = provision(r, 'covered');
    expect(covered.outcome).toBe('undetermined');
    expect(checkOf(covered, 'offence-covered')).toMatchObject({ status: 'unknown' });
    expect(covered.missing).toEqual([
      { fact: 'offence.code', question: FACT_QUESTIONS['offence.code'] },
      { fact: 'offence.date', question: FACT_QUESTIONS['offence.date'] },
    ]);
  });
});

describe('candidates that come out alike, each listed only in part', () => {
  it('a finer statute code is still asked, naming the entries of every candidate, each once', async () => {
    // Both importations are listed only in part (a more specific code decides), im-1 by two entries and im-2 by one of them, and covered only
    // in part by the third schedule; the link is not stated.
    const r = await result({ category: 'drug-importation', nexus: undefined });
    const listed = provision(r, 'listed');
    expect(listed.outcome).toBe('undetermined');
    expect(checkOf(listed, 'exception').reason).toBe(
      'depends on which offence it is: im-1: may be excluded: it is listed only in part — Importing a class A drug (Sch 1 para 5); a more specific code decides; may be excluded: it is listed only in part — Importing by post (Sch 1 para 6); a more specific code decides | im-2: may be excluded: it is listed only in part — Importing by post (Sch 1 para 6); a more specific code decides',
    );
    const code = { fact: 'offence.code', question: `${FACT_QUESTIONS['offence.code']} It may fall under: Importing a class A drug (Sch 1 para 5); Importing by post (Sch 1 para 6).` };
    expect(listed.missing).toEqual([code, nexusQuestion]);
    expect(provision(r, 'covered').missing).toEqual([{ fact: 'offence.code', question: FACT_QUESTIONS['offence.code'] }, nexusQuestion]);
    expect(r.outcome).toBe('undetermined');
    // The offence asks it once, with every entry a finer code decides.
    expect(r.missing).toEqual([code, nexusQuestion]);
    // Deciding only, the same facts are asked.
    const bare = await result({ category: 'drug-importation', nexus: undefined }, false);
    expect(bare.missing).toEqual([{ fact: 'offence.code', question: '' }, { fact: 'offence.nexus', question: '' }]);
    expect(provision(bare, 'listed').missing).toEqual([{ fact: 'offence.code', question: '' }, { fact: 'offence.nexus', question: '' }]);
  });

  it('eligible through another mandatory route: the finer code is asked under the provision it decides, and not of the offence', async () => {
    const r = await result({ category: 'drug-importation' });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['listed', 'undetermined'], ['plain', 'eligible'], ['covered', 'undetermined']]);
    expect(provision(r, 'listed').missing.map((m) => m.fact)).toEqual(['offence.code']);
    expect(r.outcome).toBe('eligible');
    expect(r.missing).toEqual([]);
  });
});

describe('candidates eligible through a discretionary route only', () => {
  it('what the mandatory route they share still needs is asked', async () => {
    // A child under investigation, the link "connected": the youth guidance opens, the compelled-act defences do not;
    // the defence for covered offences is open for both possessions: dr-1 is covered only in part (a finer code decides), dr-2 from 2025.
    const r = await result({ category: 'drug-possession', date: undefined, disposition: 'investigation', nexus: 'connected' }, true, '2010-01-01');
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['youth', 'eligible'], ['listed', 'not-eligible'], ['plain', 'not-eligible'], ['covered', 'undetermined']]);
    expect(r.outcome).toBe('eligible');
    expect(r.missing).toEqual([
      { fact: 'offence.code', question: FACT_QUESTIONS['offence.code'] },
      { fact: 'offence.date', question: FACT_QUESTIONS['offence.date'] },
    ]);
  });
});

describe('the deadline of candidates', () => {
  it('the nearest among them, though the first candidate read has a later one', async () => {
    // Convicted on 2026-01-01: th-1 is excluded from the one-year vacatur and has until 2029; th-2 has until 2027.
    const r = await result({ disposition: 'convicted', conviction_date: '2026-01-01' });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['vacate-soon', 'undetermined'], ['vacate-later', 'eligible']]);
    expect(r.outcome).toBe('eligible');
    expect(r.deadline).toBe('2027-01-01');
  });
});

describe('three candidates', () => {
  it('those that read the same are named together, in the reason and in the question; the unverified entry that excludes one is flagged', async () => {
    const r = await result({ category: 'begging' });
    const listed = provision(r, 'listed');
    expect(listed.outcome).toBe('undetermined');
    expect(checkOf(listed, 'exception')).toEqual({
      code: 'exception',
      status: 'unknown',
      cite: 'Sch 1; Sch 2',
      reason: 'depends on which offence it is: bg-a: excluded: it is listed — Begging with menaces (Sch 2 para 1) | bg-b, bg-c: not listed in Schedule 1; Schedule 2',
    });
    // A label that names the act (whatever its punctuation, or "art" without a dot) is not followed by the statute again.
    const choices = [
      { code: 'bg-a', label: 'Begging (Criminal Code art. 12)', outcome: 'excluded' },
      { code: 'bg-b', label: 'Criminal Code aggressive begging', outcome: 'eligible' },
      { code: 'bg-c', label: 'Begging in a subway (NY Penal Law)', outcome: 'eligible' },
    ];
    expect(listed.missing).toEqual([
      {
        fact: 'offence.code',
        question: `${Q} — eligible: bg-b (Criminal Code aggressive begging); bg-c (Begging in a subway (NY Penal Law)) — excluded: bg-a (Begging (Criminal Code art. 12)).`,
        choices,
      },
    ]);
    expect(listed.unverified).toEqual(['Begging with menaces (Sch 2 para 1): read in a consolidation; the gazette text would verify it']);
    expect(r.outcome).toBe('eligible');
  });
});

describe('deciding only (wording: false)', () => {
  it('an entry listed from a date, the offence date unknown: the offence date is still the fact asked', async () => {
    const r = await result({ category: 'drug-supply', code: 'dr-9', date: undefined }, false);
    const listed = provision(r, 'listed');
    expect([listed.outcome, listed.excludedBy]).toEqual(['undetermined', ['supply-late']]);
    expect(listed.missing).toEqual([{ fact: 'offence.date', question: '' }]);
  });
});
