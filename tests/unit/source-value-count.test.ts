/**
 * What counts as a value when a document is measured against LIMITS.maxNodes, and where the refusal
 * points. The limit is lowered for each case (and restored), so that every kind of value can be shown
 * to count with a document of a few characters: quoted texts, aliases, flow mappings, explicit keys, and
 * (once aliases are expanded) a document of exactly the limit against one value more. Also: where a
 * dangling alias, a run of parser problems and a parser message quoting the text are reported, and a key
 * that is not a name; the alias limit as it stands, the cyclic-alias message, the first of two reserved keys, and
 * keys written as aliases.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseSource } from '../../src/load/source.js';

/** The first problem as the user reads its parts (code, line:col, message), or 'ok', with the limit at `max`. */
function at(text: string, max = LIMITS.maxNodes): string {
  const before = LIMITS.maxNodes;
  LIMITS.maxNodes = max;
  try {
    const r = parseSource('f.yaml', text);
    return r.ok ? 'ok' : `${r.problems[0]!.code} ${r.problems[0]!.line}:${r.problems[0]!.col} ${r.problems[0]!.message}`;
  } finally {
    LIMITS.maxNodes = before;
  }
}
const tooMany = (max: number, line: number, col: number) => `input.too-many-values ${line}:${col} document has too many values (more than ${max}): refused before it is built`;

describe('every kind of value counts against the limit, and the refusal points at the first value past it', () => {
  it('quoted texts, single or double', () => {
    expect(at("['a', 'b', 'c']", 3)).toBe(tooMany(3, 1, 12));
    expect(at('["a", "b", "c"]', 3)).toBe(tooMany(3, 1, 12));
    expect(at("['a', 'b', 'c']", 4)).toBe('ok');
  });

  it('aliases', () => {
    // a, :, 1, b, :, [, *x, *x: eight values; the second alias is the eighth.
    expect(at('a: &x 1\nb: [*x, *x]\n', 7)).toBe(tooMany(7, 2, 9));
    expect(at('a: &x 1\nb: [*x, *x]\n', 8)).toBe('ok');
  });

  it('flow mappings', () => {
    expect(at('[{}, {}, {}]', 3)).toBe(tooMany(3, 1, 10));
  });

  it('explicit keys', () => {
    // ?, a, ?, b: the key b is the fourth value.
    expect(at('? a\n? b\n', 3)).toBe(tooMany(3, 2, 3));
    expect(at('? a\n? b\n', 4)).toBe('ok');
  });

  it('the end of an unclosed flow list takes no column: the value past the limit is located where it stands', () => {
    // a, :, [, b, then c and its colon on line 2: the sixth value is the colon at 2:2.
    expect(at('a: [b\nc: d\n', 5)).toBe(tooMany(5, 2, 2));
  });
});

describe('once aliases are expanded', () => {
  it('a document of exactly the limit is read; one value more is refused', () => {
    // The root (1), a (1), [1, 2] (3), b (1), and [*a, *a] (1 + 3 + 3): 13 values, from ten tokens.
    const text = 'a: &a [1, 2]\nb: [*a, *a]\n';
    expect(at(text, 13)).toBe('ok');
    expect(at(text, 12)).toBe('yaml.aliases 1:1 aliases expand the document past 12 values: refused rather than expanded');
  });
});

describe('where problems are reported', () => {
  it('of two aliases to anchors never set, the first is reported, at its own place', () => {
    expect(at('a: *b\nc: *d\n')).toBe('yaml.syntax 1:4 Unresolved alias (the anchor must be set before the alias): b');
  });

  it('a parser message that quotes the text ends where the text does, with no trailing space', () => {
    const r = parseSource('f.yaml', 'a: || : \n');
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.code} ${JSON.stringify(p.message)}`)).toEqual([
      '1:5 yaml.syntax "Block scalar header includes extra characters: ||"',
      '1:7 yaml.syntax "Not a YAML token: :"',
    ]);
  });

  it('a key that is a list or a mapping (or an alias to one) is refused on the key, before the parser turns it into text', () => {
    expect(at('id: c\n? [a, b]\n: x\n')).toBe('yaml.collection-key 2:3 a key must be a name, not a list or a mapping');
    expect(at('id: c\nperson: { {a: 1}: x }\n')).toBe('yaml.collection-key 2:11 a key must be a name, not a list or a mapping');
    expect(at('a: &k [1]\n*k : x\n')).toBe('yaml.collection-key 2:1 a key must be a name, not a list or a mapping');
    // An alias to a plain value names a field like the value itself.
    const r = parseSource('f.yaml', 'a: &k b\n*k : x\n');
    expect(r.ok && r.source.value).toEqual({ a: 'b', b: 'x' });
  });

  it('aliases are counted against LIMITS.maxAliases as it stands', () => {
    const before = LIMITS.maxAliases;
    LIMITS.maxAliases = 3;
    try {
      expect(at('a: &a x\nb: [*a, *a]\n')).toBe('ok');
      expect(at('a: &a x\nb: [*a, *a, *a]\n')).toBe('yaml.aliases 1:1 too many aliases (more than 3): refused rather than expanded');
    } finally {
      LIMITS.maxAliases = before;
    }
  });

  it('an alias inside the node it names: the message says which alias and why', () => {
    expect(at('a: &a [*a]\n')).toBe('yaml.cyclic-alias 1:8 alias *a refers to a node that contains it: the data would never end');
  });

  it('of two reserved keys, the first in the document is reported', () => {
    expect(at('a:\n  constructor: 1\nb:\n  prototype: 2\n')).toBe('input.reserved-key 2:3 "constructor" is not a field of this file (reserved name)');
  });

  it('keys written as aliases to plain values are the values they name: two different ones are not a repeated key, the same name twice is', () => {
    const r = parseSource('f.yaml', 'a: &k b\nc: &j d\ne: { *k : x, *j : y }\n');
    expect(r.ok && r.source.value).toEqual({ a: 'b', c: 'd', e: { b: 'x', d: 'y' } });
    // An alias key naming a field already written would silently overwrite it: refused like any repeated key.
    expect(at('label: &k victim\ntrafficking: { victim: true, *k : false }\n')).toBe('yaml.syntax 2:30 Map keys must be unique');
    expect(at('a: &k b\nc: { *k : 1, *k : 2 }\n')).toBe('yaml.syntax 2:14 Map keys must be unique');
  });

  it('at most twenty parser problems are reported, the first twenty in the file', () => {
    const text = Array.from({ length: 25 }, (_, i) => `k${i}: !t${i} x`).join('\n');
    const r = parseSource('f.yaml', text);
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 1}:${4 + String(i).length} yaml.tag`));
  });
});
