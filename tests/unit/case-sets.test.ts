/**
 * The case sets `impact` and `compare --cases` read: a directory of case and scenario files (read in name
 * order, sub-directories included, other files and symlinks left out) or an NDJSON file, with every problem
 * located on its file and line, and the refusals a user meets at the command line.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCaseSet } from '../../src/load/case-sets.js';
import { InputError, type Problem } from '../../src/load/problems.js';
import { law } from '../helpers.js';

const cat = law().catalogue;
const root = mkdtempSync(join(tmpdir(), 'np-case-sets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, content: string | Buffer) => {
  writeFileSync(path, content);
  return path;
};
const folder = (name: string) => {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const caseText = (id: string) => `id: ${id}\noffences:\n  - id: o1\n    category: theft\n`;
/** How a parsed file is named in a problem: relative to the working directory. */
const shown = (f: string) => relative(process.cwd(), f);
const thrown = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
};
const problem = (file: string, line: number, col: number, path: string, code: string, message: string): Problem => ({ file, line, col, path, code, message });

describe('a directory of case files', () => {
  it("reads case, scenario and JSON files in name order (a sub-directory's files where its name falls), and leaves out other files and symlinks", () => {
    const d = folder('good');
    write(join(d, 'b.yaml'), caseText('case-b'));
    write(join(d, 'a.yml'), caseText('case-a'));
    write(join(d, 'c.json'), JSON.stringify({ id: 'case-c', offences: [{ id: 'o1', category: 'theft' }] }));
    write(join(d, 'd.yaml'), `name: A golden file\njurisdiction: gb-ew\ncase:\n  id: case-d\n  offences: [{ id: o1, category: theft }]\nexpect: {}\n`);
    write(join(d, 'notes.txt'), 'id: not-a-case\n');
    write(join(d, 'old.yaml.bak'), caseText('not-read'));
    symlinkSync(join(d, 'b.yaml'), join(d, 'e-link.yaml'));
    write(join(folder('good/sub'), 'a.yaml'), caseText('case-sub'));
    const set = readCaseSet(d, cat, 'the test cases');
    expect(set.source).toBe('the test cases');
    expect(set.cases.map((c) => c.id)).toEqual(['case-a', 'case-b', 'case-c', 'case-d', 'case-sub']);
    expect(set.cases[3]).toEqual({ id: 'case-d', offences: [{ id: 'o1', category: 'theft' }] });
    expect(readCaseSet(d, cat).source).toBe(d);
  });

  it('an empty directory is an empty set', () => {
    expect(readCaseSet(folder('empty'), cat)).toEqual({ source: join(root, 'empty'), cases: [] });
  });

  it('every bad file is reported, each located in its own file; a scenario file\'s problems are placed inside its case', () => {
    const d = folder('bad');
    const unreadable = write(join(d, 'a-binary.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    const syntax = write(join(d, 'b-syntax.yaml'), 'id: [x\n');
    const schema = write(join(d, 'c-schema.yaml'), `${caseText('c')}    nexus: maybe\n`);
    const scenario = write(join(d, 'd-scenario.yaml'), 'name: n\ncase:\n  id: s\n  offences:\n    - id: o1\n      category: theft\n      nexus: maybe\nexpect: {}\n');
    const notACase = write(join(d, 'e-not-a-mapping.yaml'), 'name: n\ncase: 3\nexpect: {}\n');
    const problems = thrown(() => readCaseSet(d, cat));
    expect(problems.map((p) => ({ ...p, message: p.code === 'yaml.syntax' ? '(the parser\'s words)' : p.message }))).toEqual([
      problem(unreadable, 1, 1, '', 'input.encoding', 'file is not valid UTF-8 text'),
      problem(shown(syntax), 2, 1, '', 'yaml.syntax', '(the parser\'s words)'),
      problem(shown(schema), 5, 12, 'offences[0].nexus', 'schema.unknown-value', 'unknown value "maybe" (expected one of: compelled, direct-consequence, result-of, connected, none)'),
      problem(shown(scenario), 7, 14, 'case.offences[0].nexus', 'schema.unknown-value', 'unknown value "maybe" (expected one of: compelled, direct-consequence, result-of, connected, none)'),
      problem(shown(notACase), 2, 7, 'case', 'schema.type', 'expected object, got number 3'),
    ]);
  });

  it('a file with a case but no expectations is read as a case file, and its `case` field is unknown there', () => {
    const d = folder('case-without-expect');
    const f = write(join(d, 'a.yaml'), `${caseText('c')}case: {}\n`);
    expect(thrown(() => readCaseSet(d, cat))).toEqual([
      problem(shown(f), 5, 1, 'case', 'schema.unknown-key', 'unknown field "case" (a typo would otherwise become an unknown fact)'),
    ]);
  });

  it('two cases with the same id cannot be told apart in a report: refused, naming the id', () => {
    const d = folder('twice');
    write(join(d, 'a.yaml'), caseText('same'));
    write(join(d, 'b.yaml'), caseText('same'));
    expect(thrown(() => readCaseSet(d, cat))).toEqual([problem(d, 1, 1, '', 'input.duplicate-case', 'case id "same" appears twice in the set')]);
  });
});

describe('an NDJSON file, one case per line', () => {
  it('reads each line as a case; blank lines are skipped', () => {
    const f = write(join(root, 'cases.ndjson'), `{"id": "n1", "offences": [{"id": "o1", "category": "theft"}]}\n   \n\n{"id": "n2", "offences": [{"id": "o1", "category": "fraud"}]}\n`);
    expect(readCaseSet(f, cat)).toEqual({
      source: f,
      cases: [
        { id: 'n1', offences: [{ id: 'o1', category: 'theft' }] },
        { id: 'n2', offences: [{ id: 'o1', category: 'fraud' }] },
      ],
    });
  });

  it('each problem is on its own line of the file: syntax, a line that is not an object, a case that is wrong', () => {
    const f = write(
      join(root, 'bad.ndjson'),
      [
        '{"id": "n1", "offences": [{"id": "o1", "category": "theft"}]}',
        '{"id": ',
        '[1, 2]',
        '',
        '{"id": "n4", "offences": [{"id": "o1", "category": "theft", "nexus": "maybe"}]}',
        '"just text"',
      ].join('\n'),
    );
    const problems = thrown(() => readCaseSet(f, cat));
    expect(problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code}`)).toEqual([
      '2:8  yaml.syntax', // where the line ends, unfinished
      '3:1  input.ndjson',
      '5:70 offences[0].nexus schema.unknown-value',
      '6:1  input.ndjson',
    ]);
    expect(problems.every((p) => p.file === f)).toBe(true);
    expect(problems[1]!.message).toBe('each line must be one case, as a JSON object');
  });
});

describe('what is not a case set', () => {
  it('a path that does not exist', () => {
    const none = join(root, 'nowhere');
    expect(thrown(() => readCaseSet(none, cat))).toEqual([problem(none, 1, 1, '', 'input.unreadable', 'file or directory not found')]);
  });

  it('a single case file, and a symlink named .ndjson (only a regular file is read as NDJSON)', () => {
    const single = write(join(root, 'single.yaml'), caseText('c'));
    const link = join(root, 'link.ndjson');
    symlinkSync('/dev/null', link);
    const message = '--cases takes a directory of case or scenario files, or an .ndjson file (one case per line)';
    expect(thrown(() => readCaseSet(single, cat))).toEqual([problem(single, 1, 1, '', 'input.case-set', message)]);
    expect(thrown(() => readCaseSet(link, cat))).toEqual([problem(link, 1, 1, '', 'input.case-set', message)]);
  });

  it('an NDJSON file that cannot be read as text', () => {
    const f = write(join(root, 'binary.ndjson'), Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]));
    expect(thrown(() => readCaseSet(f, cat))).toEqual([problem(f, 1, 1, '', 'input.encoding', 'file is not valid UTF-8 text')]);
  });
});
