/**
 * The only module that reads files: the rules catalogue, jurisdiction files and case files, from disk.
 * Everything is read whole, through readBytes (regular files only, a byte cap enforced while reading);
 * nothing is written. Problems come back located, never as exceptions with
 * stack traces.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { categoriesFileSchema, meansFileSchema, questionsFileSchema, type Catalogue } from '../schema/catalogue.js';
import type { CaseFile } from '../schema/case.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import { parseCase, type Loaded } from './case.js';
import { issuesToProblems } from './issues.js';
import { parseJurisdiction } from './jurisdiction.js';
import { InputError, type Problem, suggest } from './problems.js';
import { LIMITS, parseSource, type Source } from './source.js';

/** The package root: where rules/, jurisdictions/ and scenarios/ ship. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const JURISDICTIONS_DIR = join(PACKAGE_ROOT, 'jurisdictions');

const fileProblem = (file: string, code: string, message: string): Problem => ({ file, line: 1, col: 1, path: '', code, message });

/** What a path names, in words, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const notAFile = (file: string, st: Stats) => fileProblem(file, 'input.not-a-file', `is ${kindOf(st)}, not a regular file: only regular files are read`);

/**
 * The bytes of a regular file, at most `maxBytes` of them. The one place input is read from disk:
 * the path is stat'ed first, so a directory, a named pipe, a device or a socket (also behind a symlink) is
 * refused without being opened; it is then opened non-blocking and fstat'ed again, so a file swapped for
 * a pipe in between cannot make the read wait; and the cap is enforced while reading, not trusted to the
 * size the file system reports.
 */
