/**
 * The interview at a real pseudo-terminal (tmux): what a lawyer sees and types. "I don't know", going
 * back to change an answer, answers of the wrong type asked again with the reason, Ctrl-C saving nothing,
 * and the README's walk from nothing to a saved three-offence case file and a memo.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cli } from './run-binary.js';
import { Terminal } from './terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'np-interview-'));
let term: Terminal | undefined;
afterEach(() => term?.kill());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ERASE = Array.from({ length: 16 }, () => 'BSpace');
/** The screen with the interview's own wrapped lines joined again (continuations are indented). */
const flat = (s: string) => s.replace(/\n {2,}(?=\S)/g, ' ');

describe('nonpunishment interview at a terminal', () => {
  it("asks only what decides the case; takes I don't know; goes back; re-asks a wrong answer with the reason; saves a case that check reproduces", async () => {
    const save = join(dir, 'maria.yaml');
    const t = (term = new Terminal('one', ['interview', '--jurisdiction', 'gb-ew', '--as-of', '2026-11-28', '--save', save]));
    await t.waitFor(/Case reference/);
    await t.answer('maria');
    // A birth date 250 years back is refused with the reason, and asked again.
    let s = await t.answer('1776-07-04');
    expect(s).toContain('a birth date of 1776-07-04 gives an age of 250 on 2026-11-28; check the year');
    s = await t.answer('1998-07-14', ERASE);
    expect(s).toMatch(/What offence\?/);
    await t.answer('drug-supply', [], /❯ drug-supply: /); // search the offence kinds
    await t.answer(''); // no description
    s = await t.answer('2024-02-30');
    expect(s).toContain('2024-02-30 is not a real calendar date');
    s = await t.answer('2024-05-02', ERASE);
    expect(s).toMatch(/At what stage is it\?/);
    await t.answer(null, ['Down']); // charged
    s = await t.answer('n'); // no other offence
    // The first decisive question, with why it is asked.
    expect(s).toMatch(/Question 1: Is the person, or were they, a victim of trafficking, slavery or exploitation\?/);
    expect(flat(s)).toMatch(/Why: it decides s\.45\(1\)\(c\), \(5\) — Statutory defence for adult victims \(defence, gb-ew, offence o1\), and 1 other undetermined outcome\./);
    // "I don't know" leaves it unknown and moves on.
    s = await t.answer(null, ['Down', 'Down']);
    expect(s).toMatch(/Question 2 \(offence o1[^)]*\): How is the offence linked to the trafficking/);
    // Back: the previous question again, to change the answer.
    s = await t.answer(null, ['Up', 'Up']);
    expect(s).toContain('Back to the previous question (trafficking.victim).');
    expect(s.slice(s.lastIndexOf('Back to the previous question'))).toMatch(/Question 1: Is the person, or were they, a victim/);
    await t.answer(null); // Yes
    s = await t.answer(null); // compelled
    expect(flat(s)).toMatch(/no realistic alternative/);
    s = await t.answer(null); // Yes
    expect(s).toContain('Nothing left to ask can change an outcome.');
    expect(flat(s)).toMatch(/ELIGIBLE — via Statutory defence for adult victims \(mandatory\)/);
    expect(s).toContain(`Saved ${save}.`);
    expect(s).toMatch(/EXIT=0/);
    const saved = readFileSync(save, 'utf8');
    expect(saved).toMatch(/^id: maria$/m);
    expect(saved).toMatch(/victim: true/);
    expect(saved).toMatch(/nexus: compelled/);
    expect(saved).toMatch(/no-realistic-alternative: true/);
    // validate accepts it, and check gives the same result.
    expect(cli(['validate', save]).code).toBe(0);
    const report = JSON.parse(cli(['check', save, '--format', 'json']).stdout);
    expect(report.results[0].offences[0].outcome).toBe('eligible');
    expect(report.results[0].offences[0].byRelief).toEqual({ 'non-prosecution': 'eligible', defence: 'eligible' });
  }, 180_000);

  it('offers the law\'s offence table; Ctrl-C ends the interview and saves nothing, not even a temporary file', async () => {
    const save = join(dir, 'interrupted.yaml');
    const t = (term = new Terminal('two', ['interview', '--jurisdiction', 'gb-nir', '--save', save]));
    await t.waitFor(/Case reference/);
    await t.answer('client-2');
    await t.answer(''); // date of birth: I don't know
    // The law's offence table is offered, searchable.
    t.type('cannabis');
    await t.waitFor(/❯ Production of a Class B drug, cannabis included \(MDA 1971 s\.4\(2\)\) \[mda-1971-s4-2-class-b\]\n {2}Possession of a Class B drug/);
    const before = t.screen();
    t.keys('C-c');
    const s = await t.settle(before);
    expect(s).toContain('Interview stopped: nothing was saved.');
    expect(s).toMatch(/EXIT=130/);
    expect(existsSync(save)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('interrupted'))).toEqual([]);
  }, 60_000);

  it('--from resumes a case file with the most decisive question, and stops when asked', async () => {
    const t = (term = new Terminal('four', ['interview', '--from', 'examples/unknown-facts.yaml']));
    let s = await t.waitFor(/↑↓ navigate|\n\? /);
    expect(s).not.toContain('Case reference');
    expect(flat(s)).toMatch(/Question 1: What is the person's date of birth \(to know their age at the offence\)\?\nWhy: it decides s\.45\(1\)\(a\) — Statutory defence for adult victims \(defence, gb-ew, offence shoplifting\), and 3 other undetermined outcomes\./);
    s = await t.answer('stop');
    expect(s).toContain('Stopped: the result below is as the facts now stand.');
    expect(s).toMatch(/UNDETERMINED/);
    expect(s).toContain('Not saved (give --save FILE to keep the case file).');
    expect(s).toMatch(/EXIT=0/);
  }, 60_000);

  it('goes from nothing to a saved three-offence case file and a memo, as the README shows', async () => {
    const save = join(dir, 'client.yaml');
    const t = (term = new Terminal('three', ['interview', '--jurisdiction', 'gb-ew', '--save', save], { width: 110, height: 50 }));
    await t.waitFor(/Case reference/);
    await t.answer('amira');
    await t.answer('2001-03-09');
    const offences: [string, string, string][] = [
      ['theft', 'Shoplifting', '2023-01-10'],
      ['false-documents', 'False passport', '2023-02-11'],
      ['drug-supply', 'Carrying drugs', '2023-03-12'],
    ];
    let s = '';
    for (const [i, [kind, label, date]] of offences.entries()) {
      await t.answer(kind, [], new RegExp(`❯ ${kind}: `));
      await t.answer(label);
      await t.answer(date);
      await t.answer(null, ['Down']); // charged
      s = await t.answer(i < 2 ? 'y' : 'n');
    }
    // Answer every question the interview finds worth asking with its first choice (or "I don't know"
    // where an answer is typed) until it stops by itself.
    let asked = 0;
    while (!/EXIT=\d+/.test(s)) {
      asked += 1;
      expect(asked, s).toBeLessThan(40);
      s = await t.answer(null);
    }
    expect(s).toMatch(/EXIT=0/);
    expect(s).toContain('Nothing left to ask can change an outcome');
    expect(s).toContain(`Saved ${save}.`);
    const c = readFileSync(save, 'utf8');
    for (const [kind, label] of offences) {
      expect(c).toContain(`category: ${kind}`);
      expect(c).toContain(`label: ${label}`);
    }
    expect(cli(['validate', save]).code).toBe(0);
    const memo = cli(['check', save, '--format', 'markdown']);
    expect(memo.code).toBe(0);
    expect(memo.stdout).toMatch(/^# Non-punishment memo: amira$/m);
    expect(memo.stdout.match(/^### o\d: /gm)).toEqual(['### o1: ', '### o2: ', '### o3: ']);
    expect(memo.stdout).toContain('This memo is not legal advice.');
  }, 240_000);
});
