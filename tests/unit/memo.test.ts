/** The memos that make a caseload's repeated work cheap keep their memory bounded: the limit, and what is kept. */
import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/engine/memo.js';

describe('a bounded memo', () => {
  it('keeps up to its limit, then forgets everything and starts again with the new entry', () => {
    const memo = new BoundedMemo<string, number>(3);
    memo.set('a', 1);
    memo.set('b', 2);
    expect([memo.size, memo.get('a'), memo.get('b')]).toEqual([2, 1, 2]);
    memo.set('c', 3);
    expect([memo.size, memo.get('a'), memo.get('c')]).toEqual([3, 1, 3]);
    memo.set('d', 4);
    expect([memo.size, memo.get('a'), memo.get('c'), memo.get('d')]).toEqual([1, undefined, undefined, 4]);
  });
  it('ten thousand entries never hold more than the limit', () => {
    const memo = new BoundedMemo<number, number>(100);
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      memo.set(i, i);
      most = Math.max(most, memo.size);
    }
    expect(most).toBe(100);
  });
});
