/**
 * Runs consistency properties (and the atom-oracle properties) against an evaluator broken on purpose (by
 * the test file's vi.mock), at the CI seed and the run count CI gives each property, and returns the ones
 * that noticed, with what they said. Only a failed assertion of the property counts as noticing: a broken
 * evaluator that throws (a TypeError, an internal error) makes the sabotage test fail, since a crash says
 * nothing about whether the property can see a wrong answer.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import * as atomProps from '../atoms-agree.js';
import * as props from '../consistency.js';
import { params, scaled } from '../harness.js';

const registry = { ...props, ...atomProps } as unknown as Record<string, () => fc.IProperty<unknown> | fc.IAsyncProperty<unknown>>;
export type PropertyName = keyof typeof props | keyof typeof atomProps;

export interface Caught {
  property: string;
  /** The assertion message of the first failure. */
  message: string;
}

export async function propertiesThatFail(names: PropertyName[]): Promise<Caught[]> {
  const caught: Caught[] = [];
  for (const name of names) {
    const runs = name in props ? (props.CI_RUNS[name as keyof typeof props.CI_RUNS] ?? 40) : atomProps.CI_RUNS;
    const out = await fc.check(registry[name]!() as fc.IAsyncProperty<unknown>, { ...params(scaled(runs)), endOnFailure: true } as fc.Parameters<unknown>);
    if (!out.failed) continue;
    const e = out.errorInstance as Error | undefined;
    if (!(e instanceof Error) || e.name !== 'AssertionError')
      throw new Error(`sabotage: ${name} failed by a throw, not by its assertion: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    caught.push({ property: name, message: e.message });
  }
  return caught;
}

/** The named property, and it alone, fails by its own assertion, with a message matching `says`. */
export async function expectCaught(name: PropertyName, says: RegExp): Promise<void> {
  const caught = await propertiesThatFail([name]);
  expect(caught.map((c) => c.property), `${name} did not notice the sabotage`).toEqual([name]);
  expect(caught[0]!.message).toMatch(says);
}
