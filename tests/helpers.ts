/** Shared test helpers: the shipped law, and scenario files read through the real loaders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Law } from '../src/law.js';
import { parseSource } from '../src/load/source.js';
import { validateScenario, type Scenario } from '../src/scenarios.js';
import { parseJurisdiction } from '../src/load/jurisdiction.js';
import type { JurisdictionFile } from '../src/schema/jurisdiction.js';
import { evaluateCase, type CompiledJurisdiction } from '../src/engine/evaluate.js';
import type { CaseFile } from '../src/schema/case.js';
import type { CheckResult, ProvisionResult } from '../src/schema/report.js';
import { formatProblem } from '../src/load/problems.js';

export const ROOT = join(import.meta.dirname, '..');
let shared: Law | undefined;
export function law(): Law {
  return (shared ??= new Law());
}

export function goldenFiles(): { jurisdiction: string; file: string }[] {
  const dir = join(ROOT, 'tests', 'golden');
  return readdirSync(dir)
    .sort()
    .flatMap((j) => readdirSync(join(dir, j)).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ jurisdiction: j, file: join(dir, j, f) })));
}

export function loadScenario(file: string): Scenario {
  const parsed = parseSource(file, readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const s = validateScenario(parsed.source, law());
  if (!s.ok) throw new Error(s.problems.map(formatProblem).join('\n'));
  return s.value;
}

/** A jurisdiction file written inside a test, read through the real loader; its problems fail the test file. */
export function lawFromYaml(id: string, text: string): JurisdictionFile {
  const parsed = parseJurisdiction(`${id}.yaml`, text, law().catalogue, id);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.value;
}

/** One provision's result for the case's first offence, evaluated with json-rules-engine under a law written in a test. */
export async function provisionOf(c: CaseFile, laws: ReadonlyMap<string, CompiledJurisdiction>, id: string): Promise<ProvisionResult> {
  const report = await evaluateCase(c, laws, law().catalogue, { jurisdictions: [...laws.keys()], rules: { version: 't', digest: 't' }, engine: 'reference' });
  const p = report.results[0]!.offences[0]!.provisions.find((x) => x.provision === id);
  if (!p) throw new Error(`${id} not evaluated`);
  return p;
}

/** A provision's check by its code; a missing check fails the test with the codes there are. */
export function checkOf(p: ProvisionResult, code: string): CheckResult {
  const c = p.checks.find((x) => x.code === code);
  if (!c) throw new Error(`no check ${code} in ${p.checks.map((x) => x.code).join(', ')}`);
  return c;
}
