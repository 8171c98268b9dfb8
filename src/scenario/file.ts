/**
 * A training scenario: the golden format (a case and the outcome expected for each offence, with a
 * one-line reason citing the subsection) extended with what a trainer needs — a title, a narrative, the
 * learning points, the A/79/322 paragraphs it draws on, the laws it is meant for (an expectation for every
 * offence under each), and "what if" variations that change one fact. Validated into located problems;
 * no I/O here.
 */
import { z } from 'zod';
import type { Law } from '../law.js';
import { validateCase, type Loaded } from '../load/case.js';
import { issuesToProblems } from '../load/issues.js';
import type { Problem } from '../load/problems.js';
import { problemAt, type Source } from '../load/source.js';
import type { CaseFile } from '../schema/case.js';
import { idString, text } from '../schema/common.js';
import { expectation, type Expectation } from '../scenarios.js';
import { applyChange, CHANGE_PATH } from './change.js';

/** Longest narrative accepted, in characters: a few paragraphs, read aloud in a few minutes. */
export const NARRATIVE_MAX = 4000;
export const AGE_GROUPS = ['child', 'adult', 'child-and-adult'] as const;

const expectations = z
  .record(idString, z.record(idString, expectation))
  .describe('Per jurisdiction id, per offence id: the expected outcome and why');

const variation = z.strictObject({
  id: idString,
  title: text(200).describe('The "what if", in a few words: "the same boy at 18"'),
  change: z.strictObject({
    path: z.string().max(200).regex(CHANGE_PATH, { message: 'a fact path, e.g. person.birth_date, trafficking.means, offences[o1].nexus' }),
    value: z.unknown().describe('The new value; null makes the fact unknown'),
  }),
  point: text(800).describe('What this change teaches'),
  expect: expectations,
});

export const trainingScenarioShape = z
  .strictObject({
    id: idString,
    title: text(200),
    pattern: idString.describe('The pattern it illustrates, e.g. drug-importation-under-threat'),
    paragraphs: z.array(z.string().regex(/^\d{1,3}(\([a-z]\))?$/, { message: 'a paragraph of A/79/322, e.g. 29 or 57(f)' })).min(1).max(12).describe('Paragraphs of A/79/322 it draws on'),
    age_group: z.enum(AGE_GROUPS),
    narrative: text(NARRATIVE_MAX).describe('A few paragraphs; no real names, no real case retold'),
    points: z.array(text(800)).min(1).max(8).describe('The learning points'),
    jurisdictions: z.array(idString).min(1).max(20),
    case: z.unknown(),
    expect: expectations,
    variations: z.array(variation).max(3),
  })
  .describe('nonpunishment training scenario, version 1');

export interface Variation {
  id: string;
  title: string;
  change: { path: string; value: unknown };
  point: string;
  expect: Record<string, Record<string, Expectation>>;
  /** The case with the change made (validated). */
  case: CaseFile;
  /** The value before the change (null: not stated). */
  before: unknown;
}

export interface TrainingScenario {
  id: string;
  title: string;
  pattern: string;
  paragraphs: string[];
  age_group: (typeof AGE_GROUPS)[number];
  narrative: string;
  points: string[];
  jurisdictions: string[];
  case: CaseFile;
  expect: Record<string, Record<string, Expectation>>;
  variations: Variation[];
}

/** Does this parsed document look like a training scenario (rather than a case, a law or a golden file)? */
export function isTrainingScenario(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !('case' in v)) return false;
  // Any field only a training scenario has: a file missing its narrative is still read (and told so) as one.
  return ['narrative', 'title', 'points', 'variations', 'paragraphs'].some((k) => k in v);
}

