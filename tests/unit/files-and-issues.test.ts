/**
 * Reading files from disk (refusals at line 1 of the file, the rules catalogue, jurisdiction ids, the
 * rules digest) and turning schema issues into the one-line problems a user reads.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../../src/load/case.js';
import { jurisdictionFile, listJurisdictionIds, loadCatalogue, readCase, readText, RULES_DIR, rulesDigest } from '../../src/load/files.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { InputError, type Problem } from '../../src/load/problems.js';
import { LIMITS } from '../../src/load/source.js';
import type { Catalogue } from '../../src/schema/catalogue.js';

const cat = loadCatalogue();
const dir = mkdtempSync(join(tmpdir(), 'np-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const atStart = (file: string, code: string, message: string): Problem => ({ file, line: 1, col: 1, path: '', code, message });
const thrown = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('reading a file', () => {
  it('invalid UTF-8 is refused for the whole file', () => {
    const bin = write('bin.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    expect(readText(bin)).toEqual({ ok: false, problems: [atStart(bin, 'input.encoding', 'file is not valid UTF-8 text')] });
  });

  it('a path that cannot be read names the system error', () => {
    const plain = write('plain.yaml', 'id: c\n');
    const below = join(plain, 'case.yaml'); // a file used as a directory
    expect(readText(below)).toEqual({ ok: false, problems: [atStart(below, 'input.unreadable', 'cannot read the file (ENOTDIR)')] });
  });

  it('the byte cap is enforced while reading: a file of exactly the cap is read, one byte more is refused', () => {
    const edge = write('edge.yaml', '');
    truncateSync(edge, LIMITS.maxBytes);
    const r = readText(edge);
    expect(r.ok && r.text.length).toBe(LIMITS.maxBytes);
    truncateSync(edge, LIMITS.maxBytes + 1);
    expect(readText(edge)).toEqual({ ok: false, problems: [atStart(edge, 'input.too-large', `file is too large (more than ${LIMITS.maxBytes} bytes)`)] });
  });

  it('only regular files are read: a device, a named pipe, a directory, a symlink to a device are refused unopened', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]); // nobody ever writes to it: opening it for a blocking read would hang
    const link = join(dir, 'zero-link.yaml');
    symlinkSync('/dev/zero', link);
    const linkToFile = join(dir, 'good-link.yaml');
    symlinkSync(write('target.yaml', 'id: c\n'), linkToFile);
    const message = (f: string) => {
      const r = readText(f);
      return r.ok ? `read ${r.text.length}` : `${r.problems[0]!.code} ${r.problems[0]!.line}:${r.problems[0]!.col} ${r.problems[0]!.message}`;
    };
    expect(['/dev/zero', fifo, dir, link, '/dev/null', linkToFile].map(message)).toEqual([
      'input.not-a-file 1:1 is a character device, not a regular file: only regular files are read',
      'input.not-a-file 1:1 is a named pipe, not a regular file: only regular files are read',
      'input.not-a-file 1:1 is a directory, not a regular file: only regular files are read',
      'input.not-a-file 1:1 is a character device, not a regular file: only regular files are read',
      'input.not-a-file 1:1 is a character device, not a regular file: only regular files are read',
      'read 6',
    ]);
  });

  it('a case file that cannot be read gives its problem, not an exception', () => {
    const none = join(dir, 'none.yaml');
    expect(readCase(none, cat)).toEqual({ ok: false, problems: [atStart(none, 'input.unreadable', 'file not found')] });
    const good = write('good.yaml', 'id: c\noffences: [{ id: o1, category: theft }]\n');
    const r = readCase(good, cat);
    expect(r.ok && r.value.offences[0]!.category).toBe('theft');
  });
});

describe('the rules catalogue and jurisdiction ids', () => {
  it('a rules file that is missing is named in a located problem', () => {
    const rules = join(dir, 'rules-incomplete');
    mkdirSync(rules);
    copyFileSync(join(RULES_DIR, 'means.yaml'), join(rules, 'means.yaml'));
    expect(thrown(() => loadCatalogue(rules))).toEqual([atStart(join(rules, 'offence-categories.yaml'), 'input.unreadable', 'file not found')]);
  });

  it('ids are listed sorted as ids, not as file names ("gb" before "gb-ew")', () => {
    const laws = join(dir, 'laws');
    mkdirSync(laws);
    for (const id of ['gb-ew', 'gb', 'a-b', 'a']) writeFileSync(join(laws, `${id}.yaml`), '');
    expect(listJurisdictionIds(laws)).toEqual(['a', 'a-b', 'gb', 'gb-ew']);
  });

  it('an unknown jurisdiction is a command-line problem listing the ones available', () => {
    const two: Catalogue = { ...cat, jurisdictions: ['gb-ew', 'gb-sct'] };
    expect(thrown(() => jurisdictionFile('france', two))).toEqual([
      atStart('<command line>', 'ref.unknown-jurisdiction', 'unknown jurisdiction "france" (available: gb-ew, gb-sct)'),
    ]);
    expect(thrown(() => jurisdictionFile('gb-sc', two))[0]!.message).toBe('unknown jurisdiction "gb-sc"; did you mean "gb-sct"? (available: gb-ew, gb-sct)');
    expect(thrown(() => jurisdictionFile('../gb-ew', two))[0]!.message).toMatch(/^unknown jurisdiction "\.\.\/gb-ew"/);
  });
});

describe('the rules digest', () => {
  const rulesCopy = (name: string, edit?: { means?: (t: string) => string; categories?: (t: string) => string }) => {
    const d = join(dir, name);
    mkdirSync(d);
    const read = (f: string) => readFileSync(join(RULES_DIR, f), 'utf8');
    writeFileSync(join(d, 'means.yaml'), (edit?.means ?? ((t) => t))(read('means.yaml')));
    writeFileSync(join(d, 'offence-categories.yaml'), (edit?.categories ?? ((t) => t))(read('offence-categories.yaml')));
    writeFileSync(join(d, 'questions.yaml'), read('questions.yaml'));
    return d;
  };
  const none = new Map<string, string>();

  it('covers the rules files: a change to one changes the digest', () => {
    const same = rulesCopy('rules-same');
    const changed = rulesCopy('rules-changed', { means: (t) => `${t}# a comment\n` });
    expect(rulesDigest(none, same)).toBe(rulesDigest(none, RULES_DIR));
    expect(rulesDigest(none, changed)).not.toBe(rulesDigest(none, same));
  });

  it('tells which file a text is in: moving text from one rules file to the next changes the digest', () => {
    const means = readFileSync(join(RULES_DIR, 'means.yaml'), 'utf8');
    const tail = means.slice(-1);
    const moved = rulesCopy('rules-moved', { means: (t) => t.slice(0, -1), categories: (t) => tail + t });
    expect(rulesDigest(none, moved)).not.toBe(rulesDigest(none, RULES_DIR));
  });

  it('tells which jurisdiction a text belongs to: renaming one, or moving text between two, changes the digest', () => {
    expect(rulesDigest(new Map([['x', 'one']]))).not.toBe(rulesDigest(new Map([['z', 'one']])));
    expect(rulesDigest(new Map([['x', 'one'], ['y', 'two']]))).not.toBe(rulesDigest(new Map([['x', 'on'], ['y', 'etwo']])));
  });
});

describe('schema problems', () => {
  const problemsOf = (text: string, c: Catalogue = cat) => {
    const r = parseCase('c.yaml', text, c);
    return r.ok ? [] : r.problems;
  };
  const CASE = 'id: c\noffences:\n  - id: o1\n    category: theft\n';

  it('a value of the wrong type is schema.type, a missing one schema.required', () => {
    expect(problemsOf('id: c\noffences: not-a-list\n')).toEqual([
      { file: 'c.yaml', line: 2, col: 11, path: 'offences', code: 'schema.type', message: 'expected array, got the text "not-a-list"' },
    ]);
    expect(problemsOf('id: c\n')).toEqual([{ file: 'c.yaml', line: 1, col: 1, path: 'offences', code: 'schema.required', message: 'required field is missing (expected array)' }]);
  });

  it('a text of up to forty characters is quoted whole; a longer one is cut at forty', () => {
    const found = (value: string) => problemsOf(`${CASE}trafficking: { victim: "${value}" }\n`)[0]!.message;
    expect(found('x'.repeat(40))).toBe(`expected boolean, got the text "${'x'.repeat(40)}"`);
    expect(found('x'.repeat(41))).toBe(`expected boolean, got the text "${'x'.repeat(40)}…"`);
  });

  it('up to twelve accepted values are listed whole; more are cut at twelve with their number', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `j${String(i + 1).padStart(2, '0')}`);
    const unknown = (n: number) => problemsOf(`jurisdiction: france\n${CASE}`, { ...cat, jurisdictions: ids(n) })[0]!;
    expect(unknown(12)).toEqual({ file: 'c.yaml', line: 1, col: 15, path: 'jurisdiction', code: 'schema.unknown-value', message: `unknown value "france" (expected one of: ${ids(12).join(', ')})` });
    expect(unknown(13).message).toBe(`unknown value "france" (expected one of: ${ids(12).join(', ')}, … (13 in all))`);
  });

  describe('in a jurisdiction file', () => {
    const TINY = `id: tiny
name: Tiny
kind: jurisdiction
summary: One provision.
checked: 2026-11-28
instruments:
  - { id: act, title: Tiny Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: defence
    title: Defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A defence.
    in_force: { from: 2010-01-01 }
    nexus: compelled
    domains: [criminal]
    verified: true
attributes:
  legal_aid: { value: yes, verified: true }
offences:
  - code: theft-1
    label: Theft
    category: theft
    max_penalty_years: 7
    citation: { instrument: act, section: s.9 }
    verified: true
`;
    const lawProblems = (text: string) => {
      const r = parseJurisdiction('tiny.yaml', text, cat, 'tiny');
      return r.ok ? [] : r.problems;
    };

    it('the tiny jurisdiction used here is valid', () => {
      expect(lawProblems(TINY)).toEqual([]);
    });

    it('a key the schema refuses is located on the key itself and named', () => {
      expect(lawProblems(TINY.replace('  legal_aid:', '  Legal-Aid:'))).toEqual([
        { file: 'tiny.yaml', line: 21, col: 3, path: 'attributes.Legal-Aid', code: 'schema.unknown-key', message: 'unknown key "Legal-Aid" here' },
      ]);
    });

    it('an empty value where several forms are accepted says what it got, on the value', () => {
      expect(lawProblems(TINY.replace('    max_penalty_years: 7\n', '    max_penalty_years:\n'))).toEqual([
        { file: 'tiny.yaml', line: 26, col: 23, path: 'offences[0].max_penalty_years', code: 'schema.type', message: 'got null, which fits none of the accepted forms' },
      ]);
    });

    it('an offence row without a maximum penalty is valid (only a rule-based exception reads it)', () => {
      expect(lawProblems(TINY.replace('    max_penalty_years: 7\n', ''))).toEqual([]);
    });
  });
});
