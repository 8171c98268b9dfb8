/**
 * Runs every consistency property against an evaluator broken on purpose (by the test file's vi.mock) and
 * returns the names of the properties that noticed. Used to show that the properties can fail.
 */
import fc from 'fast-check';
import * as props from '../consistency.js';
import { params } from '../harness.js';

export async function propertiesThatFail(names: (keyof typeof props)[], runs = 60): Promise<string[]> {
  const failed: string[] = [];
  for (const name of names) {
    const make = props[name] as () => fc.IAsyncProperty<unknown>;
    const out = await fc.check(make(), { ...params(runs), endOnFailure: true });
    if (out.failed) failed.push(name);
  }
  return failed;
}
