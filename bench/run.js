// The benchmark (npm run bench): one table from one run. Every figure is set against another measured in
// the same run — the fast path against json-rules-engine, `batch` against a floor that only parses and
// writes, each command's cold start against a bare `node -e 0` — so the ratios hold on any machine; nothing
// here is a timed assertion, and no test depends on it.
//
// Sizes (environment): BENCH_CASES (cases for the engine rates, default 100), BENCH_BATCH (cases for batch
// end to end, default 100000), BENCH_MEM_SMALL and BENCH_MEM_BIG (cases for peak memory, default 10000 and
// 1000000: the big run is the million-case `batch --all`, some minutes on two cores).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Law } from '../dist/law.js';
import { evaluateCase } from '../dist/engine/evaluate.js';

const here = import.meta.dirname;
const size = (name, fallback) => Number(process.env[name] ?? fallback);
const dir = mkdtempSync(join(tmpdir(), 'np-bench-'));
/** The table: [section, measure, result, target, met]. */
const rows = [];
const row = (section, measure, result, target = '', met = '') => {
  rows.push([section, measure, result, target, met === '' ? '' : met ? 'yes' : 'NO']);
  process.stderr.write(`  ${measure}: ${result}\n`);
};
const ms = (x) => `${Math.round(x)} ms`;
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const timed = (cmd, args, opts = {}) => {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  return { ms: performance.now() - t0, r };
};
const caseload = (n, seed = 7) => {
  const f = join(dir, `caseload-${n}-${seed}.ndjson`);
  const r = spawnSync(process.execPath, [join(here, 'caseload.js'), '--cases', String(n), '--seed', String(seed), '--out', f]);
  if (r.status !== 0) throw new Error(`caseload generator failed: ${r.stderr}`);
  return f;
};
/** `nonpunishment ARGS` in one process (workers included), output to /dev/null: exit code, bytes written, peak memory. */
const inProcess = (args) => {
  const t = timed(process.execPath, [join(here, 'rss.js'), '/dev/null', '--', ...args]);
  if (t.r.status !== 0) throw new Error(`batch failed: ${t.r.stderr}`);
  return { ms: t.ms, ...JSON.parse(t.r.stdout.trim().split('\n').at(-1)) };
};

