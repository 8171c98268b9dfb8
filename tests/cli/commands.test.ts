/** The commands end to end through the real binary: outputs a lawyer, a drafter or an editor relies on. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { reportSchema } from '../../src/schema/report.js';
import { cli } from './run-binary.js';

describe('nonpunishment check', () => {
  it('the README example: the courier is eligible for the defence and non-prosecution in England and Wales', () => {
    const r = cli(['check', 'examples/drug-courier.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Modern Slavery Act 2015, s.45(1)');
    expect(r.stdout).toMatch(/o1 · Possession of crack cocaine[\s\S]*ELIGIBLE/);
    expect(r.stdout).toMatch(/Still to establish:\n\s+- answers\.no-realistic-alternative/);
  });

  it('--format json follows the report contract', () => {
    const r = cli(['check', 'examples/drug-courier.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.schema).toBe('nonpunishment/report@1');
    expect(report.rules.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const o1 = report.results[0]!.offences.find((o) => o.offence === 'o1')!;
    expect(o1.byRelief).toEqual({ defence: 'eligible', 'non-prosecution': 'eligible' });
    const s45 = o1.provisions.find((p) => p.provision === 'msa-2015-s45-adult')!;
    expect(s45).toMatchObject({ relief: 'defence', outcome: 'eligible', citation: 'Modern Slavery Act 2015, s.45(1)', missing: [] });
    expect(s45.reasons.some((x) => x.startsWith('s.45(1)(a):'))).toBe(true);
  });

  it('the same inputs give the same report, byte for byte', () => {
    const a = cli(['check', 'examples/drug-courier.yaml', '--format', 'json']);
    const b = cli(['check', 'examples/drug-courier.yaml', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--all evaluates under every jurisdiction and instrument', () => {
    const r = cli(['check', 'examples/drug-courier.yaml', '--all', '--format', 'json']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { results: { jurisdiction: string }[] }).results.map((x) => x.jurisdiction);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['gb-ew', 'gb-nir', 'gb-sct', 'us-ny', 'us-ca', 'us-fl', 'un-model']));
    expect(ids).toHaveLength(14);
  });

  it('--fail-on undetermined exits 1 when an offence is undetermined, 0 otherwise', () => {
    expect(cli(['check', 'examples/unknown-facts.yaml', '--fail-on', 'undetermined']).code).toBe(1);
    expect(cli(['check', 'examples/drug-courier.yaml', '--fail-on', 'excluded']).code).toBe(0);
  });

  it('--format markdown gives a memo with citations and the questions still open', () => {
    const r = cli(['check', 'examples/unknown-facts.yaml', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Non-punishment memo: first-interview\n/);
    expect(r.stdout).toContain('Still to establish:');
    expect(r.stdout).toContain('`offence.code`');
  });

  it('--as-of changes the law applied: an offence before 31 July 2015 has no s.45 defence whenever it is judged; the CPS route opens only once its guidance applies', () => {
    // The drug courier of the README, but the offence committed on 2 May 2015, before s.45 came into force.
    const dir = mkdtempSync(join(tmpdir(), 'np-as-of-'));
    const file = join(dir, 'courier-2015.yaml');
    const courier = readFileSync(join(ROOT, 'examples/drug-courier.yaml'), 'utf8').replaceAll('date: 2024-05-02', 'date: 2015-05-02').replace('period: { start: 2023-09-01, end: 2024-06-20 }', 'period: { start: 2014-09-01, end: 2015-06-20 }');
    writeFileSync(file, courier);
    try {
      const o1 = (asOf: string) => {
        const r = cli(['check', file, '--format', 'json', '--as-of', asOf]);
        expect(r.code).toBe(0);
        const report = reportSchema.parse(JSON.parse(r.stdout));
        expect(report.asOf).toBe(asOf);
        return report.results[0]!.offences.find((o) => o.offence === 'o1')!;
      };
      const s45 = (o: ReturnType<typeof o1>) => o.provisions.find((p) => p.provision === 'msa-2015-s45-adult')!;
      const cps = (o: ReturnType<typeof o1>) => o.provisions.find((p) => p.provision === 'cps-four-stage-non-prosecution')!;
      // Judged in 2017: s.45 is read at the offence date (not in force), and the 2018 CPS guidance is read at the date of judging (not yet).
      const before = o1('2017-06-01');
      expect(s45(before).outcome).toBe('not-eligible');
      expect(s45(before).checks.find((c) => c.code === 'in-force')).toMatchObject({ status: 'not-met' });
      expect(cps(before).outcome).toBe('not-eligible');
      expect(cps(before).checks.find((c) => c.code === 'in-force')).toMatchObject({ status: 'not-met' });
      expect(before.outcome).toBe('not-eligible');
      // Judged in 2026: still no s.45 defence for a 2015 offence, but the CPS four-stage route now applies.
      const after = o1('2026-01-01');
      expect(s45(after).outcome).toBe('not-eligible');
      expect(s45(after).checks.find((c) => c.code === 'in-force')).toMatchObject({ status: 'not-met' });
      expect(cps(after).checks.find((c) => c.code === 'in-force')).toMatchObject({ status: 'met' });
      expect(cps(after).outcome).toBe('eligible');
      expect(after.byRelief).toEqual({ defence: 'not-eligible', 'non-prosecution': 'eligible' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help shows examples', () => {
    const r = cli(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--fail-on');
  });
});

describe('nonpunishment validate, jurisdictions, schema', () => {
  it('validate passes on every shipped jurisdiction file and the examples', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('14 file(s) valid');
    expect(cli(['validate', 'examples/drug-courier.yaml', 'examples/child-cannabis-grow.yaml', 'examples/unknown-facts.yaml']).code).toBe(0);
  });

  it('jurisdictions list shows all fourteen ids', () => {
    const r = cli(['jurisdictions', 'list', '--format', 'json']);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((j) => j.id);
    expect(ids).toEqual(['asean', 'az', 'coe', 'cy', 'eu', 'gb-ew', 'gb-nir', 'gb-sct', 'nl', 'un-model', 'un-principles', 'us-ca', 'us-fl', 'us-ny']);
  });

  it('jurisdictions show gb-ew lists Schedule 4 with partial entries and unverified marks', () => {
    const r = cli(['jurisdictions', 'show', 'gb-ew']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sch 4 para 14');
    expect(r.stdout).toMatch(/Burglary with intent to inflict grievous bodily harm.*partial: tha-1968-s9/);
    expect(r.stdout).toContain('[UNVERIFIED:');
  });

  it('schema case prints a JSON Schema an editor can use, with the category ids', () => {
    const r = cli(['schema', 'case']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toMatch(/json-schema/);
    expect(JSON.stringify(s)).toContain('"drug-supply"');
    expect(s.additionalProperties).toBe(false);
  });
});
