/**
 * Reading YAML and JSON with positions: a problem points at the value (or, for an unknown field, at its
 * key), at the nearest existing parent when the field is missing, and pathological documents are refused
 * before they can hurt.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, parseSource, problemAt } from '../../src/load/source.js';

const source = (text: string) => {
  const r = parseSource('f.yaml', text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.source;
};
const first = (text: string) => {
  const r = parseSource('f.yaml', text);
  return r.ok ? 'ok' : `${r.problems[0]!.code} ${r.problems[0]!.line}:${r.problems[0]!.col}`;
};

describe('positions', () => {
  const s = source('id: c\noffences:\n  - id: o1\n    answers: { due-diligence: true }\n  - id: o2\nperson:\n  birth_date: 1990-01-01\n');
  it('points at values, keys, list items and the nearest parent of a missing field', () => {
    expect(s.locate(['id'])).toEqual({ line: 1, col: 5 });
    expect(s.locate(['id'], true)).toEqual({ line: 1, col: 1 });
    expect(s.locate(['offences', 1, 'id'])).toEqual({ line: 5, col: 9 });
    expect(s.locate(['offences', 0, 'answers', 'due-diligence'])).toEqual({ line: 4, col: 31 });
    expect(s.locate(['offences', 0, 'answers', 'due-diligence'], true)).toEqual({ line: 4, col: 16 });
    expect(s.locate(['person', 'birth_date'])).toEqual({ line: 7, col: 15 });
    expect(s.locate(['offences', 1, 'category'])).toEqual({ line: 5, col: 5 }); // missing: its offence
    expect(s.locate(['offences', 7, 'id'])).toEqual({ line: 3, col: 3 }); // no such item: the list
    expect(s.locate(['nothing', 'here'])).toEqual({ line: 1, col: 1 });
    expect(problemAt(s, ['person', 'birth_date'], 'x.y', 'm')).toEqual({ file: 'f.yaml', line: 7, col: 15, path: 'person.birth_date', code: 'x.y', message: 'm' });
  });
  it('a key with no value is located just after it', () => {
    expect(source('id: c\nperson:\n').locate(['person'])).toEqual({ line: 2, col: 8 }); // just after the colon
  });
  it('reads JSON with the same positions, and a BOM changes nothing', () => {
    const j = source('{"id": "c",\n "offences": [{"id": "o1"}]}');
    expect(j.value).toEqual({ id: 'c', offences: [{ id: 'o1' }] });
    expect(j.locate(['offences', 0, 'id'])).toEqual({ line: 2, col: 22 });
    expect(source('\uFEFFid: c\n').value).toEqual({ id: 'c' });
  });
});

describe('refused before parsing or while parsing', () => {
  it('NUL bytes and replacement characters (what invalid UTF-8 decodes to), with their position', () => {
    expect(first('id: c\nlabel: a\u0000b\n')).toBe('input.encoding 2:9');
    expect(first('id: c\n\nlabel: \uFFFD\n')).toBe('input.encoding 3:8');
  });
  it('nesting beyond the limit, by indentation, by list dashes, by brackets', () => {
    const limit = LIMITS.maxScannedDepth;
    expect(first(`${'- '.repeat(limit / 2 + 1)}x\n`)).toBe(`input.too-deep 1:${limit + 1}`);
    expect(first(`a:\n${' '.repeat(limit - 3)}${'['.repeat(4)}${']'.repeat(4)}\n`)).toBe(`input.too-deep 2:${limit + 1}`);
    expect(first(`${'['.repeat(limit + 1)}`)).toBe(`input.too-deep 1:${limit + 1}`);
    // Closed brackets do not add up; a dash inside a line is not a list indicator; `?` keys count like dashes.
    expect(first(`a: [${'[], '.repeat(limit * 2)}]\n`)).toBe('ok');
    expect(first(`a: ${'-x '.repeat(limit)}\n`)).toBe('ok');
    expect(first(`${'? '.repeat(limit / 2 + 1)}x\n`)).toBe(`input.too-deep 1:${limit + 1}`);
    expect(first(`${'['.repeat(LIMITS.maxDepth + 1)}${']'.repeat(LIMITS.maxDepth + 1)}`)).toBe(`input.too-deep 1:${LIMITS.maxDepth + 1}`);
    expect(first(`${'['.repeat(LIMITS.maxDepth)}${']'.repeat(LIMITS.maxDepth)}`)).toBe('ok');
  });
  it('aliases below the limit are resolved; beyond it the document is refused, not expanded', () => {
    const refs = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(first(refs(LIMITS.maxAliases - 1))).toBe('ok');
    expect(first(refs(LIMITS.maxAliases))).toBe('yaml.aliases 1:1');
    expect(first(refs(LIMITS.maxAliases * 50))).toBe('yaml.aliases 1:1');
  });
  it('an alias inside the node it names is refused at the alias (a walk over it would never end)', () => {
    expect(first('a: &a [*a]\n')).toBe('yaml.cyclic-alias 1:8');
    expect(first('id: c\noffences: &o\n  - id: o1\n    more: *o\n')).toBe('yaml.cyclic-alias 4:11');
    expect(first('m: &m { self: *m }\n')).toBe('yaml.cyclic-alias 1:15');
    // An alias to a finished node is fine, also the same anchor name set again later.
    expect(first('a: &a [x]\nb: *a\nc: &a [y]\nd: [*a, *a]\n')).toBe('ok');
  });
  it('aliases are counted by what they expand to, not one each', () => {
    const big = Array.from({ length: 2000 }, (_, i) => `x${i}`).join(', ');
    const refs = (n: number) => `a: &a [${big}]\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(first(refs(40))).toBe('ok'); // about 82,000 values once expanded
    expect(first(refs(60))).toBe('yaml.aliases 2:4'); // about 122,000: refused at the list that would pass the limit
  });
  it('a document with more values than the limit is refused from its tokens, before it is built', () => {
    // The largest accepted document is built and read in tests/resources.test.ts (in a process of its own).
    expect(first(`a: [${'x,'.repeat(1000)}x]\n`)).toBe('ok');
    expect(first(`a: [${'x,'.repeat(LIMITS.maxNodes - 3)}x]\n`)).toBe(`input.too-many-values 1:${2 * LIMITS.maxNodes - 1}`);
    expect(first(`a: [${'x,'.repeat(LIMITS.maxNodes)}x]\n`)).toMatch(/^input\.too-many-values 1:\d+$/);
    expect(first(`${'- x\n'.repeat(LIMITS.maxNodes + 1)}`)).toBe(`input.too-many-values ${LIMITS.maxNodes / 2 + 1}:1`); // a dash and an item per line;
  });
  it('unknown tags are errors, not plain text', () => {
    expect(first('id: c\nlabel: !evil theft\n')).toBe('yaml.tag 2:8');
    expect(first('f: !!js/function "function(){}"\n')).toBe('yaml.tag 1:4');
    // YAML 1.1 tags the parser knows would give a Buffer, a Set, a Map or a Date, whose contents a schema reads as
    // an empty mapping (answers silently dropped): refused like any other tag.
    for (const t of ['!!binary aGk=', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2020-01-01', '!!pairs [a: 1]']) expect(first(`a: ${t}\n`)).toBe('yaml.tag 1:4');
    expect(first('a: !!str 1\nb: ! x\n')).toBe('ok');
    const r = parseSource('f.yaml', 'a: !x 1\n');
    expect(!r.ok && r.problems[0]!.message).toBe('Unresolved tag: !x: tags are not part of this file format');
  });
  it('every repeated key of a mapping is reported, keys compared as the text they become', () => {
    const r = parseSource('f.yaml', 'a: 1\nb: 2\na: 3\nb: 4\n"1": x\n1: y\n');
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual(['3:1 Map keys must be unique', '4:1 Map keys must be unique', '6:1 Map keys must be unique']);
  });
  it('syntax errors, duplicate keys and several documents are located', () => {
    expect(first('id: [c\n')).toMatch(/^yaml\.syntax 2:1|^yaml\.syntax 1:/);
    expect(first('id: a\nid: b\n')).toBe('yaml.syntax 2:1');
    expect(first('id: a\n---\nid: b\n')).toMatch(/^yaml\.syntax 2:1/);
    const r = parseSource('f.yaml', 'a: [\nb: ]]\n');
    expect(r.ok ? [] : r.problems.every((p) => p.file === 'f.yaml' && p.message.length > 0 && !/ at line \d+/.test(p.message))).toBe(true);
  });
  it('keys naming JavaScript object machinery are refused on the key, wherever they are', () => {
    expect(first('id: c\noffences:\n  - id: o1\n    constructor: x\n')).toBe('input.reserved-key 4:5');
    expect(first('{"a": [{"__proto__": 1}]}')).toBe('input.reserved-key 1:9');
    expect(first('prototype: 1\n')).toBe('input.reserved-key 1:1');
  });
});
