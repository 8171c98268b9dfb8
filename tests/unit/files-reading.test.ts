/**
 * The file readers behind every command: what a path that is not a regular file is called, that every
 * file opened is closed, the rules catalogue read from a folder, and when a shipped law is read from the
 * form the build prepared (only when it was made from this very text, these rules and these categories).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JURISDICTIONS_DIR, loadCatalogue, loadJurisdictionFile, loadShippedJurisdiction, preparedKey, readText, RULES_DIR, rulesDigest } from '../../src/load/files.js';
import { InputError, type Problem } from '../../src/load/problems.js';
import { law } from '../helpers.js';

const cat = law().catalogue;
const root = mkdtempSync(join(tmpdir(), 'np-files-reading-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const thrown = (f: () => unknown): Problem[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
};
const refusal = (f: string) => {
  const r = readText(f);
  return r.ok ? 'read' : `${r.problems[0]!.code} ${r.problems[0]!.message}`;
};
/** A copy of the rules folder, with one file's text changed or one file left out. */
const rulesCopy = (name: string, edit: Partial<Record<'means.yaml' | 'offence-categories.yaml' | 'questions.yaml', string | null>> = {}) => {
  const d = join(root, name);
  mkdirSync(d);
  for (const f of ['means.yaml', 'offence-categories.yaml', 'questions.yaml'] as const) {
    const text = f in edit ? edit[f] : readFileSync(join(RULES_DIR, f), 'utf8');
    if (text !== null && text !== undefined) writeFileSync(join(d, f), text);
  }
  return d;
};