// ---- 1. The engines, per core: offence evaluations per second ------------------------------------------
process.stderr.write('1. engines\n');
{
  const law = new Law();
  const ids = law.ids();
  const compiled = law.getAll(ids);
  const cat = law.catalogue;
  const rules = { version: 'bench', digest: 'sha256:bench' };
  const cases = readFileSync(caseload(size('BENCH_CASES', 100), 3), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const evaluations = cases.reduce((n, c) => n + c.offences.length, 0) * ids.length;
  const time = async (engine) => {
    const t0 = performance.now();
    for (const c of cases) await evaluateCase(c, compiled, cat, { asOf: '2026-11-28', jurisdictions: ids, rules, engine });
    return performance.now() - t0;
  };
  await time('fast'); // warm both paths up
  await time('reference');
  const fast = await time('fast');
  const reference = await time('reference');
  const rate = (t) => Math.round(evaluations / (t / 1000));
  const what = `${cases.length} generated cases x ${ids.length} laws, ${evaluations} offence evaluations`;
  row('1', `fast path, offence evaluations/s on one core (${what})`, `${rate(fast)}/s`);
  row('1', 'json-rules-engine (reference), offence evaluations/s on one core', `${rate(reference)}/s`);
  row('1', 'fast path / json-rules-engine', `${(reference / fast).toFixed(0)}x`, 'at least 100x', reference / fast >= 100);
}

// ---- 2. batch end to end against a floor that only parses each line and writes a line as long -----------
const LAWS = ['gb-ew', 'gb-nir', 'us-ca', 'us-ny'];
{
  const n = size('BENCH_BATCH', 100000);
  process.stderr.write(`2. batch, ${n} cases\n`);
  const input = caseload(n);
  for (const format of ['ndjson', 'csv']) {
    const b = inProcess(['batch', input, '--format', format, '-j', ...LAWS]);
    const lineBytes = Math.round(b.bytes / n);
    const f = timed('sh', ['-c', `exec "${process.execPath}" "${join(here, 'floor.js')}" "${input}" --size ${lineBytes} > /dev/null`]);
    const what = `batch --format ${format}, ${n} cases x ${LAWS.length} laws, --jobs ${availableParallelism()}`;
    row('2', `${what}: cases/s (output ${lineBytes} bytes a case; peak ${mb(b.maxRSSKB)})`, `${Math.round((n * 1000) / b.ms)}/s`);
    row('2', `${what} / floor (parse each line, write ${lineBytes} bytes: ${(f.ms / 1000).toFixed(1)} s)`, `${(b.ms / f.ms).toFixed(1)}x`, 'at most 3x', b.ms / f.ms <= 3);
  }
}

// ---- 3. Peak memory: flat whatever the caseload's size (the big run is the million-case batch --all) ------
{
  const small = size('BENCH_MEM_SMALL', 10000);
  const big = size('BENCH_MEM_BIG', 1000000);
  process.stderr.write(`3. memory, ${small} and ${big} cases\n`);
  const s = inProcess(['batch', caseload(small), '--all', '--format', 'csv']);
  const input = caseload(big);
  const b = inProcess(['batch', input, '--all', '--format', 'csv']);
  rmSync(input, { force: true });
  row('3', `batch --all --format csv, ${small} cases: peak memory`, mb(s.maxRSSKB));
  row('3', `batch --all --format csv, ${big} cases: peak memory (${(b.ms / 60000).toFixed(1)} min, ${Math.round((big * 1000) / b.ms)} cases/s, exit ${b.code})`, mb(b.maxRSSKB));
  row('3', `peak memory, ${big} / ${small} cases`, `${(b.maxRSSKB / s.maxRSSKB).toFixed(2)}x`, 'at most 1.5x', b.maxRSSKB / s.maxRSSKB <= 1.5);
}

// ---- 4. Cold start: ratios to a bare `node -e 0`, medians of several runs --------------------------------
process.stderr.write('4. cold start\n');
{
  const bin = join(here, '..', 'bin', 'nonpunishment.js');
  // The README's drug courier, with a third offence: a three-offence case.
  const c = parse(readFileSync(join(here, '..', 'examples', 'drug-courier.yaml'), 'utf8'));
  c.offences.push({ id: 'o3', label: 'Possession of a false identity document', category: 'false-documents', code: 'ida-2010-s6', date: '2024-05-02', disposition: 'charged', nexus: 'compelled' });
  const three = join(dir, 'three.json');
  writeFileSync(three, JSON.stringify(c));
  const median = (args, n = 9) => {
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(timed(process.execPath, args).ms);
    return xs.sort((a, b) => a - b)[Math.floor(n / 2)];
  };
  const bare = median(['-e', '0']);
  row('4', 'node -e 0 (the unit of the ratios below)', ms(bare));
  for (const [name, args, target] of [
    ['--version', ['--version'], 1.3],
    ['--help', ['--help'], 1.3],
    ['check, a three-offence case, one law', ['check', three, '-j', 'gb-ew'], 2],
    ['check --all, the same case', ['check', three, '--all'], 3],
  ]) {
    const m = median([bin, ...args]);
    row('4', `${name} (${ms(m)})`, `${(m / bare).toFixed(1)}x`, `at most ${target}x`, m / bare <= target);
  }
}

// ---- 5. The largest inputs the limits accept, each in a process of its own ------------------------------
process.stderr.write('5. largest inputs\n');
{
  const script = join(here, '..', 'tests', 'resources', 'edge-inputs.mjs');
  const { KINDS } = await import('../tests/resources/edge-inputs.mjs');
  const runs = [['--check', 'json'], ['--check', 'text'], ...Object.keys(KINDS).filter((k) => k !== 'baseline').map((k) => [k])];
  for (const args of runs) {
    const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    if (r.status !== 0) {
      row('5', args.join(' '), `failed: ${r.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const m = JSON.parse(r.stdout);
    const what = m.ok === undefined ? `exit ${m.code}` : m.ok ? 'accepted' : `refused (${m.first}${m.problems > 1 ? `, ${m.problems} problems` : ''})`;
    const largest = args[0] === '--check';
    row('5', `${m.kind}: ${what}`, `${ms(m.ms)}, ${mb(m.maxRSSKB)}`, largest ? 'under 1 s, under 150 MB' : '', largest ? m.ms < 1000 && m.maxRSSKB < 150 * 1024 : '');
  }
}
rmSync(dir, { recursive: true, force: true });

// ---- The table ----------------------------------------------------------------------------------------
const head = ['', 'measure', 'result', 'target', 'met'];
const cell = (s) => String(s).replace(/\|/g, '\\|');
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map((_, i) => (i === 2 ? ' ---: ' : ' --- ')).join('|')}|`);
for (const r of rows) console.log(`| ${r.map(cell).join(' | ')} |`);
