/**
 * Bad input of every kind, as a table shared by the end-to-end test (the real binary) and the in-process
 * test (`run`, which the mutation run can see): each gives exit code 2 and one located line per problem.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'np-bad-'));
export const badInputDir = dir;

const GOOD = `id: c1
as_of: 2026-11-28
jurisdiction: gb-ew
person: { birth_date: 1990-01-01 }
trafficking: { victim: true }
offences:
  - id: o1
    category: theft
    date: 2024-01-01
    disposition: charged
    nexus: compelled
`;

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export interface Bad {
  name: string;
  args: () => string[];
  /** Expected in the message line. */
  match: RegExp;
  /** Expected line:col, when the problem is in a file. */
  at?: string;
  /** Standard input (not a terminal), for the interview's FACT=VALUE lines. */
  input?: string;
}

export const cases: Bad[] = [
  { name: 'YAML syntax error', args: () => ['check', file('syntax.yaml', 'id: c1\noffences: [ { id: o1\n')], match: /yaml|flow|collection|expected/i, at: ':' },
  { name: 'wrong type', args: () => ['check', file('type.yaml', GOOD.replace(/offences:[\s\S]*/, 'offences: not-a-list\n'))], match: /offences\s+expected array/, at: ':6:11' },
  { name: 'unknown key (typo)', args: () => ['check', file('typo.yaml', GOOD.replace('    category: theft', '    catgory: theft'))], match: /offences\[0\]\.catgory\s+unknown field "catgory"/, at: ':8:5' },
  { name: 'unknown offence category', args: () => ['check', file('cat.yaml', GOOD.replace('category: theft', 'category: thfet'))], match: /offences\[0\]\.category\s+unknown value "thfet"; did you mean "theft"\?/, at: ':8:15' },
  { name: 'unknown question id', args: () => ['check', file('q.yaml', GOOD + '    answers: { no-realistic-alternatives: true }\n')], match: /answers\.no-realistic-alternatives\s+unknown field/, at: ':12:16' },
  { name: 'unknown jurisdiction in the case', args: () => ['check', file('jur.yaml', GOOD.replace('jurisdiction: gb-ew', 'jurisdiction: gb-xx'))], match: /jurisdiction\s+unknown value "gb-xx"/, at: ':3:15' },
  { name: 'duplicate offence id', args: () => ['check', file('dup.yaml', GOOD + '  - id: o1\n    category: fraud\n')], match: /offences\[1\]\.id\s+offence id "o1" is used twice/, at: ':12:9' },
  { name: 'impossible date', args: () => ['check', file('date.yaml', GOOD.replace('date: 2024-01-01', 'date: 2021-02-30'))], match: /offences\[0\]\.date\s+not a real calendar date/, at: ':9:11' },
  { name: 'date in the wrong format', args: () => ['check', file('fmt.yaml', GOOD.replace('as_of: 2026-11-28', 'as_of: 28/11/2026'))], match: /as_of\s+expected a date as YYYY-MM-DD/, at: ':2:8' },
  { name: 'missing required field', args: () => ['check', file('req.yaml', GOOD.replace('  - id: o1\n    category', '  - category'))], match: /offences\[0\]\.id\s+required field is missing/, at: ':7:5' },
  { name: 'empty file', args: () => ['check', file('empty.yaml', '')], match: /expected object/, at: ':1:1' },
  { name: 'file not found', args: () => ['check', join(dir, 'nope.yaml')], match: /file not found/, at: ':1:1' },
  { name: 'invalid UTF-8', args: () => ['check', file('bin.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28, 0x0a]))], match: /not valid UTF-8/, at: ':1:1' },
  { name: 'duplicate YAML key', args: () => ['check', file('dupkey.yaml', 'id: a\nid: b\noffences: []\n')], match: /unique|duplicate/i, at: ':2:1' },
  { name: 'alias bomb', args: () => ['check', file('bomb.yaml', bomb())], match: /too many aliases/, at: ':1:1' },
  { name: 'alias to an anchor never set', args: () => ['check', file('alias.yaml', GOOD.replace('trafficking: { victim: true }', 'trafficking: *t'))], match: /Unresolved alias \(the anchor must be set before the alias\): t$/m, at: ':5:14' },
  { name: 'deep nesting', args: () => ['check', file('deep.yaml', 'id: x\nextra: ' + '['.repeat(300) + ']'.repeat(300) + '\n')], match: /nested too deeply/ },
  { name: 'huge file', args: () => ['check', file('huge.yaml', 'id: x\nlabel: "' + 'a'.repeat(5_100_000) + '"\n')], match: /too large/, at: ':1:1' },
  { name: 'JSON syntax error', args: () => ['check', file('bad.json', '{"id": "c1", "offences": [ {"id": "o1",, } ] }')], match: /./, at: ':1:' },
  { name: 'prototype key', args: () => ['check', file('proto.yaml', GOOD + '__proto__: { polluted: true }\n')], match: /__proto__  "__proto__" is not a field of this file \(reserved name\)/, at: ':12:1' },
  { name: 'several YAML documents', args: () => ['check', file('multi.yaml', GOOD + '---\n' + GOOD)], match: /multiple documents|document/i },
  { name: 'trafficking ends before it starts', args: () => ['check', file('period.yaml', GOOD.replace('trafficking: { victim: true }', 'trafficking: { victim: true, period: { start: 2020-01-01, end: 2019-01-01 } }'))], match: /trafficking\.period\.end\s+trafficking period ends/, at: ':5:' },
  { name: 'offence after as_of', args: () => ['check', file('future.yaml', GOOD.replace('date: 2024-01-01', 'date: 2027-01-01'))], match: /offences\[0\]\.date\s+offence date 2027-01-01 is after as_of/ },
  { name: 'unknown --jurisdiction id', args: () => ['check', file('ok1.yaml', GOOD), '--jurisdiction', 'gb-xx'], match: /unknown jurisdiction "gb-xx"/ },
  { name: 'traversing --jurisdiction id', args: () => ['check', file('ok2.yaml', GOOD), '--jurisdiction', '../x'], match: /unknown jurisdiction "\.\.\/x"/ },
  { name: 'invalid --as-of', args: () => ['check', file('ok3.yaml', GOOD), '--as-of', '2026-13-01'], match: /--as-of must be a real date/ },
  { name: 'unknown format', args: () => ['check', file('ok4.yaml', GOOD), '--format', 'pdf'], match: /pdf/ },
  { name: 'unknown command', args: () => ['chek', 'x.yaml'], match: /unknown command/ },
  { name: 'unknown key with a near miss: did you mean', args: () => ['check', file('birthdate.yaml', GOOD.replace('person: { birth_date: 1990-01-01 }', 'person: { birthdate: 1990-01-01 }'))], match: /person\.birthdate\s+unknown field "birthdate"; did you mean "birth_date"\?/, at: ':4:11' },
  { name: '--explain an offence the case does not have', args: () => ['check', file('ok5.yaml', GOOD), '--explain', 'o9'], match: /--explain: no offence "o9" in .*ok5\.yaml \(its offences: o1\)/ },
  { name: 'interview --save to an existing file without --force', args: () => ['interview', '-j', 'gb-ew', '--save', file('exists.yaml', GOOD)], match: /exists\.yaml exists; use --force to replace it/, input: 'o1:offence.category=theft\n' },
  { name: 'interview --from a case file with errors', args: () => ['interview', '--from', file('from.yaml', GOOD.replace('category: theft', 'category: thfet'))], match: /offences\[0\]\.category\s+unknown value "thfet"; did you mean "theft"\?/, at: ':8:15', input: '' },
  { name: 'interview answer of the wrong type', args: () => ['interview', '-j', 'gb-ew'], match: /^<stdin>:2:20  trafficking\.victim  answer yes or no \(or \? for "I don't know"\), not "maybe"$/m, at: "<stdin>:2:20", input: 'o1:offence.category=theft\ntrafficking.victim=maybe\n' },
  { name: 'interview date that does not exist', args: () => ['interview', '-j', 'gb-ew'], match: /o1:offence\.date  2021-02-30 is not a real calendar date/, at: '<stdin>:2:', input: 'o1:offence.category=theft\no1:offence.date=2021-02-30\n' },
  { name: 'interview birth date giving an age of 250', args: () => ['interview', '-j', 'gb-ew', '--as-of', '2026-11-28'], match: /person\.birth_date  a birth date of 1776-07-04 gives an age of 250 on 2026-11-28/, at: '<stdin>:2:', input: 'o1:offence.category=theft\nperson.birth_date=1776-07-04\n' },
  { name: 'interview fact that does not exist', args: () => ['interview', '-j', 'gb-ew'], match: /unknown fact "trafficking\.mean"; did you mean "trafficking\.means"\?/, at: '<stdin>:2:1', input: 'o1:offence.category=theft\ntrafficking.mean=threat\n' },
  {
    name: 'jurisdiction file with a broken reference',
    args: () => ['validate', file('gb-test.yaml', brokenJurisdiction())],
    match: /provisions\[0\]\.exceptions\[0\]\s+no offence list "sch-4"/,
    at: ':',
  },
];

function bomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 12; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
  return lines.join('\n') + '\n';
}

function brokenJurisdiction(): string {
  return `id: gb-test
name: Test
kind: jurisdiction
summary: A test file with a broken reference.
checked: 2026-11-28
instruments:
  - { id: act, title: An Act, verified: true }
coercion: { recognises_coercive_control: false, text: none, citation: { instrument: act, section: s.1 }, verified: true }
provisions:
  - id: p1
    title: A defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A test.
    in_force: { from: 2015-01-01 }
    nexus: compelled
    domains: [criminal]
    exceptions: [sch-4]
    verified: true
exception_lists:
  - id: sch4
    title: Schedule
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: e1, label: Murder, category: homicide, citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
`;
}


/** What every bad input must give: exit 2, nothing on stdout, the located message, no stack trace. */
export function expectBad(c: Bad, r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at .*\(|Error: |node:internal/);
  expect(r.stderr).toMatch(c.match);
  if (c.at) {
    const line = r.stderr.split('\n').find((l) => c.match.test(l)) ?? r.stderr.split('\n')[0]!;
    expect(line).toMatch(/^\S+:\d+:\d+ {2}/);
    expect(line).toContain(c.at);
  }
}
