/**
 * Reading input at its less travelled edges: a parser warning refused like an error, the walk over parsed
 * data (each object once, however often an alias repeats it; keys skipped; stopped when told), and the
 * work counters the resource test bounds (steps to locate a field, keys indexed, edit cells for a hint).
 */
import { describe, expect, it } from 'vitest';
import { suggest, work } from '../../src/load/problems.js';
import { parseSource, walkData } from '../../src/load/source.js';

const source = (text: string) => {
  const r = parseSource('f.yaml', text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.source;
};

describe('warnings are refused like errors', () => {
  it('an unknown directive and an unsupported YAML version, located, in the parser\'s words', () => {
    const problems = (text: string) => {
      const r = parseSource('f.yaml', text);
      return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code} ${p.message}`);
    };
    expect(problems('%FOO bar\n---\na: 1\n')).toEqual(['1:1  yaml.warning Unknown directive %FOO']);
    expect(problems('%YAML 1.3\n---\na: 1\n')).toEqual(['1:7  yaml.warning Unsupported YAML version 1.3']);
    expect(problems('%YAML 1.1\n---\na: 1\n')).toEqual([]);
  });
});

describe('the walk over parsed data', () => {
  it('visits every mapping and list once, depth first in order, with its path; an aliased node once', () => {
    const { value } = source('a: &x { b: [1, { c: 2 }] }\nd: *x\ne: [*x]\n');
    const seen: string[] = [];
    walkData(value, (node, path) => {
      seen.push(`${path.join('.') || '(root)'}${Array.isArray(node) ? '[]' : '{}'}`);
    });
    expect(seen).toEqual(['(root){}', 'a{}', 'a.b[]', 'a.b.1{}', 'e[]']);
  });

  it('does not go into the keys it is told to skip, and stops when told', () => {
    const { value } = source('a: { skip: { deep: {} }, keep: { deep: {} } }\nb: { c: {} }\n');
    const seen: string[] = [];
    walkData(value, (_node, path) => {
      seen.push(path.join('.'));
      if (path.join('.') === 'b') return 'stop';
      return ['skip'];
    });
    expect(seen).toEqual(['', 'a', 'a.keep', 'a.keep.deep', 'b']);
  });

  it('plain values and nothing are not visited', () => {
    const seen: unknown[] = [];
    for (const v of [null, undefined, 3, 'text', true]) walkData(v, (node) => void seen.push(node));
    expect(seen).toEqual([]);
  });
});

describe('the work counters', () => {
  it('locating a field takes one step per path segment, and each mapping is indexed once', () => {
    const s = source('a:\n  b:\n    c: 1\n    d: 2\n  e: 3\n');
    const steps = work.locateSteps;
    const keys = work.indexedKeys;
    expect(s.locate(['a', 'b', 'c'])).toEqual({ line: 3, col: 8 });
    expect(work.locateSteps - steps).toBe(3);
    expect(work.indexedKeys - keys).toBe(1 + 2 + 2); // the root (a), a (b, e), b (c, d)
    expect(s.locate(['a', 'b', 'd'])).toEqual({ line: 4, col: 8 });
    expect(work.locateSteps - steps).toBe(6);
    expect(work.indexedKeys - keys).toBe(5); // already indexed
  });

  it('a hint counts the edit cells it computes: (input + 1) × (candidate + 1) per candidate compared', () => {
    const cells = work.editCells;
    expect(suggest('abcd', ['abce', 'abcdef', 'zzzzzzzzzzzzzz'])).toBe('abce');
    expect(work.editCells - cells).toBe(5 * 5 + 5 * 7); // the third is too far in length to compare
  });
});
