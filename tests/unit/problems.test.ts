/**
 * What a user reads when input is wrong: every kind of schema problem becomes one located line with a
 * stable code, a plain-words description of what was found, and a "did you mean" where one is close.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../../src/load/case.js';
import { jurisdictionFile, listJurisdictionIds, loadCaseFile, loadJurisdictionFile, packageVersion, readText, rulesDigest } from '../../src/load/files.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { formatPath, formatProblem, InputError, sortProblems, suggest, type Problem } from '../../src/load/problems.js';
import { law, ROOT } from '../helpers.js';

const cat = law().catalogue;
const dir = mkdtempSync(join(tmpdir(), 'np-problems-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (text: string) => {
  const r = parseCase('c.yaml', text, cat);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => ({ at: `${p.line}:${p.col}`, path: p.path, code: p.code, message: p.message }));
};
const CASE = 'id: c\noffences:\n  - id: o1\n    category: theft\n';

describe('schema problems in plain words', () => {
  it('a missing field, a wrong type, and what was found instead', () => {
    expect(problemsOf('offences:\n  - category: theft\n')).toEqual([
      { at: '1:1', path: 'id', code: 'schema.required', message: 'required field is missing (expected string)' },
      { at: '2:5', path: 'offences[0].id', code: 'schema.required', message: 'required field is missing (expected string)' },
    ]);
    const found = (value: string) => problemsOf(`${CASE}    nexus: compelled\ntrafficking: { victim: ${value} }\n`)[0]!.message;
    expect(found('null')).toBe('expected boolean, got null');
    expect(found('[1]')).toBe('expected boolean, got a list');
    expect(found('{a: 1}')).toBe('expected boolean, got a mapping');
    expect(found('"yes"')).toBe('expected boolean, got the text "yes"');
    expect(found('3')).toBe('expected boolean, got number 3');
    expect(found(`"${'x'.repeat(50)}"`)).toBe(`expected boolean, got the text "${'x'.repeat(40)}…"`);
  });

  it('an unknown value names the closest accepted one and the accepted values', () => {
    const [p] = problemsOf(`${CASE}    nexus: compeled\n`);
    expect(p).toEqual({ at: '5:12', path: 'offences[0].nexus', code: 'schema.unknown-value', message: 'unknown value "compeled"; did you mean "compelled"? (expected one of: compelled, direct-consequence, result-of, connected, none)' });
    const [far] = problemsOf(`${CASE}    nexus: 7\n`);
    expect(far!.message).toBe('unknown value 7 (expected one of: compelled, direct-consequence, result-of, connected, none)');
    const [long] = problemsOf(CASE.replace('theft', 'zzzzzz'));
    expect(long!.message).toMatch(new RegExp(`^unknown value "zzzzzz" \\(expected one of: (?:[a-z-]+, ){12}… \\(${cat.categories.length} in all\\)\\)$`));
  });

  it('an unknown field is located on its key; a value that fits no accepted form says so; limits name the field', () => {
    expect(problemsOf(`${CASE}    natur: x\n`)).toEqual([{ at: '5:5', path: 'offences[0].natur', code: 'schema.unknown-key', message: 'unknown field "natur" (a typo would otherwise become an unknown fact)' }]);
    const nir = readFileSync(join(ROOT, 'jurisdictions', 'gb-nir.yaml'), 'utf8');
    const j = parseJurisdiction('j.yaml', nir.replace(/max_penalty_years: [^\n,}]+/, 'max_penalty_years: forever'), cat, 'gb-nir');
    expect(j.ok ? [] : j.problems.map((p) => [p.code, p.message])).toEqual([['schema.type', 'got the text "forever", which fits none of the accepted forms']]);
    const tooLong = problemsOf(`${CASE}    label: "${'a'.repeat(501)}"\n`);
    expect(tooLong).toEqual([{ at: '5:12', path: 'offences[0].label', code: 'schema.too-big', message: expect.stringMatching(/500/) }]);
  });

  it('problems print as one line, file:line:col  path  message, sorted by file then position', () => {
    const p: Problem = { file: 'b.yaml', line: 3, col: 7, path: 'offences[0].date', code: 'case.date-order', message: 'offence date is\n   after as_of' };
    expect(formatProblem(p)).toBe('b.yaml:3:7  offences[0].date  offence date is after as_of');
    expect(formatProblem({ ...p, path: '' })).toBe('b.yaml:3:7  offence date is after as_of');
    const list = [p, { ...p, file: 'a.yaml', line: 9 }, { ...p, line: 2, col: 9 }, { ...p, line: 2, col: 1, path: 'z' }, { ...p, line: 2, col: 1, path: 'a' }];
    expect(sortProblems(list).map((x) => `${x.file}:${x.line}:${x.col}:${x.path}`)).toEqual(['a.yaml:9:7:offences[0].date', 'b.yaml:2:1:a', 'b.yaml:2:1:z', 'b.yaml:2:9:offences[0].date', 'b.yaml:3:7:offences[0].date']);
    expect(new InputError([p, { ...p, line: 4 }]).message).toBe('b.yaml:3:7  offences[0].date  offence date is after as_of\nb.yaml:4:7  offences[0].date  offence date is after as_of');
    expect(formatPath(['offences', 0, 'answers', 'due-diligence'])).toBe('offences[0].answers.due-diligence');
    expect(formatPath([0, 'x'])).toBe('[0].x');
  });

  it('"did you mean" offers only close candidates, ignores case, and accepts a prefix', () => {
    const ids = ['gb-ew', 'gb-sct', 'gb-nir', 'us-ny'];
    expect(suggest('gb-ow', ids)).toBe('gb-ew');
    expect(suggest('GB-SCT', ids)).toBe('gb-sct');
    expect(suggest('gb-ni', ids)).toBe('gb-nir');
    expect(suggest('us', ids)).toBe('us-ny'); // a prefix, though four edits away
    expect(suggest('france', ids)).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
    expect(suggest('a'.repeat(70), ['a'.repeat(70), 'b'])).toBeUndefined(); // too long to compare: no guess
    expect(suggest('no-realistic-alternatives', cat.questions.map((q) => q.id))).toBe('no-realistic-alternative');
  });
});

describe('reading files', () => {
  it('a directory, a missing file and an oversized file are refused at line 1', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 25_000_000);
    const codes = [sub, join(dir, 'none.yaml'), big].map((f) => {
      const r = readText(f);
      return r.ok ? 'read' : `${r.problems[0]!.code} ${r.problems[0]!.line}:${r.problems[0]!.col} ${r.problems[0]!.message}`;
    });
    expect(codes).toEqual(['input.not-a-file 1:1 is a directory, not a regular file: only regular files are read', 'input.unreadable 1:1 file not found', 'input.too-large 1:1 file is too large (more than 5000000 bytes)']);
  });

  it('loadCaseFile returns the case or throws located problems', () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(good, CASE);
    expect(loadCaseFile(good, cat).offences[0]!.category).toBe('theft');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, `${CASE}    nexus: maybe\n`);
    expect(() => loadCaseFile(bad, cat)).toThrow(InputError);
    expect(() => loadCaseFile(bad, cat)).toThrow(/bad\.yaml:5:12 {2}offences\[0\]\.nexus {2}unknown value "maybe"/);
  });

  it('a jurisdiction file must carry its own name as id, and ids are listed from the .yaml files only', () => {
    const jdir = join(dir, 'laws');
    mkdirSync(jdir);
    const cy = readFileSync(join(ROOT, 'jurisdictions', 'cy.yaml'), 'utf8');
    writeFileSync(join(jdir, 'zz.yaml'), cy);
    writeFileSync(join(jdir, 'notes.txt'), 'not a law');
    writeFileSync(join(jdir, 'aa.yaml'), cy.replace(/^id: cy$/m, 'id: aa'));
    expect(listJurisdictionIds(jdir)).toEqual(['aa', 'zz']);
    expect(listJurisdictionIds(join(dir, 'nowhere'))).toEqual([]);
    expect(() => loadJurisdictionFile(join(jdir, 'zz.yaml'), cat)).toThrow(/zz\.yaml:1:5 {2}id {2}id "cy" must equal the file name "zz"/);
    expect(loadJurisdictionFile(join(jdir, 'aa.yaml'), cat).value.id).toBe('aa');
    expect(jurisdictionFile('gb-ew', cat)).toBe(join(ROOT, 'jurisdictions', 'gb-ew.yaml'));
    expect(() => jurisdictionFile('gb-ow', cat)).toThrow(/unknown jurisdiction "gb-ow"; did you mean "gb-ew"\?/);
  });

  it('the rules digest changes with any jurisdiction text and not with the order given; the version is the package version', () => {
    const a = rulesDigest(new Map([['x', 'one'], ['y', 'two']]));
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rulesDigest(new Map([['y', 'two'], ['x', 'one']]))).toBe(a);
    expect(rulesDigest(new Map([['x', 'one'], ['y', 'two!']]))).not.toBe(a);
    expect(rulesDigest(new Map([['x', 'one']]))).not.toBe(a);
    expect(packageVersion()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
