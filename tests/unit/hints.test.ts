/**
 * The "did you mean" hint and the "nearest" list at their edges (how far a hint may be, how long a text is
 * compared, how a tie is broken, the bounded work), and the per-file problem list that stops building
 * problems past its limit and says how many more there are.
 */
import { describe, expect, it } from 'vitest';
import { InputError, nearest, ProblemList, SUGGEST_BUDGET, suggest, type Problem } from '../../src/load/problems.js';

describe('did you mean', () => {
  it('texts of up to 64 characters are compared; a longer input or candidate never is', () => {
    expect(suggest('a'.repeat(64), ['a'.repeat(63)])).toBe('a'.repeat(63));
    expect(suggest('a'.repeat(60), ['a'.repeat(64)])).toBe('a'.repeat(64));
    expect(suggest('a'.repeat(60), ['a'.repeat(65)])).toBeUndefined();
    expect(suggest('a'.repeat(65), ['a'.repeat(64)])).toBeUndefined(); // one edit, but the input is too long
  });

  it('a candidate at most a third of the input\'s length away (at least two edits) is offered, one further is not', () => {
    expect(suggest('abcdefghi', ['abcxyzghi'])).toBe('abcxyzghi'); // three edits, nine characters
    expect(suggest('abcdefghi', ['abwxyzghi'])).toBeUndefined(); // four
    expect(suggest('abc', ['xyc'])).toBe('xyc'); // two edits: the least any input is allowed
    expect(suggest('abcdef', ['uvwxyz'])).toBeUndefined();
  });

  it('a candidate longer by exactly the limit is still compared by edits, not only as an extension', () => {
    expect(suggest('abcdef', ['abxcdyef'])).toBe('abxcdyef');
  });

  it('an extension of the input is offered when nothing closer is, however long', () => {
    expect(suggest('abcdef', ['zzzzzz', 'abcdefghi'])).toBe('abcdefghi');
    expect(suggest('abcdef', ['abcdefghijk', 'abcdefghi'])).toBe('abcdefghi'); // the shorter extension
  });

  it('of two equally close candidates, the first is offered', () => {
    expect(suggest('abc', ['abd', 'abe'])).toBe('abd');
  });

  it('the work is bounded: candidates past the edit budget are not compared', () => {
    const cost = 11 * 11; // one comparison of two ten-character texts
    const before = Array.from({ length: Math.ceil(SUGGEST_BUDGET / cost) + 1 }, () => 'zzzzzzzzzz');
    expect(suggest('abcdefghiX', [...before, 'abcdefghij'])).toBeUndefined();
    expect(suggest('abcdefghiX', [...before.slice(0, 10), 'abcdefghij'])).toBe('abcdefghij');
  });

  it('the candidate that spends the last of the budget exactly is still compared', () => {
    const cost = 10 * 10; // nine-character texts
    expect(SUGGEST_BUDGET % cost).toBe(0);
    const far = Array.from({ length: SUGGEST_BUDGET / cost - 1 }, () => 'zzzzzzzzz');
    expect(suggest('abcdefghi', [...far, 'abcdefghj'])).toBe('abcdefghj');
    expect(suggest('abcdefghi', [...far, 'zzzzzzzzz', 'abcdefghj'])).toBeUndefined();
  });
});

describe('nearest', () => {
  it('a candidate holding one of the input\'s words of four letters or more is near', () => {
    expect(nearest('drug-mule', ['border-drug-run', 'unrelated-thing'])).toEqual(['border-drug-run']);
    expect(nearest('abc-run', ['border-drug-run'])).toEqual([]); // "run" is too short a word to count
  });

  it('by edit distance: up to half the input\'s length (at least three), the closest first, ties by name, three at most', () => {
    expect(nearest('abcdefghij', ['abcdefgxyz'])).toEqual(['abcdefgxyz']); // 3 edits, limit 5
    expect(nearest('abcdef', ['uvwxyz'])).toEqual([]); // 6 edits, limit 3
    expect(nearest('abcdef', ['abcxyz', 'abcdxf', 'abcdxy'])).toEqual(['abcdxf', 'abcdxy']);
    expect(nearest('abcdef', ['abcdez', 'abcdey', 'abcdex', 'abcdew'])).toEqual(['abcdew', 'abcdex', 'abcdey']);
    expect(nearest('abcdef', ['abcdez', 'abcdey', 'abcdex', 'abcdew'], 2)).toEqual(['abcdew', 'abcdex']);
    expect(nearest('ABCDEF', ['abcdef-long', 'abcdez'])).toEqual(['abcdef-long', 'abcdez']); // containing the input first
  });
});

describe('the problems of one file', () => {
  const at = (line: number): Problem => ({ file: 'f.yaml', line, col: 3, path: `x[${line}]`, code: 'x.bad', message: `bad ${line}` });

  it('up to its limit every problem is kept; past it they are counted, and only the first one past is built, for its place', () => {
    const list = new ProblemList(2);
    let built = 0;
    for (let line = 1; line <= 5; line++)
      list.add(() => {
        built++;
        return at(line);
      });
    expect(list.length).toBe(5);
    expect(built).toBe(2);
    expect(list.done()).toEqual([
      at(1),
      at(2),
      { file: 'f.yaml', line: 3, col: 3, path: '', code: 'input.more-problems', message: 'and 3 more problem(s) in this file from here on, not listed (the first 2 are)' },
    ]);
    expect(built).toBe(3);
  });

  it('at its limit exactly, nothing is counted', () => {
    const list = new ProblemList(2);
    list.add(() => at(1));
    list.add(() => at(2));
    expect(list.length).toBe(2);
    expect(list.done()).toEqual([at(1), at(2)]);
  });

  it('the limit is 100 unless told', () => {
    const list = new ProblemList();
    for (let line = 1; line <= 101; line++) list.add(() => at(line));
    const done = list.done();
    expect(done).toHaveLength(101);
    expect(done[100]!.message).toBe('and 1 more problem(s) in this file from here on, not listed (the first 100 are)');
  });
});

describe('bad input as an error', () => {
  it('is named InputError and carries its problems, one line each', () => {
    const p: Problem = { file: 'f.yaml', line: 2, col: 3, path: '', code: 'x.bad', message: 'bad' };
    const e = new InputError([p]);
    expect([e.name, e.problems, e.message]).toEqual(['InputError', [p], 'f.yaml:2:3  bad']);
    expect(String(e)).toBe('InputError: f.yaml:2:3  bad');
  });
});
