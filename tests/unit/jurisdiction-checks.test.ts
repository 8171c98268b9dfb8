/**
 * What a drafter is told when a jurisdiction file is inconsistent: each rule of the loader, on a small
 * valid file broken in one place, gives its stable code at the right field path.
 */
import { describe, expect, it } from 'vitest';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { law } from '../helpers.js';

const cat = law().catalogue;
const VALID = `id: testland
name: Testland
kind: jurisdiction
summary: A small valid file.
checked: 2026-11-28
instruments:
  - { id: act, title: Testland Act, verified: true }
  - { id: guide, title: Guidance, verified: false, note: read in a summary only }
coercion: { recognises_coercive_control: false, text: threats, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: A defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence.
    in_force: { from: 2015-01-01, to: 2030-01-01 }
    offence_dates: { from: 2010-01-01, to: 2029-01-01 }
    age: { min: 18, max: 120 }
    nexus: compelled
    domains: [criminal]
    exceptions: [sch]
    conditions: { time_limit: { years: 2, from: offence } }
    verified: true
exception_lists:
  - id: sch
    title: Schedule
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: murder, label: Murder, category: homicide, covers_category: true, citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: serious, label: Serious offences, rule: { max_penalty_years_at_least: 10 }, except_codes: [x-2], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
offences:
  - { code: x-1, label: One, category: theft, max_penalty_years: 10, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: x-2, label: Two, category: theft, max_penalty_years: 14, citation: { instrument: act, section: s.10 }, verified: true }
`;

