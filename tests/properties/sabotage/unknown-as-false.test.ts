/**
 * Sabotage: the evaluator reads an unknown requirement or exception as false — an open question becomes a
 * definite no. Information monotonicity must notice (a "not eligible" that an answer turns into eligible).
 * The edit is in provisionOutcome, so both engines give the same wrong answer and nothing crashes.
 * Also caught by (checked by running them with this mock): 20 golden scenarios that expect `undetermined`
 * (gb-ew/unknown-facts-burglary, us-ca/fear-of-harm-unknown, un-model/nexus-unknown, …), and the unit tests
 * tests/unit/exceptions.test.ts (provisionOutcome('T', 'U') is 'undetermined') and tests/unit/evaluate.test.ts.
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/evaluate.js', async () =>
  (await import('./mutant.js')).mutant('src/engine/evaluate.ts', [
    ["export function provisionOutcome(R: TV, E: TV): Outcome {\n", "export function provisionOutcome(R0: TV, E0: TV): Outcome {\n  const R: TV = R0 === 'U' ? 'F' : R0;\n  const E: TV = E0 === 'U' ? 'F' : E0;\n"],
  ]),
);

describe('sabotage: treat unknown as false', () => {
  it('makes information monotonicity fail by its assertion, not by a crash', async () => {
    await expectCaught('informationMonotonicity', /not-eligible → (eligible|undetermined)|excluded → (eligible|undetermined)|expected false to be true/);
  });
});
