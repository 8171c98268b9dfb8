/**
 * The fuzzers for what issue 9 found the others missed: control and bidi characters in every string field
 * (of a case and of a law), self-referencing and expanding aliases, very wide mappings and lists, dates at
 * the edges of the accepted range, and special files. Each input gives a report whose every line is inert,
 * or located problems on inert lines — never an internal error, a hang, or unbounded work.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../../src/cli/main.js';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import { MAX_DATE, MIN_DATE } from '../../src/law/dates.js';
import { parseCase } from '../../src/load/case.js';
import { readText } from '../../src/load/files.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { formatProblem } from '../../src/load/problems.js';
import { LIMITS, parseSource } from '../../src/load/source.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { cat, holds, lawAndCase, rules } from '../properties/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'np-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Characters that act on a terminal or reorder text (tab and newline are only allowed as our own layout). */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const hostileChar = fc.constantFrom('\u001b[2J', '\u001b]0;title\u0007', '\u009b1m', '\n', '\r', '\t', '\u202e', '\u2066', '\u2069', '\u200f', '\u061c', '\u2028', '\u0008', '\u007f', '\ufeff', '\u000b');
const hostileText = fc.array(fc.oneof(hostileChar, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false });
  return { code, stdout, stderr };
}

/** Every string-valued path in a value, and a copy with the string at one of them changed. */
function stringPaths(v: unknown, p: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === 'string') out.push(p);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...p, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, [...p, k], out);
  return out;
}
function withString<T>(v: T, path: (string | number)[], change: (s: string) => string): T {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path.at(-1)!] = change(node[path.at(-1)!] as string);
  return copy as T;
}

describe('control and bidi characters in every string field', () => {
  it('of a case: the check gives a report or located problems, and not one active character reaches either stream', () =>
    holds(
      fc.asyncProperty(lawAndCase.filter((g) => !g.law.generated), fc.nat(), hostileText, fc.nat(), fc.constantFrom('text', 'markdown'), async ({ law, case: c }, pick, evil, at, format) => {
        const paths = stringPaths(c);
        const path = paths[pick % paths.length]!;
        const hostile = withString(c, path, (s) => s.slice(0, at % (s.length + 1)) + evil + s.slice(at % (s.length + 1)));
        const file = join(dir, 'hostile-case.yaml');
        writeFileSync(file, stringify(hostile));
        const r = await cli(['check', file, '--jurisdiction', law.id, '--format', format]);
        expect([0, 2]).toContain(r.code);
        expect(r.stdout).not.toMatch(ACTIVE);
        expect(r.stderr).not.toMatch(ACTIVE);
        for (const line of r.stderr.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^\S.*:\d+:\d+ {2}/);
      }),
      15,
    ));

  it('of a law: the loader locates or accepts it, and the text and markdown reports stay inert', () =>
    holds(
      fc.asyncProperty(lawAndCase, fc.nat(), hostileText, async ({ law, case: c }, pick, evil) => {
        const paths = stringPaths(law.file).filter((p) => !['id', 'instrument', 'relief', 'discretion', 'nexus'].includes(String(p.at(-1))));
        const path = paths[pick % paths.length]!;
        const file = withString(law.file, path, (s) => `${s}${evil}`);
        const loaded = parseJurisdiction(`${law.id}.yaml`, stringify(file), cat);
        if (!loaded.ok) for (const p of loaded.problems) expect(formatProblem(p)).not.toMatch(ACTIVE);
        const report = await evaluateCase(c, new Map([[law.id, compileJurisdiction(file)]]), cat, { jurisdictions: [law.id], rules, engine: 'fast' });
        expect(renderText(report, { color: false })).not.toMatch(ACTIVE);
        expect(renderMarkdown(report)).not.toMatch(ACTIVE);
      }),
      40,
    ));
});

