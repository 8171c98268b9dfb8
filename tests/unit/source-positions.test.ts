/**
 * Reading YAML and JSON text: the exact problem a user gets for input refused before, during or after
 * parsing (code, message, position, field path), and where `locate` points for a field, its key, a
 * missing field or a path that runs past the document.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseSource, problemAt } from '../../src/load/source.js';

const problems = (text: string) => {
  const r = parseSource('f.yaml', text);
  return r.ok ? [] : r.problems;
};
const first = (text: string) => {
  const r = parseSource('f.yaml', text);
  return r.ok ? 'ok' : `${r.problems[0]!.code} ${r.problems[0]!.line}:${r.problems[0]!.col}`;
};
const source = (text: string) => {
  const r = parseSource('f.yaml', text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.source;
};
const whole = (line: number, col: number, code: string, message: string) => ({ file: 'f.yaml', line, col, path: '', code, message });

describe('input refused before parsing', () => {
  it('a file over the size limit is refused with its size and the limit; a file of exactly the limit is read', () => {
    expect(LIMITS.maxChars).toBe(5_000_000);
    expect(problems('#'.repeat(5_000_001))).toEqual([whole(1, 1, 'input.too-large', 'file is too large (5000001 characters; the limit is 5000000)')]);
    expect(first('#'.repeat(5_000_000))).toBe('ok');
  });

  it('invalid UTF-8 and NUL bytes are refused for the whole file, at the first bad character', () => {
    expect(problems('id: c\nlabel: \uFFFD\n')).toEqual([whole(2, 8, 'input.encoding', 'file is not valid UTF-8 text')]);
    expect(problems('id: c\n\nlabel: a\u0000\n')).toEqual([whole(3, 9, 'input.encoding', 'file contains a NUL byte: not a text file')]);
  });

  it('a byte order mark is dropped: columns on the first line are counted as without it', () => {
    expect(first('\uFEFFid: a\u0000')).toBe('input.encoding 1:6');
    expect(first('\uFEFFid: \uFFFD')).toBe('input.encoding 1:5');
    expect(source('\uFEFFid: c\n').locate(['id'])).toEqual({ line: 1, col: 5 });
  });
});

describe('the nesting limit read from the raw text', () => {
  const limit = LIMITS.maxScannedDepth;

  it('tabs in the indentation count like spaces', () => {
    expect(first(`a:\n${'\t'.repeat(limit + 1)}x\n`)).toBe(`input.too-deep 2:${limit + 1}`);
  });

  it('a dash that ends its line opens a level, like a dash followed by a space', () => {
    expect(first(`${'- '.repeat(limit / 2)}-\n`)).toBe(`input.too-deep 1:${limit + 1}`);
  });

  it('braces count like brackets, and closed braces do not add up', () => {
    expect(first('{'.repeat(limit + 1))).toBe(`input.too-deep 1:${limit + 1}`);
    expect(first(`a: [${'{}, '.repeat(limit * 2)}]\n`)).toBe('ok');
  });

  it('only a closing bracket closes a level: the words and commas between brackets do not', () => {
    expect(first(`a: ${'[b, '.repeat(limit + 1)}\n`)).toBe(`input.too-deep 1:${3 + 4 * limit + 1}`);
  });

  it('stray closing brackets earlier in the file leave no room for deeper nesting later', () => {
    expect(first(`note: "${']'.repeat(20)}"\nlist: ${'['.repeat(limit + 1)}\n`)).toBe(`input.too-deep 2:${6 + limit + 1}`);
  });

  it('ordinary text is not nesting: a paragraph of one-letter words, a rule of dashes', () => {
    expect(first(`text: >\n  ${'a '.repeat(limit)}\n`)).toBe('ok');
    expect(first(`note: |\n  ${'-'.repeat(limit + 10)}\n`)).toBe('ok');
  });
});

describe('YAML problems', () => {
  it('a syntax problem is located, belongs to no field, and keeps the parser\'s one-line message', () => {
    expect(problems('a: 1\na: 2\n')).toEqual([whole(2, 1, 'yaml.syntax', 'Map keys must be unique')]);
    expect(problems('id: [c\n')).toEqual([whole(2, 1, 'yaml.syntax', 'Flow sequence in block collection must be sufficiently indented and end with a ]')]);
  });

  it('at most twenty syntax problems are reported, the first twenty in the file', () => {
    const p = problems('a: 1\n'.repeat(30));
    expect(p).toHaveLength(20);
    expect(p.map((x) => x.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('strict YAML: a comment glued to a value is refused', () => {
    expect(problems('id: "c"# note\n')).toEqual([whole(1, 8, 'yaml.syntax', 'Comments must be separated from other tokens by white space characters')]);
    expect(first('id: "c" # note\n')).toBe('ok');
  });

  it('keys are compared as YAML values: 1 and 1.0, null and ~ are the same key', () => {
    expect(problems('1: a\n1.0: b\n')).toEqual([whole(2, 1, 'yaml.syntax', 'Map keys must be unique')]);
    expect(problems('null: a\n~: b\n')).toEqual([whole(2, 1, 'yaml.syntax', 'Map keys must be unique')]);
  });

  it('an alias bomb is refused with the limit, not expanded', () => {
    const refs = `a: &a x\nb: [${Array(LIMITS.maxAliases).fill('*a').join(', ')}]\n`;
    expect(problems(refs)).toEqual([whole(1, 1, 'yaml.aliases', 'too many aliases (more than 100): refused rather than expanded')]);
  });

  it('an alias to an anchor that does not exist (yet) is a syntax problem on the alias, naming it, not "too many aliases"', () => {
    expect(problems('a: *b\n')).toEqual([whole(1, 4, 'yaml.syntax', 'Unresolved alias (the anchor must be set before the alias): b')]);
    expect(problems('a: &x 1\nb:\n  - *x\n  - *y\n')).toEqual([whole(4, 5, 'yaml.syntax', 'Unresolved alias (the anchor must be set before the alias): y')]);
    expect(problems('a: *x\nb: &x 1\n')).toEqual([whole(1, 4, 'yaml.syntax', 'Unresolved alias (the anchor must be set before the alias): x')]);
  });

  it('a map key nested too deeply counts like a value nested too deeply', () => {
    const depth = LIMITS.maxDepth + 1;
    // The map is level 1, so the key's brackets are levels 2, 3, …: the 64th bracket is level 65.
    expect(first(`? ${'['.repeat(depth)}${']'.repeat(depth)}\n: x\n`)).toBe(`input.too-deep 1:${2 + LIMITS.maxDepth}`);
  });

  it('a key naming JavaScript object machinery is refused by name, in any list item', () => {
    expect(problems('offences:\n  - id: o1\n  - id: o2\n    constructor: x\n')).toEqual([
      { file: 'f.yaml', line: 4, col: 5, path: 'offences[1].constructor', code: 'input.reserved-key', message: '"constructor" is not a field of this file (reserved name)' },
    ]);
  });
});

describe('locating a field', () => {
  const s = source('id: c\noffences:\n  - id: o1\n  - id: o2\nperson:\n  birth_date: 1990-01-01\n');

  it('a problem about the whole document points where the document begins, after leading comments', () => {
    expect(problemAt(source('# a case\n\nfoo\n'), [], 'schema.type', 'expected object')).toEqual(whole(3, 1, 'schema.type', 'expected object'));
    expect(problemAt(source('  [1, 2]\n'), [], 'x', 'm')).toMatchObject({ line: 1, col: 3 });
  });

  it('in an empty document everything is at 1:1', () => {
    const empty = source('');
    expect(empty.value).toBeNull();
    expect(empty.locate([])).toEqual({ line: 1, col: 1 });
    expect(empty.locate(['id'])).toEqual({ line: 1, col: 1 });
    expect(source('# only a comment\n').locate(['offences', 0])).toEqual({ line: 1, col: 1 });
  });

  it('a field written without a value in a flow map, or as an explicit key, is located on its name', () => {
    const t = source('trafficking: { victim }\nperson:\n  ? prior_record\n');
    expect(t.value).toEqual({ trafficking: { victim: null }, person: { prior_record: null } });
    expect(t.locate(['trafficking', 'victim'])).toEqual({ line: 1, col: 16 });
    expect(t.locate(['person', 'prior_record'])).toEqual({ line: 3, col: 5 });
  });

  it('a key written as an alias is not taken for a field of some other name', () => {
    // yaml gives an alias no value of its own: indexed by it, the alias key would pass for a field named "undefined".
    const s2 = source('a: &k b\ne: { *k : x, undefined: 1 }\nf: { undefined: 1, *k : x }\n');
    expect(s2.locate(['e', 'undefined'], true)).toEqual({ line: 2, col: 14 });
    expect(s2.locate(['f', 'undefined'], true)).toEqual({ line: 3, col: 6 });
    // A field "undefined" that is missing is located at its parent, not at the alias key.
    expect(source('a: &k b\ne: { *k : x }\n').locate(['e', 'undefined'])).toEqual({ line: 2, col: 4 });
  });

  it('a path that runs below a plain value stops at that value', () => {
    expect(s.locate(['id', 0])).toEqual({ line: 1, col: 5 });
    expect(s.locate(['id', 'x'])).toEqual({ line: 1, col: 5 });
    expect(s.locate(['offences', 0, 'id', 3])).toEqual({ line: 3, col: 9 });
  });

  it('a list is indexed by numbers only: the name "1" is not its second item', () => {
    expect(s.locate(['offences', 1])).toEqual({ line: 4, col: 5 });
    expect(s.locate(['offences', '1'])).toEqual({ line: 3, col: 3 });
  });

  it('on a key: the key of the last field; a list item has no key, so the item; a missing field, its parent value', () => {
    expect(s.locate(['person', 'birth_date'], true)).toEqual({ line: 6, col: 3 });
    expect(s.locate(['offences', 1], true)).toEqual({ line: 4, col: 5 });
    expect(s.locate(['person', 'nope'], true)).toEqual({ line: 6, col: 3 }); // person's value, not its key at 5:1
    expect(s.locate(['id', 'nope'], true)).toEqual({ line: 1, col: 5 });
  });
});
