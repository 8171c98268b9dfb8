/**
 * The interview when standard input is not a terminal: FACT=VALUE lines, the result, the questions still
 * worth asking (most decisive first, each with why), a saved case that `validate` accepts and `check`
 * reproduces, `--from` asking only what is missing, and --save that never leaves a half-written file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'np-scripted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (s: string) => s.replace(/\n {4,}(?=\S)/g, ' ');
/** The fact keys listed as still worth asking, in order. */
const keysAsked = (stdout: string) => [...stdout.slice(stdout.indexOf('Still worth asking')).matchAll(/^ {2}(\S+) /gm)].map((m) => m[1]!);

const ANSWERS = `# a first meeting
case.id=amira
person.birth_date=2001-03-09
trafficking.victim=yes
o1:offence.category=theft
o1:offence.label=Shoplifting
o1:offence.date=2023-01-10
o1:offence.disposition=charged
o2:offence.category=false-documents
o2:offence.date=2023-02-11
o2:offence.disposition=charged
o2:offence.nexus=?
`;

describe('nonpunishment interview, scripted', () => {
  it('reads FACT=VALUE lines, lists the questions still worth asking, and saves a case that check reproduces', async () => {
    const save = join(dir, 'amira.yaml');
    const r = await runIn(['interview', '-j', 'gb-ew', '--as-of', '2026-11-28', '--save', save], { input: ANSWERS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = flat(r.stdout);
    expect(out).toContain('Still worth asking, most decisive first (answer with FACT=VALUE lines):');
    const asked = keysAsked(r.stdout);
    // The nexus of o1 decides two outcomes (the s.45 defence and CPS non-prosecution): asked first.
    expect(asked[0]).toBe('o1:offence.nexus');
    expect(out).toMatch(/o1:offence\.nexus How is the offence linked to the trafficking.* Why: it decides s\.45\(1\)\(b\)-\(c\), \(2\), \(3\) — Statutory defence for adult victims \(defence, gb-ew, offence o1\), and 1 other undetermined outcome\./);
    // Answered "I don't know": not asked again; known facts are never asked.
    expect(asked).not.toContain('o2:offence.nexus');
    expect(asked).not.toContain('trafficking.victim');
    expect(out).toContain(`Saved ${save}. The same result again: nonpunishment check ${save}`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await runIn(['validate', save])).code).toBe(0);
    // check prints exactly the result the interview showed.
    const check = await runIn(['check', save]);
    expect(check.code).toBe(0);
    expect(r.stdout).toContain(check.stdout.trimEnd());
    const saved = readFileSync(save, 'utf8');
    expect(saved).toMatch(/^id: amira\nas_of: 2026-11-28\njurisdiction: gb-ew\n/m);
    expect(saved).not.toContain('nexus');
  });

  it('--from resumes a case file and asks only what is still missing; answers settle what they decide', async () => {
    const r = await runIn(['interview', '--from', 'examples/unknown-facts.yaml'], { input: '' });
    expect(r.code).toBe(0);
    const asked = keysAsked(r.stdout);
    expect(asked).toContain('person.birth_date');
    expect(asked).toContain('burglary:offence.code');
    expect(asked).not.toContain('trafficking.victim');
    expect(asked).not.toContain('shoplifting:offence.code');
    const next = await runIn(['interview', '--from', 'examples/unknown-facts.yaml'], { input: 'person.birth_date=1990-05-01\nburglary:offence.code=tha-1968-s9-steal\nburglary:offence.nexus=compelled\nshoplifting:answers.no-realistic-alternative=yes\nburglary:answers.no-realistic-alternative=yes\n' });
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('Nothing left unknown can change any outcome.');
    expect(next.stdout).toContain('Not saved (give --save FILE to keep the case file).');
  });

  it('--save replaces a file only with --force, and in one piece', async () => {
    const save = join(dir, 'existing.yaml');
    writeFileSync(save, 'keep me\n');
    const refused = await runIn(['interview', '-j', 'gb-ew', '--save', save], { input: 'o1:offence.category=theft\n' });
    expect(refused.code).toBe(2);
    expect(readFileSync(save, 'utf8')).toBe('keep me\n');
    const forced = await runIn(['interview', '-j', 'gb-ew', '--save', save, '--force'], { input: 'o1:offence.category=theft\n' });
    expect(forced.code).toBe(0);
    expect(readFileSync(save, 'utf8')).toMatch(/category: theft/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const nowhere = await runIn(['interview', '-j', 'gb-ew', '--save', join(dir, 'no-such-dir', 'x.yaml')], { input: 'o1:offence.category=theft\n' });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/cannot write .*x\.yaml \(ENOENT\)/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});
