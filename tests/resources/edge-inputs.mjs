// The inputs at the edge of every size limit, processed one per process by tests/resources.test.ts and by
// `npm run bench`, which read back the peak memory (maxRSS) and the work counters. Plain JavaScript over the
// built package, so a child process can run it without a TypeScript loader.
//   node tests/resources/edge-inputs.mjs KIND [DIST]    prints one JSON line
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] !== '--check' && process.argv[3] ? process.argv[3] : join(import.meta.dirname, '..', '..', 'dist'));
const load = (m) => import(pathToFileURL(join(dist, m)).href);
const { LIMITS } = await load('load/source.js');
const { work } = await load('load/problems.js');
const { readCase, readText } = await load('load/files.js');
const { parseJurisdiction } = await load('load/jurisdiction.js');
const { Law } = await load('law.js');

const CASE = `id: c1\nas_of: 2026-11-28\njurisdiction: gb-ew\noffences:\n  - { id: o1, category: theft }\n`;
const LAW = (entries, instruments = '') => `id: gb-test
name: Test
kind: jurisdiction
summary: A test file.
checked: 2026-11-28
instruments:
  - { id: act, title: An Act, verified: true }
${instruments}
coercion: { recognises_coercive_control: false, text: none, citation: { instrument: act, section: s.1 }, verified: true }
provisions:
  - { id: p1, title: A defence, relief: defence, discretion: mandatory, citation: { instrument: act, section: s.1 }, text: A test., in_force: { from: 2015-01-01 }, nexus: compelled, domains: [criminal], exceptions: [sch], verified: true }
exception_lists:
  - id: sch
    title: Schedule
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
${entries}
`;

/** Each edge input: its text and how it is read ("case" or "law"). */
export const KINDS = {
  baseline: () => ['case', CASE],
  'largest file (5 MB, one long label)': () => ['case', CASE.replace('category: theft }', `category: theft, label: "${'a'.repeat(LIMITS.maxBytes - CASE.length - 20)}" }`)],
  'most values (a flow list just under the limit)': () => ['case', `${CASE}x: [${'1,'.repeat(LIMITS.maxNodes - 23)}1]\n`],
  'one value too many': () => ['case', `${CASE}x: [${'1,'.repeat(LIMITS.maxNodes)}1]\n`],
  'widest mapping (30,000 unknown keys)': () => ['case', CASE + Array.from({ length: 30_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n'],
  'aliases just under the expansion limit (18 x 5,000)': () => ['case', `${CASE}big: &b [${Array.from({ length: 5000 }, (_, i) => `v${i}`).join(', ')}]\nuse: [${Array(18).fill('*b').join(', ')}]\n`],
  'aliases past the expansion limit (99 x 5,000)': () => ['case', `${CASE}big: &b [${Array.from({ length: 5000 }, (_, i) => `v${i}`).join(', ')}]\nuse: [${Array(99).fill('*b').join(', ')}]\n`],
  'largest case (1,000 offences, every field)': () => [
    'case',
    `id: c1\nas_of: 2026-11-28\njurisdiction: gb-ew\nperson: { birth_date: 1990-01-01 }\ntrafficking: { victim: true, means: [threat] }\noffences:\n` +
      Array.from({ length: 1000 }, (_, i) => `  - { id: o${i}, label: "Offence ${i}", category: theft, statute: "Theft Act 1968 s.1", code: ta-1968-s1, date: 2024-01-01, conviction_date: 2025-01-01, disposition: convicted, nexus: compelled, domain: criminal, answers: { no-realistic-alternative: true } }`).join('\n') +
      '\n',
  ],
  'law citing 1,000 unknown instruments': () => [
    'law',
    LAW(
      Array.from({ length: 1000 }, (_, i) => `      - { id: e${i}, label: L${i}, category: theft, citation: { instrument: akt-${i}, section: s.${i} }, verified: true }`).join('\n'),
      Array.from({ length: 1000 }, (_, i) => `  - { id: act-${i}, title: Act ${i}, verified: true }`).join('\n'),
    ),
  ],
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename) && process.argv[2] === '--check') {
  // The largest case through the whole command (read, evaluate under every law, render JSON), in-process.
  const { run } = await load('cli/main.js');
  const [, text] = KINDS['largest case (1,000 offences, every field)']();
  const dir = mkdtempSync(join(tmpdir(), 'np-edge-'));
  const file = join(dir, 'case.yaml');
  writeFileSync(file, text);
  const t0 = performance.now();
  let bytes = 0;
  const code = await run(['check', file, '--all', '--format', process.argv[3] ?? 'json'], { stdout: (s) => void (bytes += s.length), stderr: (s) => process.stderr.write(s), color: false });
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ kind: `check --all --format ${process.argv[3] ?? 'json'}: 1,000 offences under every law`, code, outputChars: bytes, maxRSSKB: process.resourceUsage().maxRSS, ms: Math.round(ms) }) + '\n');
} else if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const kind = process.argv[2];
  const [how, text] = KINDS[kind]();
  const dir = mkdtempSync(join(tmpdir(), 'np-edge-'));
  const file = join(dir, how === 'law' ? 'gb-test.yaml' : 'case.yaml');
  writeFileSync(file, text);
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let result;
  if (how === 'law') {
    const law = new Law();
    const read = readText(file);
    const r = parseJurisdiction(file, read.text, law.catalogue);
    result = r.ok ? { ok: true } : { ok: false, problems: r.problems.length, first: r.problems[0].code, last: r.problems.at(-1).code };
  } else {
    const law = new Law();
    const r = readCase(file, law.catalogue);
    result = r.ok ? { ok: true, offences: r.value.offences.length } : { ok: false, problems: r.problems.length, first: r.problems[0].code, last: r.problems.at(-1).code };
  }
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ kind, bytes: Buffer.byteLength(text), ...result, work, maxRSSKB: process.resourceUsage().maxRSS, startRSSKB: before, ms: Math.round(ms) }) + '\n');
}
