/**
 * check --format json writes a single case law by law as each is evaluated (so that a thousand offences under
 * every law are never held at once): the text must be exactly JSON.stringify of the whole report, two spaces
 * indented, whatever the laws — every law named, each offence under its own law (two laws in one case), a
 * scenario file under the laws it names — and --fail-on must still see every law's offences.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { readCaseOrScenario } from '../../src/load/scenarios.js';
import { law, ROOT } from '../helpers.js';
import { runIn } from './run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'np-json-'));
const courier = parse(readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8')) as CaseFile;
// The same person, the second offence prosecuted in Scotland: each offence under its own law.
const twoLaws: CaseFile = { ...courier, id: 'two-laws', offences: courier.offences.map((o, i) => (i === 1 ? { ...o, jurisdiction: 'gb-sct', code: undefined, statute: undefined } : o)) };
const file = (name: string, c: CaseFile) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(c));
  return f;
};

describe('check --format json, written law by law', () => {
  it('is the whole report, stringified with two spaces, under every law', async () => {
    const r = await runIn(['check', file('courier.json', courier), '--all', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = await evaluate(courier, law(), { all: true });
    expect(report.results.length).toBe(law().ids().length);
    expect(r.stdout).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('is the whole report when each offence is read under its own law, and when laws are named', async () => {
    const own = await runIn(['check', file('two.json', twoLaws), '--format', 'json']);
    const report = await evaluate(twoLaws, law());
    expect(report.results.map((x) => x.jurisdiction)).toEqual(['gb-ew', 'gb-sct']);
    expect(own.stdout).toBe(JSON.stringify(report, null, 2) + '\n');
    const named = await runIn(['check', file('two.json', twoLaws), '-j', 'us-ny', 'gb-ew', '--format', 'json']);
    expect(named.stdout).toBe(JSON.stringify(await evaluate(twoLaws, law(), { jurisdictions: ['us-ny', 'gb-ew'] }), null, 2) + '\n');
  });

  it('--reference-engine (json-rules-engine, checked against the fast path) writes the same report', async () => {
    const f = file('courier.json', courier);
    for (const format of ['json', 'text']) {
      const fast = await runIn(['check', f, '--all', '--format', format]);
      const reference = await runIn(['check', f, '--all', '--format', format, '--reference-engine']);
      expect(reference.code).toBe(0);
      expect(reference.stdout).toBe(fast.stdout);
    }
  });

  it('reads a scenario file under the laws it names', async () => {
    const path = join(ROOT, 'scenarios', 'cannabis-grow-boy-17.yaml');
    const read = readCaseOrScenario(path, law());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.jurisdictions?.length).toBeGreaterThan(1);
    const r = await runIn(['check', path, '--format', 'json']);
    expect(r.stdout).toBe(JSON.stringify(await evaluate(read.value, law(), { jurisdictions: read.jurisdictions }), null, 2) + '\n');
  });

  it('--fail-on sees an outcome that only the last law written gives', async () => {
    // Two laws, the later (in the report's order) giving an outcome the earlier does not.
    const report = await evaluate(courier, law(), { all: true });
    const outcomes = new Map(report.results.map((x) => [x.jurisdiction, new Set(x.offences.map((o) => o.outcome))]));
    const ids = [...outcomes.keys()];
    const pair = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const)).find(([a, b]) => [...outcomes.get(b)!].some((o) => !outcomes.get(a)!.has(o)));
    expect(pair, 'two laws whose outcomes differ').toBeDefined();
    const [a, b] = pair!;
    const only = [...outcomes.get(b)!].find((o) => !outcomes.get(a)!.has(o))!;
    const f = file('courier.json', courier);
    expect((await runIn(['check', f, '-j', b, a, '--format', 'json', '--fail-on', only])).code).toBe(1);
    expect((await runIn(['check', f, '-j', a, '--format', 'json', '--fail-on', only])).code).toBe(0);
  });
});