export function readBytes(file: string, maxBytes: number = LIMITS.maxBytes): { ok: true; bytes: Buffer } | { ok: false; problems: Problem[] } {
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, problems: [notAFile(file, st)] };
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const fst = fstatSync(fd);
    if (!fst.isFile()) return { ok: false, problems: [notAFile(file, fst)] };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes)
        return { ok: false, problems: [fileProblem(file, 'input.too-large', `file is too large (more than ${maxBytes} bytes)`)] };
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problems: [fileProblem(file, 'input.unreadable', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`)] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read a text file as UTF-8 (through readBytes), refusing invalid UTF-8. */
export function readText(file: string, maxBytes: number = LIMITS.maxBytes): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const read = readBytes(file, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, problems: [fileProblem(file, 'input.encoding', 'file is not valid UTF-8 text')] };
  }
}

function loadRulesFile<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }): T {
  const read = readText(file);
  if (!read.ok) throw new InputError(read.problems);
  const parsed = parseSource(file, read.text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const r = schema.safeParse(parsed.source.value);
  if (!r.success) throw new InputError(issuesToProblems(parsed.source, r.error.issues as never));
  return r.data;
}

/** Jurisdiction ids available in a directory: the names of its .yaml files. */
export function listJurisdictionIds(dir = JURISDICTIONS_DIR): string[] {
  return listYamlIds(dir);
}

/** The names of the .yaml files in a directory, sorted; none for a directory that cannot be read. */
export function listYamlIds(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The rules catalogue: from its prepared form when the build made it from these very rules files (no YAML
 * parsing, no validation), otherwise read and validated from the YAML.
 */
export function loadCatalogue(rulesDir = RULES_DIR, jurisdictionsDir = JURISDICTIONS_DIR): Catalogue {
  return { ...(preparedCatalogue(rulesDir) ?? readCatalogueRules(rulesDir)), jurisdictions: listJurisdictionIds(jurisdictionsDir) };
}

/** The rules files, read and validated from the YAML (the build does this once, for the prepared form). */
export function readCatalogueRules(rulesDir = RULES_DIR): Omit<Catalogue, 'jurisdictions'> {
  const c = loadRulesFile(join(rulesDir, 'offence-categories.yaml'), categoriesFileSchema);
  const m = loadRulesFile(join(rulesDir, 'means.yaml'), meansFileSchema);
  const q = loadRulesFile(join(rulesDir, 'questions.yaml'), questionsFileSchema);
  return { categories: c.categories, means: m.means, coerciveControl: m.coercive_control, questions: q.questions };
}

/** What the prepared catalogue was made from: the rules files' bytes. */
export function catalogueKey(rulesDir = RULES_DIR): string {
  const h = createHash('sha256');
  for (const bytes of rulesBytes(rulesDir)) h.update(bytes);
  return h.digest('hex');
}

function preparedCatalogue(rulesDir: string): Omit<Catalogue, 'jurisdictions'> | null {
  const bytes = readBytes(join(PREPARED_DIR, '_rules.json'));
  if (!bytes.ok) return null; // a development tree before the build: read the YAML
  try {
    const prepared = JSON.parse(bytes.bytes.toString('utf8')) as { key: string; value: Omit<Catalogue, 'jurisdictions'> };
    return prepared.key === catalogueKey(rulesDir) ? prepared.value : null;
  } catch {
    return null;
  }
}

const JURISDICTION_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A shipped jurisdiction by id (never a path: `../x` is refused). */
export function jurisdictionFile(id: string, cat: Catalogue, dir = JURISDICTIONS_DIR): string {
  if (!JURISDICTION_ID.test(id) || !cat.jurisdictions.includes(id)) {
    const hint = suggest(id, cat.jurisdictions);
    throw new InputError([
      fileProblem('<command line>', 'ref.unknown-jurisdiction', `unknown jurisdiction "${id}"${hint ? `; did you mean "${hint}"?` : ''} (available: ${cat.jurisdictions.join(', ')})`),
    ]);
  }
  return join(dir, `${id}.yaml`);
}

/**
 * A jurisdiction file from disk. A shipped file's id must equal its name; a draft given with `--law`
 * (`anyId`) may carry any id, since it adds or replaces that id for one run.
 */
export function loadJurisdictionFile(file: string, cat: Catalogue, anyId = false): { value: JurisdictionFile; text: string; source: Source } {
  const read = readText(file);
  if (!read.ok) throw new InputError(read.problems);
  const expectedId = anyId ? undefined : basename(file, extname(file));
  const r = parseJurisdiction(file, read.text, cat, expectedId);
  if (!r.ok) throw new InputError(r.problems);
  return { value: r.value, text: read.text, source: r.source };
}

/** Where the build keeps the shipped laws, validated, as JSON (read instead of the YAML when nothing changed). */
export const PREPARED_DIR = join(PACKAGE_ROOT, 'dist', 'laws');

/** The rules files' bytes, read once per folder in a process (every law's prepared key reads them). */
const rulesBytesCache = new Map<string, Buffer[]>();
function rulesBytes(rulesDir: string): Buffer[] {
  let hit = rulesBytesCache.get(rulesDir);
  if (!hit) {
    hit = ['means.yaml', 'offence-categories.yaml', 'questions.yaml'].flatMap((f) => {
      const read = readBytes(join(rulesDir, f));
      return read.ok ? [read.bytes] : [];
    });
    rulesBytesCache.set(rulesDir, hit);
  }
  return hit;
}

/** What a prepared law was made from: its own text and the rules files it was validated against. */
export function preparedKey(text: string, rulesDir = RULES_DIR): string {
  const h = createHash('sha256');
  h.update(text);
  for (const bytes of rulesBytes(rulesDir)) h.update(bytes);
  return h.digest('hex');
}

/**
 * A shipped law, read from its prepared form when that was made from this very text and these rules (the
 * YAML, its positions and its validation are then skipped: they are only needed to report a problem or to
 * trace a figure to a line); otherwise read and validated from the YAML.
 */
export function loadShippedJurisdiction(file: string, cat: Catalogue, rulesDir = RULES_DIR): { value: JurisdictionFile; text: string; source?: Source } {
  const read = readText(file);
  if (!read.ok) throw new InputError(read.problems);
  const id = basename(file, extname(file));
  try {
    const bytes = readBytes(join(PREPARED_DIR, `${id}.json`));
    if (!bytes.ok) throw new Error('no prepared form');
    const prepared = JSON.parse(bytes.bytes.toString('utf8')) as { key: string; categories: string; value: JurisdictionFile };
    if (prepared.key === preparedKey(read.text, rulesDir) && prepared.categories === cat.categories.map((c) => c.id).join(',')) return { value: prepared.value, text: read.text };
  } catch {
    // No prepared form (a development tree before the build, or another jurisdictions folder): read the YAML.
  }
  const r = parseJurisdiction(file, read.text, cat, id);
  if (!r.ok) throw new InputError(r.problems);
  return { value: r.value, text: read.text, source: r.source };
}

export function loadCaseFile(file: string, cat: Catalogue): CaseFile {
  const r = readCase(file, cat);
  if (!r.ok) throw new InputError(r.problems);
  return r.value;
}

export function readCase(file: string, cat: Catalogue): Loaded<CaseFile> {
  const read = readText(file);
  if (!read.ok) return read;
  return parseCase(file, read.text, cat);
}

/** sha256 over the rules files and the given jurisdiction texts, so a memo can be reproduced later. */
export function rulesDigest(jurisdictionTexts: ReadonlyMap<string, string>, rulesDir = RULES_DIR): string {
  const h = createHash('sha256');
  for (const f of ['means.yaml', 'offence-categories.yaml', 'questions.yaml']) {
    h.update(`rules/${f}\n`);
    const read = readBytes(join(rulesDir, f));
    if (!read.ok) throw new InputError(read.problems);
    h.update(read.bytes);
  }
  for (const id of [...jurisdictionTexts.keys()].sort()) {
    h.update(`jurisdictions/${id}.yaml\n`);
    h.update(jurisdictionTexts.get(id)!);
  }
  return `sha256:${h.digest('hex')}`;
}

export { packageVersion } from './version.js';
