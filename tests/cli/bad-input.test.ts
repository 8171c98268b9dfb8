/**
 * Bad input of every kind through the real binary: exit code 2, one located line per problem
 * (file:line:col  field.path  message), never a stack trace, nothing on stdout.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { afterAll, describe, expect, it } from 'vitest';
import { badInputDir, cases, expectBad } from './bad-input-cases.js';
import { cliAsync } from './run-binary.js';

afterAll(() => rmSync(badInputDir, { recursive: true, force: true }));

describe('bad input gives exit 2 and a located one-line message, never a stack trace', () => {
  it('covers at least twenty kinds of bad input, as many as the README says', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`${cases.length} kinds of bad input`);
  });
  for (const c of cases) it.concurrent(c.name, async () => expectBad(c, await cliAsync(c.args(), { input: c.input ?? '' })));
});
