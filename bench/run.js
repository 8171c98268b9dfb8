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
