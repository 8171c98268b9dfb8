/**
 * Reading scorecards (rules/scorecards/*.yaml): the cards on offer, an unknown card named with the nearest
 * one, and each rule a schema cannot say reported on its own line and field.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/load/problems.js';
import { loadScorecard, scorecardIds, validateScorecard } from '../../src/load/scorecards.js';
import { parseSource } from '../../src/load/source.js';
import { law } from '../helpers.js';

const categories = law().catalogue.categories.map((c) => c.id);
const root = mkdtempSync(join(tmpdir(), 'np-cards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CARD = `id: card
title: A card
source: A report
weights: Ours
often_compelled:
  categories: [theft, fraud]
  source: A report, para 1
criteria:
  - id: legal-aid
    title: Legal aid
    source: para 1
    measure: attribute
    attribute: legal_aid
    reads: the legal_aid attribute
    points: 10
    credit: { "yes": 1, partial: 0.5, "no": 0 }
    partial: half for partial
  - id: coercion
    title: Coercive control
    source: para 2
    measure: coercive-control
    reads: coercion
    points: 10
    credit: { recognised: 1, not-recognised: 0 }
    partial: all or nothing
`;

const problemsOf = (text: string, expectedId?: string): string[] => {
  const parsed = parseSource('card.yaml', text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const r = validateScorecard(parsed.source, categories, expectedId);
  return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code} ${p.message}`);
};
const thrown = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('a scorecard file', () => {
  it('a valid card is read whole', () => {
    const parsed = parseSource('card.yaml', CARD);
    const r = parsed.ok ? validateScorecard(parsed.source, categories, 'card') : undefined;
    expect(r?.ok && r.value.criteria.map((c) => [c.id, c.measure, c.credit])).toEqual([
      ['legal-aid', 'attribute', { yes: 1, partial: 0.5, no: 0 }],
      ['coercion', 'coercive-control', { recognised: 1, 'not-recognised': 0 }],
    ]);
  });

  it('its id must be its file name', () => {
    expect(problemsOf(CARD, 'other')).toEqual(['1:5 id ref.id-mismatch id "card" must equal the file name "other"']);
    expect(problemsOf(CARD)).toEqual([]);
  });

  it('an offence category the catalogue does not have', () => {
    expect(problemsOf(CARD.replace('[theft, fraud]', '[theft, frauds]'))).toEqual(['6:23 often_compelled.categories[1] ref.unknown-category unknown offence category "frauds"']);
  });

  it('a criterion id used twice', () => {
    expect(problemsOf(CARD.replace('  - id: coercion', '  - id: legal-aid'))).toEqual(['18:9 criteria[1].id ref.duplicate-id criterion id "legal-aid" is used twice']);
  });

  it('credit missing for a level the measure gives, and credit for a level it never gives (on its key)', () => {
    expect(problemsOf(CARD.replace('{ recognised: 1, not-recognised: 0 }', '{ recognised: 1, maybe: 0.5 }'))).toEqual([
      '24:13 criteria[1].credit card.credit measure coercive-control can give "not-recognised": give the credit for each',
      '24:30 criteria[1].credit.maybe card.credit measure coercive-control never gives "maybe" (it gives recognised, not-recognised)',
    ]);
    expect(problemsOf(CARD.replace('{ "yes": 1, partial: 0.5, "no": 0 }', '{ "yes": 1 }'))).toEqual([
      '16:13 criteria[0].credit card.credit measure attribute can give "partial", "no": give the credit for each',
    ]);
  });

  it('the attribute measure needs an attribute, and only it reads one', () => {
    expect(problemsOf(CARD.replace('    attribute: legal_aid\n', ''))).toEqual([
      '9:5 criteria[0] card.attribute the attribute measure needs `attribute`: the name of the attribute it reads',
    ]);
    expect(problemsOf(CARD.replace('    reads: coercion\n', '    reads: coercion\n    attribute: legal_aid\n'))).toEqual([
      '23:5 criteria[1].attribute card.attribute only the attribute measure reads an attribute (this one is coercive-control)',
    ]);
  });

  it('the exceptions measure needs often_compelled', () => {
    const exceptions = `${CARD}  - id: exceptions
    title: Exceptions
    source: para 3
    measure: exceptions
    reads: exception lists
    points: 10
    credit: { none-excluded: 1, excluded-other-route: 0.5, excluded: 0 }
    partial: by route
`;
    expect(problemsOf(exceptions)).toEqual([]);
    expect(problemsOf(CARD.replace(/often_compelled:\n.*\n.*\n/, ''))).toEqual([]); // no exceptions measure: not needed
    expect(problemsOf(exceptions.replace(/often_compelled:\n.*\n.*\n/, ''))).toEqual([
      '6:3 criteria card.often-compelled the exceptions measure needs `often_compelled`: the categories victims are often made to commit',
    ]);
  });

  it('schema problems come first, located', () => {
    expect(problemsOf(CARD.replace('points: 10', 'points: lots'))).toEqual(['15:13 criteria[0].points schema.type expected number, got the text "lots"']);
  });
});

describe('the cards on offer', () => {
  const rules = join(root, 'rules');
  mkdirSync(join(rules, 'scorecards'), { recursive: true });
  writeFileSync(join(rules, 'scorecards', 'card.yaml'), CARD);
  writeFileSync(join(rules, 'scorecards', 'b-card.yaml'), CARD.replace('id: card', 'id: b-card'));
  writeFileSync(join(rules, 'scorecards', 'readme.md'), 'not a card');
  writeFileSync(join(rules, 'scorecards', 'wrong.yaml'), CARD);

  it('are the .yaml files of rules/scorecards, sorted; none when there is no such folder', () => {
    expect(scorecardIds(rules)).toEqual(['b-card', 'card', 'wrong']);
    expect(scorecardIds(join(root, 'nowhere'))).toEqual([]);
  });

  it('a card is loaded by id; an unknown id names the nearest card and those available', () => {
    expect(loadScorecard('card', rules, categories).criteria).toHaveLength(2);
    expect(thrown(() => loadScorecard('crad', rules, categories))).toEqual([
      { file: '<command line>', line: 1, col: 1, path: '', code: 'ref.unknown-card', message: 'unknown card "crad"; did you mean "card"? (available: b-card, card, wrong)' },
    ]);
    expect(thrown(() => loadScorecard('zzzzzzzz', rules, categories))[0]!.message).toBe('unknown card "zzzzzzzz" (available: b-card, card, wrong)');
  });

  it('a card whose id is not its file name is refused with the file named', () => {
    expect(thrown(() => loadScorecard('wrong', rules, categories))).toEqual([
      { file: join(rules, 'scorecards', 'wrong.yaml'), line: 1, col: 5, path: 'id', code: 'ref.id-mismatch', message: 'id "card" must equal the file name "wrong"' },
    ]);
  });
});
