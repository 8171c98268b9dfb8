/** Sabotage: the evaluator reads the nexus ladder upside down. The nexus-ladder property must notice. */
import { describe, expect, it, vi } from 'vitest';
import { propertiesThatFail } from './run.js';

vi.mock('../../../src/vocabulary.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/vocabulary.js')>();
  return { ...m, nexusRank: (n: (typeof m.NEXUS)[number]) => m.NEXUS.indexOf(n) };
});

describe('sabotage: flip the nexus order', () => {
  it('makes the nexus ladder fail', async () => {
    expect(await propertiesThatFail(['nexusLadder'])).toEqual(['nexusLadder']);
  });
});