const problems = (text: string, expectedId = 'testland') => {
  const r = parseJurisdiction('testland.yaml', text, cat, expectedId);
  return r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path} @${p.line}:${p.col}: ${p.message}`);
};

describe('jurisdiction file rules', () => {
  it('the valid file loads', () => expect(problems(VALID)).toEqual([]));

  const broken: [string, string, RegExp][] = [
    ['id differs from the file name', VALID.replace('id: testland', 'id: otherland'), /^ref\.id-mismatch id @1:5: id "otherland" must equal the file name "testland"$/],
    ['duplicate instrument', VALID.replace('id: guide', 'id: act'), /^ref\.duplicate-id instruments\[1\].id @8:11: instrument id "act" is already used at instruments\[0\]$/],
    ['duplicate entry', VALID.replace('id: serious', 'id: murder'), /^ref\.duplicate-id exception_lists\[0\]\.entries\[1\]\.id @\d+:\d+: exception entry id "murder" is already used/],
    ['duplicate offence code', VALID.replace('code: x-2', 'code: x-1').replace('except_codes: [x-2]', 'except_codes: [x-1]'), /^ref\.duplicate-id offences\[1\]\.code @\d+:\d+: offence code "x-1" is listed twice$/],
    ['a code an offence list names, missing from the table', VALID.replace('except_codes: [x-2]', 'except_codes: [x-3]'), /^ref\.code-not-in-table exception_lists\[0\]\.entries\[1\]\.except_codes\[0\] @32:106: code "x-3" is not in this law's offence table; did you mean "x-1"\?$/],
    ['citation of an undeclared instrument', VALID.replace('citation: { instrument: act, section: s.1 }', 'citation: { instrument: acts, section: s.1 }'), /^ref\.unknown-instrument provisions\[0\]\.citation\.instrument @15:29: citation names instrument "acts", which is not in instruments; did you mean "act"\?$/],
    ['unverified without a note', VALID.replace(', note: read in a summary only', ''), /^law\.unverified-without-note instruments\[1\].verified @8:45: verified: false needs a note/],
    ['unknown offence list', VALID.replace('exceptions: [sch]', 'exceptions: [schd]'), /^ref\.unknown-exception-list provisions\[0\]\.exceptions\[0\] @\d+:\d+: no offence list "schd" in exception_lists; did you mean "sch"\?$/],
    ['unknown list of offences covered', VALID.replace('exceptions: [sch]', 'offences_covered: [nope]'), /^ref\.unknown-exception-list provisions\[0\]\.offences_covered\[0\] @/],
    ['empty age band', VALID.replace('age: { min: 18, max: 120 }', 'age: { min: 18, max: 18 }'), /^law\.age-band provisions\[0\]\.age @\d+:\d+: age band is empty \(min 18 is not below max 18\)$/],
    ['in force ends before it starts', VALID.replace('in_force: { from: 2015-01-01, to: 2030-01-01 }', 'in_force: { from: 2015-01-01, to: 2015-01-01 }'), /^law\.date-range provisions\[0\]\.in_force\.to @\d+:\d+: date range ends \(2015-01-01\) on or before it starts \(2015-01-01\)$/],
    ['offence dates end before they start', VALID.replace('offence_dates: { from: 2010-01-01, to: 2029-01-01 }', 'offence_dates: { from: 2010-01-01, to: 2009-01-01 }'), /^law\.date-range provisions\[0\]\.offence_dates\.to @/],
    ['verified provision with no commencement date', VALID.replace('in_force: { from: 2015-01-01, to: 2030-01-01 }', 'in_force: { to: 2030-01-01 }'), /^law\.in-force provisions\[0\]\.in_force @\d+:\d+: a verified provision needs the date it came into force/],
    ['time limit of no length', VALID.replace('time_limit: { years: 2, from: offence }', 'time_limit: { years: 0, from: offence }'), /^law\.time-limit provisions\[0\]\.conditions\.time_limit @\d+:\d+: a time limit needs years, months or days$/],
    ['entry that matches nothing', VALID.replace('category: homicide, covers_category: true, ', ''), /^law\.empty-entry exception_lists\[0\]\.entries\[0\] @\d+:\d+: an exception entry needs a category, codes or a rule to match against$/],
    ['carve-out without a rule', VALID.replace('covers_category: true, ', 'covers_category: true, except_codes: [x-1], '), /^law\.carve-out exception_lists\[0\]\.entries\[0\]\.except_codes @/],
    ['rule without an offence table', VALID.replace(/offences:\n[\s\S]*$/, ''), /^ref\.no-offence-table exception_lists\[0\]\.entries\[1\]\.rule @\d+:\d+: a rule-based entry needs the `offences` table it is read against$/],
    ['misspelt limb (a check)', VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    limbs: { agee: s.1(a), age: s.1(b), proof: s.3 }\n'), /^law\.unknown-limb provisions\[0\]\.limbs\.agee @\d+:\d+: limb "agee" is neither a check, a question this provision asks, nor a cited aspect; did you mean "age"\?$/],
    ['misspelt limb (a question id)', VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    questions: [due-diligence]\n    limbs: { due-dilligence: s.1(c) }\n'), /^law\.unknown-limb provisions\[0\]\.limbs\.due-dilligence @\d+:\d+: .*did you mean "due-diligence"\?$/],
    ['limb for a question the provision does not ask', VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    limbs: { due-diligence: s.1(c) }\n'), /^law\.unknown-limb provisions\[0\]\.limbs\.due-diligence @\d+:\d+: limb "due-diligence" names a question this provision does not ask/],
    ['whole category without a category', VALID.replace('category: homicide, covers_category: true', 'codes: [x-1], covers_category: true'), /^law\.covers-category exception_lists\[0\]\.entries\[0\]\.covers_category @/],
  ];
  for (const [name, text, want] of broken)
    it(name, () => {
      const got = problems(text);
      expect(got.length, got.join('\n')).toBe(1);
      expect(got[0]).toMatch(want);
    });

  it('every check the compiler makes, in every shipped law, is a limb key a law file may use', async () => {
    const { compileProvision } = await import('../../src/engine/provisions.js');
    const { LIMB_CHECKS } = await import('../../src/vocabulary.js');
    const codes = new Set<string>();
    for (const id of law().ids()) for (const p of law().file(id).provisions) for (const c of compileProvision(law().file(id), p).checks) if (!c.code.startsWith('question:') && !c.code.startsWith('rebuttal:')) codes.add(c.code); // questions and rebuttals are cited by their question id
    expect([...codes].filter((c) => !(LIMB_CHECKS as readonly string[]).includes(c))).toEqual([]);
  });

  it('without an expected id (a file read on its own) any id is accepted', () => {
    const r = parseJurisdiction('x.yaml', VALID.replace('id: testland', 'id: otherland'), cat);
    expect(r.ok).toBe(true);
  });

  it('a verified provision may lack a commencement date only if it says verified: false, with a note', () => {
    const text = VALID.replace('in_force: { from: 2015-01-01, to: 2030-01-01 }', 'in_force: { to: 2030-01-01 }').replace('    verified: true\nexception_lists', '    verified: false\n    note: commencement unknown\nexception_lists');
    expect(problems(text)).toEqual([]);
  });
});
