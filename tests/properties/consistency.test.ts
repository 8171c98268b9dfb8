/**
 * The consistency properties of DESIGN.md, on the fourteen shipped laws and on generated ones.
 * CI runs a fixed seed (FC_SEED, default 20261128) and FC_RUNS runs (default 40); `npm run test:deep`
 * runs many more. A failure prints a shrunk counterexample and the FC_SEED/FC_PATH that replay it.
 */
import { afterAll, describe, it } from 'vitest';
import { CI_RUNS, enginesAgree, exceptionsWin, informationMonotonicity, meansMonotonicity, missingFactsMatter, nexusLadder, perfectVictim, printPremises, reliefsCombine } from './consistency.js';
import { holds } from './harness.js';

afterAll(() => printPremises());

describe('consistency properties (shipped and generated laws)', () => {
  it('1. information monotonicity: answering unknown facts never undoes eligible, nor a definite no', () => holds(informationMonotonicity(), CI_RUNS.informationMonotonicity));
  it('1. missing lists only facts that matter: each can change the outcome of a provision that lists it', () => holds(missingFactsMatter(), CI_RUNS.missingFactsMatter));
  it('2. exceptions win: an offence an exception entry covers is excluded under that provision, even where it is otherwise eligible', () => holds(exceptionsWin(), CI_RUNS.exceptionsWin));
  it('3. nexus ladder: a stronger link never gives a worse outcome', () => holds(nexusLadder(), CI_RUNS.nexusLadder));
  it('4. means: adding a means or a coercive-control element never makes an outcome worse (laws with an accepted list)', () => holds(meansMonotonicity(), CI_RUNS.meansMonotonicity));
  it('7. a relief is the best of its provisions, the offence the best of its reliefs (order restated in the test)', () => holds(reliefsCombine(), CI_RUNS.reliefsCombine));
  it('5. "perfect victim": a prior record or a substance dependency never changes an outcome', () => holds(perfectVictim(), CI_RUNS.perfectVictim));
  it('8. the fast path agrees with json-rules-engine', () => holds(enginesAgree(), CI_RUNS.enginesAgree));
});
