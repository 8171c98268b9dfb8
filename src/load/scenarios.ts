/** Reading training scenarios from disk: the shipped library in scenarios/, or a trainer's own file. */
import { basename, extname, join, resolve } from 'node:path';
import type { Law } from '../law.js';
import { isTrainingScenario, validateTrainingScenario, type TrainingScenario } from '../scenario/file.js';
import type { CaseFile } from '../schema/case.js';
import { validateCase, type Loaded } from './case.js';
import { listYamlIds, PACKAGE_ROOT, readText } from './files.js';
import { InputError, nearest } from './problems.js';
import { parseSource } from './source.js';

export const SCENARIOS_DIR = join(PACKAGE_ROOT, 'scenarios');

export function listScenarioIds(dir = SCENARIOS_DIR): string[] {
  return listYamlIds(dir);
}

/** A scenario file: a shipped one's id must match its file name. */
export function readScenarioFile(file: string, law: Law, dir = SCENARIOS_DIR): Loaded<TrainingScenario> {
  const read = readText(file);
  if (!read.ok) return read;
  const parsed = parseSource(file, read.text);
  if (!parsed.ok) return parsed;
  const shipped = resolve(file, '..') === resolve(dir);
  return validateTrainingScenario(parsed.source, law, shipped ? basename(file, extname(file)) : undefined);
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** A scenario by id (from the library) or by path (a file of one's own: it names a .yaml, .yml or .json file). */
export function loadScenario(ref: string, law: Law, dir = SCENARIOS_DIR): TrainingScenario {
  let file: string;
  if (/\.(ya?ml|json)$/i.test(ref) || ref.includes('/') || ref.includes('\\')) file = ref;
  else {
    const ids = listScenarioIds(dir);
    if (!ID.test(ref) || !ids.includes(ref)) {
      const near = nearest(ref, ids);
      throw new InputError([
        {
          file: '<command line>',
          line: 1,
          col: 1,
          path: '',
          code: 'ref.unknown-scenario',
          message: `unknown scenario ${JSON.stringify(ref)}${near.length ? `; nearest: ${near.join(', ')}` : ''} (see: nonpunishment scenario list)`,
        },
      ]);
    }
    file = join(dir, `${ref}.yaml`);
  }
  const r = readScenarioFile(file, law, dir);
  if (!r.ok) throw new InputError(r.problems);
  return r.value;
}

/** Every scenario of the library, in id order; the first bad file stops it with its problems. */
export function loadLibrary(law: Law, dir = SCENARIOS_DIR): TrainingScenario[] {
  return listScenarioIds(dir).map((id) => loadScenario(id, law, dir));
}

/**
 * A case file, or a scenario file read as its embedded case (`check` accepts both). For a scenario, the
 * laws it is meant for come back too: they are the default when the command names none.
 */
export function readCaseOrScenario(file: string, law: Law): Loaded<CaseFile> & { jurisdictions?: string[] } {
  const read = readText(file);
  if (!read.ok) return read;
  const parsed = parseSource(file, read.text);
  if (!parsed.ok) return parsed;
  if (isTrainingScenario(parsed.source.value)) {
    const shipped = resolve(file, '..') === resolve(SCENARIOS_DIR);
    const s = validateTrainingScenario(parsed.source, law, shipped ? basename(file, extname(file)) : undefined);
    return s.ok ? { ok: true, value: s.value.case, source: s.source, jurisdictions: s.value.jurisdictions } : s;
  }
  return validateCase(parsed.source, law.catalogue);
}
