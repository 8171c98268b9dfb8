/**
 * How a report is put together around the provisions' outcomes: which citation, title and URL a result
 * names when a law has several instruments; the exception check's wording when a provision reads several
 * lists or an offence matches several entries; which facts an offence still needs, with which question,
 * in what order; the deadline to act on; the offence's own label and code; the errors that stop an
 * evaluation, in words; and the order of offences and jurisdictions in the report.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase, EvaluationError } from '../../src/engine/evaluate.js';
import { FACT_QUESTIONS } from '../../src/engine/explain.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { JurisdictionFile } from '../../src/schema/jurisdiction.js';
import { law, lawFromYaml } from '../helpers.js';

const cat = law().catalogue;
const rules = { version: 't', digest: 't' };

const YAML = `
id: twolists
name: Twolists
kind: jurisdiction
summary: A law of two instruments and two offence lists.
checked: 2026-11-28
instruments:
  - { id: code, title: Criminal Code, url: "https://example.org/code", verified: false, note: code text not read }
  - { id: act, title: Victims Act 2019, url: "https://example.org/act", verified: true }
  - { id: guide, title: Prosecutors' Guidance, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: expunge
    title: Expungement
    relief: expungement
    discretion: discretionary
    citation: { instrument: guide, section: para 4 }
    text: Expungement within three years of the conviction, where means are shown.
    in_force: { from: 2019-01-01 }
    nexus: result-of
    means: { adults: required }
    domains: [criminal]
    conditions: { time_limit: { years: 3, from: conviction } }
    verified: true
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.5 }
    text: Vacatur within four years of the conviction, if the application is made with due diligence.
    in_force: { from: 2019-01-01 }
    nexus: result-of
    questions: [due-diligence]
    domains: [criminal]
    date_basis: offence
    exceptions: [second, dated]
    conditions: { time_limit: { years: 4, from: conviction } }
    verified: true
  - id: seal
    title: Sealing
    relief: sealing
    discretion: discretionary
    citation: { instrument: act, section: s.6 }
    text: Sealing within one year of the conviction, where the link is compelled.
    in_force: { from: 2019-01-01 }
    nexus: compelled
    domains: [criminal]
    exceptions: [first, second]
    conditions: { time_limit: { years: 1, from: conviction } }
    verified: true
exception_lists:
  - id: first
    title: First Schedule
    citation: { instrument: code, section: Sch 1 }
    verified: false
    note: the first schedule was read in a summary
    entries:
      - { id: robbery-1, label: Robbery, codes: [rob-1], citation: { instrument: code, section: Sch 1 para 1 }, verified: true }
      - { id: partial-1, label: Burglary with violence, codes: [burg-1-violence], ambiguous_codes: [burg-1], citation: { instrument: code, section: Sch 1 para 2 }, verified: true }
      - { id: partial-1b, label: Aggravated theft, codes: [th-agg], ambiguous_codes: [th-9], citation: { instrument: code, section: Sch 1 para 3 }, verified: true }
  - id: second
    title: Second Schedule
    citation: { instrument: act, section: Sch 2 }
    verified: true
    entries:
      - { id: robbery-2, label: Robbery again, codes: [rob-1], citation: { instrument: act, section: Sch 2 para 1 }, verified: true }
      - { id: partial-2, label: Burglary at night, codes: [burg-1-night], ambiguous_codes: [burg-1], citation: { instrument: act, section: Sch 2 para 2 }, verified: true }
      - { id: partial-2b, label: Theft at night, codes: [th-night], ambiguous_codes: [th-9], citation: { instrument: act, section: Sch 2 para 3 }, verified: true }
  - id: dated
    title: Offences listed from 2025
    citation: { instrument: act, section: Sch 3 }
    verified: true
    entries:
      - { id: dated-theft, label: Theft listed from 2025, codes: [th-9], in_force: { from: 2025-01-01 }, citation: { instrument: act, section: Sch 3 para 1 }, verified: true }
`;
const file = lawFromYaml('twolists', YAML);
const twolists = new Map([['twolists', compileJurisdiction(file)]]);

const base: CaseFile = {
  id: 's',
  as_of: '2026-11-28',
  person: { birth_date: '1990-01-01' },
  trafficking: { victim: true, means: ['force'] },
  offences: [{ id: 'o1', label: 'Shoplifting at the station', category: 'theft', code: 'th-1', date: '2024-01-01', conviction_date: '2024-06-01', disposition: 'convicted', nexus: 'compelled', answers: { 'due-diligence': true } }],
};
type Offence = CaseFile['offences'][number];
const offence = async (o: Partial<Offence>, rest: Partial<CaseFile> = {}) =>
  (await evaluateCase({ ...base, ...rest, offences: [{ ...base.offences[0]!, ...o }] }, twolists, cat, { jurisdictions: ['twolists'], rules })).results[0]!.offences[0]!;
const provision = (o: Awaited<ReturnType<typeof offence>>, id: string) => o.provisions.find((p) => p.provision === id)!;

describe('citations in a law of several instruments', () => {
  it('each result names its own instrument, its URL, and only that instrument\'s verification', async () => {
    const o = await offence({});
    const seal = provision(o, 'seal');
    expect(seal.citation).toBe('Victims Act 2019, s.6');
    expect(seal.url).toBe('https://example.org/act');
    const expunge = provision(o, 'expunge');
    expect(expunge.citation).toBe("Prosecutors' Guidance, para 4");
    expect(expunge.url).toBeNull(); // the guidance has no URL, and the first instrument's is not borrowed
    expect(expunge.unverified).toEqual([]);
    expect(provision(o, 'vacate').unverified).toEqual([]); // reads only the second list, which is verified
    expect(seal.unverified).toEqual(['First Schedule: the first schedule was read in a summary']);
  });

  it('a law built in code without notes still flags each unverified piece', async () => {
    const bare: JurisdictionFile = structuredClone(file);
    bare.instruments[1] = { ...bare.instruments[1]!, verified: false };
    const v = bare.provisions.findIndex((p) => p.id === 'vacate');
    bare.provisions[v] = { ...bare.provisions[v]!, verified: false, means: { adults: 'required' }, proof: { burden: 'applicant', standard: 'preponderance', verified: false } };
    bare.coercion = { ...bare.coercion, verified: false };
    bare.exception_lists![1] = { ...bare.exception_lists![1]!, verified: false, entries: bare.exception_lists![1]!.entries.map((e) => ({ ...e, verified: false })) };
    const r = await evaluateCase({ ...base, offences: [{ ...base.offences[0]!, code: 'rob-1', nexus: 'result-of' }] }, new Map([['twolists', compileJurisdiction(bare)]]), cat, { jurisdictions: ['twolists'], rules });
    expect(r.results[0]!.offences[0]!.provisions.find((p) => p.provision === 'vacate')!.unverified).toEqual([
      'Victims Act 2019: not verified',
      'vacate: not verified',
      'vacate (burden and standard of proof): not verified',
      'coercion definition: not verified',
      'Second Schedule: not verified',
      'Robbery again (Sch 2 para 1): not verified',
    ]);
  });
});

describe('the exception check over several lists', () => {
  it('not listed: names every list read', async () => {
    const seal = provision(await offence({}), 'seal');
    expect(seal.checks.find((c) => c.code === 'exception')).toEqual({ code: 'exception', status: 'met', cite: 'Sch 1; Sch 2', reason: 'not listed in First Schedule; Second Schedule' });
  });

  it('listed twice: both entries are named, and both excluded it', async () => {
    const seal = provision(await offence({ category: 'robbery', code: 'rob-1' }), 'seal');
    expect(seal.outcome).toBe('excluded');
    expect(seal.excludedBy).toEqual(['robbery-1', 'robbery-2']);
    expect(seal.checks.find((c) => c.code === 'exception')!.reason).toBe('excluded: rob-1 is listed — Robbery (Sch 1 para 1); excluded: rob-1 is listed — Robbery again (Sch 2 para 1)');
  });

  it('a code listed in part in two lists: the question names both entries', async () => {
    const seal = provision(await offence({ category: 'burglary', code: 'burg-1', date: '2026-01-01', conviction_date: '2026-06-01' }), 'seal');
    expect(seal.outcome).toBe('undetermined');
    expect(seal.missing).toEqual([{ fact: 'offence.code', question: `${FACT_QUESTIONS['offence.code']} It may fall under: Burglary with violence (Sch 1 para 2); Burglary at night (Sch 2 para 2).` }]);
  });

  it('the entries\' detail goes with the code question only: other missing facts keep their own question', async () => {
    const seal = provision(await offence({ category: 'burglary', code: 'burg-1', nexus: undefined, date: '2026-01-01', conviction_date: '2026-06-01' }), 'seal');
    expect(seal.missing.map((m) => m.fact)).toEqual(['offence.code', 'offence.nexus']);
    expect(seal.missing[1]!.question).toBe(FACT_QUESTIONS['offence.nexus']);
  });
});

describe('what the offence still needs', () => {
  it('facts from several undetermined provisions, each once, sorted by fact', async () => {
    const o = await offence({ nexus: 'result-of', answers: {} }, { trafficking: { victim: true } });
    expect(o.outcome).toBe('undetermined');
    expect(o.provisions.map((p) => [p.provision, p.outcome, p.missing.map((m) => m.fact)])).toEqual([
      ['expunge', 'undetermined', ['trafficking.means']],
      ['vacate', 'undetermined', ['answers.due-diligence']],
      ['seal', 'not-eligible', []],
    ]);
    expect(o.missing.map((m) => m.fact)).toEqual(['answers.due-diligence', 'trafficking.means']);
    const { trafficking: _, ...silent } = base;
    const nothing = (await evaluateCase({ ...silent, offences: [{ ...base.offences[0]!, date: '2026-01-01', conviction_date: '2026-06-01' }] }, twolists, cat, { jurisdictions: ['twolists'], rules })).results[0]!.offences[0]!;
    expect(nothing.missing.map((m) => m.fact)).toEqual(['trafficking.means', 'trafficking.victim']); // a case silent on the trafficking
    const twice = await offence({ nexus: undefined }, { trafficking: { victim: true } });
    expect(twice.missing.map((m) => m.fact)).toEqual(['offence.nexus', 'trafficking.means']);
  });
});

describe('the statute-code question', () => {
  const question = (...entries: string[]) => `${FACT_QUESTIONS['offence.code']} It may fall under: ${entries.join('; ')}.`;
  it('names the entries of every undetermined provision, not only of the first that asks it', async () => {
    const o = await offence({ category: 'theft', code: 'th-9', date: '2024-01-01', conviction_date: '2026-06-01' }, { trafficking: { victim: true } });
    expect(o.provisions.map((p) => [p.provision, p.outcome])).toEqual([['expunge', 'undetermined'], ['vacate', 'undetermined'], ['seal', 'undetermined']]);
    expect(provision(o, 'vacate').missing).toEqual([{ fact: 'offence.code', question: question('Theft at night (Sch 2 para 3)') }]);
    expect(provision(o, 'seal').missing).toEqual([{ fact: 'offence.code', question: question('Aggravated theft (Sch 1 para 3)', 'Theft at night (Sch 2 para 3)') }]);
    expect(o.missing.find((m) => m.fact === 'offence.code')).toEqual({ fact: 'offence.code', question: question('Theft at night (Sch 2 para 3)', 'Aggravated theft (Sch 1 para 3)') });
  });

  it('leaves out an entry that the offence date decides, not the code', async () => {
    const p = provision(await offence({ category: 'theft', code: 'th-9', date: undefined, conviction_date: '2026-06-01' }), 'vacate');
    expect(p.checks.find((c) => c.code === 'exception')!.reason).toContain('Theft listed from 2025 (Sch 3 para 1), which is in force only for some dates');
    expect(p.missing).toEqual([
      { fact: 'offence.code', question: question('Theft at night (Sch 2 para 3)') },
      { fact: 'offence.date', question: FACT_QUESTIONS['offence.date'] },
    ]);
  });
});

describe('the deadline to act on', () => {
  it('the nearest deadline among the results still open; a passed one is not it', async () => {
    const o = await offence({});
    expect(o.provisions.map((p) => [p.provision, p.outcome, p.deadline])).toEqual([
      ['expunge', 'eligible', '2027-06-01'],
      ['vacate', 'eligible', '2028-06-01'],
      ['seal', 'not-eligible', '2025-06-01'],
    ]);
    expect(o.deadline).toBe('2027-06-01');
    const later = await offence({ conviction_date: '2025-06-01', date: '2025-01-01' });
    expect(later.provisions.map((p) => p.deadline)).toEqual(['2028-06-01', '2029-06-01', '2026-06-01']);
    expect(later.deadline).toBe('2028-06-01'); // sealing closed on 2026-06-01
    const unsure = await offence({ conviction_date: '2025-06-01', date: '2025-01-01' }, { trafficking: { victim: true } });
    expect(unsure.provisions.map((p) => [p.outcome, p.deadline])).toEqual([['undetermined', '2028-06-01'], ['eligible', '2029-06-01'], ['not-eligible', '2026-06-01']]);
    expect(unsure.deadline).toBe('2028-06-01'); // an undetermined result's deadline counts
  });

  it('the nearest deadline, whichever provision of the law gives it: here the last one read', async () => {
    const o = await offence({ conviction_date: '2025-06-01', date: '2025-01-01' }, { as_of: '2026-01-01' });
    expect(o.provisions.map((p) => [p.provision, p.outcome, p.deadline])).toEqual([
      ['expunge', 'eligible', '2028-06-01'],
      ['vacate', 'eligible', '2029-06-01'],
      ['seal', 'eligible', '2026-06-01'],
    ]);
    expect(o.deadline).toBe('2026-06-01');
  });
});

describe('the offence itself', () => {
  it('the report repeats the offence\'s label, category, code and stage; absent ones are null', async () => {
    expect(await offence({})).toMatchObject({ offence: 'o1', label: 'Shoplifting at the station', category: 'theft', code: 'th-1', disposition: 'convicted' });
    expect(await offence({ label: undefined, code: undefined })).toMatchObject({ label: null, code: null });
  });
});

describe('errors that stop an evaluation', () => {
  const run = (c: CaseFile, jurisdictions?: string[]) => evaluateCase(c, twolists, cat, { jurisdictions, rules });
  it('each has its code and a message that says what to give', async () => {
    const { as_of: _, ...noDate } = base;
    const noDateError = await run(noDate as CaseFile, ['twolists']).catch((e: unknown) => e);
    expect(noDateError).toBeInstanceOf(EvaluationError);
    expect(noDateError).toMatchObject({ name: 'EvaluationError', code: 'eval.no-date', message: 'no date of evaluation: give as_of in the case or --as-of' });
    await expect(run(base, ['nowhere'])).rejects.toMatchObject({ code: 'eval.unknown-jurisdiction', message: 'jurisdiction "nowhere" is not loaded' });
    await expect(run({ ...base, offences: [base.offences[0]!, { ...base.offences[0]!, id: 'o2', jurisdiction: 'twolists' }, { ...base.offences[0]!, id: 'o3' }] })).rejects.toMatchObject({
      code: 'eval.no-jurisdiction',
      message: 'case "s": offence(s) o1, o3 have no jurisdiction; give one in the case file or use --jurisdiction ID',
    });
  });
});

describe('order in the report', () => {
  const ids = ['o10', 'o2', 'o1', 'b', 'a'];
  const c: CaseFile = { ...base, offences: ids.map((id) => ({ ...base.offences[0]!, id })) };
  it('offences sorted by id, whatever their order in the file', async () => {
    const r = await evaluateCase(c, twolists, cat, { jurisdictions: ['twolists'], rules });
    expect(r.results[0]!.offences.map((o) => o.offence)).toEqual(['a', 'b', 'o1', 'o10', 'o2']);
    const reversed = await evaluateCase({ ...c, offences: [...c.offences].reverse() }, twolists, cat, { jurisdictions: ['twolists'], rules });
    expect(reversed).toEqual(r);
  });

  it('jurisdictions sorted by id, whether named on the command line or in the case', async () => {
    const many = new Map([['twolists', twolists.get('twolists')!], ['b-law', twolists.get('twolists')!], ['a-law', twolists.get('twolists')!]]);
    const named = await evaluateCase(c, many, cat, { jurisdictions: ['twolists', 'a-law', 'b-law', 'a-law'], rules });
    expect(named.results.map((x) => x.jurisdiction)).toEqual(['a-law', 'b-law', 'twolists']);
    const own: CaseFile = { ...base, offences: [{ ...base.offences[0]!, id: 'x', jurisdiction: 'twolists' }, { ...base.offences[0]!, id: 'y', jurisdiction: 'b-law' }, { ...base.offences[0]!, id: 'z', jurisdiction: 'a-law' }] };
    const byCase = await evaluateCase(own, many, cat, { rules });
    expect(byCase.results.map((x) => [x.jurisdiction, x.offences.map((o) => o.offence)])).toEqual([['a-law', ['z']], ['b-law', ['y']], ['twolists', ['x']]]);
  });
});
