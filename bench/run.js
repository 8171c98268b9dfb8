// Benchmark: evaluating offences under every shipped law, json-rules-engine (reference) against the fast
// path, reported as throughput and as a ratio measured in the same run (no timed assertions anywhere).
// Run: npm run bench
import { Law } from '../dist/law.js';
import { evaluateCase } from '../dist/engine/evaluate.js';

const law = new Law();
const ids = law.ids();
const compiled = law.getAll(ids);
const cat = law.catalogue;
const rules = { version: 'bench', digest: 'sha256:bench' };

// Deterministic pseudo-random cases (a linear congruential generator), so every run measures the same work.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const maybe = (v) => (rnd() < 0.75 ? v : undefined);
function makeCase(i) {
  const cats = cat.categories.map((c) => c.id);
  return {
    id: `b${i}`,
    as_of: '2026-11-28',
    person: { birth_date: maybe(`19${70 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}-15`) },
    trafficking: { victim: maybe(rnd() < 0.9), means: maybe(rnd() < 0.5 ? ['threat'] : []), coercive_control: maybe(['isolation']) },
    offences: Array.from({ length: 3 }, (_, k) => ({
      id: `o${k}`,
      category: pick(cats),
      date: maybe(`20${10 + Math.floor(rnd() * 16)}-06-01`),
      disposition: maybe(pick(['investigation', 'charged', 'convicted', 'arrest-record', 'penalty'])),
      nexus: maybe(pick(['compelled', 'direct-consequence', 'result-of', 'connected', 'none'])),
      answers: {},
    })),
  };
}
const cases = Array.from({ length: Number(process.env.BENCH_CASES ?? 150) }, (_, i) => JSON.parse(JSON.stringify(makeCase(i))));
const offenceEvaluations = cases.length * 3 * ids.length;

async function time(engine) {
  const t0 = performance.now();
  for (const c of cases) await evaluateCase(c, compiled, cat, { asOf: '2026-11-28', jurisdictions: ids, rules, engine });
  return performance.now() - t0;
}

await time('fast'); // warm up both paths
await time('reference');
const fast = await time('fast');
const reference = await time('reference');
const rate = (ms) => Math.round(offenceEvaluations / (ms / 1000));
console.log(`${offenceEvaluations} offence evaluations (${cases.length} cases x 3 offences x ${ids.length} laws)`);
console.log(`reference (json-rules-engine, also computes the fast path to explain): ${rate(reference)} /s`);
console.log(`fast path alone:                                                    ${rate(fast)} /s`);
console.log(`ratio fast / reference: ${(reference / fast).toFixed(1)}x`);