/** A YAML document of nested lists and mappings where some nodes carry anchors and later ones alias any anchor set before — an ancestor included. */
const aliased = fc
  .array(fc.record({ kind: fc.constantFrom('seq', 'map', 'scalar', 'alias', 'close'), anchor: fc.boolean(), target: fc.nat(), width: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 40 })
  .map((steps) => {
    const anchors: string[] = [];
    const out: string[] = [];
    let open = 0;
    steps.forEach((s, i) => {
      const sep = out.length && !out.at(-1)!.endsWith('[') ? ', ' : '';
      if (s.kind === 'close' && open > 0) {
        out.push(']');
        open--;
        return;
      }
      const anchor = s.anchor ? `&a${i} ` : '';
      if (s.anchor) anchors.push(`a${i}`);
      if (s.kind === 'seq' || s.kind === 'map') {
        out.push(`${sep}${anchor}[`);
        open++;
      } else if (s.kind === 'alias' && anchors.length) out.push(`${sep}*${anchors[s.target % anchors.length]}`);
      else out.push(`${sep}${anchor}[${Array(s.width).fill('x').join(', ')}]`);
    });
    return `root: [${out.join('')}${']'.repeat(open)}]\n`;
  });

describe('aliases that refer to themselves or expand', () => {
  it('are refused (a cycle at its alias, an expansion past the limit) or give finite data within the limit', () =>
    holds(
      fc.asyncProperty(aliased, async (text) => {
        const r = parseSource('aliases.yaml', text);
        if (!r.ok) {
          expect(r.problems[0]!.code).toMatch(/^yaml\.(cyclic-alias|aliases|syntax)$|^input\.too-many-values$/);
          expect(r.problems[0]!.line).toBeGreaterThanOrEqual(1);
          return;
        }
        let count = 0;
        const seen = new Set<unknown>();
        const walk = (v: unknown): void => {
          count++;
          if (seen.has(v)) return; // shared, not cyclic: aliases reuse nodes
          if (Array.isArray(v)) {
            seen.add(v);
            v.forEach(walk);
          }
        };
        walk(r.source.value);
        expect(count).toBeLessThanOrEqual(LIMITS.maxNodes);
        expect(() => JSON.stringify(r.source.value)).not.toThrow();
      }),
      150,
    ));
});

describe('very wide mappings and lists', () => {
  it('either side of the value limit: built and checked below it, refused from the tokens above it', () =>
    holds(
      fc.asyncProperty(fc.constantFrom(0.2, 0.5, 1.1, 4), fc.constantFrom('map', 'list', 'flow-map'), async (factor, shape) => {
        const n = Math.floor((factor * LIMITS.maxNodes) / 3);
        const body =
          shape === 'map' ? Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n') : shape === 'list' ? `x:\n${'  - 1\n'.repeat(n * 1.5)}` : `x: {${Array.from({ length: n }, (_, i) => `k${i}: 1`).join(', ')}}`;
        const r = parseCase('wide.yaml', `id: c\n${body}\n`, cat);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.problems.length).toBeLessThanOrEqual(101);
          if (factor > 1) expect(r.problems.map((p) => p.code)).toEqual(['input.too-many-values']);
          else if (shape !== 'map') expect(r.problems.map((p) => `${p.code} ${p.path}`)).toContain('schema.unknown-key x');
          else {
            expect(r.problems).toHaveLength(101); // the first 100, then "and N more", located
            expect(r.problems.at(-1)!.code).toBe('input.more-problems');
          }
        }
      }),
      4,
    ));
});

const edgeDate = fc.oneof(
  fc.constantFrom(MIN_DATE, MAX_DATE, '1799-12-31', '9500-01-01', '0000-01-01', '0050-06-15', '9999-12-31', '1800-02-29', '2000-02-29', '9496-02-29', '9499-02-29'),
  fc.tuple(fc.constantFrom(1800, 1801, 9498, 9499), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

describe('dates at the edges of the accepted range', () => {
  it('in any date field: refused where it stands, or a report (exit 0) — never an internal error', () =>
    holds(
      fc.asyncProperty(lawAndCase.filter((g) => !g.law.generated), fc.array(fc.tuple(fc.nat(), edgeDate), { minLength: 1, maxLength: 3 }), async ({ law, case: c }, changes) => {
        let hostile = structuredClone(c) as Record<string, unknown>;
        const datePaths = stringPaths(c).filter((p) => /date|as_of|start|end/.test(String(p.at(-1))));
        fc.pre(datePaths.length > 0);
        for (const [pick, date] of changes) hostile = withString(hostile, datePaths[pick % datePaths.length]!, () => date);
        const file = join(dir, 'edge-dates.yaml');
        writeFileSync(file, stringify(hostile));
        const r = await cli(['check', file, '--jurisdiction', law.id, '--format', 'json']);
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/edge-dates\.yaml:\d+:\d+ {2}\S+ {2}(date out of the range|not a real calendar date|.*\b(before|after)\b)/);
        else expect(JSON.parse(r.stdout).results[0].offences.length).toBe(c.offences.length);
      }),
      15,
    ));
});

describe('special files', () => {
  const fifo = join(dir, 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);
  const folder = join(dir, 'folder.yaml');
  mkdirSync(folder);
  const link = join(dir, 'link.yaml');
  symlinkSync('/dev/zero', link);
  const regular = join(dir, 'regular.yaml');
  writeFileSync(regular, 'id: c\noffences: [{ id: o1, category: theft }]\n');
  const specials = ['/dev/zero', '/dev/null', '/dev/urandom', '/dev/full', fifo, folder, link, '/proc/self/fd/0'];
  it('are refused without being read, among regular files, in any order, by every command that reads files', () =>
    holds(
      fc.asyncProperty(fc.array(fc.constantFrom(...specials, regular), { minLength: 1, maxLength: 5 }), fc.constantFrom('check', 'validate'), async (files, command) => {
        const r = await cli([command, ...files, ...(command === 'check' ? ['--jurisdiction', 'gb-ew'] : [])]);
        const refused = files.filter((f) => f !== regular);
        if (refused.length) {
          expect(r.code).toBe(2);
          for (const f of refused) expect(r.stderr).toContain(`${f}:1:1  is a`);
        } else expect([0, 2]).toContain(r.code);
        for (const f of refused) expect(readText(f).ok).toBe(false);
      }),
      30,
    ));
});
