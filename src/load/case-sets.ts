/**
 * A set of cases for `impact` and `compare --cases`: every case, scenario or golden file under a
 * directory (scenario files give their `case`), or an NDJSON file with one case per line. Every problem
 * is located (an NDJSON problem on its own line); only regular files are read.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import { validateCase } from './case.js';
import { readText } from './files.js';
import { InputError, type Problem } from './problems.js';
import { parseSource, problemAt, type Source } from './source.js';

export interface CaseSet {
  /** Where the cases came from, in words. */
  source: string;
  cases: CaseFile[];
}

const CASE_FILE = /\.(ya?ml|json)$/;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile() && CASE_FILE.test(name)) out.push(p);
  }
  return out;
}

/** A case from a parsed source: a case file, or the `case` of a scenario (golden) file. */
function caseOf(source: Source, cat: Catalogue): { ok: true; value: CaseFile } | { ok: false; problems: Problem[] } {
  const v = source.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'case' in v && 'expect' in v) {
    const inner: Source = { file: source.file, value: (v as { case: unknown }).case, locate: (p, k) => source.locate(['case', ...p], k) };
    const r = validateCase(inner, cat);
    return r.ok ? r : { ok: false, problems: r.problems.map((p) => ({ ...p, path: p.path ? `case.${p.path}` : 'case' })) };
  }
  return validateCase(source, cat);
}

export function readCaseSet(path: string, cat: Catalogue, shownAs = path): CaseSet {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new InputError([{ file: path, line: 1, col: 1, path: '', code: 'input.unreadable', message: 'file or directory not found' }]);
  }
  const problems: Problem[] = [];
  const cases: CaseFile[] = [];
  if (st.isDirectory()) {
    for (const f of filesUnder(path)) {
      const read = readText(f);
      if (!read.ok) {
        problems.push(...read.problems);
        continue;
      }
      const parsed = parseSource(relative(process.cwd(), f) || f, read.text);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const r = caseOf(parsed.source, cat);
      if (r.ok) cases.push(r.value);
      else problems.push(...r.problems);
    }
  } else if (st.isFile() && /\.ndjson$/.test(path)) {
    const read = readText(path);
    if (!read.ok) throw new InputError(read.problems);
    read.text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = parseSource(path, line);
      if (!parsed.ok) {
        problems.push(...parsed.problems.map((p) => ({ ...p, line: i + 1 })));
        return;
      }
      const shifted: Source = { ...parsed.source, locate: (p, k) => ({ ...parsed.source.locate(p, k), line: i + 1 }) };
      if (!parsed.source.value || typeof parsed.source.value !== 'object' || Array.isArray(parsed.source.value)) {
        problems.push(problemAt(shifted, [], 'input.ndjson', 'each line must be one case, as a JSON object'));
        return;
      }
      const r = validateCase(shifted, cat);
      if (r.ok) cases.push(r.value);
      else problems.push(...r.problems);
    });
  } else {
    throw new InputError([{ file: path, line: 1, col: 1, path: '', code: 'input.case-set', message: '--cases takes a directory of case or scenario files, or an .ndjson file (one case per line)' }]);
  }
  if (problems.length) throw new InputError(problems);
  // Case ids must be unique in a set, or the report could not tell two cases apart.
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new InputError([{ file: path, line: 1, col: 1, path: '', code: 'input.duplicate-case', message: `case id "${c.id}" appears twice in the set` }]);
    seen.add(c.id);
  }
  return { source: shownAs, cases };
}
