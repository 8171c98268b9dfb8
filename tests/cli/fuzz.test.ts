/**
 * The command line under random input, in-process (`run` never exits): any file content and any
 * arguments end with exit 0, 1 or 2 — never 3, never a stack trace — and every input problem is printed
 * as `file:line:col`. The command reads what it is given and writes nothing but its two streams.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { holds, lawAndCase } from '../properties/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'np-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false });
  return { code, stdout, stderr };
}

function expectCleanFailure(r: { code: number; stderr: string }, file?: string) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$|nonpunishment: internal error/m);
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/); // nothing from the input acts on the terminal
  if (r.code === 2) {
    expect(r.stderr.length).toBeGreaterThan(0);
    if (file) expect(r.stderr).toContain(`${file}:`);
  }
}

const example = readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8');

describe('check and validate on random files', () => {
  it('random or damaged case files: a located error with exit 2, or a report', () =>
    holds(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
          fc.tuple(fc.nat(example.length), fc.nat(30), fc.string({ maxLength: 6 })).map(([at, cut, s]) => example.slice(0, at) + s + example.slice(at + cut)),
        ),
        fc.constantFrom('check', 'validate'),
        async (text, command) => {
          const file = join(dir, 'case.yaml');
          writeFileSync(file, text);
          const r = await cli(command === 'check' ? ['check', file, '--format', 'json'] : ['validate', file]);
          expectCleanFailure(r, file);
          if (command === 'check' && r.code === 0) expect(() => JSON.parse(r.stdout)).not.toThrow();
        },
      ),
      60,
    ));

  it('every valid generated case gives a JSON report and exit 0 under its law', () =>
    holds(
      fc.asyncProperty(lawAndCase.filter((g) => !g.law.generated), fc.constantFrom('text', 'json', 'markdown', 'html'), async ({ law, case: c }, format) => {
        const file = join(dir, 'valid.yaml');
        writeFileSync(file, stringify(c));
        const r = await cli(['check', file, '--jurisdiction', law.id, '--format', format]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        if (format === 'json') expect(JSON.parse(r.stdout).results[0].offences).toHaveLength(c.offences.length);
      }),
      20,
    ));
});

describe('random arguments', () => {
  const words = fc.constantFrom('check', 'validate', 'jurisdictions', 'schema', 'show', 'list', '--all', '-j', '--jurisdiction', 'gb-ew', '../x', '--format', 'json', 'html', '--as-of', '2021-02-30', '2024-01-01', '--fail-on', 'eligible', 'nope', '--help', '-V', join(ROOT, 'examples', 'drug-courier.yaml'), join(dir, 'missing.yaml'), '--', '-', '', '__proto__', 'constructor', 'toString', 'case', 'report', '/dev/zero', '/dev/null', dir, '9999-12-31', '1799-12-31', '\u001b[2J', 'a\nb');
  it('any argument list ends with 0, 1 or 2, and writes no file', () =>
    holds(
      fc.asyncProperty(fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 6 }), async (args) => {
        const before = readdirSync(dir).sort();
        expectCleanFailure(await cli(args));
        expect(readdirSync(dir).sort()).toEqual(before);
      }),
      80,
    ));
});
