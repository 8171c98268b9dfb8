/**
 * The README's "For drafters" section is true word for word: every output it shows is what the command
 * prints, and the loop that writes every view in five formats runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## For drafters'), readme.indexOf('\n## ', readme.indexOf('## For drafters') + 5));
const BIN = 'node bin/nonpunishment.js ';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false });
  return { code, stdout, stderr };
}

describe('README, For drafters', () => {
  const blocks = [...section.matchAll(/```text\n\$ (.*)\n([\s\S]*?)\n```/g)].map((m) => ({ command: m[1]!, shown: m[2]! }));
  it('shows the scorecard and both drafts', () => expect(blocks.map((b) => b.command.split(' ').slice(2, 4).join(' '))).toEqual(['score --card', 'impact --from', 'impact --from']));
  for (const b of blocks)
    it(`prints what it shows: ${b.command}`, async () => {
      expect(b.command.startsWith(BIN)).toBe(true);
      const r = await cli(b.command.slice(BIN.length).split(' '));
      expect(r.code, r.stderr).toBe(0);
      if (b.shown.startsWith('…\n') && b.shown.endsWith('\n…')) expect(r.stdout).toContain(b.shown.slice(2, -2));
      else expect(r.stdout).toBe(`${b.shown}\n`);
    });

  it('the loop runs: every view, and all five formats', async () => {
    const loop = section.match(/for f in (.*); do\n([\s\S]*?)\ndone/)!;
    const formats = loop[1]!.split(' ');
    expect(formats).toEqual(['text', 'markdown', 'csv', 'json', 'html']);
    const commands = loop[2]!.split('\n').map((l) => l.trim().replace(/ > drafting\/\S+$/, ''));
    expect(commands).toHaveLength(5);
    // Every command in JSON, and one of them in every format: the formats are one renderer each, shared by
    // every view (tests/cli/drafting*.test.ts render each view in them), so this keeps the run short.
    for (const [i, c] of commands.entries()) {
      expect(c.startsWith(BIN)).toBe(true);
      for (const f of i === commands.length - 1 ? formats : ['json']) {
        const r = await cli(c.slice(BIN.length).replace('$f', f).split(' '));
        expect(r.code, `${c} (${f}): ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(200);
        if (f === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
        if (f === 'html') expect(r.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
      }
    }
  }, 120_000);
});
