/**
 * The loader's rules for a jurisdiction file, each pinned to the exact line a drafter reads (position,
 * field and words): duplicates named with where the first one is, date ranges at their edge, presumptions
 * of limbs a provision does not test, and the messages with and without a "did you mean".
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
coercion: { recognises_coercive_control: false, text: threats, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: A defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence.
    in_force: { from: 2015-01-01 }
    nexus: compelled
    domains: [criminal]
    exceptions: [sch]
    verified: true
exception_lists:
  - id: sch
    title: Schedule
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: murder, label: Murder, category: homicide, covers_category: true, citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: serious, label: Serious offences, rule: { max_penalty_years_at_least: 10 }, citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
offences:
  - { code: x-1, label: One, category: theft, max_penalty_years: 10, citation: { instrument: act, section: s.9 }, verified: true }
`;
const PROVISION = VALID.slice(VALID.indexOf('  - id: defence'), VALID.indexOf('exception_lists:'));

const problems = (text: string) => {
  const r = parseJurisdiction('testland.yaml', text, cat, 'testland');
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code} ${p.message}`);
};

describe('duplicates are named with where the first one is', () => {
  it('the valid file loads', () => expect(problems(VALID)).toEqual([]));

  it('a provision id used twice', () => {
    expect(problems(VALID.replace('exception_lists:', `${PROVISION}exception_lists:`))).toEqual([
      '21:9 provisions[1].id ref.duplicate-id provision id "defence" is already used at provisions[0]',
    ]);
  });

  it('an exception list id used twice', () => {
    const list = VALID.slice(VALID.indexOf('  - id: sch'), VALID.indexOf('offences:')).replace(/id: murder/, 'id: murder-2').replace(/id: serious/, 'id: serious-2');
    expect(problems(VALID.replace('offences:', `${list}offences:`))).toEqual(['29:9 exception_lists[1].id ref.duplicate-id exception list id "sch" is already used at exception_lists[0]']);
  });

  it('an exception entry id used twice is named by the field path of the first', () => {
    expect(problems(VALID.replace('id: serious', 'id: murder'))).toEqual([
      '28:15 exception_lists[0].entries[1].id ref.duplicate-id exception entry id "murder" is already used at exception_lists[0].entries[0]',
    ]);
  });
});

describe('date ranges of offence rows', () => {
  it('a row that ends on the day it starts is refused; one that ends later is fine', () => {
    expect(problems(VALID.replace('max_penalty_years: 10,', 'max_penalty_years: 10, in_force: { from: 2020-01-01, to: 2020-01-01 },'))).toEqual([
      '30:104 offences[0].in_force.to law.date-range date range ends (2020-01-01) on or before it starts (2020-01-01)',
    ]);
    expect(problems(VALID.replace('max_penalty_years: 10,', 'max_penalty_years: 10, in_force: { from: 2020-01-01, to: 2020-01-02 },'))).toEqual([]);
  });
});

describe('messages with and without a hint', () => {
  it('an offence list no file has, with nothing close to suggest', () => {
    expect(problems(VALID.replace('exceptions: [sch]', 'exceptions: [zzzzzz]'))).toEqual([
      '19:18 provisions[0].exceptions[0] ref.unknown-exception-list no offence list "zzzzzz" in exception_lists',
    ]);
  });

  it('a misspelt limb is located on its key', () => {
    expect(problems(VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    limbs: { nexsu: s.1(b) }\n'))).toEqual([
      '18:14 provisions[0].limbs.nexsu law.unknown-limb limb "nexsu" is neither a check, a question this provision asks, nor a cited aspect; did you mean "nexus"?',
    ]);
  });

  it('a carve-out without a rule, and a whole category without a category, in the drafter\'s words', () => {
    expect(problems(VALID.replace('covers_category: true, ', 'covers_category: true, except_codes: [x-1], '))).toEqual([
      '27:95 exception_lists[0].entries[0].except_codes law.carve-out except_codes only make sense on a rule-based entry',
    ]);
    expect(problems(VALID.replace('category: homicide, covers_category: true', 'codes: [x-1], covers_category: true'))).toEqual([
      '27:69 exception_lists[0].entries[0].covers_category law.covers-category covers_category needs a category',
    ]);
  });

  it('a question asked twice, or to be answered both yes and no, located on the second asking', () => {
    expect(problems(VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    questions: [due-diligence, due-diligence]\n'))).toEqual([
      '18:32 provisions[0].questions[1] law.question-twice question "due-diligence" is already asked in questions',
    ]);
    expect(problems(VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    questions: [due-diligence]\n    questions_negative: [due-diligence]\n'))).toEqual([
      '19:26 provisions[0].questions_negative[0] law.question-twice question "due-diligence" is asked to be answered yes (questions) and no (questions_negative): no answer meets both',
    ]);
  });

  it('a question asked both as a requirement and as a rebuttal', () => {
    expect(problems(VALID.replace('    nexus: compelled\n', '    nexus: compelled\n    questions: [due-diligence]\n    questions_rebuttal: [due-diligence]\n'))).toEqual([
      '19:25 provisions[0].questions_rebuttal law.rebuttal-question question "due-diligence" is also asked as a requirement; a rebuttal question is asked once, as a rebuttal',
    ]);
  });
});

describe('a presumption needs the limb it presumes to be tested', () => {
  const presume = (limb: string, extra = '') =>
    VALID.replace('    nexus: compelled\n', `    nexus: compelled\n${extra}    presumptions:\n      - { limb: ${limb}, identification: [official-documentation], cite: s.3, rebuttable_by: evidence, verified: true }\n`);
  const refused = (limb: string, line: number) => [`${line}:17 provisions[0].presumptions[0].limb law.presumption-limb a presumption of the ${limb} limb needs a provision that tests it`];

  it('the nexus: fine while the nexus is tested, refused when it is none', () => {
    expect(problems(presume('nexus'))).toEqual([]);
    expect(problems(presume('nexus').replace('nexus: compelled', 'nexus: none'))).toEqual(refused('nexus', 19));
  });

  it('the victim: fine unless victim status is not required', () => {
    expect(problems(presume('victim'))).toEqual([]);
    expect(problems(presume('victim', '    victim_required: false\n'))).toEqual(refused('victim', 20));
  });

  it('the means: fine when means are required of adults or of children, refused when of neither', () => {
    expect(problems(presume('means'))).toEqual(refused('means', 19));
    expect(problems(presume('means', '    means: { adults: required }\n'))).toEqual([]);
    expect(problems(presume('means', '    means: { adults: not-required, children: required }\n'))).toEqual([]);
    expect(problems(presume('means', '    means: { adults: not-required, children: not-required }\n'))).toEqual(refused('means', 20));
  });
});

describe('a field of several accepted forms left out', () => {
  it('says it got nothing, located on the mapping that lacks it', () => {
    expect(problems(VALID.replace('rule: { max_penalty_years_at_least: 10 }', 'rule: {}'))).toEqual([
      '28:55 exception_lists[0].entries[1].rule.max_penalty_years_at_least schema.type got nothing, which fits none of the accepted forms',
    ]);
  });
});
