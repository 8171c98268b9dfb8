/**
 * Resources, not time: each input at the edge of a size limit is read in a process of its own, the V8 heap
 * capped at 384 MB (a structure built before a limit is checked would abort it), and the peak memory and
 * the work counters it reports are held to stated bounds. `npm run bench` prints the times of the same
 * inputs. Bounds (SECURITY.md): peak RSS under 350 MB; at most 101 problems per file (the first 100 and
 * "and N more"); locate takes at most one step per path segment of a problem it reports (depth ≤ 64) and
 * indexes each mapping once; "did you mean" computes at most SUGGEST_BUDGET edit-distance cells per problem.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_FILE, SUGGEST_BUDGET } from '../src/load/problems.js';
import { LIMITS } from '../src/load/source.js';
import { ROOT } from './helpers.js';

interface Measured {
  kind: string;
  bytes: number;
  ok: boolean;
  offences?: number;
  problems?: number;
  first?: string;
  last?: string;
  work: { editCells: number; locateSteps: number; indexedKeys: number };
  maxRSSKB: number;
}

async function measure(kind: string): Promise<Measured> {
  const r = await promisify(execFile)(process.execPath, ['--max-old-space-size=384', join(ROOT, 'tests', 'resources', 'edge-inputs.mjs'), kind, join(ROOT, 'dist')], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(r.stdout) as Measured;
}

const PEAK_RSS_MB = 350;

const expected: [string, (m: Measured) => void][] = [
  ['largest file (5 MB, one long label)', (m) => expect([m.bytes <= LIMITS.maxBytes, m.first]).toEqual([true, 'schema.too-big'])],
  ['most values (a flow list just under the limit)', (m) => expect([m.first, m.problems]).toEqual(['schema.unknown-key', 1])], // built and read: only the unknown key is wrong
  ['one value too many', (m) => expect(m.first).toBe('input.too-many-values')],
  ['widest mapping (30,000 unknown keys)', (m) => expect([m.problems, m.last]).toEqual([MAX_PROBLEMS_PER_FILE + 1, 'input.more-problems'])],
  ['aliases just under the expansion limit (18 x 5,000)', (m) => expect([m.first, m.problems]).toEqual(['schema.unknown-key', 2])],
  ['aliases past the expansion limit (99 x 5,000)', (m) => expect(m.first).toBe('yaml.aliases')],
  ['largest case (1,000 offences, every field)', (m) => expect([m.ok, m.offences]).toEqual([true, 1000])],
  ['law citing 1,000 unknown instruments', (m) => expect([m.problems, m.first, m.last]).toEqual([MAX_PROBLEMS_PER_FILE + 1, 'ref.unknown-instrument', 'input.more-problems'])],
];

// Two at a time (the machine's cores): each child's peak memory is its own.
describe.concurrent('every input at the edge of a size limit is read within bounded memory and work', { concurrent: true }, () => {
  for (const [kind, check] of expected)
    it(kind, { timeout: 120_000 }, async () => {
      const m = await measure(kind);
      check(m);
      expect(m.maxRSSKB / 1024, `peak RSS of ${kind}`).toBeLessThan(PEAK_RSS_MB);
      const problems = m.problems ?? 0;
      expect(problems).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE + 1);
      expect(m.work.locateSteps).toBeLessThanOrEqual(problems * (LIMITS.maxDepth + 1));
      expect(m.work.indexedKeys).toBeLessThanOrEqual(LIMITS.maxNodes);
      expect(m.work.editCells).toBeLessThanOrEqual(problems * SUGGEST_BUDGET);
    });
});
