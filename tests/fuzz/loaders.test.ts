/**
 * Property 7 of DESIGN.md: any input gives a located, structured error or a valid value — never a crash,
 * a hang or a polluted prototype. Random text, random YAML/JSON values, mutated real files, wrong types
 * at random places, and the classic attacks (alias bombs, deep nesting, huge files, __proto__, invalid
 * UTF-8, traversing ids).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCase } from '../../src/load/case.js';
import { jurisdictionFile, readCase, readText } from '../../src/load/files.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { formatPath, InputError, type Problem } from '../../src/load/problems.js';
import { LIMITS, parseSource } from '../../src/load/source.js';
import { validateScenario } from '../../src/scenarios.js';
import { ROOT } from '../helpers.js';
import { cat, holds, L, lawAndCase, shipped } from '../properties/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'np-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A problem a user can act on: a file, a real position, a stable code, a message. */
function expectLocated(problems: Problem[], file: string) {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 1, `line of ${JSON.stringify(p)}`).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, `col of ${JSON.stringify(p)}`).toBe(true);
    expect(p.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/\n\s+at /); // no stack trace
  }
}

/** Every loader on one text: each returns a value or located problems, and never throws. */
function loadAll(name: string, text: string) {
  const outs: ({ ok: true } | { ok: false; problems: Problem[] })[] = [parseCase(name, text, cat), parseJurisdiction(name, text, cat)];
  const src = parseSource(name, text);
  if (src.ok) outs.push(validateScenario(src.source, L));
  for (const out of outs) if (!out.ok) expectLocated(out.problems, name);
  return outs;
}

const examples = ['drug-courier.yaml', 'child-cannabis-grow.yaml', 'unknown-facts.yaml'].map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
const lawTexts = ['cy', 'coe', 'gb-sct'].map((id) => readFileSync(join(ROOT, 'jurisdictions', `${id}.yaml`), 'utf8'));

/** Random edits of a real file: cut, insert, duplicate or swap lines, re-indent, change a character. */
const mutated = (texts: string[]) =>
  fc.record({ text: fc.constantFrom(...texts), edits: fc.array(fc.tuple(fc.nat(5), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })), { minLength: 1, maxLength: 4 }) }).map(({ text, edits }) => {
    let t = text;
    for (const [kind, a, b, s] of edits) {
      const lines = t.split('\n');
      const i = a % Math.max(1, lines.length);
      const j = b % Math.max(1, lines.length);
      const at = a % Math.max(1, t.length);
      if (kind === 0) t = t.slice(0, at) + t.slice(at + (b % 40));
      else if (kind === 1) t = t.slice(0, at) + s + t.slice(at);
      else if (kind === 2) t = [...lines.slice(0, i), lines[i]!, ...lines.slice(i)].join('\n');
      else if (kind === 3) [lines[i], lines[j]] = [lines[j]!, lines[i]!], (t = lines.join('\n'));
      else if (kind === 4) t = lines.map((l, k) => (k === i ? ` ${l}` : l)).join('\n');
      else t = t.slice(0, at) + (s[0] ?? '"') + t.slice(at + 1);
    }
    return t;
  });

describe('any input gives a value or located problems, never a crash', () => {
  it('random text', () =>
    holds(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => void loadAll('random.yaml', text)), 200));

  it('random YAML and JSON documents of any shape', () =>
    holds(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), async (value, json) => {
        const text = json ? JSON.stringify(value) : stringify(value);
        for (const out of loadAll('random.yaml', text)) expect(out.ok).toBe(false);
      }),
      150,
    ));

  it('mutated case files and jurisdiction files', () =>
    holds(fc.asyncProperty(mutated([...examples, ...lawTexts]), async (text) => void loadAll('mutated.yaml', text)), 150));

  it('a wrong type anywhere in a valid case is reported at that field', () =>
    holds(
      fc.asyncProperty(lawAndCase, fc.nat(), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.constant([1]), fc.constant({ x: 1 })), async ({ case: c }, pick, junk) => {
        // Every path to a value in the case, then one replaced by something of another type.
        const paths: (string | number)[][] = [];
        const walk = (v: unknown, p: (string | number)[]) => {
          if (p.length) paths.push(p);
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
        };
        walk(c, []);
        const path = paths[pick % paths.length]!;
        const broken = structuredClone(c) as Record<string, unknown>;
        let node: Record<string | number, unknown> = broken;
        for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
        const before = node[path.at(-1)!];
        fc.pre(typeof before !== typeof junk || Array.isArray(before) !== Array.isArray(junk) || (junk === null) !== (before === null));
        node[path.at(-1)!] = junk;
        const out = parseCase('broken.yaml', stringify(broken), cat);
        expect(out.ok, `${formatPath(path)} = ${JSON.stringify(junk)} was accepted`).toBe(false);
        if (!out.ok) {
          expectLocated(out.problems, 'broken.yaml');
          const where = formatPath(path);
          expect(out.problems.some((p) => where.startsWith(p.path) || p.path.startsWith(where)), `${where}: ${out.problems.map((p) => p.path).join(', ')}`).toBe(true);
        }
      }),
    ));
});

