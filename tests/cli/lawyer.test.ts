/**
 * `check` as a lawyer reads it, through the real binary: a headline that does not overstate, text wrapped
 * to 80 columns off a terminal, provisions that are not for this person folded, notes printed once, facts
 * relied on and facts ignored said plainly, laws and offences in the order given, a closed pipe ending
 * quietly, and `--explain` giving the whole derivation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { BIN } from './run-binary.js';
import { runIn } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'np-lawyer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (s: string) => s.replace(/\n {2,}(?=\S)/g, ' ');

describe('check, as a lawyer reads it', () => {
  let unknown: Awaited<ReturnType<typeof runIn>>;
  beforeAll(async () => {
    unknown = await runIn(['check', 'examples/unknown-facts.yaml']);
  });

  it('says when the best outcome rests only on a discretionary route with unverified points, and what a mandatory route still needs', async () => {
    expect(unknown.code).toBe(0);
    const text = flat(unknown.stdout);
    expect(text).toContain('ELIGIBLE — discretionary only: CPS guidance — decision not to prosecute a suspect who may be a victim; unverified points');
    expect(text).toContain('A mandatory route still needs: Statutory defence for adult victims (Modern Slavery Act 2015, s.45(1)) — answers.no-realistic-alternative, person.birth_date (below)');
  });

  it('prints a question once, and refers to it after; facts ignored alike by two offences are said once', async () => {
    const text = flat(unknown.stdout);
    const q = 'have had no realistic alternative to doing the act?';
    expect(text.split(q).length - 1).toBe(1);
    expect(text).toContain('- answers.no-realistic-alternative: (question as above)');
    expect(text).toContain('Given, but not read by this law: as for shoplifting.');
  });

  it('wraps to 80 columns when not a terminal', async () => {
    const long = unknown.stdout.split('\n').filter((l) => l.length > 80);
    // Only a URL, which cannot be broken, may run over.
    for (const l of long) expect(l.trim(), l).toMatch(/^https?:\/\/\S+$/);
  });

  it('prints a note on an unverified point once and refers to it', async () => {
    const note = 'The version in force today could not be read';
    expect(flat(unknown.stdout).split(note).length - 1).toBe(1);
    expect(unknown.stdout.match(/⚠ unverified: see notes \[1\] \[2\]/g)?.length).toBe(2); // once per offence
    expect(unknown.stdout).toMatch(/Unverified points in the law relied on:\n {2}\[1\] CPS legal guidance/);
  });

  it('echoes the facts relied on, and says plainly which facts given the law does not read', async () => {
    const text = flat(unknown.stdout);
    expect(text).toContain('Facts relied on: offence.disposition = charged; offence.date = 2025-02-03; offence.nexus = compelled; offence.code = tha-1968-s1; trafficking.victim = yes');
    expect(text).toContain('trafficking.coercive_control (isolation, economic-control, substance-control: not a separate requirement of s.45(2), (3), (5); this law\'s definition of coercion (s.45(2), (3), (5)) does not name coercive control — it bears on compulsion');
    expect(text).toContain('person.substance_dependency (yes: not read by any provision (no "perfect victim" test))');
  });

  it('the memo lists each element with the facts that support it, and no fact it did not read', async () => {
    const md = (await runIn(['check', 'examples/drug-courier.yaml', '--format', 'markdown'])).stdout;
    expect(md).toContain('- ✓ *s.45(1)(a)*: applies: the person was 25 at the offence (the provision covers persons aged 18 or over). Supported by: offence.date = 2024-05-02; person.birth\\_date = 1998-07-14.');
    // Guidance read at the date of evaluation does not rest on the offence date.
    expect(md).toMatch(/applies on the date of evaluation \(2026-11-28\)\.\n/);
    expect(md).not.toMatch(/applies on the date of evaluation \(2026-11-28\)\. Supported by: offence\.date/);
  });

  it('folds a provision that is not for this person to one line unless --verbose', async () => {
    const r = await runIn(['check', 'examples/drug-courier.yaml']);
    const text = flat(r.stdout);
    expect(text).toMatch(/Not for this person \(--verbose shows them\): Statutory defence for child victims \(s\.45\(4\)\(a\): does not apply: the person was 25 at the offence/);
    expect(text).not.toMatch(/not-eligible {2}defence at trial — Statutory defence for child victims/);
    const v = flat((await runIn(['check', 'examples/drug-courier.yaml', '--verbose'])).stdout);
    expect(v).toMatch(/not-eligible {2}defence at trial — Statutory defence for child victims \(mandatory\)/);
    expect(v).not.toContain('Not for this person');
  });

  it('renders laws in the order given and offences in the order of the case file; the JSON report stays sorted', async () => {
    const file = join(dir, 'order.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8').replace('  - id: o1\n', '  - id: z-first\n').replace('  - id: o2\n', '  - id: a-second\n'));
    const t = (await runIn(['check', file, '-j', 'gb-sct', 'gb-ew'])).stdout;
    expect(t.indexOf('(gb-sct)')).toBeLessThan(t.indexOf('(gb-ew)'));
    const ew = t.slice(t.indexOf('(gb-ew)'));
    expect(ew.indexOf('z-first')).toBeLessThan(ew.indexOf('a-second'));
    const j = JSON.parse((await runIn(['check', file, '-j', 'gb-sct', 'gb-ew', '--format', 'json'])).stdout);
    expect(j.results.map((r: { jurisdiction: string }) => r.jurisdiction)).toEqual(['gb-ew', 'gb-sct']);
    expect(j.results[0].offences.map((o: { offence: string }) => o.offence)).toEqual(['a-second', 'z-first']);
  });

  it('ends quietly with exit 0 when the reader closes the pipe', async () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check examples/unknown-facts.yaml examples/drug-courier.yaml --all --verbose | head -1; echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^Case first-interview/);
    expect(r.stdout).toContain('status=0');
    expect(r.stderr).toBe('');
  });

  it('--explain gives the whole derivation of one offence: checks, words, facts read, combination, exception entries, engines', async () => {
    const r = await runIn(['check', 'examples/drug-courier.yaml', '--explain', 'o1']);
    expect(r.code).toBe(0);
    const text = flat(r.stdout);
    expect(text).toContain('Derivation: offence o1 under England and Wales (gb-ew)');
    expect(text).toContain('== Statutory defence for adult victims [msa-2015-s45-adult] — defence, mandatory');
    expect(text).toMatch(/Statute words \(paraphrase\): A person is not guilty of an offence if/);
    expect(text).toContain('- question:no-realistic-alternative (s.45(1)(d), (5)) — operator np:answerIs reads: answers.no-realistic-alternative = yes value: true (met)');
    expect(text).toContain('reads: person.birth_date = 1998-07-14; offence.date = 2024-05-02');
    expect(text).toMatch(/Exception entries \(\d+, from Modern Slavery Act 2015, Schedule 4/);
    expect(text).toMatch(/- not matched \(\d+\): /);
    expect(text).toContain('Combined: R = T, E = F → eligible. json-rules-engine: R = T, E = F (agrees).');
    // The child defence: not for an adult, and why.
    expect(text).toMatch(/- age \(s\.45\(4\)\(a\)\) — operator np:ageInBand reads: person\.birth_date = 1998-07-14; offence\.date = 2024-05-02 value: false \(not met\)/);
    const j = JSON.parse((await runIn(['check', 'examples/drug-courier.yaml', '--explain', 'o2', '--format', 'json'])).stdout);
    expect(j.offence).toBe('o2');
    // The derivation ends where the report does, provision by provision.
    const report = JSON.parse((await runIn(['check', 'examples/drug-courier.yaml', '--format', 'json'])).stdout);
    const o2 = report.results[0].offences.find((o: { offence: string }) => o.offence === 'o2');
    for (const p of o2.provisions) expect(j.provisions.find((x: { provision: string }) => x.provision === p.provision).outcome, p.provision).toBe(p.outcome);
    expect(o2.provisions.length).toBeGreaterThan(1);
  });
});
