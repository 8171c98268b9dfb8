/**
 * The checks a command makes on a loaded case once it knows more than the file says: facts dated after
 * a date of evaluation given on the command line (or today), and offences no law can be found for.
 */
import { describe, expect, it } from 'vitest';
import { againstEvaluationDate, parseCase, withoutJurisdiction } from '../../src/load/case.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law } from '../helpers.js';

const cat = law().catalogue;
/** A consistent case with no as_of (the line numbers below are this text's). */
const CASE = `id: c1
person:
  birth_date: 1990-05-01
trafficking:
  period: { start: 2020-01-01, end: 2021-06-30 }
offences:
  - id: o1
    category: theft
    date: 2021-03-01
    conviction_date: 2022-01-15
  - id: o2
    category: fraud
    jurisdiction: gb-ew
`;
const loaded = (text = CASE) => {
  const r = parseCase('case.yaml', text, cat);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const lines = (problems: { line: number; col: number; path: string; code: string; message: string }[]) => problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code} ${p.message}`);

describe('facts after the date of evaluation', () => {
  it('given with --as-of: each fact after it, named with where the date came from', () => {
    const { source, value } = loaded();
    expect(lines(againstEvaluationDate(source, value, { date: '2021-02-28', origin: '--as-of' }))).toEqual([
      '9:11 offences[0].date case.date-order offence date 2021-03-01 is after 2021-02-28, --as-of (the date of evaluation given on the command line)',
      '10:22 offences[0].conviction_date case.date-order conviction date 2022-01-15 is after 2021-02-28, --as-of (the date of evaluation given on the command line)',
      '5:37 trafficking.period.end case.date-order trafficking period end 2021-06-30 is after 2021-02-28, --as-of (the date of evaluation given on the command line)',
    ]);
  });

  it('today, when the case gives no as_of; a birth date after it; facts on the day itself are not after it', () => {
    const { source, value } = loaded();
    expect(lines(againstEvaluationDate(source, value, { date: '1990-04-30', origin: 'today' }))[0]).toBe(
      '3:15 person.birth_date case.date-order birth date 1990-05-01 is after 1990-04-30, today (the date of evaluation: the case gives no as_of)',
    );
    expect(againstEvaluationDate(source, value, { date: '2022-01-15', origin: 'today' })).toEqual([]);
    expect(lines(againstEvaluationDate(source, value, { date: '2019-12-31', origin: 'as_of' }))).toEqual([
      '9:11 offences[0].date case.date-order offence date 2021-03-01 is after as_of 2019-12-31',
      '10:22 offences[0].conviction_date case.date-order conviction date 2022-01-15 is after as_of 2019-12-31',
      '5:20 trafficking.period.start case.date-order trafficking period start 2020-01-01 is after as_of 2019-12-31',
      '5:37 trafficking.period.end case.date-order trafficking period end 2021-06-30 is after as_of 2019-12-31',
    ]);
  });

  it('only the date of evaluation is checked here: an order the loader already refuses is not reported twice', () => {
    const { source, value } = loaded();
    // Dates in an impossible order among themselves (the loader refuses such a file), none after the date of evaluation.
    const disordered: CaseFile = {
      ...value,
      trafficking: { ...value.trafficking, period: { start: '1980-01-01', end: '1970-01-01' } },
      offences: [{ ...value.offences[0]!, date: '1980-01-01', conviction_date: '1979-01-01' }, value.offences[1]!],
    };
    expect(againstEvaluationDate(source, disordered, { date: '2030-01-01', origin: '--as-of' })).toEqual([]);
    const noStart: CaseFile = { ...disordered, trafficking: { ...value.trafficking, period: { end: '1970-01-01' } } };
    expect(againstEvaluationDate(source, noStart, { date: '2030-01-01', origin: '--as-of' })).toEqual([]);
  });
});

describe('offences no law can be found for', () => {
  it('without --jurisdiction, an offence with no jurisdiction of its own in a case that names none is refused on the offence', () => {
    const { source, value } = loaded();
    expect(lines(withoutJurisdiction(source, value))).toEqual([
      '7:5 offences[0] case.no-jurisdiction offence "o1" has no jurisdiction and the case names none: add jurisdiction to the case or the offence, or use --jurisdiction ID or --all',
    ]);
  });

  it('a case that names its jurisdiction, or whose offences all name theirs, is fine', () => {
    const { source, value } = loaded(`jurisdiction: gb-ew\n${CASE}`);
    expect(withoutJurisdiction(source, value)).toEqual([]);
    const each = loaded(CASE.replace('    category: theft\n', '    category: theft\n    jurisdiction: gb-sct\n'));
    expect(withoutJurisdiction(each.source, each.value)).toEqual([]);
  });
});

describe('the loader\'s own order checks at their edge', () => {
  it('a trafficking period with no start that ends on the birth date is possible', () => {
    const text = CASE.replace('period: { start: 2020-01-01, end: 2021-06-30 }', 'period: { end: 1990-05-01 }');
    expect(parseCase('case.yaml', text, cat).ok).toBe(true);
  });
});
