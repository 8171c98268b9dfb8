/**
 * Resolving an offence against a law's offence table: by code, by a code that stops short, by statute
 * text, by category over the rows in force, and a code or statute the table does not know — each as a
 * lawyer would read it in the report.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import { nearestCodes, normaliseStatute } from '../../src/engine/resolve.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { law, lawFromYaml } from '../helpers.js';

const YAML = `id: tableland
name: Tableland
kind: jurisdiction
summary: A defence with an exception list, and an offence table.
checked: 2026-11-28
instruments:
  - { id: act, title: Tableland Act, verified: true }
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
exception_lists:
  - id: sch
    title: Schedule 1
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: b-gbh, label: Burglary with intent to cause harm, category: burglary, codes: [ba-s9-gbh], ambiguous_codes: [ba-s9], citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: rob, label: Robbery, codes: [ra-s8], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
offences:
  - { code: ba-s9-gbh, label: Burglary with intent to cause harm, statute: Burglary Act 1990 s.9(1)(b), category: burglary, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: ba-s9-steal, label: Burglary with intent to steal, statute: Burglary Act 1990 s.9(1)(a), aliases: ["BA 1990 s 9(1)(a)"], category: burglary, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: ra-s8, label: Robbery, statute: Robbery Act 1990 s.8, category: robbery, citation: { instrument: act, section: s.8 }, verified: true }
  - { code: ta-s1, label: Theft, statute: Theft Act 1990 s.1, category: theft, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: oa-s1, label: Old theft offence, statute: Old Act 1900 s.1, category: theft, in_force: { to: 2000-01-01 }, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: ia-s24, label: Overstaying, statute: Immigration Act 1971 s.24(1)(b), category: unlawful-stay, domain: criminal, citation: { instrument: act, section: s.24 }, verified: true }
  - { code: pl-240-37, label: Loitering, statute: "N.Y. Penal Law § 240.37", category: public-order, citation: { instrument: act, section: s.240 }, verified: true }
`;
const laws = new Map([['tableland', compileJurisdiction(lawFromYaml('tableland', YAML))]]);

async function result(o: Partial<CaseFile['offences'][number]>): Promise<OffenceResult> {
  const c: CaseFile = {
    id: 'r',
    as_of: '2026-11-28',
    person: { birth_date: '1990-01-01' },
    trafficking: { victim: true },
    offences: [{ id: 'o1', category: 'burglary', date: '2024-01-01', disposition: 'charged', nexus: 'compelled', ...o } as CaseFile['offences'][number]],
  };
  const report = await evaluateCase(c, laws, law().catalogue, { jurisdictions: ['tableland'], rules: { version: 't', digest: 't' }, engine: 'reference' });
  return report.results[0]!.offences[0]!;
}

describe('resolving an offence against the offence table', () => {
  it('an exact code: that row, nothing to warn about', async () => {
    const r = await result({ code: 'ra-s8', category: 'robbery' });
    expect(r.resolved).toEqual({ by: 'code', codes: ['ra-s8'], warnings: [] });
    expect(r.outcome).toBe('excluded');
  });

  it('a code that stops short of what the list needs: the rows that extend it, and the question offers them', async () => {
    const r = await result({ code: 'ba-s9' });
    expect(r.resolved.by).toBe('category');
    expect(r.resolved.note).toMatch(/^every offence in this law's table that the code ba-s9 stops short of \(in force on 2024-01-01\) — /);
    expect(r.resolved.codes).toEqual(['ba-s9-gbh', 'ba-s9-steal']);
    expect(r.outcome).toBe('undetermined');
    const q = r.missing.find((m) => m.fact === 'offence.code')!;
    expect(q.choices).toEqual([
      { code: 'ba-s9-gbh', label: 'Burglary with intent to cause harm (Burglary Act 1990 s.9(1)(b))', outcome: 'excluded' },
      { code: 'ba-s9-steal', label: 'Burglary with intent to steal (Burglary Act 1990 s.9(1)(a))', outcome: 'eligible' },
    ]);
    expect(q.question).toContain('eligible: ba-s9-steal (Burglary with intent to steal (Burglary Act 1990 s.9(1)(a))) — excluded: ba-s9-gbh');
    expect(r.provisions[0]!.checks.find((c) => c.code === 'exception')!.reason).toMatch(/^depends on which offence it is: ba-s9-gbh: excluded: .* \| ba-s9-steal: not listed in Schedule 1$/);
  });

  it('statute text as a lawyer writes it: matched whatever its form, and the report says so', async () => {
    for (const statute of ['Burglary Act 1990 s.9(1)(a)', 's 9(1)(a) Burglary Act 1990', 'BURGLARY ACT 1990, SECTION 9 (1) (a)', 'BA 1990 s 9(1)(a)']) {
      const r = await result({ statute });
      expect(r.resolved, statute).toEqual({ by: 'statute', codes: ['ba-s9-steal'], statute, note: `matched from the statute text "${statute}"`, warnings: [] });
      expect(r.outcome, statute).toBe('eligible');
    }
  });

  it('statute text with more or fewer leading words than the table names the same section of the same act', async () => {
    expect((await result({ statute: 'Penal Law § 240.37', category: 'public-order' })).resolved.codes).toEqual(['pl-240-37']);
    expect((await result({ statute: 'New York N.Y. Penal Law s.240.37', category: 'public-order' })).resolved.codes).toEqual(['pl-240-37']);
    // One word in common is not enough, and another section is another offence.
    expect((await result({ statute: 'Law § 240.37', category: 'public-order' })).resolved.by).toBe('none');
    expect((await result({ statute: 'Penal Law § 240.36', category: 'public-order' })).resolved.by).toBe('none');
  });

  it('the kind alone: the rows of the category, decided when they agree', async () => {
    const r = await result({ category: 'robbery' });
    expect(r.resolved.by).toBe('category');
    expect(r.resolved.codes).toEqual(['ra-s8']);
    expect(r.outcome).toBe('excluded');
    expect(r.resolved.note).toContain("every offence of this kind in this law's table in force on 2024-01-01");
  });

  it('the kind alone: rows no longer in force on the offence date are not candidates', async () => {
    const now = await result({ category: 'theft' });
    expect(now.resolved.codes).toEqual(['ta-s1']);
    const old = await result({ category: 'theft', date: '1995-05-05' });
    expect(old.resolved.codes).toEqual(['oa-s1', 'ta-s1']);
    // An unknown date: every row it could be.
    const unknown = await result({ category: 'theft', date: undefined });
    expect(unknown.resolved.codes).toEqual(['oa-s1', 'ta-s1']);
  });

  it('the kind alone, candidates that differ: undetermined, the statute-code question offers each with its outcome', async () => {
    const r = await result({});
    expect(r.resolved.codes).toEqual(['ba-s9-gbh', 'ba-s9-steal']);
    expect(r.outcome).toBe('undetermined');
    expect(r.byRelief).toEqual({ defence: 'undetermined' });
    expect(r.missing.map((m) => m.fact)).toEqual(['offence.code']);
  });

  it('candidates that differ but none of which could be eligible (one excluded, one failing a limb): not eligible, and the code is not asked for', async () => {
    const r = await result({ nexus: 'connected' });
    expect(r.resolved.codes).toEqual(['ba-s9-gbh', 'ba-s9-steal']);
    expect(r.outcome).toBe('not-eligible');
    expect(r.byRelief).toEqual({ defence: 'not-eligible' });
    expect(r.provisions[0]!.outcome).toBe('not-eligible');
    expect(r.missing).toEqual([]);
  });

  it("the domain the table gives in this law replaces the category's default; a domain in the case still wins", async () => {
    const r = await result({ category: 'unlawful-stay' });
    expect(r.resolved.codes).toEqual(['ia-s24']);
    expect(r.outcome).toBe('eligible');
    expect(r.provisions[0]!.checks.find((c) => c.code === 'domain')!.reason).toBe('covers criminal offences');
    const stated = await result({ category: 'unlawful-stay', domain: 'immigration' });
    expect(stated.outcome).toBe('not-eligible');
  });

  it('a code the table does not know: read as before, with a warning naming the nearest codes', async () => {
    const r = await result({ code: 'ra-s9', category: 'robbery' });
    expect(r.resolved.by).toBe('none');
    expect(r.resolved.warnings).toEqual(["ra-s9: not in this law's offence table; did you mean ra-s8? Read as an offence that no exception entry names by code."]);
    const far = await result({ code: 'zzzzzzzz-zzzz', category: 'robbery' });
    expect(far.resolved.warnings).toEqual(["zzzzzzzz-zzzz: not in this law's offence table. Read as an offence that no exception entry names by code."]);
  });

  it('a statute the table does not know: read from the category entries only, with a warning', async () => {
    const r = await result({ statute: 'Criminal Code art. 99' });
    expect(r.resolved.by).toBe('none');
    expect(r.resolved.warnings[0]).toMatch(/^"Criminal Code art\. 99": no offence in this law's table is cited that way/);
    expect(r.outcome).toBe('undetermined');
  });

  it('an attempt of an offence the table knows resolves to it, and the list reaches it only if the list says so', async () => {
    const r = await result({ code: 'ra-s8-attempt', category: 'robbery' });
    expect(r.resolved).toEqual({ by: 'code', codes: ['ra-s8-attempt'], warnings: [] });
  });

  it('a category the case gives that differs from the row is said', async () => {
    const r = await result({ code: 'ta-s1', category: 'fraud' });
    expect(r.resolved.warnings).toEqual(['the case gives the category "fraud"; this law\'s table files this offence under "theft"']);
  });
});

describe('the table in a law file', () => {
  const problems = (text: string) => {
    const r = parseJurisdiction('tableland.yaml', text, law().catalogue, 'tableland');
    return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.code} ${p.message}`);
  };
  it('an alias shared by two rows is refused, on the alias', () => {
    expect(problems(YAML.replace('statute: Robbery Act 1990 s.8,', 'statute: Robbery Act 1990 s.8, aliases: ["BA 1990 s.9 (1)(a)"],'))).toEqual([
      '32:77 law.alias-shared alias "BA 1990 s.9 (1)(a)" is also an alias of offences[1] (ba-s9-steal); an alias must name one offence',
    ]);
  });
  it('rows may share a statute (the forms of one section)', () => {
    expect(problems(YAML.replace('statute: Burglary Act 1990 s.9(1)(b)', 'statute: Burglary Act 1990 s.9(1)(a)'))).toEqual([]);
  });
  it('a row that stops existing before it starts is refused', () => {
    expect(problems(YAML.replace('in_force: { to: 2000-01-01 }', 'in_force: { from: 2001-01-01, to: 2000-01-01 }'))).toEqual([
      '34:124 law.date-range date range ends (2000-01-01) on or before it starts (2001-01-01)',
    ]);
  });
  it('a category or domain outside the vocabulary is refused', () => {
    expect(problems(YAML.replace('category: robbery, citation', 'category: robery, citation'))[0]).toMatch(/^32:\d+ schema\./);
    expect(problems(YAML.replace('domain: criminal, citation', 'domain: criminal-ish, citation'))[0]).toMatch(/^35:\d+ schema\./);
  });
});

describe('statute text and near codes', () => {
  it('normalises punctuation, case, section words, brackets and order', () => {
    expect(normaliseStatute('Criminal Damage Act 1971 s.1(1)')).toBe('criminal damage act 1971|s 1 1');
    expect(normaliseStatute('section 1(1) of the Criminal Damage Act 1971')).toBe('criminal damage act 1971|s 1 1');
    expect(normaliseStatute('Wetboek van Strafrecht art. 310')).toBe('wetboek van strafrecht|art 310');
    expect(normaliseStatute('Sr art310')).toBe('sr|art 310');
    expect(normaliseStatute('  ')).toBe('');
  });
  it('every way of writing a section reads as one: the words for section, article, paragraph and regulation, each with its marker', () => {
    // How each word is written in the statutes of the shipped laws and in charging documents; the marker says
    // which kind of provision the number is (a section 5 and an article 5 are not the same provision).
    const kinds: Record<string, string[]> = {
      s: ['s', 'ss', 'sec', 'sect', 'section', 'sections', '§'],
      art: ['art', 'arts', 'article', 'articles'],
      para: ['para', 'paras', 'paragraph'],
      reg: ['reg', 'regulation', 'r', 'rule'],
    };
    for (const [marker, words] of Object.entries(kinds))
      for (const w of words) {
        expect(normaliseStatute(`Modern Slavery Act 2015 ${w} 45`), w).toBe(`modern slavery act 2015|${marker} 45`);
        // Before the act, too: the word opens the section, the act words end it.
        expect(normaliseStatute(`${w} 45 Modern Slavery Act 2015`), w).toBe(`modern slavery act 2015|${marker} 45`);
      }
    // Several sections at once ("§§ 1, 2"), and a marker written with its number.
    expect(normaliseStatute('Penal Law §§ 230.00, 230.03')).toBe('penal law|s 230 00 230 03');
    expect(normaliseStatute('Theft Act 1968 ss1')).toBe('theft act 1968|s 1');
  });
  it('a word that is not a section word stays in the act; "NI" is Northern Ireland; linking words are dropped', () => {
    expect(normaliseStatute('Theft Act 1968 sub 1')).toBe('theft act 1968 sub 1|');
    expect(normaliseStatute('Theft Act (NI) 1969 s.1')).toBe(normaliseStatute('Theft Act (Northern Ireland) 1969 s.1'));
    expect(normaliseStatute('Theft Act (NI) 1969 s.1')).toBe('theft act northern ireland 1969|s 1');
    for (const w of ['of', 'the', 'and', 'under', 'contrary', 'to'])
      expect(normaliseStatute(`Sexual ${w} Offences Act 2003 s 52`), w).toBe('sexual offences act 2003|s 52');
  });
  it('nearest codes: by edit distance, or by the same section at the end; at most three', () => {
    expect(nearestCodes('firearms-act-1968-s5', ['fa-1968-s5', 'fa-1968-s16', 'tha-1968-s1'])).toEqual(['fa-1968-s5']);
    expect(nearestCodes('ra-s9', ['ra-s8', 'ra-s7', 'ra-s6', 'ra-s5'])).toEqual(['ra-s5', 'ra-s6', 'ra-s7']);
    expect(nearestCodes('ra-s9', ['oa-s1', 'ta-s1'])).toEqual([]);
    expect(nearestCodes('x'.repeat(121), ['ra-s8'])).toEqual([]);
  });
});

describe('statute text at the edges of the table', () => {
  // Rows that share a statute across kinds, a row with an alias that ends the same way as its statute, a row
  // whose citation has no section, and codes close to one another.
  const EDGES = YAML.replace(
    'offences:\n',
    `offences:
  - { code: ma-s3-theft, label: Misc theft, statute: Misc Act 2001 s.3, category: theft, citation: { instrument: act, section: s.3 }, verified: true }
  - { code: ma-s3-fraud, label: Misc fraud, statute: Misc Act 2001 s.3, category: fraud, citation: { instrument: act, section: s.3 }, verified: true }
  - { code: pl-230-00, label: Prostitution, statute: "Penal Law § 230.00", aliases: ["NY Penal Law § 230.00"], category: public-order, citation: { instrument: act, section: s.230 }, verified: true }
  - { code: va-1824, label: Vagrancy, statute: UK Vagrancy Act 1824, category: public-order, citation: { instrument: act, section: s.3 }, verified: true }
  - { code: pa-s3-viii, label: Proceeds, statute: Proceeds Act 2002 s 3 viii, category: fraud, citation: { instrument: act, section: s.3 }, verified: true }
`,
  );
  const edges = new Map([['tableland', compileJurisdiction(lawFromYaml('tableland', EDGES))]]);
  async function resolved(o: Partial<CaseFile['offences'][number]>): Promise<OffenceResult['resolved']> {
    const c: CaseFile = {
      id: 'r',
      as_of: '2026-11-28',
      person: { birth_date: '1990-01-01' },
      trafficking: { victim: true },
      offences: [{ id: 'o1', category: 'burglary', date: '2024-01-01', disposition: 'charged', nexus: 'compelled', ...o } as CaseFile['offences'][number]],
    };
    const report = await evaluateCase(c, edges, law().catalogue, { jurisdictions: ['tableland'], rules: { version: 't', digest: 't' } });
    return report.results[0]!.offences[0]!.resolved;
  }

  it('a statute the table files under two other kinds: both kinds named in the warning', async () => {
    const r = await resolved({ statute: 'Misc Act 2001 s.3' });
    expect(r.codes).toEqual(['ma-s3-fraud', 'ma-s3-theft']);
    expect(r.warnings).toEqual(['the case gives the category "burglary"; this law\'s table files these offences under "theft", "fraud"']);
  });
  it('a row reached by its statute and by its alias is one candidate, not two', async () => {
    const r = await resolved({ statute: 'Consolidated NY Penal Law § 230.00', category: 'public-order' });
    expect(r).toMatchObject({ by: 'statute', codes: ['pl-230-00'] });
  });
  it('a citation with no section is matched as written, never by a longer or shorter name (which may be another instrument)', async () => {
    expect((await resolved({ statute: 'UK Vagrancy Act 1824', category: 'public-order' })).codes).toEqual(['va-1824']);
    expect(await resolved({ statute: 'Vagrancy Act 1824', category: 'public-order' })).toMatchObject({ by: 'none', codes: [] });
  });
  it('a four-letter part of a section (a roman viii) stays in the section', async () => {
    expect(normaliseStatute('Proceeds Act 2002 s 3 viii')).toBe('proceeds act 2002|s 3 viii');
    expect((await resolved({ statute: 'Proceeds Act 2002, section 3(viii)', category: 'fraud' })).codes).toEqual(['pa-s3-viii']);
  });
  it('statute text with no words (a bare "§") matches nothing, and says so', async () => {
    const r = await resolved({ statute: '§', category: 'theft' });
    expect(r.by).toBe('none');
    expect(r.codes).toEqual([]);
    expect(r.warnings[0]).toMatch(/^"§": no offence in this law's table is cited that way/);
  });
  it('an unknown code close to two codes of the table: both offered', async () => {
    const r = await resolved({ code: 'xa-s1', category: 'theft' });
    expect(r.warnings).toEqual(["xa-s1: not in this law's offence table; did you mean oa-s1 or ta-s1? Read as an offence that no exception entry names by code."]);
  });
  it('the same unknown code asked again gets the same suggestions', () => {
    const codes = ['ra-s8', 'ra-s7', 'ta-s1'];
    expect(nearestCodes('ra-s9', codes)).toEqual(['ra-s7', 'ra-s8']);
    expect(nearestCodes('ra-s9', codes)).toEqual(['ra-s7', 'ra-s8']);
  });
});
