/**
 * What every property file shares: the seed and number of runs, the laws under test (the fourteen
 * shipped files and generated ones), evaluation of a case under one law, and a runner that prints how
 * to replay a failure.
 *
 * CI: fixed seed, modest runs. `npm run test:deep`: many more runs. Replay a failure with the FC_SEED and
 * FC_PATH it prints.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult, ProvisionResult } from '../../src/schema/report.js';
import { type Outcome } from '../../src/vocabulary.js';
import { AS_OF, caseArb, describeLaw, lawArb, type GeneratedCase, type LawUnderTest } from '../arbitraries/case.js';
import { law } from '../helpers.js';

export const SEED = Number(process.env['FC_SEED'] ?? 20261128);
const DEFAULT_RUNS = 40;
export const RUNS = Number(process.env['FC_RUNS'] ?? DEFAULT_RUNS);
/** A number of runs given at the default scale, scaled like FC_RUNS (so test:deep deepens everything). */
export const scaled = (n: number) => Math.max(1, Math.round((n * RUNS) / DEFAULT_RUNS));
const PATH = process.env['FC_PATH'];

export const L = law();
export const cat = L.catalogue;
export const rules = { version: 'test', digest: 'sha256:test' };

/** The shipped laws, printed by id in counterexamples; generated ones print their whole file. */
export const shipped: LawUnderTest[] = L.ids().map((id) => printable(describeLaw(L.file(id), false)));

function printable(l: LawUnderTest): LawUnderTest {
  return Object.assign(l, { [fc.toStringMethod]: () => (l.generated ? `generated law ${JSON.stringify(l.file)}` : `shipped law ${l.id}`) });
}

export const laws = lawArb(cat, shipped).map(printable);
/** A law (shipped or generated) and a valid case for it, with some facts unknown. */
export const lawAndCase: fc.Arbitrary<{ law: LawUnderTest } & GeneratedCase> = laws.chain((l) => caseArb(l, cat).map((g) => ({ law: l, ...g })));

/** Every offence's result under the law. */
export async function evaluateUnder(l: LawUnderTest, c: CaseFile, engine: 'fast' | 'reference' = 'fast'): Promise<OffenceResult[]> {
  const report = await evaluateCase(c, new Map([[l.id, l.compiled]]), cat, { asOf: AS_OF, jurisdictions: [l.id], rules, engine });
  return report.results[0]!.offences;
}

/** A provision's outcome; a provision left out because it does not fit the offence's stage counts as not available. */
export function outcomeOf(o: OffenceResult, provision: string): Outcome {
  return o.provisions.find((p: ProvisionResult) => p.provision === provision)?.outcome ?? 'not-eligible';
}

export const negative = (o: Outcome | undefined) => o === undefined || o === 'excluded' || o === 'not-eligible';

export function params(runs = RUNS): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs, ...(PATH ? { path: PATH, endOnFailure: true } : {}) };
}

/** fc.assert, with the command that replays a failure. `runs` is at the default scale (see `scaled`). */
export async function holds<T>(property: fc.IAsyncProperty<T>, runs = DEFAULT_RUNS): Promise<void> {
  const out = await fc.check(property, params(scaled(runs)) as fc.Parameters<T>);
  if (out.failed) {
    const replay = `Replay: FC_SEED=${out.seed} FC_PATH=${out.counterexamplePath ?? ''} npx vitest run tests/properties`;
    process.stderr.write(`${replay}\n`);
    const e = out.errorInstance as { message?: string; diff?: string } | undefined;
    const cause = e?.message ? `${e.message}${e.diff ? `\n${e.diff}` : ''}` : String(e);
    throw new Error(`${fc.defaultReportMessage(out)}\nFailure: ${cause}\n${replay}`);
  }
}

/** The first place two JSON values differ, as `path: a ≠ b` — readable in a counterexample. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** Deep equality whose failure names the first difference. */
export function expectSame(actual: unknown, expected: unknown, what = ''): void {
  const d = firstDifference(actual, expected);
  expect(d, `${what} ${d ?? ''}`.trim()).toBeNull();
}
