/**
 * The safety net: if json-rules-engine and the fast path ever disagree on a provision, the evaluation
 * stops with an internal error rather than report either answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law } from '../helpers.js';

vi.mock('../../src/engine/reference.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/engine/reference.js')>();
  return {
    ...m,
    // The reference run reports the opposite requirement value for every provision.
    runReference: async (...a: Parameters<typeof m.runReference>) => {
      const out = await m.runReference(...a);
      return new Map([...out].map(([id, v]) => [id, { ...v, R: v.R === 'T' ? 'F' : 'T' }]));
    },
  };
});

describe('json-rules-engine and the fast path must agree', () => {
  it('a disagreement stops the evaluation with eval.engines-disagree, naming the provision', async () => {
    const gbEw = new Map([['gb-ew', compileJurisdiction(law().file('gb-ew'))]]);
    const c: CaseFile = { id: 'd', as_of: '2026-11-28', offences: [{ id: 'o1', category: 'theft', disposition: 'charged' }] };
    const run = (engine: 'reference' | 'fast') => evaluateCase(c, gbEw, law().catalogue, { jurisdictions: ['gb-ew'], rules: { version: 't', digest: 't' }, engine });
    await expect(run('reference')).rejects.toMatchObject({ code: 'eval.engines-disagree' });
    await expect(run('reference')).rejects.toThrow(new RegExp(`^internal error: json-rules-engine and the fast path disagree on ${law().file('gb-ew').provisions[0]!.id}$`));
    await expect(run('fast')).resolves.toMatchObject({ results: [{ jurisdiction: 'gb-ew' }] });
  });
});
