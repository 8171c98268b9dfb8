/**
 * nonpunishment — library API.
 *
 *   import { Law, readCase, evaluate } from 'nonpunishment';
 *   const law = new Law();                                  // rules/ and jurisdictions/ shipped with the package
 *   const c = readCase('case.yaml', law.catalogue);         // { ok, value } or { ok: false, problems }
 *   if (c.ok) console.log(await evaluate(c.value, law, { jurisdictions: ['gb-ew'] }));
 */

export { Law, type LawOptions } from './law.js';
export { parseCase, validateCase } from './load/case.js';
export { parseJurisdiction } from './load/jurisdiction.js';
export { readCase, loadCaseFile } from './load/files.js';
export { InputError, formatProblem, type Problem } from './load/problems.js';
export { EvaluationError, provisionOutcome } from './engine/evaluate.js';
export type { CaseFile } from './schema/case.js';
export type { JurisdictionFile, Provision } from './schema/jurisdiction.js';
export type { Report, OffenceResult, ProvisionResult, Missing } from './schema/report.js';
export { reportSchema, REPORT_SCHEMA_ID } from './schema/report.js';
export { validateTrainingScenario, trainingScenarioShape, type TrainingScenario, type Variation } from './scenario/file.js';
export { runScenario, differenceLines, type ScenarioRun, type Row, type Cell } from './scenario/run.js';
export { applyChange } from './scenario/change.js';
export { loadScenario, loadLibrary, listScenarioIds, readScenarioFile } from './load/scenarios.js';
export * from './vocabulary.js';
// Drafting: laws side by side, scorecards, the impact of an amendment (what compare, score and impact print).
export { type LoadedLaw } from './law.js';
export { tracedLaw, type Trace, type TracedLaw } from './drafting/trace.js';
export { compareLaws, type Comparison } from './drafting/compare.js';
export { scoreLaw, type LawScore } from './drafting/scorecard.js';
export { measureImpact, type Impact } from './drafting/impact.js';
export { diffLaws, type DiffItem } from './drafting/diff.js';
export { exclusions, type Exclusions } from './drafting/exclusions.js';
export { generateCases, GENERATED_AS_OF } from './drafting/generate.js';
export { loadScorecard } from './load/scorecards.js';
export { readCaseSet } from './load/case-sets.js';

export { evaluate, type EvaluateRequest } from './evaluate.js';
