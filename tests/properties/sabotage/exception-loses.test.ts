/**
 * Sabotage: an exception loses to eligibility — a provision whose requirements are all met comes out
 * eligible even though an exception list names the offence. "Exceptions win" must notice, on a case built to
 * meet the provision. Also caught by (checked by running them with this mock): tests/unit/exceptions.test.ts
 * (provisionOutcome('T', 'T') is 'excluded'), tests/unit/evaluate.test.ts, and 16 golden scenarios with an
 * otherwise-met excluded provision (gb-ew/schedule4-robbery, us-ca/robbery-excluded, us-fl/mg-kidnapping-charge-excluded, …).
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/evaluate.js', async () =>
  (await import('./mutant.js')).mutant('src/engine/evaluate.ts', [
    ["  if (E === 'T') return 'excluded';\n", "  if (R === 'T') return 'eligible';\n  if (E === 'T') return 'excluded';\n"],
  ]),
);

describe('sabotage: an exception loses to eligibility', () => {
  it('makes "exceptions win" fail', async () => {
    await expectCaught('exceptionsWin', /expected 'eligible' to be 'excluded'/);
  });
});