// The largest inputs the size limits accept (and the first ones past them), each read in a process of its
// own: time and peak memory. The same inputs are held to memory and work bounds in tests/resources.test.ts.
{
  const { spawnSync } = await import('node:child_process');
  const { join } = await import('node:path');
  const script = join(import.meta.dirname, '..', 'tests', 'resources', 'edge-inputs.mjs');
  const { KINDS } = await import('../tests/resources/edge-inputs.mjs');
  console.log('\nlargest accepted inputs (one process each; time to read and validate, peak RSS of the process):');
  const runs = [...Object.keys(KINDS).filter((k) => k !== 'baseline').map((k) => [k]), ['--check', 'json'], ['--check', 'text']];
  for (const args of runs) {
    const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.log(`  ${args.join(' ')}: failed: ${r.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const m = JSON.parse(r.stdout);
    const what = m.ok === undefined ? `exit ${m.code}` : m.ok ? 'accepted' : `refused (${m.first}${m.problems > 1 ? `, ${m.problems} problems` : ''})`;
    console.log(`  ${m.kind.padEnd(62)} ${String(m.ms).padStart(6)} ms  ${String(Math.round(m.maxRSSKB / 1024)).padStart(4)} MB peak  ${what}`);
  }
}

// ---- Caseload screening: `batch` end to end, against a floor that only parses and writes ----------------
{
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, statSync, writeFileSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const here = import.meta.dirname;
  const dir = mkdtempSync(join(tmpdir(), 'np-bench-'));
  const LAWS = ['gb-ew', 'gb-nir', 'us-ca', 'us-ny'];
  const caseload = (n) => {
    const f = join(dir, `caseload-${n}.ndjson`);
    const r = spawnSync(process.execPath, [join(here, 'caseload.js'), '--cases', String(n), '--seed', '7', '--out', f]);
    if (r.status !== 0) throw new Error(`caseload generator failed: ${r.stderr}`);
    return f;
  };
  const timed = (cmd, args) => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    return { ms: performance.now() - t0, r };
  };
  const N = Number(process.env.BENCH_BATCH ?? 20000);
  const input = caseload(N);
  const outFile = join(dir, 'out.ndjson');
  const b = timed(process.execPath, [join(here, 'rss.js'), outFile, '--', 'batch', input, '-j', ...LAWS]);
  const batchRun = JSON.parse(b.r.stdout.trim().split('\n').at(-1));
  const lineSize = Math.round(statSync(outFile).size / N);
  const f = timed('sh', ['-c', `exec "${process.execPath}" "${join(here, 'floor.js')}" "${input}" --size ${lineSize} > "${join(dir, 'floor.out')}"`]);
  console.log(`\nbatch, ${N} generated cases (seed 7) x ${LAWS.length} laws (${LAWS.join(', ')}), default --jobs:`);
  console.log(`  batch:  ${(b.ms / 1000).toFixed(1)} s, ${Math.round((N * 1000) / b.ms)} cases/s, peak ${Math.round(batchRun.maxRSSKB / 1024)} MB, exit ${batchRun.code}`);
  console.log(`  floor (parse each line, write a ${lineSize}-byte line): ${(f.ms / 1000).toFixed(2)} s`);
  console.log(`  ratio batch / floor: ${(b.ms / f.ms).toFixed(1)}x (target: at most 3x)`);
  // Memory at two sizes: flat means streaming.
  const small = Number(process.env.BENCH_MEM_SMALL ?? 2000);
  const big = Number(process.env.BENCH_MEM_BIG ?? 20000);
  const mem = (n) => JSON.parse(spawnSync(process.execPath, [join(here, 'rss.js'), join(dir, `m${n}.out`), '--', 'batch', caseload(n), '-j', 'gb-ew'], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1)).maxRSSKB;
  const ms = mem(small);
  const mb = mem(big);
  console.log(`  peak memory, ${small} cases: ${Math.round(ms / 1024)} MB; ${big} cases: ${Math.round(mb / 1024)} MB; ratio ${(mb / ms).toFixed(2)} (target: within 1.5)`);

  // ---- Cold start, as ratios to a bare `node -e 0` in the same run (median of several) ----------------
  const bin = join(here, '..', 'bin', 'nonpunishment.js');
  const three = join(dir, 'three.yaml');
  writeFileSync(three, readFileSync(join(here, '..', 'examples', 'drug-courier.yaml'), 'utf8'));
  const median = (args, n = 7) => {
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(timed(process.execPath, args).ms);
    return xs.sort((a, c) => a - c)[Math.floor(n / 2)];
  };
  const bare = median(['-e', '0']);
  console.log(`\ncold start (median of 7; node -e 0 = ${bare.toFixed(0)} ms):`);
  for (const [name, args, target] of [
    ['--version', [bin, '--version'], 1.3],
    ['--help', [bin, '--help'], 1.3],
    ['check, one case, one law', [bin, 'check', three, '-j', 'gb-ew'], 2],
    ['check --all', [bin, 'check', three, '--all'], 3],
  ]) {
    const m = median(args);
    console.log(`  ${name.padEnd(26)} ${m.toFixed(0).padStart(5)} ms  ${(m / bare).toFixed(1)}x (target: at most ${target}x)`);
  }
}
