/**
 * Golden scenarios: a case, the jurisdiction it is read under, and the outcome expected for each offence,
 * each with a one-line reason citing the subsection. Used by the test suite and by `validate`.
 */
import { z } from 'zod';
import type { Law } from './law.js';
import { validateCase, type Loaded } from './load/case.js';
import { issuesToProblems } from './load/issues.js';
import type { Problem } from './load/problems.js';
import { problemAt, type Source } from './load/source.js';
import type { CaseFile } from './schema/case.js';
import { codeString, idString, text } from './schema/common.js';
import { OUTCOMES, RELIEFS } from './vocabulary.js';

export const expectation = z.strictObject({
  outcome: z.enum(OUTCOMES),
  byRelief: z.partialRecord(z.enum(RELIEFS), z.enum(OUTCOMES)).optional(),
  missing: z.array(z.string()).optional(),
  resolved: z
    .strictObject({ by: z.enum(['code', 'statute', 'category', 'none']), codes: z.array(codeString) })
    .optional()
    .describe("How the offence is matched to the law's offence table, and the candidate codes"),
  provisions: z
    .record(idString, z.strictObject({ outcome: z.enum(OUTCOMES), reason: text(1000).describe('One line: why this provision comes out so, citing its limb') }))
    .optional()
    .describe('The outcome of each named provision, where a wrong provision could hide behind another route to the same relief'),
  reason: text(1000).describe('One line: why, citing the subsection'),
});

export const scenarioShape = z.strictObject({
  name: text(200),
  jurisdiction: idString,
  case: z.unknown(),
  expect: z.record(idString, expectation),
});

export type Expectation = z.infer<typeof expectation>;
export interface Scenario {
  name: string;
  jurisdiction: string;
  case: CaseFile;
  expect: Record<string, Expectation>;
}

export function validateScenario(source: Source, law: Law): Loaded<Scenario> {
  const shape = scenarioShape.safeParse(source.value);
  if (!shape.success) return { ok: false, problems: issuesToProblems(source, shape.error.issues) };
  const problems: Problem[] = [];
  if (!law.ids().includes(shape.data.jurisdiction))
    problems.push(problemAt(source, ['jurisdiction'], 'ref.unknown-jurisdiction', `unknown jurisdiction "${shape.data.jurisdiction}"`));
  const inner: Source = { file: source.file, value: shape.data.case, locate: (p, k) => source.locate(['case', ...p], k) };
  const c = validateCase(inner, law.catalogue);
  if (!c.ok) {
    problems.push(...c.problems.map((p) => ({ ...p, path: p.path ? `case.${p.path}` : 'case' })));
    return { ok: false, problems };
  }
  const ids = new Set(c.value.offences.map((o) => o.id));
  for (const id of Object.keys(shape.data.expect))
    if (!ids.has(id)) problems.push(problemAt(source, ['expect', id], 'ref.unknown-offence', `expectation for offence "${id}", which is not in the case`, true));
  const provisions = law.ids().includes(shape.data.jurisdiction) ? new Set(law.file(shape.data.jurisdiction).provisions.map((p) => p.id)) : null;
  for (const [id, want] of Object.entries(shape.data.expect))
    for (const pid of Object.keys(want.provisions ?? {}))
      if (provisions && !provisions.has(pid))
        problems.push(problemAt(source, ['expect', id, 'provisions', pid], 'ref.unknown-provision', `expectation for provision "${pid}", which ${shape.data.jurisdiction} does not have`, true));
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...shape.data, case: c.value }, source };
}
