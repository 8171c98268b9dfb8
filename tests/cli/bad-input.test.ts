/**
 * Bad input of every kind through the real binary: exit code 2, one located line per problem
 * (file:line:col  field.path  message), never a stack trace, nothing on stdout.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { badInputDir, cases, expectBad } from './bad-input-cases.js';
import { cli } from './run-binary.js';

afterAll(() => rmSync(badInputDir, { recursive: true, force: true }));

describe('bad input gives exit 2 and a located one-line message, never a stack trace', () => {
  it('covers at least twenty kinds of bad input', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const c of cases) it(c.name, () => expectBad(c, cli(c.args(), { input: c.input ?? '' })));
});
