/**
 * A law's offence table indexed and an offence resolved against it, each step inside the test that judges
 * it: the index by statute text, category and section; rows in force on the offence date at both ends;
 * statute text with other leading words; the ancillary codes; the warnings a user reads.
 */
import { describe, expect, it } from 'vitest';
import { indexOffences, nearestCodes, normaliseStatute, resolveOffence, statuteTexts } from '../../src/engine/resolve.js';
import type { OffenceWhen } from '../../src/engine/facts.js';
import type { OffenceFacts } from '../../src/schema/case.js';
import type { JurisdictionFile } from '../../src/schema/jurisdiction.js';
import { lawFromYaml } from '../helpers.js';

const j: JurisdictionFile = lawFromYaml(
  'indexland',
  `id: indexland
name: Indexland
kind: jurisdiction
summary: An offence table.
checked: 2026-11-28
instruments:
  - { id: act, title: Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: Defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence.
    in_force: { from: 2010-01-01 }
    nexus: compelled
    domains: [criminal]
    verified: true
offences:
  - { code: ra-s8, label: Robbery, statute: Robbery Act 1990 s.8, aliases: ["Robbery Act 1990, section 8"], category: robbery, citation: { instrument: act, section: s.8 }, verified: true }
  - { code: ta-s1, label: Theft, statute: Theft Act 1990 s.1, category: theft, in_force: { from: 2001-01-01 }, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: oa-s1, label: Old theft, statute: Old Act 1900 s.1, category: theft, in_force: { to: 2001-01-01 }, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: pl-240-37, label: Loitering, statute: "N.Y. Penal Law § 240.37", aliases: ["NY Penal Law 240.37"], category: public-order, citation: { instrument: act, section: s.240 }, verified: true }
  - { code: xa, label: No section, statute: Whole Act 1999, category: fraud, citation: { instrument: act, section: s.1 }, verified: true }
  - { code: sa-s2, label: Stolen goods, statute: Stolen Act 1990 s.2, category: theft, citation: { instrument: act, section: s.2 }, verified: true }
`,
);
const on = (date: string): OffenceWhen => ({ earliest: date, latest: date, latestBy: 'offence' });
const offence = (o: Partial<OffenceFacts>): OffenceFacts => ({ id: 'o1', category: 'theft', ...o }) as OffenceFacts;
const resolve = (o: Partial<OffenceFacts>, date = '2024-01-01') => {
  const r = resolveOffence(offence(o), indexOffences(j), on(date));
  return { by: r.by, codes: r.codes, warnings: r.warnings };
};

describe('the index', () => {
  it('by statute text (as given and each alias, one row once), by category in table order, by section', () => {
    const idx = indexOffences(j);
    expect(idx.rows.map((r) => r.code)).toEqual(['ra-s8', 'ta-s1', 'oa-s1', 'pl-240-37', 'xa', 'sa-s2']);
    expect([...idx.byCode.keys()]).toEqual(['ra-s8', 'ta-s1', 'oa-s1', 'pl-240-37', 'xa', 'sa-s2']);
    expect([...idx.statutes().byStatute].map(([k, rows]) => [k, rows.map((r) => r.code)])).toEqual([
      ['robbery act 1990|s 8', ['ra-s8']],
      ['theft act 1990|s 1', ['ta-s1']],
      ['old act 1900|s 1', ['oa-s1']],
      ['n y penal law|s 240 37', ['pl-240-37']],
      ['ny penal law 240 37|', ['pl-240-37']],
      ['whole act 1999|', ['xa']],
      ['stolen act 1990|s 2', ['sa-s2']],
    ]);
    expect([...idx.byCategory].map(([k, rows]) => [k, rows.map((r) => r.code)])).toEqual([
      ['robbery', ['ra-s8']],
      ['theft', ['ta-s1', 'oa-s1', 'sa-s2']],
      ['public-order', ['pl-240-37']],
      ['fraud', ['xa']],
    ]);
    expect([...idx.statutes().bySection].map(([k, v]) => [k, v.map(([act, rows]) => [act, rows.map((r) => r.code)])])).toEqual([
      ['s 8', [['robbery act 1990', ['ra-s8']]]],
      ['s 1', [['theft act 1990', ['ta-s1']], ['old act 1900', ['oa-s1']]]],
      ['s 240 37', [['n y penal law', ['pl-240-37']]]],
      ['s 2', [['stolen act 1990', ['sa-s2']]]],
    ]);
  });

  it('a row\'s statute texts are its statute and then its aliases', () => {
    expect(statuteTexts(j.offences![0]!)).toEqual(['Robbery Act 1990 s.8', 'Robbery Act 1990, section 8']);
    expect(statuteTexts({ ...j.offences![0]!, statute: undefined, aliases: undefined })).toEqual([]);
  });

  it('a table without rows resolves nothing and warns of nothing, whatever the offence gives', () => {
    const none = indexOffences({ ...j, offences: undefined });
    expect(resolveOffence(offence({ code: 'ra-s8' }), none, on('2024-01-01'))).toEqual({ by: 'none', rows: [], codes: [], warnings: [] });
  });
});

