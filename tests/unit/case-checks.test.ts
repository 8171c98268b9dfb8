/**
 * Checks across fields of a case file that the schema alone cannot make: dates in an impossible order
 * and an offence id used twice. Each is refused with its code, a message naming both values, and the
 * position and path of the field to fix.
 */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/load/case.js';
import { loadCatalogue } from '../../src/load/files.js';

const cat = loadCatalogue();

/** A consistent case; each test changes one date (the line numbers below are this text's). */
const CASE = `id: c1
as_of: 2026-11-28
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
`;

const problemsOf = (text: string) => {
  const r = parseCase('case.yaml', text, cat);
  return r.ok ? [] : r.problems;
};
const dateOrder = (line: number, col: number, path: string, message: string) => ({ file: 'case.yaml', line, col, path, code: 'case.date-order', message });

describe('dates in an impossible order', () => {
  it('a consistent case is accepted, and so are dates on the same day as their bound', () => {
    expect(problemsOf(CASE)).toEqual([]);
    // Everything on one day: born, offended, convicted, trafficked from and until, evaluated.
    const sameDay = CASE.replace('1990-05-01', '2020-01-01')
      .replace('date: 2021-03-01', 'date: 2020-01-01')
      .replace('as_of: 2026-11-28', 'as_of: 2020-01-01')
      .replace('2022-01-15', '2020-01-01')
      .replace('end: 2021-06-30', 'end: 2020-01-01');
    expect(problemsOf(sameDay)).toEqual([]);
  });

  it('an offence before the person was born', () => {
    expect(problemsOf(CASE.replace('1990-05-01', '2021-03-02'))).toEqual([
      dateOrder(10, 11, 'offences[0].date', 'offence date 2021-03-01 is before the birth date 2021-03-02'),
      dateOrder(6, 20, 'trafficking.period.start', 'trafficking period starts (2020-01-01) before the birth date 2021-03-02'),
    ]);
  });

  it('an offence after the date of evaluation (as_of)', () => {
    expect(problemsOf(CASE.replace('as_of: 2026-11-28', 'as_of: 2021-02-28'))).toEqual([
      dateOrder(10, 11, 'offences[0].date', 'offence date 2021-03-01 is after as_of 2021-02-28'),
      dateOrder(11, 22, 'offences[0].conviction_date', 'conviction date 2022-01-15 is after as_of 2021-02-28'),
      dateOrder(6, 37, 'trafficking.period.end', 'trafficking period end 2021-06-30 is after as_of 2021-02-28'),
    ]);
  });

  it('a conviction before the offence', () => {
    expect(problemsOf(CASE.replace('2022-01-15', '2021-02-28'))).toEqual([
      dateOrder(11, 22, 'offences[0].conviction_date', 'conviction date 2021-02-28 is before the offence date 2021-03-01'),
    ]);
  });

  it('a trafficking period that ends before it starts', () => {
    expect(problemsOf(CASE.replace('end: 2021-06-30', 'end: 2019-12-31'))).toEqual([
      dateOrder(6, 37, 'trafficking.period.end', 'trafficking period ends (2019-12-31) before it starts (2020-01-01)'),
    ]);
  });

  it('a person born after the date of evaluation, a conviction before birth or after as_of, a trafficking period before birth', () => {
    expect(problemsOf(CASE.replace('birth_date: 1990-05-01', 'birth_date: 2027-01-01'))).toContainEqual(dateOrder(4, 15, 'person.birth_date', 'birth date 2027-01-01 is after as_of 2026-11-28'));
    expect(problemsOf(CASE.replace('2022-01-15', '2027-01-15'))).toEqual([dateOrder(11, 22, 'offences[0].conviction_date', 'conviction date 2027-01-15 is after as_of 2026-11-28')]);
    expect(problemsOf(CASE.replace('    date: 2021-03-01\n', '').replace('2022-01-15', '1990-04-30'))).toEqual([
      dateOrder(10, 22, 'offences[0].conviction_date', 'conviction date 1990-04-30 is before the birth date 1990-05-01'),
    ]);
    expect(problemsOf(CASE.replace('start: 2020-01-01', 'start: 1990-04-30'))).toEqual([
      dateOrder(6, 20, 'trafficking.period.start', 'trafficking period starts (1990-04-30) before the birth date 1990-05-01'),
    ]);
    expect(problemsOf(CASE.replace('start: 2020-01-01, ', ''))).toEqual([]);
    expect(problemsOf(CASE.replace('start: 2020-01-01, end: 2021-06-30', 'end: 1990-04-30'))).toEqual([
      dateOrder(6, 18, 'trafficking.period.end', 'trafficking period ends (1990-04-30) before the birth date 1990-05-01'),
    ]);
  });
  it('years outside 1800-9499 (0000, 0050, 9999) are refused where they stand', () => {
    for (const year of ['0000', '0050', '9999'])
      expect(problemsOf(CASE.replace('as_of: 2026-11-28', `as_of: ${year}-06-01`)).map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`)).toEqual([
        `2:8 as_of date out of the range accepted (1800-01-01 to 9499-12-31)`,
      ]);
  });
  it('a date left out is unknown, not out of order', () => {
    expect(problemsOf(CASE.replace('    date: 2021-03-01\n', ''))).toEqual([]);
    expect(problemsOf(CASE.replace('person:\n  birth_date: 1990-05-01\n', '').replace('as_of: 2026-11-28\n', ''))).toEqual([]);
    expect(problemsOf(CASE.replace('period: { start: 2020-01-01, end: 2021-06-30 }', 'period: { end: 2019-12-31 }'))).toEqual([]);
  });

  it('every problem is reported at once, in the order of the file', () => {
    const bad = CASE.replace('as_of: 2026-11-28', 'as_of: 2019-01-01')
      .replace('2022-01-15', '2021-01-01')
      .replace('end: 2021-06-30', 'end: 2019-12-31')
      .replace('    category: fraud\n', '    category: fraud\n    date: 1990-04-30\n');
    expect(problemsOf(bad).map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual([
      '10:11 offences[0].date',
      '11:22 offences[0].conviction_date',
      '14:11 offences[1].date',
      '6:20 trafficking.period.start',
      '6:37 trafficking.period.end',
    ]);
  });
});

describe('offence ids', () => {
  it('an id used twice is refused on the second use, naming the first', () => {
    const twice = `${CASE}  - id: o1\n    category: fraud\n`;
    expect(problemsOf(twice)).toEqual([
      { file: 'case.yaml', line: 14, col: 9, path: 'offences[2].id', code: 'case.duplicate-offence', message: 'offence id "o1" is used twice (first at offences[0])' },
    ]);
  });

  it('each later use is refused, always naming the first', () => {
    const thrice = `${CASE}  - id: o2\n    category: fraud\n  - id: o2\n    category: theft\n`;
    expect(problemsOf(thrice).map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`)).toEqual([
      '14:9 offences[2].id offence id "o2" is used twice (first at offences[1])',
      '16:9 offences[3].id offence id "o2" is used twice (first at offences[1])',
    ]);
  });
});
