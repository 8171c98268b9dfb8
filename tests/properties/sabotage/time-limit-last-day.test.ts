/**
 * Sabotage: a time limit's last day excluded — an application on the last day counts as late. The atom
 * oracle (withinTimeLimit, on the last day and the day after) must notice. Also caught by (checked by
 * running it with this mock): tests/unit/atoms.test.ts ('time limits: … the last day counts'). No golden
 * scenario can catch it: no shipped law has a time limit (conditions.time_limit) today.
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/atoms.js', async () =>
  (await import('./mutant.js')).mutant('src/engine/atoms.ts', [["return f.asOf <= deadline ? 'T' : 'F';", "return f.asOf < deadline ? 'T' : 'F';"]]),
);

describe('sabotage: the last day to apply is already too late', () => {
  it('makes the withinTimeLimit oracle property fail', async () => {
    await expectCaught('withinTimeLimit', /withinTimeLimit\(.*engine F, every completion gives (T|U)/);
  });
});