describe('statute text', () => {
  it('a long word with digits ends a section; a marker glued to a number only at the start of a word', () => {
    expect(normaliseStatute('s.5 Misc1968 Act')).toBe('misc1968 act|s 5');
    expect(normaliseStatute('Road Act abs1')).toBe('road act abs1|');
    expect(normaliseStatute('Road Act ss12')).toBe('road act|s 12');
  });

  it('more leading words name the same section only if the shorter act words end the longer', () => {
    expect(resolve({ statute: 'Penal Law § 240.37', category: 'public-order' }).codes).toEqual(['pl-240-37']);
    expect(resolve({ statute: 'Criminal Law § 240.37', category: 'public-order' }).by).toBe('none');
    expect(resolve({ statute: 'N.Y. Penal Law § 240.37', category: 'public-order' })).toEqual({ by: 'statute', codes: ['pl-240-37'], warnings: [] });
  });

  it('a row matched by its statute and by an alias is one candidate', () => {
    expect(resolve({ statute: 'State of N.Y. Penal Law § 240.37', category: 'public-order' }).codes).toEqual(['pl-240-37']);
  });
});

describe('rows in force on the offence date', () => {
  it('from the first day of a row, until the day before its end', () => {
    expect(resolve({}, '2000-12-31').codes).toEqual(['oa-s1', 'sa-s2']);
    expect(resolve({}, '2001-01-01').codes).toEqual(['ta-s1', 'sa-s2']);
    expect(resolve({ statute: 'Theft Act 1990 s.1' }, '2001-01-01').codes).toEqual(['ta-s1']);
    expect(resolve({ statute: 'Theft Act 1990 s.1' }, '2000-12-31')).toMatchObject({ by: 'none', codes: [] });
  });

  it('an unknown date (a span) keeps every row that overlaps it', () => {
    const span: OffenceWhen = { earliest: null, latest: '2026-01-01', latestBy: 'as-of' };
    expect(resolveOffence(offence({}), indexOffences(j), span).codes).toEqual(['ta-s1', 'oa-s1', 'sa-s2']);
  });

  it('no row of the kind in force: none, and nothing to warn about', () => {
    expect(resolve({ category: 'begging' })).toEqual({ by: 'none', codes: [], warnings: [] });
  });
});

describe('codes', () => {
  it('an attempt of a row: that row under the code given', () => {
    const r = resolveOffence(offence({ code: 'ra-s8-attempt', category: 'robbery' }), indexOffences(j), on('2024-01-01'));
    expect(r).toMatchObject({ by: 'code', codes: ['ra-s8-attempt'] });
    expect(r.rows.map((x) => [x.code, x.label])).toEqual([['ra-s8-attempt', 'Robbery']]);
  });

  it('a code that only has as many letters after a dash as an ancillary word is not read as one', () => {
    expect(resolve({ code: 'ra-s8-1234567', category: 'robbery' })).toEqual({
      by: 'none',
      codes: [],
      warnings: ["ra-s8-1234567: not in this law's offence table. Read as an offence that no exception entry names by code."],
    });
  });

  it('the category the case gives and the table\'s, for one row and for several', () => {
    expect(resolve({ code: 'ra-s8', category: 'theft' }).warnings).toEqual(['the case gives the category "theft"; this law\'s table files this offence under "robbery"']);
    expect(resolve({ statute: 'Section 1', category: 'robbery' }).warnings).toEqual([
      '"Section 1": no offence in this law\'s table is cited that way; give the code (see `nonpunishment offences`) to have it matched. Read from its category\'s exception entries only.',
    ]);
    expect(resolve({ code: 'ta', category: 'theft' })).toEqual({ by: 'category', codes: ['ta-s1'], warnings: [] });
    const two = indexOffences({ ...j, offences: [...j.offences!, { ...j.offences![1]!, code: 'ta-s9' }] });
    expect(resolveOffence(offence({ code: 'ta', category: 'robbery' }), two, on('2024-01-01')).warnings).toEqual([
      'the case gives the category "robbery"; this law\'s table files these offences under "theft"',
    ]);
  });
});

describe('nearest codes', () => {
  it('codes of up to 120 characters are compared; within a quarter of the length in edits (at least one); up to 12 characters longer or shorter', () => {
    expect(nearestCodes('a'.repeat(120), ['a'.repeat(119)])).toEqual(['a'.repeat(119)]);
    expect(nearestCodes('a'.repeat(121), ['a'.repeat(120)])).toEqual([]);
    expect(nearestCodes('ra-s9', ['ra-s5', 'ra-s6', 'ra-s7', 'ra-s8'])).toEqual(['ra-s5', 'ra-s6', 'ra-s7']); // ties by name, whatever the order given
    expect(nearestCodes('abcdefgh', ['abcdefxy', 'abcdexyz'])).toEqual(['abcdefxy']);
    expect(nearestCodes('abcd', ['abce', 'abxy'])).toEqual(['abce']);
    expect(nearestCodes('ab-cd-efgh', ['zz-cd-efgh-and-more-words'])).toEqual([]);
    expect(nearestCodes('a'.repeat(60), [`${'a'.repeat(71)}b`, `${'a'.repeat(72)}b`])).toEqual([`${'a'.repeat(71)}b`]);
  });

  it('a code sharing the last two parts of at least four letters is offered after the close ones, each once', () => {
    expect(nearestCodes('firearms-act-1968-s5', ['fa-1968-s5', 'xx-1968-s5', 'fa-1968-s6'])).toEqual(['fa-1968-s5', 'xx-1968-s5']);
    expect(nearestCodes('ab-c-d', ['zz-c-d'])).toEqual([]);
    expect(nearestCodes('q-1968-s5', ['q-1968-s5'])).toEqual(['q-1968-s5']);
    expect(nearestCodes('aa-bb-cc-1968-s5', ['zz-1968-s5'])).toEqual(['zz-1968-s5']); // the last two parts, however many there are
    expect(nearestCodes('x-a-bc', ['zzzzzzz-a-bc'])).toEqual(['zzzzzzz-a-bc']); // four letters are enough
  });
});
