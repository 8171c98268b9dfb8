import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Law } from '../law.js';
import { validateCase } from '../load/case.js';
import { readText } from '../load/files.js';
import { validateJurisdiction } from '../load/jurisdiction.js';
import { validateScorecard } from '../load/scorecards.js';
import { InputError, type Problem } from '../load/problems.js';
import { parseSource, problemAt } from '../load/source.js';
import { validateScenario } from '../scenarios.js';
import { isTrainingScenario, validateTrainingScenario } from '../scenario/file.js';
import { SCENARIOS_DIR } from '../load/scenarios.js';
import { plain } from '../report/neutralise.js';
import { EXIT, type CliIO } from './io.js';

/** Validate jurisdiction, case and scenario files (default: every shipped jurisdiction); all problems at once. */
export async function validateCommand(files: string[], law: Law, io: CliIO): Promise<number> {
  // Default: every shipped law, and every --law draft (by its own path; a draft with a new id has no shipped file).
  const drafts = law.draftPaths();
  const shipped = law.ids().filter((id) => !drafts.has(id) || existsSync(resolve(law.jurisdictionsDir, `${id}.yaml`)));
  const targets = files.length ? files : [...shipped.map((id) => resolve(law.jurisdictionsDir, `${id}.yaml`)), ...drafts.values()];
  const problems: Problem[] = [];
  const lines: string[] = [];
  for (const file of targets) {
    const read = readText(file);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const parsed = parseSource(file, read.text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const v = parsed.source.value;
    const kind = v && typeof v === 'object' && !Array.isArray(v)
      ? Object.hasOwn(v, 'provisions') ? 'jurisdiction' : isTrainingScenario(v) ? 'training scenario' : Object.hasOwn(v, 'expect') ? 'scenario' : Object.hasOwn(v, 'offences') ? 'case' : Object.hasOwn(v, 'criteria') ? 'scorecard' : undefined
      : undefined;
    if (!kind) {
      problems.push(problemAt(parsed.source, [], 'input.unknown-kind', 'not a jurisdiction (provisions), case (offences), training scenario (narrative and case), golden scenario (expect) or scorecard (criteria) file'));
      continue;
    }
    const r =
      kind === 'jurisdiction'
        ? validateJurisdiction(parsed.source, law.catalogue, resolve(dirname(file)) === resolve(law.jurisdictionsDir) ? basename(file, extname(file)) : undefined)
        : kind === 'case'
          ? validateCase(parsed.source, law.catalogue)
          : kind === 'training scenario'
            ? validateTrainingScenario(parsed.source, law, resolve(dirname(file)) === resolve(SCENARIOS_DIR) ? basename(file, extname(file)) : undefined)
            : kind === 'scorecard'
              ? validateScorecard(parsed.source, law.catalogue.categories.map((c) => c.id))
              : validateScenario(parsed.source, law);
    if (r.ok) lines.push(`ok  ${plain(file)}  (${kind})`); // a file name is input too
    else problems.push(...r.problems);
  }
  if (problems.length) throw new InputError(problems);
  io.stdout(lines.join('\n') + `\n${targets.length} file(s) valid\n`);
  return EXIT.ok;
}
