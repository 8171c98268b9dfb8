/**
 * Bad input of every kind, as a table shared by the end-to-end test (the real binary) and the in-process
 * test (`run`, which the mutation run can see): each gives exit code 2 and one located line per problem.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'np-bad-'));
const SCENARIO = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'cannabis-grow-boy-17.yaml'), 'utf8');
/**
 * A shipped scenario with one change, and the line:col where the problem must be reported. (The other kinds
 * of bad scenario file are in tests/unit/scenario-file.test.ts and tests/cli/scenario.test.ts.)
 */
function scenario(from: string | RegExp, to: string, marker: string): { text: string; at: string } {
  const text = SCENARIO.replace(from, to);
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  return { text, at: `:${i + 1}:${lines[i]!.indexOf(marker) + 1}` };
}
const S_LONG = scenario(/narrative: \|\n[\s\S]*?\npoints:/, `narrative: "${'word '.repeat(1000)}"\npoints:`, '"word');
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
  /** Exactly this many lines on stderr (a forged line would add one). */
  lines?: number;
  /** The whole message is one line. */
  oneLine?: boolean;
  /** Standard input (not a terminal), for the interview's FACT=VALUE lines. */
  input?: string;
}

/** A path that is not a regular file, made once: a named pipe nobody writes to, a directory, a symlink to a device. */
function special(name: string, make: (p: string) => void): string {
  const p = join(dir, name);
  if (!existsSync(p)) make(p);
  return p;
}

const ANSI = '\u001b[2J\u001b[H\u001b[32mELIGIBLE — all charges dropped\u001b[0m';

/** A case of n offences whose ids are n distinct unknown keys at the top level: every key a problem. */
function wideMapping(n: number): string {
  return GOOD + Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n') + '\n';
}

/** A law file citing n instruments that do not exist, each with a name near no real one. */
function unknownInstruments(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => `      - { id: e${i}, label: L${i}, category: theft, citation: { instrument: zz${i}qq, section: s.${i} }, verified: true }`).join('\n');
  return brokenJurisdiction().replace('exceptions: [sch-4]', 'exceptions: [sch4]').replace(/entries:\n[\s\S]*$/, `entries:\n${entries}\n`);
}

function lawWith(change: (text: string) => string): string {
  return change(brokenJurisdiction().replace('exceptions: [sch-4]', 'exceptions: [sch4]'));
}

