/**
 * `nonpunishment scenario …`, `check` and `validate` on scenario files: through `run` in-process (fast),
 * and through the real binary where the exit code of the process is the point.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { cli } from './run-binary.js';

/** The command in-process, not a terminal, no colour: what a user reads on standard output and error. */
async function local(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'np-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const shipped = (id: string) => readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');

describe('nonpunishment scenario list, show, run', () => {
  it('list: every scenario with its title and tags', async () => {
    const r = await local(['scenario', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cannabis-grow-boy-17 +A boy of 17 in a cannabis grow — and the same boy at 18$/m);
    expect(r.stdout).toContain('pattern: child-forced-criminality-cannabis · child-and-adult · A/79/322 para 27, 31, 57(e) · gb-ew, gb-sct, gb-nir, nl');
    const json = JSON.parse((await local(['scenario', 'list', '--format', 'json'])).stdout) as { id: string; age_group: string }[];
    expect(json.length).toBeGreaterThanOrEqual(18);
    expect(json.find((s) => s.id === 'girl-16-soliciting')).toMatchObject({ age_group: 'child' });
    const scottish = JSON.parse((await local(['scenario', 'list', '-j', 'gb-sct', '--format', 'json'])).stdout) as { id: string }[];
    expect(scottish.map((s) => s.id)).toEqual(['assault-on-orders', 'cannabis-grow-boy-17', 'woman-made-to-recruit']);
  });

  it('show: the story, the facts, the what-ifs and the points', async () => {
    const r = await local(['scenario', 'show', 'girl-16-soliciting']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('She was fifteen when a man in his twenties began to message her');
    expect(r.stdout).toContain('  Born: 2009-01-15 (aged 16 at the offence)');
    expect(r.stdout).toContain('    Statute: Street Offences Act 1959 s.1, code soa-1959-s1');
    expect(r.stdout).toContain('  The same acts, but she was 18 — person.birth_date: 2009-01-15 → 2007-01-15');
    expect(r.stdout).toMatch(/Learning points\n {2}- A child needs no "means"/);
  });

  it('run: the matrix, each variation as its own row, all as expected (exit 0)', async () => {
    const r = await local(['scenario', 'run', 'cannabis-grow-boy-17']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/As written\n {2}offence +gb-ew +gb-sct +gb-nir +nl\n {2}o1 += eligible += eligible += eligible += eligible/);
    expect(r.stdout).toMatch(/What if: The same boy, a year older\n {2}person\.birth_date: 2007-02-20 → 2006-02-20\n.*\n {2}o1 += eligible += not-eligible += not-eligible += eligible/);
    expect(r.stdout).toContain('All 8 expected outcomes met.');
  });

  it('run: an outcome that differs is shown with the scenario, law, offence and reason expected (exit 1)', async () => {
    const file = join(tmp, 'drift.yaml');
    writeFileSync(file, shipped('cannabis-grow-boy-17').replace(/gb-sct:\n {4}o1:\n {6}outcome: eligible/, 'gb-sct:\n    o1:\n      outcome: excluded'));
    const r = cli(['scenario', 'run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/o1 += eligible +≠ eligible += eligible/);
    expect(r.stdout).toContain('DIFFERENCES: 1 of 8 expected outcomes differ');
    expect(r.stdout).toContain("≠ scenario cannabis-grow-boy-17, jurisdiction gb-sct, offence o1: outcome is eligible, expected excluded — expected because: HTE(S)A 2015 s.8(4) and the Lord Advocate's instructions");
  });

  it('--jurisdiction and --all read it under other laws; cells without expectation are marked as such', async () => {
    const r = await local(['scenario', 'run', 'cannabis-grow-boy-17', '-j', 'gb-ew', 'us-ny', '--format', 'json']);
    expect(r.code).toBe(0);
    const matrix = JSON.parse(r.stdout) as { rows: { cells: { jurisdiction: string; expected: unknown }[] }[] };
    expect(matrix.rows[0]!.cells.map((c) => [c.jurisdiction, c.expected === null])).toEqual([['gb-ew', false], ['us-ny', true]]);
    expect((await local(['scenario', 'run', 'cannabis-grow-boy-17', '--all'])).stdout).toMatch(/o1 .*· not-eligible/);
  });

  it('bad input: an unknown id with the nearest ids, a bad file located, exit 2', async () => {
    const r = cli(['scenario', 'run', 'girl-16']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('<command line>:1:1  unknown scenario "girl-16"; nearest: girl-16-soliciting (see: nonpunishment scenario list)\n');
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, shipped('cannabis-grow-boy-17').replace('path: person.birth_date', 'path: person.age'));
    const b = await local(['scenario', 'show', file]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^.*bad\.yaml:\d+:\d+ {2}variations\[0\]\.change\.path {2}"person\.age" names a field the case file does not have \(person\.age\)\n$/);
  });
});

describe('scenario files in check, validate and new', () => {
  it('check evaluates the embedded case, under the scenario\'s laws unless others are named', async () => {
    const all = JSON.parse((await local(['check', 'scenarios/assault-on-orders.yaml', '--format', 'json'])).stdout) as { results: { jurisdiction: string }[] };
    expect(all.results.map((r) => r.jurisdiction)).toEqual(['gb-ew', 'gb-sct', 'nl', 'un-model']);
    const one = await local(['check', 'scenarios/assault-on-orders.yaml', '-j', 'gb-ew']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/o1 · Common assault on another worker, on the gang master's orders ·\s+\[cja-1988-s39\][\s\S]*ELIGIBLE/);
  });

  it('schema scenario: the format for editors, the embedded case included', async () => {
    const schema = JSON.parse((await local(['schema', 'scenario'])).stdout) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toEqual(['id', 'title', 'pattern', 'paragraphs', 'age_group', 'narrative', 'points', 'jurisdictions', 'case', 'expect', 'variations']);
    expect(Object.keys(schema.properties.case!.properties!)).toContain('offences');
  });

  it('validate accepts every shipped scenario', async () => {
    const r = await local(['validate', 'scenarios/cannabis-grow-boy-17.yaml', 'scenarios/girl-16-soliciting.yaml']);
    expect(r.stdout).toBe('ok  scenarios/cannabis-grow-boy-17.yaml  (training scenario)\nok  scenarios/girl-16-soliciting.yaml  (training scenario)\n2 file(s) valid\n');
  });

  it('new scaffolds a valid scenario from a case, with today\'s outcomes expected and placeholders for the words', async () => {
    const file = join(tmp, 'courier.yaml');
    const r = await local(['scenario', 'new', '--from', 'examples/drug-courier.yaml', '-j', 'gb-ew', 'un-model', '--save', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^narrative: "TODO: a few paragraphs/m);
    expect(text).toMatch(/reason: "TODO: why, in one line, citing the subsection \(the tool relied on: Modern Slavery Act 2015, s\.45\(1\)/);
    expect((await local(['validate', file])).code).toBe(0);
    expect((await local(['scenario', 'run', file])).stdout).toMatch(/All \d+ expected outcomes met\./);
    const again = await local(['scenario', 'new', '--from', 'examples/drug-courier.yaml', '-j', 'gb-ew', '--save', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect((await local(['scenario', 'new', '--from', 'examples/drug-courier.yaml'])).stdout).toMatch(/^jurisdictions:\n {2}- gb-ew$/m);
  });
});

describe('the classroom demo without a terminal, the slides, and hostile text', () => {
  it('not a terminal: every step printed at once, the quiz questions as prompts for the room', async () => {
    const r = await local(['scenario', 'demo', 'cannabis-grow-boy-17', '--quiz', '-j', 'gb-ew']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[1/5]  A boy of 17 in a cannabis grow — and the same boy at 18');
    expect(r.stdout).toMatch(/\[3\/5\] {2}England and Wales \(gb-ew\) — o1: Being concerned in the production of cannabis[\s\S]*Predict: Under gb-ew, what is the outcome for o1[\s\S]*✓ met — s\.45\(4\)\(a\)[\s\S]*Outcome under gb-ew: ✓ ELIGIBLE/);
    expect(r.stdout).toMatch(/\[4\/5\] {2}What if: The same boy, a year older\n[\s\S]*Only this changes — person\.birth_date: 2007-02-20 → 2006-02-20/);
    expect(r.stdout).toMatch(/\[5\/5\] {2}Learning points[\s\S]*End of the demo\.\n$/);
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('markdown: one slide per step, with the matrix as a table', async () => {
    const r = await local(['scenario', 'run', 'partner-coercive-control', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const slides = r.stdout.split('\n\n---\n\n');
    expect(slides[0]).toMatch(/^# Controlled by her partner, never threatened\n/);
    expect(r.stdout).toContain('| offence | gb-ew | us-ny | coe | un-model |');
    expect(r.stdout).toContain('| o1 | = **eligible** | = **not-eligible** | = **not-eligible** | = **eligible** |');
    expect(slides.at(-1)).toMatch(/^## Learning points\n\n1\. /);
  });

  it('text from a scenario file reaches no output as markup or escape codes', async () => {
    const file = join(tmp, 'hostile.yaml');
    const evil = '<img src=x onerror=alert(1)> \\u001b]0;owned\\u0007 **bold** [link](http://example.com) \\u202Eevil';
    writeFileSync(file, shipped('imperfect-victim').replace(/title: .*/, `title: "${evil}"`));
    const text = await local(['scenario', 'show', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u202E]/);
    const page = (await local(['scenario', 'show', file, '--format', 'html'])).stdout;
    expect(page).toContain('<title>&lt;img src=x onerror=alert(1)&gt; \\x1B]0;owned\\x07 **bold** [link](http://example.com) \\u202Eevil — training handout</title>');
    expect(page).not.toContain('<img');
    const md = (await local(['scenario', 'show', file, '--format', 'markdown'])).stdout;
    expect(md).toContain('# \\<img src=x onerror=alert(1)\\> \\\\x1B\\]0;owned\\\\x07 \\*\\*bold\\*\\* \\[link\\](http\\://example.com) \\\\u202Eevil');
  });
});

describe('a reader that stops early', () => {
  it('the demo piped into a reader that closes the pipe ends quietly, no stack trace', () => {
    // Every law: far more than a pipe holds, so the writer meets the closed pipe.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/nonpunishment.js scenario demo woman-made-to-recruit --all | head -c 10 >/dev/null`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('README, For trainers', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For trainers'), readme.indexOf('## Library API'));
  const commands = [...section.matchAll(/^node bin\/nonpunishment\.js (.+?)(?: {2,}#.*)?$/gm)].map((m) => m[1]!.trim());

  it('shows the list, the demo with and without --quiz, and the handout', () => {
    expect(commands).toEqual([
      'scenario list',
      'scenario demo cannabis-grow-boy-17',
      'scenario demo cannabis-grow-boy-17 --quiz',
      'scenario show cannabis-grow-boy-17 --format html > handout.html',
    ]);
  });

  for (const command of commands)
    it(`runs as written: ${command}`, async () => {
      const [args, redirect] = command.split(' > ');
      const r = await local(args!.split(' '));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      if (redirect === 'handout.html') expect(r.stdout).toMatch(/^<!doctype html>\n/);
      else expect(r.stdout).toContain('A boy of 17 in a cannabis grow — and the same boy at 18');
    });
});

describe('the npm package', () => {
  it('ships the scenarios, the jurisdictions and the rules (npm pack --dry-run)', async () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['scenarios/cannabis-grow-boy-17.yaml', 'jurisdictions/gb-ew.yaml', 'rules/offence-categories.yaml', 'bin/nonpunishment.js']));
    expect(files.filter((f) => f.startsWith('scenarios/')).length).toBeGreaterThanOrEqual(18);
    expect(files.some((f) => f.startsWith('tests/'))).toBe(false);
  });
});