describe('attacks and limits', () => {
  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const out = parseCase('bomb.yaml', bomb, cat);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]!.code).toBe('yaml.aliases');
  });

  it('nesting deeper than the limit is refused in flow and in block style', () => {
    const depth = LIMITS.maxDepth + 5;
    const flow = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const block = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x';
    const hugeFlow = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const [name, text] of [['flow.yaml', flow], ['block.yaml', block], ['huge-flow.yaml', hugeFlow]] as const) {
      const out = parseCase(name, text, cat);
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expectLocated(out.problems, name);
        expect(out.problems[0]!.code, name).toBe('input.too-deep');
      }
    }
  });

  it('a file over the size limit is refused before parsing; long strings inside the limit are refused by field', () => {
    const big = parseCase('big.yaml', `id: x\nlabel: "${'a'.repeat(LIMITS.maxChars)}"`, cat);
    expect(!big.ok && big.problems[0]!.code).toBe('input.too-large');
    const long = parseCase('long.yaml', `id: x\noffences:\n  - id: o1\n    category: theft\n    label: "${'a'.repeat(100_000)}"`, cat);
    expect(!long.ok && long.problems.map((p) => p.path)).toEqual(['offences[0].label']);
  });

  it('__proto__, constructor and prototype keys are refused as unknown fields and pollute nothing', () =>
    holds(
      fc.asyncProperty(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('', 'person', 'trafficking', 'offences[0]', 'offences[0].answers'), fc.boolean(), async (key, where, json) => {
        const c: Record<string, unknown> = { id: 'x', offences: [{ id: 'o1', category: 'theft', answers: {} }], person: {}, trafficking: {} };
        const target = where === '' ? c : where === 'offences[0]' ? (c['offences'] as object[])[0]! : where === 'offences[0].answers' ? ((c['offences'] as Record<string, object>[])[0]!['answers'] as object) : (c[where] as object);
        const injected = inject(c, target, key, json);
        const out = parseCase(json ? 'p.json' : 'p.yaml', injected, cat);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(out.ok, injected).toBe(false);
        if (!out.ok) expectLocated(out.problems, json ? 'p.json' : 'p.yaml');
      }),
      30,
    ));

  it('invalid UTF-8 is refused with its position; a BOM and CRLF line ends read like plain text', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, Buffer.concat([Buffer.from('id: x\noffences:\n  - id: o1\n    category: theft\n    label: "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]));
    const r = readText(bad);
    expect(r.ok ? 'read' : r.problems[0]!.code).toBe('input.encoding');
    const plain = readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8');
    const crlf = join(dir, 'crlf.yaml');
    writeFileSync(crlf, `\uFEFF${plain.replace(/\n/g, '\r\n')}`);
    const a = readCase(crlf, cat);
    const b = parseCase('plain.yaml', plain, cat);
    expect(a.ok && b.ok && a.value).toEqual(b.ok && b.value);
  });

  it('jurisdiction ids are names, never paths: traversal, absolute paths and unknown ids are refused', () =>
    holds(
      fc.asyncProperty(fc.oneof(fc.constantFrom('../x', '../../etc/passwd', '/etc/passwd', 'gb-ew/../us-ny', 'gb-ew.yaml', '', '.', '..', 'GB-EW', 'gb-ew\u0000'), fc.string({ maxLength: 12 })), async (id) => {
        fc.pre(!shipped.some((s) => s.id === id));
        let problems: Problem[] = [];
        try {
          jurisdictionFile(id, cat);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          problems = (e as InputError).problems;
        }
        expect(problems.map((p) => p.code)).toEqual(['ref.unknown-jurisdiction']);
      }),
      100,
    ));
});

/** The case as YAML or JSON with `key: {polluted: true}` added to the object `target` (written as text, not assigned). */
function inject(c: Record<string, unknown>, target: object, key: string, json: boolean): string {
  (target as Record<string, unknown>)['placeholder-key'] = { polluted: true };
  const text = json ? JSON.stringify(c).replace('"placeholder-key"', JSON.stringify(key)) : stringify(c).replace('placeholder-key:', `${key}:`);
  delete (target as Record<string, unknown>)['placeholder-key'];
  return text;
}
