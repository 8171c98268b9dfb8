/**
 * Deciding without wording (`wording: false`, what batch's CSV rows use) decides exactly as the full
 * report does: the same outcome, reliefs, deadline, missing facts and resolution per offence, and per
 * provision the same outcome, check statuses, exclusions and assumptions — over the golden cases under
 * their laws and a generated caseload (bench/caseload.js, seeded) under every law. And the CSV rows made
 * from either are the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFromJsonLine } from '../../src/batch/input.js';
import { reportCsv } from '../../src/batch/output.js';
import { evaluate } from '../../src/index.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { Report } from '../../src/schema/report.js';
import { goldenFiles, law, loadScenario, ROOT } from '../helpers.js';

/** What a report decides, with every word left out. */
function decisions(r: Report) {
  return r.results.map((j) => ({
    jurisdiction: j.jurisdiction,
    offences: j.offences.map((o) => ({
      offence: o.offence,
      outcome: o.outcome,
      byRelief: o.byRelief,
      deadline: o.deadline,
      missing: o.missing.map((m) => [m.fact, (m.choices ?? []).map((c) => `${c.code}:${c.outcome}`)]),
      resolved: [o.resolved.by, o.resolved.codes, o.resolved.statute, o.resolved.warnings.length],
      provisions: o.provisions.map((p) => [p.provision, p.outcome, p.deadline, p.excludedBy, p.missing.map((m) => m.fact), p.checks.map((c) => `${c.code}:${c.status}`), p.assumptions]),
    })),
  }));
}

describe('deciding without wording', () => {
  const l = law();
  const compare = async (c: CaseFile, req: Parameters<typeof evaluate>[2]) => {
    const full = await evaluate(c, l, { ...req, wording: true });
    const bare = await evaluate(c, l, { ...req, wording: false });
    expect(decisions(bare), c.id).toEqual(decisions(full));
    expect(reportCsv(bare)).toBe(reportCsv(full));
    // No words at all: nothing a renderer could print by mistake.
    const words = bare.results.flatMap((j) => j.offences.flatMap((o) => o.provisions.flatMap((p) => [...p.reasons, ...p.unverified, ...p.checks.map((x) => x.reason)])));
    expect(words.filter((w) => w !== '')).toEqual([]);
    return full;
  };

  it('decides as the full report on every golden case', async () => {
    for (const g of goldenFiles()) {
      const s = loadScenario(g.file);
      await compare(s.case, { jurisdictions: [g.jurisdiction] });
    }
  });

  it('decides as the full report on a generated caseload under every law', async () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'caseload.js'), '--cases', '150', '--seed', '11'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const seen = new Set<string>();
    for (const [i, line] of r.stdout.trim().split('\n').entries()) {
      const c = caseFromJsonLine('caseload', i + 1, line, l.catalogue);
      if (!c.ok) throw new Error(JSON.stringify(c.problems));
      const full = await compare(c.value, { all: true });
      for (const j of full.results) for (const o of j.offences) seen.add(o.outcome);
    }
    // The caseload reaches every outcome, so each kind of decision was compared.
    expect([...seen].sort()).toEqual(['eligible', 'excluded', 'not-eligible', 'undetermined']);
  });
});
