/** Sabotage: the evaluator holds a prior record against the person. The "perfect victim" property must notice. */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/facts.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/facts.js')>();
  return {
    ...m,
    offenceFacts: (...a: Parameters<typeof m.offenceFacts>) => {
      const f = m.offenceFacts(...a);
      return a[0].person?.prior_record ? { ...f, victim: false } : f;
    },
  };
});

describe('sabotage: a prior record counts against the person', () => {
  it('makes the "perfect victim" property fail', async () => {
    await expectCaught('perfectVictim', /expected/);
  });
});
