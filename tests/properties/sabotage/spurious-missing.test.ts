/** Sabotage: the evaluator names a fact as missing that no check needs. The relevance property must notice. */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/explain.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/explain.js')>();
  return { ...m, checkUnknowns: (...a: Parameters<typeof m.checkUnknowns>) => [...m.checkUnknowns(...a), 'trafficking.cooperating_with_authorities'] };
});

describe('sabotage: list a fact that does not matter', () => {
  it('makes "missing lists only facts that matter" fail', async () => {
    await expectCaught('missingFactsMatter', /no answer to trafficking\.cooperating_with_authorities changes the outcome/);
  });
});
