/** A few random and damaged inputs through the real binary: exit 2 and a located message, no crash. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { SEED } from '../properties/harness.js';
import { cli } from './run-binary.js';

const dir = mkdtempSync(join(tmpdir(), 'np-bin-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the binary on random input', () => {
  it('random bytes, random YAML and traversing ids: exit 2 with file:line:col, never a stack trace', () => {
    const samples = fc.sample(fc.oneof(fc.uint8Array({ maxLength: 120 }), fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v)))), { seed: SEED, numRuns: 6 });
    samples.forEach((bytes, i) => {
      const file = join(dir, `random-${i}.yaml`);
      writeFileSync(file, bytes);
      const r = cli(['check', file, '--all']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
      expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    });
    const traversal = cli(['jurisdictions', 'show', '../../etc/passwd']);
    expect(traversal.code).toBe(2);
    expect(traversal.stderr).toContain('unknown jurisdiction');
  });

  it('deeply nested documents one after another in one process: each refused, the process never aborts', () => {
    // Before the raw-text depth scan, the second stack overflow in the YAML parser made V8 abort the process
    // ("RegExpCompiler allocation failed"), which no try/catch can catch.
    const script = `
      import { parseSource } from ${JSON.stringify(join(ROOT, 'dist', 'load', 'source.js'))};
      const docs = [['[', ']', 2000], ['[', ']', 5000], ['{a: ', '}', 5000], ['- ', '', 5000], ['[', ']', 5000]];
      for (const [open, close, n] of docs) {
        const r = parseSource('deep.yaml', open.repeat(n) + 'x' + close.repeat(n));
        process.stdout.write((r.ok ? 'ok' : r.problems[0].code) + '\\n');
      }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(Array(5).fill('input.too-deep'));
  });
});