export function validateTrainingScenario(source: Source, law: Law, expectedId?: string): Loaded<TrainingScenario> {
  const shape = trainingScenarioShape.safeParse(source.value);
  if (!shape.success) return { ok: false, problems: issuesToProblems(source, shape.error.issues) };
  const s = shape.data;
  const problems: Problem[] = [];
  if (expectedId !== undefined && s.id !== expectedId)
    problems.push(problemAt(source, ['id'], 'scenario.id-mismatch', `id "${s.id}" must match the file name "${expectedId}"`));
  const known = new Set(law.ids());
  const seenJ = new Set<string>();
  s.jurisdictions.forEach((j, i) => {
    if (!known.has(j)) problems.push(problemAt(source, ['jurisdictions', i], 'ref.unknown-jurisdiction', `unknown jurisdiction "${j}"`));
    if (seenJ.has(j)) problems.push(problemAt(source, ['jurisdictions', i], 'scenario.duplicate', `jurisdiction "${j}" is listed twice`));
    seenJ.add(j);
  });
  const inner: Source = { file: source.file, value: s.case, locate: (p, k) => source.locate(['case', ...p], k) };
  const c = validateCase(inner, law.catalogue);
  if (!c.ok) return { ok: false, problems: [...problems, ...c.problems.map((p) => ({ ...p, path: p.path ? `case.${p.path}` : 'case' }))] };
  const offenceIds = c.value.offences.map((o) => o.id);

  // Every offence under every law of the scenario has an expectation, as written and in each variation.
  const checkTable = (table: Record<string, Record<string, Expectation>>, at: (string | number)[]) => {
    for (const [j, byOffence] of Object.entries(table)) {
      if (!seenJ.has(j)) {
        problems.push(problemAt(source, [...at, j], 'ref.unknown-jurisdiction', `expectation for jurisdiction "${j}", which is not in this scenario's jurisdictions (${s.jurisdictions.join(', ')})`, true));
        continue;
      }
      for (const o of Object.keys(byOffence))
        if (!offenceIds.includes(o)) problems.push(problemAt(source, [...at, j, o], 'ref.unknown-offence', `expectation for offence "${o}", which is not in the case (${offenceIds.join(', ')})`, true));
      for (const o of offenceIds)
          if (!(o in byOffence)) problems.push(problemAt(source, [...at, j], 'scenario.expectation-missing', `no expectation for offence "${o}" under ${j}`, true));
    }
    for (const j of s.jurisdictions)
      if (!(j in table)) problems.push(problemAt(source, at, 'scenario.expectation-missing', `no expectations for jurisdiction "${j}"`, true));
  };
  checkTable(s.expect, ['expect']);

  const variations: Variation[] = [];
  const seenV = new Set<string>();
  s.variations.forEach((v, i) => {
    const at = ['variations', i];
    if (seenV.has(v.id)) problems.push(problemAt(source, [...at, 'id'], 'scenario.duplicate', `variation id "${v.id}" is used twice`));
    seenV.add(v.id);
    if (!Object.prototype.hasOwnProperty.call(v.change, 'value'))
      return void problems.push(problemAt(source, [...at, 'change'], 'schema.required', 'required field is missing: value (null makes the fact unknown)'));
    const changed = applyChange(s.case, v.change.path, v.change.value);
    if (!changed.ok) return void problems.push(problemAt(source, [...at, 'change', 'path'], changed.code, changed.message));
    if (JSON.stringify(changed.before) === JSON.stringify(v.change.value ?? null))
      return void problems.push(problemAt(source, [...at, 'change', 'value'], 'scenario.no-change', `${v.change.path} is already ${JSON.stringify(v.change.value)}: the variation changes nothing`));
    const here: Source = { file: source.file, value: changed.value, locate: () => source.locate([...at, 'change', 'value']) };
    const vc = validateCase(here, law.catalogue);
    if (!vc.ok) {
      for (const p of vc.problems)
        problems.push(
          p.code === 'schema.unknown-key'
            ? problemAt(source, [...at, 'change', 'path'], 'scenario.unknown-field', `"${v.change.path}" names a field the case file does not have (${p.path})`)
            : { ...p, path: `${at.join('.').replace('.', '[')}].change.value`, message: `the changed case is not valid at ${p.path}: ${p.message}` },
        );
      return;
    }
    checkTable(v.expect, [...at, 'expect']);
    variations.push({ ...v, change: { path: v.change.path, value: v.change.value }, case: vc.value, before: changed.before });
  });
  if (problems.length) return { ok: false, problems };
  const { variations: _raw, ...rest } = s;
  return { ok: true, value: { ...rest, case: c.value, variations }, source };
}