describe('what is not a regular file', () => {
  it('a socket is named, and refused without being opened', async () => {
    const sock = join(root, 'law.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(sock, done));
    try {
      expect(refusal(sock)).toBe('input.not-a-file is a socket, not a regular file: only regular files are read');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  const block = readdirSync('/dev')
    .map((n) => join('/dev', n))
    .find((p) => {
      try {
        return statSync(p).isBlockDevice();
      } catch {
        return false;
      }
    });
  it.skipIf(!block)('a block device is named (found one in /dev)', () => {
    expect(refusal(block!)).toBe('input.not-a-file is a block device, not a regular file: only regular files are read');
  });
});

describe('every file opened is closed', () => {
  const fds = () => readdirSync('/proc/self/fd').length;
  it('after a whole read and after a read refused for its size', () => {
    const f = join(root, 'small.yaml');
    writeFileSync(f, 'id: c\n');
    const before = fds();
    for (let i = 0; i < 60; i++) {
      expect(readText(f).ok).toBe(true);
      expect(refusal(f).startsWith('read')).toBe(true);
      const tooBig = readText(f, 3);
      expect(tooBig.ok).toBe(false);
    }
    // 180 reads: a leak would leave 180 more descriptors open (other work in the process may open a few).
    expect(fds() - before).toBeLessThan(30);
  });
});

describe('the rules catalogue', () => {
  it('is read from a rules folder, with the jurisdiction ids of a jurisdictions folder', () => {
    const rules = rulesCopy('rules-same');
    const laws = join(root, 'laws-two');
    mkdirSync(laws);
    writeFileSync(join(laws, 'zz.yaml'), '');
    writeFileSync(join(laws, 'aa.yaml'), '');
    const c = loadCatalogue(rules, laws);
    expect(c.jurisdictions).toEqual(['aa', 'zz']);
    expect(c.categories.map((x) => x.id)).toEqual(cat.categories.map((x) => x.id));
    expect(c.means).toEqual(cat.means);
    expect(c.coerciveControl).toEqual(cat.coerciveControl);
    expect(c.questions.map((q) => q.id)).toEqual(cat.questions.map((q) => q.id));
    expect(loadCatalogue().jurisdictions).toEqual(readdirSync(JURISDICTIONS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort());
  });

  it('a rules file that is not YAML, or not of its form, is refused with its problem located', () => {
    const syntax = rulesCopy('rules-syntax', { 'questions.yaml': 'questions: [\n' });
    expect(thrown(() => loadCatalogue(syntax)).map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([`${join(syntax, 'questions.yaml')}:2 yaml.syntax`]);
    const form = rulesCopy('rules-form', { 'means.yaml': 'means: 3\n' });
    expect(thrown(() => loadCatalogue(form)).map((p) => `${p.file}:${p.line}:${p.col} ${p.path} ${p.code}`)).toEqual([
      `${join(form, 'means.yaml')}:1:8 means schema.type`,
      `${join(form, 'means.yaml')}:1:1 coercive_control schema.required`,
    ]);
  });
});

describe('a jurisdiction file', () => {
  it('that does not exist is a located problem, not a crash', () => {
    const none = join(root, 'none.yaml');
    const problem = { file: none, line: 1, col: 1, path: '', code: 'input.unreadable', message: 'file not found' };
    expect(thrown(() => loadJurisdictionFile(none, cat))).toEqual([problem]);
    expect(thrown(() => loadShippedJurisdiction(none, cat))).toEqual([problem]);
  });

  it('the rules digest refuses a rules folder with a file missing', () => {
    const partial = rulesCopy('rules-partial', { 'questions.yaml': null });
    expect(thrown(() => rulesDigest(new Map(), partial))).toEqual([
      { file: join(partial, 'questions.yaml'), line: 1, col: 1, path: '', code: 'input.unreadable', message: 'file not found' },
    ]);
  });
});

describe('a shipped law and the form the build prepared', () => {
  const shipped = readFileSync(join(JURISDICTIONS_DIR, 'asean.yaml'), 'utf8');
  const idLine = shipped.split('\n').findIndex((l) => l === 'id: asean') + 1;
  const laws = join(root, 'shipped');
  mkdirSync(laws);
  const copy = join(laws, 'asean.yaml');
  writeFileSync(copy, shipped);

  it('the very text the build prepared is read from the prepared form: no positions, the same law', () => {
    const r = loadShippedJurisdiction(copy, cat);
    expect(r.source).toBeUndefined();
    expect(r.text).toBe(shipped);
    expect(r.value.id).toBe('asean');
    expect(r.value).toEqual(loadJurisdictionFile(copy, cat).value);
  });

  it('a text the build did not prepare is read from the YAML, with positions', () => {
    const edited = join(root, 'edited');
    mkdirSync(edited);
    writeFileSync(join(edited, 'asean.yaml'), `${shipped}# a comment added after the build\n`);
    const r = loadShippedJurisdiction(join(edited, 'asean.yaml'), cat);
    expect(idLine).toBeGreaterThan(0);
    expect(r.source?.locate(['id'])).toEqual({ line: idLine, col: 5 });
    expect(r.value.id).toBe('asean');
  });

  it('other rules, or the categories in another order, are not what the law was prepared against: the YAML is read', () => {
    const rules = rulesCopy('rules-changed', { 'means.yaml': `${readFileSync(join(RULES_DIR, 'means.yaml'), 'utf8')}# changed\n` });
    expect(loadShippedJurisdiction(copy, cat, rules).source).toBeDefined();
    const reordered = { ...cat, categories: [...cat.categories].reverse() };
    expect(loadShippedJurisdiction(copy, reordered).source).toBeDefined();
  });

  it('a law with no prepared form is read from the YAML; a broken one is refused with its problems', () => {
    const other = join(laws, 'zz-unprepared.yaml');
    writeFileSync(other, shipped.replace(/^id: asean$/m, 'id: zz-unprepared'));
    expect(loadShippedJurisdiction(other, cat).source).toBeDefined();
    const broken = join(root, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'asean.yaml'), shipped.replace(/^id: asean$/m, 'id: asean-xx'));
    expect(thrown(() => loadShippedJurisdiction(join(broken, 'asean.yaml'), cat)).map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([`${idLine}:5 ref.id-mismatch`]);
  });

  it('the key is made from the text and the three rules files; the rules are read once per folder in a process', () => {
    const rules = rulesCopy('rules-keyed');
    const key = preparedKey('text', rules);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(preparedKey('text', RULES_DIR));
    expect(preparedKey('text!', rules)).not.toBe(key);
    expect(preparedKey('text', rulesCopy('rules-without-questions', { 'questions.yaml': null }))).not.toBe(key);
    writeFileSync(join(rules, 'means.yaml'), 'changed after the first read\n');
    expect(preparedKey('text', rules)).toBe(key);
  });
});
