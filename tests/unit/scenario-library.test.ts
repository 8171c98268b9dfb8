/**
 * Finding and reading training scenarios: by id from a library folder (whose files must carry their own
 * name as id), by path (any id), the whole library in id order, and `check`'s reading of a file that may be
 * a case or a scenario.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/load/problems.js';
import { listScenarioIds, loadLibrary, loadScenario, readCaseOrScenario, readScenarioFile, SCENARIOS_DIR } from '../../src/load/scenarios.js';
import { law, ROOT } from '../helpers.js';

const SHIPPED = join(ROOT, 'scenarios', 'cannabis-grow-boy-17.yaml');
const BASE = readFileSync(SHIPPED, 'utf8');
const root = mkdtempSync(join(tmpdir(), 'np-scenarios-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const library = join(root, 'library');
mkdirSync(library);
writeFileSync(join(library, 'boy-17.yaml'), BASE.replace('id: cannabis-grow-boy-17', 'id: boy-17'));
writeFileSync(join(library, 'another-boy.yaml'), BASE.replace('id: cannabis-grow-boy-17', 'id: another-boy'));
writeFileSync(join(library, 'notes.md'), 'not a scenario');
const elsewhere = join(root, 'mine');
mkdirSync(elsewhere);
const renamed = join(elsewhere, 'my-copy.yaml');
writeFileSync(renamed, BASE);

const thrown = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('the scenario library', () => {
  it('is the shipped scenarios folder by default; its ids are the .yaml names, sorted', () => {
    expect(SCENARIOS_DIR).toBe(join(ROOT, 'scenarios'));
    expect(listScenarioIds()).toContain('cannabis-grow-boy-17');
    expect(listScenarioIds(library)).toEqual(['another-boy', 'boy-17']);
  });

  it('loads a scenario by id, and the whole library in id order', () => {
    expect(loadScenario('boy-17', law(), library).id).toBe('boy-17');
    expect(loadScenario('cannabis-grow-boy-17', law()).jurisdictions).toEqual(['gb-ew', 'gb-sct', 'gb-nir', 'nl']);
    expect(loadLibrary(law(), library).map((s) => s.id)).toEqual(['another-boy', 'boy-17']);
  });

  it('an id the library does not have is a command-line problem; one that is no id at all is not looked up', () => {
    expect(thrown(() => loadScenario('boy-71', law(), library))).toEqual([
      { file: '<command line>', line: 1, col: 1, path: '', code: 'ref.unknown-scenario', message: 'unknown scenario "boy-71"; nearest: boy-17 (see: nonpunishment scenario list)' },
    ]);
    expect(thrown(() => loadScenario('zzz', law(), library))[0]!.message).toBe('unknown scenario "zzz" (see: nonpunishment scenario list)');
    expect(thrown(() => loadScenario('Boy-17', law(), library))[0]!.code).toBe('ref.unknown-scenario');
  });

  it('a file in the library whose name is not an id is never loaded by id; a name with .yaml inside it is an id, not a path', () => {
    const odd = join(root, 'odd-library');
    mkdirSync(odd);
    writeFileSync(join(odd, 'boy_17.yaml'), BASE.replace('id: cannabis-grow-boy-17', 'id: boy-17'));
    expect(thrown(() => loadScenario('boy_17', law(), odd))[0]!).toMatchObject({ code: 'ref.unknown-scenario', message: expect.stringMatching(/^unknown scenario "boy_17"/) });
    expect(thrown(() => loadScenario('boy-17.yml.old', law(), library))[0]!.code).toBe('ref.unknown-scenario');
  });

  it('a file in the library must carry its own name as id; a file of one\'s own, named by path, may carry any', () => {
    copyFileSync(SHIPPED, join(library, 'misnamed.yaml'));
    try {
      expect(thrown(() => loadScenario('misnamed', law(), library))).toEqual([
        { file: join(library, 'misnamed.yaml'), line: 1, col: 5, path: 'id', code: 'scenario.id-mismatch', message: 'id "cannabis-grow-boy-17" must match the file name "misnamed"' },
      ]);
    } finally {
      rmSync(join(library, 'misnamed.yaml'));
    }
    expect(loadScenario(renamed, law(), library).id).toBe('cannabis-grow-boy-17');
    const r = readScenarioFile(renamed, law(), library);
    expect(r.ok && r.value.id).toBe('cannabis-grow-boy-17');
  });

  it('a reference with a slash, a backslash or a file extension is a path, not an id', () => {
    expect(thrown(() => loadScenario('nowhere/boy-17', law(), library))).toEqual([
      { file: 'nowhere/boy-17', line: 1, col: 1, path: '', code: 'input.unreadable', message: 'file not found' },
    ]);
    expect(thrown(() => loadScenario('nowhere\\boy-17', law(), library))[0]!.code).toBe('input.unreadable');
    expect(thrown(() => loadScenario('boy-17.yml', law(), library))[0]!).toMatchObject({ file: 'boy-17.yml', code: 'input.unreadable' });
    expect(thrown(() => loadScenario('boy-17.JSON', law(), library))[0]!).toMatchObject({ file: 'boy-17.JSON', code: 'input.unreadable' });
  });

  it('a scenario file that is not YAML gives its syntax problem', () => {
    const broken = join(elsewhere, 'broken.yaml');
    writeFileSync(broken, 'id: [x\n');
    const r = readScenarioFile(broken, law(), library);
    expect(r.ok ? [] : r.problems.map((p) => `${p.file} ${p.line} ${p.code}`)).toEqual([`${broken} 2 yaml.syntax`]);
  });
});

describe('a file that is a case or a scenario (check)', () => {
  it('a scenario gives its case and the laws it is written for; its id need not be its name outside the library', () => {
    const r = readCaseOrScenario(renamed, law());
    expect(r.ok && [r.value.id, r.value.offences.map((o) => o.id), r.jurisdictions]).toEqual(['cannabis-grow-boy-17', ['o1'], ['gb-ew', 'gb-sct', 'gb-nir', 'nl']]);
  });

  it('a case file is read as a case, with no laws of its own', () => {
    const f = join(elsewhere, 'case.yaml');
    writeFileSync(f, 'id: c\noffences:\n  - id: o1\n    category: theft\n');
    const r = readCaseOrScenario(f, law());
    expect(r).toMatchObject({ ok: true, value: { id: 'c', offences: [{ id: 'o1', category: 'theft' }] } });
    expect(r.ok && r.jurisdictions).toBeUndefined();
  });

  it('a file that cannot be read, or parsed, gives its problem', () => {
    const none = join(elsewhere, 'none.yaml');
    expect(readCaseOrScenario(none, law())).toEqual({ ok: false, problems: [{ file: none, line: 1, col: 1, path: '', code: 'input.unreadable', message: 'file not found' }] });
    const broken = join(elsewhere, 'broken-case.yaml');
    writeFileSync(broken, 'id: [x\n');
    const r = readCaseOrScenario(broken, law());
    expect(r.ok ? [] : r.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['2 yaml.syntax']);
  });
});