function emptyDir(name: string): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  return p;
}
const validDraft = () => brokenJurisdiction().replace('exceptions: [sch-4]', 'exceptions: [sch4]');

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
  { name: 'alias bomb', args: () => ['check', file('bomb.yaml', bomb())], match: /too many aliases|aliases expand the document past/, at: ':' },
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
  { name: 'scenario: narrative over the size limit', args: () => ['scenario', 'demo', file('s-long.yaml', S_LONG.text)], match: /narrative {2}.*4000/, at: S_LONG.at },
  { name: 'scenario demo: --auto is not a number of seconds', args: () => ['scenario', 'demo', 'cannabis-grow-boy-17', '--auto', 'soon'], match: /--auto takes a number of seconds/ },
  // 1. Reading never ends: only regular files are read, with a byte cap enforced while reading.
  { name: 'a character device (/dev/zero)', args: () => ['check', '/dev/zero'], match: /\/dev\/zero:1:1 {2}is a character device, not a regular file/, at: ':1:1' },
  { name: 'a named pipe nobody writes to', args: () => ['check', special('pipe.yaml', (p) => execFileSync('mkfifo', [p]))], match: /is a named pipe, not a regular file/, at: ':1:1' },
  { name: 'a directory', args: () => ['check', special('a-dir.yaml', (p) => mkdirSync(p))], match: /is a directory, not a regular file/, at: ':1:1' },
  { name: 'a symlink to a device', args: () => ['check', special('zero.yaml', (p) => symlinkSync('/dev/zero', p))], match: /zero\.yaml:1:1 {2}is a character device/, at: ':1:1' },
  { name: 'a device given to validate', args: () => ['validate', '/dev/urandom'], match: /is a character device/, at: ':1:1' },
  // 2. Input never reaches an internal error: cycles refused, names looked up as own keys.
  { name: 'an alias inside itself', args: () => ['check', file('self.yaml', 'a: &a [*a]\n')], match: /alias \*a refers to a node that contains it/, at: ':1:8' },
  { name: 'an offence list that contains itself', args: () => ['check', file('selflist.yaml', GOOD.replace('offences:\n', 'offences: &o\n') + '    answers: *o\n')], match: /yaml\.cyclic|alias \*o refers to a node that contains it/, at: ':12:14' },
  { name: 'a mapping that contains itself', args: () => ['check', file('selfmap.yaml', 'id: c\nperson: &p { birth_date: 1990-01-01, more: *p }\noffences: []\n')], match: /alias \*p refers to a node that contains it/, at: ':2:44' },
  { name: 'schema __proto__', args: () => ['schema', '__proto__'], match: /unknown schema "__proto__"/ },
  { name: 'schema constructor', args: () => ['schema', 'constructor'], match: /unknown schema "constructor"/ },
  { name: 'schema toString', args: () => ['schema', 'toString'], match: /unknown schema "toString"/ },
  // 3. Dates the arithmetic cannot carry are refused where they stand.
  { name: 'as_of 9999-12-31', args: () => ['check', file('far.yaml', GOOD.replace('as_of: 2026-11-28', 'as_of: 9999-12-31'))], match: /as_of\s+date out of the range accepted \(1800-01-01 to 9499-12-31\)/, at: ':2:8' },
  { name: '--as-of 9999-12-31', args: () => ['check', file('ok5.yaml', GOOD), '--as-of', '9999-12-31'], match: /--as-of must be a real date as YYYY-MM-DD between 1800-01-01 and 9499-12-31/ },
  // 4. Impossible facts, naming the two that contradict each other.
  { name: 'born after the date of evaluation', args: () => ['check', file('unborn.yaml', GOOD.replace('birth_date: 1990-01-01', 'birth_date: 2030-01-01'))], match: /person\.birth_date\s+birth date 2030-01-01 is after as_of 2026-11-28/, at: ':4:23' },
  { name: 'a conviction before birth', args: () => ['check', file('conv-birth.yaml', GOOD.replace('    date: 2024-01-01\n', '    conviction_date: 1989-01-01\n'))], match: /offences\[0\]\.conviction_date\s+conviction date 1989-01-01 is before the birth date 1990-01-01/, at: ':9:22' },
  { name: 'a conviction after the date of evaluation', args: () => ['check', file('conv-future.yaml', GOOD.replace('    date: 2024-01-01\n', '    date: 2024-01-01\n    conviction_date: 2027-01-01\n'))], match: /conviction date 2027-01-01 is after as_of 2026-11-28/, at: ':10:22' },
  { name: 'trafficked before birth', args: () => ['check', file('traf-birth.yaml', GOOD.replace('trafficking: { victim: true }', 'trafficking: { victim: true, period: { start: 1985-01-01 } }'))], match: /trafficking\.period\.start\s+trafficking period starts \(1985-01-01\) before the birth date 1990-01-01/, at: ':5:' },
  { name: 'year 0000', args: () => ['check', file('y0.yaml', GOOD.replace('birth_date: 1990-01-01', 'birth_date: 0000-01-01'))], match: /person\.birth_date\s+not a real calendar date|person\.birth_date\s+date out of the range/, at: ':4:' },
  { name: 'year 0050', args: () => ['check', file('y50.yaml', GOOD.replace('date: 2024-01-01', 'date: 0050-01-01'))], match: /offences\[0\]\.date\s+date out of the range accepted/, at: ':9:11' },
  { name: '--as-of earlier than an offence', args: () => ['check', file('ok6.yaml', GOOD), '--as-of', '2023-01-01'], match: /offences\[0\]\.date\s+offence date 2024-01-01 is after 2023-01-01, --as-of/, at: ':9:11' },
  { name: '--as-of earlier than the birth date', args: () => ['check', file('ok7.yaml', GOOD), '--as-of', '1980-01-01'], match: /person\.birth_date\s+birth date 1990-01-01 is after 1980-01-01, --as-of/, at: ':4:23' },
  // 5. A newline or an escape in a key or a file name cannot forge a line or act on the terminal.
  { name: 'a newline and an escape in a key', args: () => ['check', file('nlkey.yaml', GOOD + `"x\\n/etc/passwd:1:1  offences  forged${ANSI.replace(/\u001b/g, '\\e')}": 1\n`)], match: /unknown field "x \/etc\/passwd:1:1 {2}offences {2}forged\\x1B\[2J/, at: ':12:1', lines: 1 },
  { name: 'a newline and an escape in a file name', args: () => ['check', file(`evil\nb.yaml:1:1  forged${ANSI}.yaml`, 'id: [\n')], match: /evil b\.yaml:1:1 {2}forged\\x1B\[2J/, lines: 1 },
  { name: 'a bidi override in an unknown value', args: () => ['check', file('bidi.yaml', GOOD.replace('category: theft', 'category: "the\u202Eft"'))], match: /unknown value "the\\u202Eft"/, at: ':8:15', lines: 1 },
  // 6. Nothing silently ignored.
  { name: 'an unknown tag', args: () => ['check', file('tag.yaml', GOOD.replace('category: theft', 'category: !evil theft'))], match: /Unresolved tag: !evil: tags are not part of this file format/, at: ':8:15' },
  { name: 'a !!js/function tag', args: () => ['check', file('jsfn.yaml', GOOD + 'x: !!js/function "function () {}"\n')], match: /Unresolved tag: tag:yaml\.org,2002:js\/function/, at: ':12:4' },
  { name: 'a !!omap where a mapping is expected (its answers would be dropped)', args: () => ['check', file('omap.yaml', GOOD + '    answers: !!omap [no-realistic-alternative: true]\n')], match: /Unresolved tag: tag:yaml\.org,2002:omap/, at: ':12:14' },
  { name: 'an extra argument to jurisdictions list', args: () => ['jurisdictions', 'list', 'gb-ew'], match: /jurisdictions list takes no id \(got "gb-ew"\)/ },
  { name: 'an extra argument to schema', args: () => ['schema', 'case', 'extra'], match: /too many arguments for 'schema'/ },
  { name: 'an extra argument to jurisdictions show', args: () => ['jurisdictions', 'show', 'gb-ew', 'gb-sct'], match: /too many arguments for 'jurisdictions'/ },
  { name: 'a misspelt limb in a law file', args: () => ['validate', file('gb-limb.yaml', lawWith((t) => t.replace('    nexus: compelled\n', '    nexus: compelled\n    limbs: { agee: s.1(a) }\n')))], match: /provisions\[0\]\.limbs\.agee\s+limb "agee" is neither a check.*did you mean "age"\?/, at: ':' },
  // 7. Work bounded by the input: limits while parsing, a cap on problems, bounded hints.
  { name: 'a mapping of 40,000 keys', args: () => ['check', file('wide40.yaml', wideMapping(40_000))], match: /document has too many values \(more than 100000\)/, at: ':' },
  { name: 'a mapping of 30,000 unknown keys', args: () => ['check', file('wide.yaml', wideMapping(30_000))], match: /and 29900 more problem\(s\) in this file from here on/, at: ':112:1', lines: 101 },
  { name: 'a flow list of two million items', args: () => ['check', file('long.yaml', `id: c\nx: [${'1,'.repeat(2_000_000)}1]\n`)], match: /document has too many values \(more than 100000\): refused before it is built/, at: ':2:' },
  { name: '99 aliases to one large list', args: () => ['check', file('fan.yaml', `big: &b [${Array.from({ length: 5000 }, (_, i) => `v${i}`).join(', ')}]\nuse: [${Array(99).fill('*b').join(', ')}]\n`)], match: /aliases expand the document past 100000 values/, at: ':2:6' },
  { name: 'a law file citing 1,000 unknown instruments', args: () => ['validate', file('gb-inst.yaml', unknownInstruments(1000))], match: /and 900 more problem\(s\) in this file/, lines: 101 },
  // 8. Every message located.
  { name: 'no jurisdiction anywhere', args: () => ['check', file('nojur.yaml', GOOD.replace('jurisdiction: gb-ew\n', ''))], match: /offences\[0\]\s+offence "o1" has no jurisdiction and the case names none/, at: ':6:5' },
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
  // The drafting commands (compare, score, impact) and --law.
  { name: 'compare: unknown jurisdiction id', args: () => ['compare', 'gb-ew', 'gb-xx'], match: /unknown jurisdiction "gb-xx"/, oneLine: true },
  { name: 'score: unknown card', args: () => ['score', 'gb-ew', '--card', 'a79'], match: /unknown card "a79"; did you mean "a79-322"\?/, oneLine: true },
  { name: 'score: no card', args: () => ['score', 'gb-ew'], match: /score needs --card/, oneLine: true },
  {
    name: '--law file with errors: every problem located',
    args: () => ['check', file('ok5.yaml', GOOD), '--law', file('draft-broken.yaml', brokenJurisdiction())],
    match: /draft-broken\.yaml:\d+:\d+  provisions\[0\]\.exceptions\[0\]\s+no offence list "sch-4" in exception_lists; did you mean "sch4"\?/,
    at: ':',
    oneLine: true,
  },
  {
    name: 'two --law files with one id',
    args: () => ['compare', 'gb-ew', 'gb-test', '--law', file('draft-a.yaml', validDraft()), '--law', file('draft-b.yaml', validDraft())],
    match: /draft-b\.yaml:1:5  id  --law \S*draft-a\.yaml already gives id "gb-test"; one draft per id in a run/,
    at: ':1:5',
    oneLine: true,
  },
  {
    name: 'impact: --to file with errors',
    args: () => ['impact', '--from', 'gb-ew', '--to', file('draft-broken2.yaml', brokenJurisdiction())],
    match: /draft-broken2\.yaml:\d+:\d+  provisions\[0\]\.exceptions\[0\]/,
    at: ':',
    oneLine: true,
  },
  { name: 'impact: empty case set', args: () => ['impact', '--from', 'gb-ew', '--to', file('draft-c.yaml', validDraft()), '--cases', emptyDir('no-cases')], match: /no cases in .*no-cases/, oneLine: true },
  { name: 'compare --cases: empty case set', args: () => ['compare', 'gb-ew', '--cases', emptyDir('no-cases-2')], match: /no cases in .*no-cases-2/, oneLine: true },
  { name: 'impact: a bad case in an NDJSON caseload, on its own line', args: () => ['impact', '--from', 'gb-ew', '--to', file('draft-d.yaml', validDraft()), '--cases', file('load.ndjson', '{"id":"a","offences":[{"id":"o1","category":"theft"}]}\n{"id":"b","offences":[{"id":"o1","category":"thfet"}]}\n')], match: /load\.ndjson:2:\d+  offences\[0\]\.category\s+unknown value "thfet"/, at: ':2:', oneLine: true },
  { name: 'impact: --generate is not a number', args: () => ['impact', '--from', 'gb-ew', '--to', file('draft-e.yaml', validDraft()), '--generate', 'ten'], match: /--generate takes a whole number/, oneLine: true },
  { name: 'schema: unknown kind', args: () => ['schema', 'scores'], match: /unknown schema "scores"/, oneLine: true },
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
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/); // nothing acts on the terminal
  if (c.lines !== undefined) expect(r.stderr.trimEnd().split('\n')).toHaveLength(c.lines);
  if (c.oneLine) expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  if (c.at) {
    const line = r.stderr.split('\n').find((l) => c.match.test(l)) ?? r.stderr.split('\n')[0]!;
    expect(line).toMatch(/^\S+:\d+:\d+ {2}/);
    expect(line).toContain(c.at);
  }
}
