/**
 * Sabotage: `some` → `every` over the accepted means — a means the law does not list spoils the ones it
 * does. Means monotonicity (over provisions with an accepted list) must notice: an accepted means plus one
 * more, not accepted, comes out worse. Also caught by (checked by running them with this mock): the atom
 * oracle (meansSatisfied), tests/unit/atoms.test.ts ('means: none needed of a child …'), and 15 golden
 * scenarios — every edge-18th-birthday-means (no means shown: `every` over none is vacuously true) and the
 * coercive-control-only ones.
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/atoms.js', async () =>
  (await import('./mutant.js')).mutant('src/engine/atoms.ts', [
    ['f.means.some((m) => accepted === null || accepted.includes(m))', 'f.means.every((m) => accepted === null || accepted.includes(m))'],
  ]),
);

describe('sabotage: every means must be accepted', () => {
  it('makes means monotonicity fail', async () => {
    await expectCaught('meansMonotonicity', /\+means:/);
  });
  it('and the atom oracle for meansSatisfied', async () => {
    await expectCaught('meansSatisfied', /meansSatisfied\(/);
  });
});
