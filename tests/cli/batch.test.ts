/**
 * `nonpunishment batch` through the real binary: the same reports as `check` (the shipped examples and every
 * golden case), in input order, whatever the number of workers; bad records as error records with their
 * line; CSV through a mapping; shards that partition a caseload; only regular files read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { goldenFiles, loadScenario, ROOT } from '../helpers.js';
import { cli } from './run-binary.js';

const dir = mkdtempSync(join(tmpdir(), 'np-batch-'));
const examples = ['drug-courier', 'child-cannabis-grow', 'unknown-facts'].map((f) => parse(readFileSync(join(ROOT, 'examples', `${f}.yaml`), 'utf8')) as { id: string });
const ndjson = (cases: unknown[], name: string) => {
  const f = join(dir, name);
  writeFileSync(f, cases.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join('\n') + '\n');
  return f;
};

describe('nonpunishment batch', () => {
  it('gives, line by line and in input order, the report check gives for each case', () => {
    const f = ndjson(examples, 'examples.ndjson');
    const r = cli(['batch', f, '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { case: string }).case)).toEqual(examples.map((e) => e.id));
    for (const [i, name] of ['drug-courier', 'child-cannabis-grow', 'unknown-facts'].entries()) {
      const check = cli(['check', `examples/${name}.yaml`, '--format', 'json']);
      expect(JSON.parse(lines[i]!), name).toEqual(JSON.parse(check.stdout));
    }
  });

  it('every golden case: batch gives, line by line, the report check gives for the same case file', () => {
    const golden = goldenFiles();
    const cases = golden.map((g) => ({ ...loadScenario(g.file).case, jurisdiction: g.jurisdiction }));
    const files = cases.map((c, i) => {
      const f = join(dir, `golden-${i}.json`);
      writeFileSync(f, JSON.stringify(c));
      return f;
    });
    const r = cli(['batch', ndjson(cases, 'golden.ndjson'), '--jobs', '2']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    const check = cli(['check', ...files, '--format', 'json']);
    expect(check.code).toBe(0);
    const reports = JSON.parse(check.stdout) as unknown[];
    expect(lines).toHaveLength(golden.length);
    expect(reports).toHaveLength(golden.length);
    for (const [i, g] of golden.entries()) expect(lines[i], g.file).toEqual(reports[i]);
  });

  it('one or two workers, small chunks or large: the same output, byte for byte', () => {
    const cases = Array.from({ length: 24 }, (_, i) => ({ ...examples[i % 3]!, id: `c${i}` }));
    const f = ndjson(cases, 'many.ndjson');
    const one = cli(['batch', f, '--jobs', '1', '-j', 'gb-ew', 'us-ca']);
    const two = cli(['batch', f, '--jobs', '2', '-j', 'gb-ew', 'us-ca']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { case: string }).case)).toEqual(cases.map((c) => c.id));
  });

  it('a bad line never stops the run: an error record with its line and the located problem, then exit 2', () => {
    const f = ndjson([examples[0]!, '{"id": "x", "offences": [{"id": "o1", "category": "theft", "nexus": "strong"}]}', 'not json', examples[1]!], 'bad.ndjson');
    const r = cli(['batch', f, '--jobs', '1']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { case?: string; error?: { line: number; problems: { line: number; col: number; path: string; code: string }[] } });
    expect(lines).toHaveLength(4);
    expect(lines[0]!.case).toBe('drug-courier');
    expect(lines[1]!.error).toMatchObject({ line: 2, problems: [{ line: 2, path: 'offences[0].nexus', code: 'schema.unknown-value' }] });
    expect(lines[1]!.error!.problems[0]!.col).toBeGreaterThan(1);
    expect(lines[2]!.error).toMatchObject({ line: 3, problems: [{ line: 3, code: 'schema.type' }] });
    expect(lines[3]!.case).toBe('child-cannabis-grow');
  });

  it('--fail-on: exit 1 when an offence has that outcome', () => {
    const f = ndjson([examples[2]!], 'unknowns.ndjson');
    expect(cli(['batch', f, '--jobs', '1', '--fail-on', 'undetermined']).code).toBe(1);
    expect(cli(['batch', f, '--jobs', '1', '--fail-on', 'excluded']).code).toBe(0);
  });

  it('--format csv: one row per offence and law, with the outcome, best relief, provision and missing facts', () => {
    const f = ndjson([examples[0]!], 'one.ndjson');
    const r = cli(['batch', f, '--jobs', '1', '--format', 'csv']);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('case,offence,jurisdiction,category,outcome,best_relief,provision,citation,missing,deadline,resolved_by,codes,error');
    expect(rows[1]).toMatch(/^drug-courier,o1,gb-ew,drug-supply,eligible,non-prosecution,/);
  });

  it('CSV input through a mapping: rows grouped into cases, values translated, problems placed on the row and column', () => {
    const r = cli(['batch', 'examples/batch/court-export.csv', '--map', 'examples/batch/court-export.map.yaml', '--jobs', '1']);
    expect(r.code).toBe(0);
    const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { case: string; results: { offences: { offence: string; disposition: string; resolved: { by: string; codes: string[] } }[] }[] });
    expect(reports.map((x) => x.case)).toEqual(['D-1001', 'D-1002', 'D-1003', 'D-1004']);
    const d1 = reports[0]!.results[0]!.offences;
    expect(d1.map((o) => o.offence)).toEqual(['1', '2']);
    expect(d1[0]!.disposition).toBe('charged');
    expect(d1[0]!.resolved).toMatchObject({ by: 'statute', codes: ['mda-1971-s5-3-class-a', 'mda-1971-s5-3-class-b', 'mda-1971-s5-3-class-c'] });
    // Simple criminal damage, matched from the statute as the court wrote it, is not in Schedule 4.
    expect(reports[3]!.results[0]!.offences[0]!.resolved.codes).toEqual(['cda-1971-s1-1']);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'case_id,offence_id,category,date\nA,o1,theft,2020-01-01\nB,o1,thief,2020-01-01\nA,o2,theft,2020-02-02\n');
    const b = cli(['batch', bad, '--jobs', '1', '--jurisdiction', 'gb-ew', '--as-of', '2026-11-28']);
    expect(b.code).toBe(2);
    const out = b.stdout.trim().split('\n').map((l) => JSON.parse(l) as { case?: string; error?: { problems: { line: number; col: number; code: string }[] } });
    expect(out[0]!.case).toBe('A');
    expect(out[1]!.error!.problems[0]).toMatchObject({ line: 3, col: 3, code: 'schema.unknown-value' });
    expect(out[2]!.error!.problems[0]).toMatchObject({ line: 4, code: 'csv.case-split' });
  });

  it('--shard K/N: the shards partition the caseload, each case in exactly one', () => {
    const cases = Array.from({ length: 30 }, (_, i) => ({ ...examples[0]!, id: `s${i}` }));
    const f = ndjson(cases, 'shards.ndjson');
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = cli(['batch', f, '--jobs', '1', '--shard', `${k}/3`]);
      expect(r.code).toBe(0);
      const ids = r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { case: string }).case) : [];
      expect(ids.length).toBeGreaterThan(0);
      seen.push(...ids);
    }
    expect(seen.sort()).toEqual(cases.map((c) => c.id).sort());
    expect(cli(['batch', f, '--shard', '4/3']).code).toBe(2);
  });

  it('--summary: counts by law and outcome on standard error', () => {
    const f = ndjson(examples, 'summary.ndjson');
    const r = cli(['batch', f, '--jobs', '1', '--summary']);
    expect(r.stderr).toMatch(/^3 case\(s\), 6 offence evaluation\(s\), 0 bad record\(s\)/);
    expect(r.stderr).toMatch(/\ngb-ew +\d+ +\d+ +\d+ +\d+\n/);
  });

  it('standard input with -, and only regular files otherwise', () => {
    const r = cli(['batch', '-', '--jobs', '1'], { input: JSON.stringify(examples[0]) + '\n' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { case: string }).case).toBe('drug-courier');
    const dev = cli(['batch', '/dev/zero']);
    expect(dev.code).toBe(2);
    expect(dev.stderr).toMatch(/^\/dev\/zero:1:1 {2}not a regular file/);
    const folder = cli(['batch', dir]);
    expect(folder.code).toBe(2);
  });

  it('--reference-engine gives the same reports as the compiled path', () => {
    const f = ndjson(examples, 'ref.ndjson');
    expect(cli(['batch', f, '--jobs', '1', '--reference-engine', '--all']).stdout).toBe(cli(['batch', f, '--jobs', '1', '--all']).stdout);
  });
});
