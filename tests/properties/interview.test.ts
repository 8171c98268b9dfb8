/**
 * The interview's choice of questions, on random laws (shipped and generated) and random cases with
 * random unknowns: it never asks a question whose every answer leaves every outcome as it was (each
 * question comes with an answer that, evaluated independently, changes an outcome), and answering with
 * the case's true facts it reaches a state with no decisive unknown left in at most as many questions as
 * there are missing facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { parseCase } from '../../src/load/case.js';
import { getFact, keyString, setFact, type FactKey } from '../../src/interview/facts.js';
import { Planner } from '../../src/interview/next-question.js';
import type { Report } from '../../src/schema/report.js';
import { AS_OF, slotsOf } from '../arbitraries/case.js';
import { cat, holds, lawAndCase, rules } from './harness.js';

const valid = (c: CaseFile) => parseCase('t', JSON.stringify(c), cat).ok;

/** The outcomes still undetermined in `before` (per law, offence and provision), and what `after` makes of them. */
function openOutcomes(before: Report, after: Report): { was: string[]; now: string[] } {
  const key = (j: string, o: string, p?: string) => [j, o, p].filter(Boolean).join('/');
  const after_ = new Map<string, string>();
  for (const j of after.results) for (const o of j.offences) {
    after_.set(key(j.jurisdiction, o.offence), o.outcome);
    for (const p of o.provisions) after_.set(key(j.jurisdiction, o.offence, p.provision), p.outcome);
  }
  const was: string[] = [];
  const now: string[] = [];
  for (const j of before.results) for (const o of j.offences) {
    const open = [...(o.outcome === 'undetermined' ? [key(j.jurisdiction, o.offence)] : []), ...o.provisions.filter((p) => p.outcome === 'undetermined').map((p) => key(j.jurisdiction, o.offence, p.provision))];
    for (const k of open) {
      was.push(`${k}=undetermined`);
      // A provision no longer in the report does not fit the stage: not available.
      now.push(`${k}=${after_.get(k) ?? 'not-eligible'}`);
    }
  }
  return { was, now };
}

/** The interview's key for a slot the generator can hide. */
function keyOfSlot(slot: string, c: CaseFile): FactKey {
  const parts = slot.split('.');
  if (parts[0] === 'offences') {
    const offence = c.offences[Number(parts[1])]!.id;
    return parts[2] === 'answers' ? { fact: `answers.${parts[3]}`, offence } : { fact: `offence.${parts[2]}`, offence };
  }
  return { fact: slot === 'trafficking.period' ? 'trafficking.period.end' : slot };
}

describe('the interview asks only what can change an outcome', () => {
  it('every question has an answer that settles an undetermined outcome, and the true answers settle every decisive unknown within as many questions as facts are missing', async () => {
    await holds(
      fc.asyncProperty(lawAndCase, async ({ law, full, known, case: start }) => {
        const planner = new Planner({ catalogue: cat, laws: new Map([[law.id, law.compiled]]), jurisdictions: [law.id], asOf: AS_OF });
        const evaluate = (c: CaseFile) => evaluateCase(c, new Map([[law.id, law.compiled]]), cat, { asOf: AS_OF, jurisdictions: [law.id], rules, engine: 'fast' });
        const missing = slotsOf(full, cat).filter((s) => !known.includes(s)).length;
        let c = start;
        const skip = new Set<string>();
        let asked = 0;
        // A statute code listed only in part is known and still missing (a finer code decides): asking it
        // again counts as one more missing fact.
        let refinements = 0;
        for (;;) {
          const q = await planner.next(c, skip, setFact, valid);
          if (!q) break;
          asked += 1;
          if (getFact(c, q.key) !== undefined) refinements += 1;
          expect(asked, `asked more questions than the ${missing} missing facts (+${refinements} codes to refine)`).toBeLessThanOrEqual(missing + refinements);
          // The answer offered as proof really changes an outcome, evaluated afresh.
          const withWitness = setFact(c, q.key, q.witness);
          expect(valid(withWitness)).toBe(true);
          const { was, now } = openOutcomes(await evaluate(c), await evaluate(withWitness));
          expect(now, `${keyString(q.key)} = ${JSON.stringify(q.witness)} settles nothing`).not.toEqual(was);
          // Then the lawyer gives the true answer (or does not know it).
          const truth = getFact(full, q.key);
          if (truth === undefined || JSON.stringify(truth) === JSON.stringify(getFact(c, q.key))) skip.add(keyString(q.key));
          else c = setFact(c, q.key, truth);
        }
        // Every slot still unknown (other than those answered "I don't know") changes nothing, whatever its true value.
        const end = await evaluate(c);
        for (const slot of slotsOf(full, cat)) {
          const key = keyOfSlot(slot, full);
          if (skip.has(keyString(key)) || getFact(c, key) !== undefined) continue;
          const truth = getFact(full, key);
          if (truth === undefined) continue;
          const filled = setFact(c, key, truth);
          if (!valid(filled)) continue;
          const { was, now } = openOutcomes(end, await evaluate(filled));
          expect(now, `${keyString(key)} was left unasked but its true value ${JSON.stringify(truth)} settles an outcome`).toEqual(was);
        }
      }),
      10,
    );
  }, 300_000);
});
