/**
 * An offence that the law's table can read as several offences (candidates): what the report says of each
 * provision, check, relief and missing fact when the candidates agree or part, how the match is worded,
 * and what a decide-only evaluation (`wording: false`) leaves empty — each as a lawyer reads it.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { law, lawFromYaml } from '../helpers.js';

const YAML = `id: candidates
name: Candidates
kind: jurisdiction
summary: A defence and a vacatur with exception lists, and an offence table with several rows per kind.
checked: 2026-11-28
instruments:
  - { id: act, title: Candidates Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: Defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence for compelled acts, except the listed offences.
    in_force: { from: 2010-01-01 }
    nexus: compelled
    domains: [criminal]
    exceptions: [sch]
    verified: true
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.5 }
    text: Vacatur within three years of the conviction, except the offences of the second schedule.
    in_force: { from: 2010-01-01 }
    nexus: connected
    domains: [criminal]
    exceptions: [sch2]
    conditions: { time_limit: { years: 3, from: conviction } }
    verified: true
exception_lists:
  - id: sch
    title: Schedule 1
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: b-gbh, label: Burglary with intent to cause harm, codes: [ba-s9-gbh], citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: theft-old, label: Old theft, codes: [oa-s1], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
      - { id: fraud-all, label: Fraud, codes: [fa-s1, fa-s2], citation: { instrument: act, section: Sch 1 para 3 }, verified: true }
      - { id: robbery-dwelling, label: Some robberies, category: robbery, citation: { instrument: act, section: Sch 1 para 4 }, verified: true }
      - { id: beg-late, label: Begging listed from 2025, codes: [bg-1], in_force: { from: 2025-01-01 }, citation: { instrument: act, section: Sch 1 para 6 }, verified: true }
      - { id: beg-early, label: Begging listed from 2020, codes: [bg-2], in_force: { from: 2020-01-01 }, citation: { instrument: act, section: Sch 1 para 7 }, verified: true }
      - { id: fraud-dated, label: Forgery listed from 2025, codes: [fa-s3], in_force: { from: 2025-01-01 }, citation: { instrument: act, section: Sch 1 para 5 }, verified: true }
  - id: sch2
    title: Schedule 2
    citation: { instrument: act, section: Sch 2 }
    verified: true
    entries:
      - { id: theft-new, label: New theft, codes: [ta-s1], citation: { instrument: act, section: Sch 2 para 1 }, verified: true }
offences:
  - { code: ba-s9-gbh, label: Burglary with intent to cause harm, statute: Burglary Act 1990 s.9(1)(b), category: burglary, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: ba-s9-steal, label: Burglary Act 1990 burglary to steal, statute: Burglary Act 1990 s.9(1)(a), category: burglary, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: ta-s1, label: Theft, statute: Theft Act 1990 s.1, category: theft, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: oa-s1, label: Old theft offence, statute: Theft Act 1990 s.1, category: theft, in_force: { to: 2000-01-01 }, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: fa-s1, label: Fraud by false representation, category: fraud, citation: { instrument: act, section: s.3 }, verified: true }
  - { code: bg-1, label: Begging in public, category: begging, citation: { instrument: act, section: s.7 }, verified: true }
  - { code: bg-2, label: Begging with a child, category: begging, citation: { instrument: act, section: s.8 }, verified: true }
  - { code: ia-s24, label: Overstaying, statute: Immigration Act 1971 s.24, category: unlawful-stay, citation: { instrument: act, section: s.24 }, verified: true }
  - { code: fa-s3, label: Forgery, category: false-documents, citation: { instrument: act, section: s.5 }, verified: true }
  - { code: fa-s2, label: Fraud by abuse of position, category: fraud, citation: { instrument: act, section: s.4 }, verified: true }
`;
const laws = new Map([['candidates', compileJurisdiction(lawFromYaml('candidates', YAML))]]);

async function result(o: Partial<CaseFile['offences'][number]>, wording = true): Promise<OffenceResult> {
  const c: CaseFile = {
    id: 'c',
    as_of: '2026-11-28',
    person: { birth_date: '1970-01-01' },
    trafficking: { victim: true },
    offences: [{ id: 'o1', category: 'burglary', date: '2024-01-01', conviction_date: '2024-06-01', disposition: 'convicted', nexus: 'compelled', ...o } as CaseFile['offences'][number]],
  };
  const report = await evaluateCase(c, laws, law().catalogue, { jurisdictions: ['candidates'], rules: { version: 't', digest: 't' }, wording });
  return report.results[0]!.offences[0]!;
}

const Q = "Which statutory offence exactly (its statute code)? An exception list names some offences of this kind and not others. This law's offence table has several offences of this kind, and they come out differently";
const charged = { disposition: 'charged' as const, conviction_date: undefined };
const check = (r: OffenceResult, code: string) => r.provisions[0]!.checks.find((c) => c.code === code)!;

describe('candidates that part', () => {
  it('the kind alone, one row listed and one not: undetermined, and the question offers each with its outcome and statute', async () => {
    const r = await result(charged);
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['defence', 'undetermined']]);
    expect(check(r, 'exception')).toMatchObject({
      status: 'unknown',
      reason: 'depends on which offence it is: ba-s9-gbh: excluded: it is listed — Burglary with intent to cause harm (Sch 1 para 1) | ba-s9-steal: not listed in Schedule 1',
    });
    const question = `${Q} — eligible: ba-s9-steal (Burglary Act 1990 burglary to steal) — excluded: ba-s9-gbh (Burglary with intent to cause harm (Burglary Act 1990 s.9(1)(b))).`;
    const choices = [
      // A label that already names its act is not followed by the statute again.
      { code: 'ba-s9-gbh', label: 'Burglary with intent to cause harm (Burglary Act 1990 s.9(1)(b))', outcome: 'excluded' },
      { code: 'ba-s9-steal', label: 'Burglary Act 1990 burglary to steal', outcome: 'eligible' },
    ];
    expect(r.provisions[0]!.missing).toEqual([{ fact: 'offence.code', question, choices }]);
    expect(r.missing).toEqual([{ fact: 'offence.code', question, choices }]);
    expect(r.resolved).toEqual({
      by: 'category',
      codes: ['ba-s9-gbh', 'ba-s9-steal'],
      note: "every offence of this kind in this law's table in force on 2024-01-01 — Burglary Act 1990 s.9(1)(b) (ba-s9-gbh); Burglary Act 1990 s.9(1)(a) (ba-s9-steal) — does not come out the same: which one it is decides",
      warnings: [],
    });
  });

  it('a statute two rows share, date unknown: each row named by its label, and the statute said', async () => {
    const r = await result({ statute: 'Theft Act 1990 s.1', category: 'theft', date: undefined });
    expect(r.provisions.map((p) => [p.provision, p.outcome])).toEqual([['vacate', 'undetermined']]);
    expect(check(r, 'exception').reason).toBe('depends on which offence it is: ta-s1: excluded: it is listed — New theft (Sch 2 para 1) | oa-s1: not listed in Schedule 2');
    expect(r.missing.map((m) => [m.fact, m.question, m.choices])).toEqual([
      [
        'offence.code',
        `${Q} — eligible: oa-s1 (Old theft offence (Theft Act 1990 s.1)) — excluded: ta-s1 (Theft (Theft Act 1990 s.1)).`,
        [
          { code: 'oa-s1', label: 'Old theft offence (Theft Act 1990 s.1)', outcome: 'eligible' },
          { code: 'ta-s1', label: 'Theft (Theft Act 1990 s.1)', outcome: 'excluded' },
        ],
      ],
    ]);
    expect(r.resolved).toEqual({
      by: 'statute',
      codes: ['oa-s1', 'ta-s1'],
      statute: 'Theft Act 1990 s.1',
      note: 'every offence in this law\'s table cited as "Theft Act 1990 s.1" — Theft (ta-s1); Old theft offence (oa-s1) — does not come out the same: which one it is decides',
      warnings: [],
    });
  });
});

describe('candidates that agree on the offence but part on a relief', () => {
  it('the code question is asked for the first relief where they part, with how each comes out there', async () => {
    // Stage unknown: ta-s1 is listed for vacatur and oa-s1 for the defence, the other relief open for each.
    const r = await result({ statute: 'Theft Act 1990 s.1', category: 'theft', date: undefined, disposition: undefined, conviction_date: undefined });
    expect(r.outcome).toBe('undetermined');
    expect(r.byRelief).toEqual({ defence: 'undetermined', vacatur: 'undetermined' });
    expect(r.provisions.map((p) => [p.provision, p.outcome, p.missing.map((m) => m.fact)])).toEqual([
      ['defence', 'undetermined', ['offence.code', 'offence.date', 'offence.disposition']],
      ['vacate', 'undetermined', ['offence.code', 'offence.conviction_date', 'offence.disposition']],
    ]);
    expect(r.provisions[1]!.missing[0]!.question).toBe(`${Q} — undetermined: oa-s1 (Old theft offence (Theft Act 1990 s.1)) — excluded: ta-s1 (Theft (Theft Act 1990 s.1)).`);
    expect(r.missing.map((m) => m.fact)).toEqual(['offence.code', 'offence.conviction_date', 'offence.date', 'offence.disposition']);
    expect(r.missing[0]).toEqual({
      fact: 'offence.code',
      question: `${Q} for defence — undetermined: ta-s1 (Theft (Theft Act 1990 s.1)) — excluded: oa-s1 (Old theft offence (Theft Act 1990 s.1)).`,
      choices: [
        { code: 'oa-s1', label: 'Old theft offence (Theft Act 1990 s.1)', outcome: 'excluded' },
        { code: 'ta-s1', label: 'Theft (Theft Act 1990 s.1)', outcome: 'undetermined' },
      ],
    });
  });
});

describe('candidates that agree', () => {
  it('both listed by one entry: excluded, one reason for both, and nothing asked', async () => {
    const r = await result({ ...charged, category: 'fraud' });
    expect(r.outcome).toBe('excluded');
    expect(r.provisions[0]!.excludedBy).toEqual(['fraud-all']);
    expect(check(r, 'exception')).toMatchObject({ status: 'not-met', reason: 'for each of them (fa-s1, fa-s2): excluded: it is listed — Fraud (Sch 1 para 3)' });
    expect(r.missing).toEqual([]);
    expect(r.resolved.note).toBe("every offence of this kind in this law's table in force on 2024-01-01 — Fraud by false representation (fa-s1); Fraud by abuse of position (fa-s2) — comes out excluded");
  });

  it('both eligible: the same reasons as for one, the deadline, and the note says how they come out', async () => {
    const r = await result({});
    expect(r.outcome).toBe('eligible');
    expect(r.deadline).toBe('2027-06-01');
    expect(r.provisions[0]!.reasons).toEqual([
      's.5: available at this stage (convicted)',
      's.5: in force from 2010-01-01; applies on the date of evaluation (2026-11-28)',
      's.5: covers criminal offences',
      's.5: the person is or was a victim of trafficking, slavery or exploitation',
      's.5: the link "compelled" meets the required "connected"',
      's.5: within the time limit: apply by 2027-06-01',
      'Sch 2: not listed in Schedule 2',
    ]);
    expect(r.resolved.note).toBe("every offence of this kind in this law's table in force on 2024-01-01 — Burglary Act 1990 s.9(1)(b) (ba-s9-gbh); Burglary Act 1990 s.9(1)(a) (ba-s9-steal) — comes out eligible");
  });
});

describe('deciding only (wording: false)', () => {
  it('asks the same code question with the same choices and outcomes, and no words: no question text, no labels, no note', async () => {
    for (const o of [charged, { statute: 'Theft Act 1990 s.1', category: 'theft', date: undefined }]) {
      const full = await result(o);
      const bare = await result(o, false);
      const blank = (m: OffenceResult['missing'][number]) => ({ fact: m.fact, question: '', choices: m.choices!.map((c) => ({ ...c, label: '' })) });
      expect(bare.missing).toEqual(full.missing.map(blank));
      expect(bare.provisions[0]!.missing).toEqual(full.provisions[0]!.missing.map(blank));
      expect(check(bare, 'exception')).toEqual({ ...check(full, 'exception'), reason: '' });
      expect(bare.resolved).toEqual({ ...full.resolved, note: undefined });
      expect('note' in bare.resolved).toBe(false);
    }
  });

  it('one offence, no candidates: the same facts asked (the code for an entry covering some of a kind, the offence date for an entry listed from a date), with no question text', async () => {
    const some = await result({ ...charged, category: 'robbery' });
    expect(some.missing).toEqual([
      { fact: 'offence.code', question: 'Which statutory offence exactly (its statute code)? An exception list names some offences of this kind and not others. It may fall under: Some robberies (Sch 1 para 4).' },
    ]);
    expect(check(some, 'exception').reason).toBe('may be excluded: Some robberies (Sch 1 para 4); the statute code decides');
    expect((await result({ ...charged, category: 'robbery' }, false)).missing).toEqual([{ fact: 'offence.code', question: '' }]);
    const dated = { ...charged, category: 'false-documents', code: 'fa-s3', date: undefined };
    const full = await result(dated);
    expect(full.provisions[0]!.excludedBy).toEqual(['fraud-dated']);
    expect(check(full, 'exception').reason).toBe('may be excluded: Forgery listed from 2025 (Sch 1 para 5), which is in force only for some dates; the offence date decides');
    expect(full.missing).toEqual([{ fact: 'offence.date', question: 'On what date was the offence committed?' }]);
    const bare = await result(dated, false);
    expect(bare.provisions[0]!.missing).toEqual([{ fact: 'offence.date', question: '' }]);
    expect(bare.missing).toEqual([{ fact: 'offence.date', question: '' }]);
    expect(bare.provisions[0]!.excludedBy).toEqual(['fraud-dated']);
  });
});

describe('which law', () => {
  it('an empty list of jurisdictions reads each offence under its own, as no list does', async () => {
    const c: CaseFile = { id: 'c', as_of: '2026-11-28', jurisdiction: 'candidates', offences: [{ id: 'o1', category: 'theft' }] };
    const run = (jurisdictions?: string[]) => evaluateCase(c, laws, law().catalogue, { jurisdictions, rules: { version: 't', digest: 't' } });
    const own = await run(undefined);
    expect(own.results.map((r) => [r.jurisdiction, r.offences.map((o) => o.offence)])).toEqual([['candidates', ['o1']]]);
    expect(await run([])).toEqual(own);
  });
});

describe('the domain of a row', () => {
  it("a code the table files under another kind is read in that kind's domain when the row gives none", async () => {
    // The case calls it theft (criminal); the table files ia-s24 under unlawful stay, an immigration matter.
    const r = await result({ ...charged, category: 'theft', code: 'ia-s24' });
    expect(r.resolved.codes).toEqual(['ia-s24']);
    expect(check(r, 'domain')).toMatchObject({ status: 'not-met', reason: 'covers only criminal matters; this offence is immigration' });
    expect(r.outcome).toBe('not-eligible');
    // A domain stated in the case still wins.
    expect((await result({ ...charged, category: 'theft', code: 'ia-s24', domain: 'criminal' })).outcome).toBe('eligible');
  });
});

describe('order of the laws', () => {
  it("laws taken from the case come out sorted by id, whatever order the offences name them in", async () => {
    const cj = laws.get('candidates')!;
    const many = new Map([['b-law', cj], ['a-law', cj], ['c-law', cj]]);
    const c: CaseFile = { id: 'j', as_of: '2026-11-28', offences: [{ id: 'o1', category: 'theft', jurisdiction: 'b-law' }, { id: 'o2', category: 'theft', jurisdiction: 'a-law' }, { id: 'o3', category: 'theft', jurisdiction: 'c-law' }] };
    const r = await evaluateCase(c, many, law().catalogue, { rules: { version: 't', digest: 't' } });
    expect(r.results.map((x) => [x.jurisdiction, x.offences.map((o) => o.offence)])).toEqual([['a-law', ['o2']], ['b-law', ['o1']], ['c-law', ['o3']]]);
  });
});

describe('how the match is worded', () => {
  it('a code that stops short, the date unknown: the rows it stops short of, without a date', async () => {
    const r = await result({ ...charged, code: 'ba-s9', date: undefined });
    expect(r.resolved.note).toBe("every offence in this law's table that the code ba-s9 stops short of — Burglary Act 1990 s.9(1)(b) (ba-s9-gbh); Burglary Act 1990 s.9(1)(a) (ba-s9-steal) — does not come out the same: which one it is decides");
  });

  it('the kind alone, the date unknown: every row of the kind, without a date', async () => {
    const r = await result({ ...charged, category: 'theft', date: undefined });
    expect(r.resolved.note).toBe("every offence of this kind in this law's table — Theft (ta-s1); Old theft offence (oa-s1) — does not come out the same: which one it is decides");
  });

  it('the kind alone, one row: the note says it is the one read', async () => {
    const r = await result({ ...charged, category: 'unlawful-stay' });
    expect(r.resolved).toEqual({
      by: 'category',
      codes: ['ia-s24'],
      note: "every offence of this kind in this law's table in force on 2024-01-01 — Immigration Act 1971 s.24 (ia-s24) — is the one read",
      warnings: [],
    });
  });
});

describe('nothing is asked of a provision that cannot be eligible', () => {
  it('candidates one excluded and one failing a limb: not eligible, no question at the provision either', async () => {
    const r = await result({ ...charged, nexus: 'connected' });
    expect(r.provisions.map((p) => [p.provision, p.outcome, p.missing, p.excludedBy])).toEqual([['defence', 'not-eligible', [], ['b-gbh']]]);
    expect(r.missing).toEqual([]);
  });

  it('one offence excluded with a limb unknown: excluded, and the unknown limb is not asked', async () => {
    const r = await result({ ...charged, category: 'fraud', code: 'fa-s1', nexus: undefined });
    expect(r.provisions.map((p) => [p.provision, p.outcome, p.missing, p.excludedBy])).toEqual([['defence', 'excluded', [], ['fraud-all']]]);
    expect(check(r, 'nexus').status).toBe('unknown');
    expect(r.missing).toEqual([]);
  });
});

describe('assumptions from the kind of offence', () => {
  it('a theft is assumed to have caused no serious harm, but a provision that never asks that lists no assumption', async () => {
    const r = await result({ ...charged, category: 'theft', code: 'ta-s1' });
    expect(r.provisions.map((p) => [p.provision, p.outcome, p.assumptions])).toEqual([['defence', 'eligible', []]]);
  });
});

describe('candidates each listed by a different entry that only some dates reach', () => {
  it('each is explained by its own entry, and both entries are named', async () => {
    const r = await result({ ...charged, category: 'begging', date: undefined });
    expect(r.resolved.codes).toEqual(['bg-1', 'bg-2']);
    expect(r.provisions.map((p) => [p.provision, p.outcome, p.excludedBy, p.missing.map((m) => m.fact)])).toEqual([['defence', 'undetermined', ['beg-early', 'beg-late'], ['offence.date']]]);
    expect(check(r, 'exception')).toMatchObject({
      status: 'unknown',
      reason:
        'depends on which offence it is: bg-1: may be excluded: Begging listed from 2025 (Sch 1 para 6), which is in force only for some dates; the offence date decides | bg-2: may be excluded: Begging listed from 2020 (Sch 1 para 7), which is in force only for some dates; the offence date decides',
    });
  });
});
