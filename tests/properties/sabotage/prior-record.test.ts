/** Sabotage: the evaluator holds a prior record against the person. The "perfect victim" property must notice. */
import { describe, expect, it, vi } from 'vitest';
import { propertiesThatFail } from './run.js';

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
    expect(await propertiesThatFail(['perfectVictim'])).toEqual(['perfectVictim']);
  });
});
