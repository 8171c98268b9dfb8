/** The same bad inputs through `run` in-process: the same exit code and located lines as the binary. */
import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { badInputDir, cases, expectBad } from './bad-input-cases.js';

afterAll(() => rmSync(badInputDir, { recursive: true, force: true }));

describe('bad input, in-process', () => {
  for (const c of cases)
    it(c.name, async () => {
      let stdout = '';
      let stderr = '';
      const code = await run(c.args(), { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false, stdinIsTTY: false, readStdin: async () => c.input ?? '' });
      expectBad(c, { code, stdout, stderr });
    });
});
