/**
 * Engines that really differ: each atom of src/engine/atoms.ts against a brute-force oracle written from
 * the vocabulary (atoms-oracle.ts), on random facts and rule values placed around the boundaries (see
 * atoms-agree.ts). Prints how often the oracle had an unknown to enumerate.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import * as agree from './atoms-agree.js';
import { params, scaled } from './harness.js';

afterAll(() => agree.printPremises());
const check = <T>(p: fc.IProperty<T>) => fc.assert(p, params(scaled(agree.CI_RUNS)) as fc.Parameters<T>);

describe('atoms agree with a brute-force oracle over every completion of the unknowns', () => {
  it('in: a value of the vocabulary (disposition, identification)', () => check(agree.inVocabulary()));
  it('dateInRange: a known date, or every date an offence of unknown date can have', () => check(agree.dateInRange()));
  it('ageInBand: every age the person can have been', () => check(agree.ageInBand()));
  it('isTrue', () => check(agree.isTrue()));
  it('intersects: forms of exploitation', () => check(agree.intersects()));
  it('nexusAtLeast: the ladder', () => check(agree.nexusAtLeast()));
  it('answerIs: a question answered yes, no or not at all', () => check(agree.answerIs()));
  it('meansSatisfied: means needed of children and adults as the law says, from its accepted list', () => check(agree.meansSatisfied()));
  it('withinTimeLimit: on the last day and the day after, from each start, known or not', () => check(agree.withinTimeLimit()));
  it('entryMatches: codes, categories, penalty thresholds with carve-outs, ambiguous codes, dates in force', () => check(agree.entryMatches()));
});
