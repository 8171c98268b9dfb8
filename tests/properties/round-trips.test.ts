/**
 * Property 6 of DESIGN.md: order independence, determinism, and YAML/JSON round trips of case and
 * jurisdiction files (and of the JSON report), on shipped and generated laws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import { parseCase } from '../../src/load/case.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { JurisdictionFile } from '../../src/schema/jurisdiction.js';
import { reportSchema, type OffenceResult } from '../../src/schema/report.js';
import { AS_OF, caseArb, describeLaw } from '../arbitraries/case.js';
import { jurisdictionArb } from '../arbitraries/jurisdiction.js';
import { ROOT } from '../helpers.js';
import { cat, evaluateUnder, expectSame, holds, lawAndCase, rules, shipped } from './harness.js';

/** A permutation of a list, driven by fast-check so that it shrinks and replays. */
const permute = <T>(xs: readonly T[], keys: number[]) => xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)]! * 1000 + i })).sort((a, b) => a.k - b.k).map((p) => p.x);
const keys = fc.array(fc.nat(50), { minLength: 1, maxLength: 12 });

/** The same case written in another order: offences, lists and the keys of every object. */
function reorder(c: CaseFile, k: number[]): CaseFile {
  const shuffleKeys = <T extends object>(o: T): T => Object.fromEntries(permute(Object.entries(o), k)) as T;
  const t = c.trafficking;
  return shuffleKeys({
    ...c,
    ...(c.person ? { person: shuffleKeys(c.person) } : {}),
    ...(t
      ? { trafficking: shuffleKeys({ ...t, ...(t.forms ? { forms: permute(t.forms, k) } : {}), ...(t.means ? { means: permute(t.means, k) } : {}), ...(t.coercive_control ? { coercive_control: permute(t.coercive_control, k) } : {}) }) }
      : {}),
    offences: permute(c.offences, k.slice().reverse()).map((o) => shuffleKeys({ ...o, ...(o.answers ? { answers: shuffleKeys(o.answers) } : {}) })),
  });
}

/** An offence's result without the order of its provisions (which follows the file). */
const unordered = (rs: OffenceResult[]) => rs.map((r) => ({ ...r, provisions: [...r.provisions].sort((a, b) => (a.provision < b.provision ? -1 : 1)) }));

describe('order independence and determinism', () => {
  it('the order of offences, of lists and of keys in a case file changes nothing in the report', () =>
    holds(
      fc.asyncProperty(lawAndCase, keys, async ({ law, case: c }, k) => {
        expect(await evaluateUnder(law, reorder(c, k))).toEqual(await evaluateUnder(law, c));
      }),
    ));

  it('the order of provisions, lists and entries in a jurisdiction file changes no outcome, check or missing fact', () =>
    holds(
      fc.asyncProperty(jurisdictionArb(cat).chain((j) => fc.record({ j: fc.constant(j), g: caseArb(describeLaw(j, true), cat), k: keys })), async ({ j, g, k }) => {
        const lists = j.exception_lists?.map((l) => ({ ...l, entries: permute(l.entries, k) }));
        const moved: JurisdictionFile = { ...j, provisions: permute(j.provisions, k), ...(lists ? { exception_lists: permute(lists, k.slice().reverse()) } : {}) };
        const a = await evaluateUnder(describeLaw(j, true), g.case);
        const b = await evaluateUnder(describeLaw(moved, true), g.case);
        // Reasons and citations list matching entries in file order; the decisions must not depend on it.
        const norm = (rs: OffenceResult[]) =>
          unordered(rs).map((r) => ({
            offence: r.offence, outcome: r.outcome, byRelief: r.byRelief, missing: r.missing.map((m) => m.fact), deadline: r.deadline,
            provisions: r.provisions.map((p) => ({ provision: p.provision, outcome: p.outcome, missing: p.missing.map((m) => m.fact), excludedBy: [...p.excludedBy].sort(), deadline: p.deadline, checks: p.checks.map((c) => `${c.code}:${c.status}`).sort() })),
          }));
        expectSame(norm(b), norm(a));
      }),
    ));

  it('evaluating twice, or with several laws at once in any order, gives the same report', () =>
    holds(
      fc.asyncProperty(lawAndCase, fc.shuffledSubarray(shipped.map((s) => s.id), { minLength: 1, maxLength: 3 }), async ({ law, case: c }, others) => {
        const all = new Map([[law.id, law.compiled], ...shipped.filter((s) => s.id !== law.id).map((s) => [s.id, s.compiled] as const)]);
        const ids = [...new Set([law.id, ...others])];
        const run = (order: string[]) => evaluateCase(c, all, cat, { asOf: AS_OF, jurisdictions: order, rules, engine: 'fast' });
        const first = await run(ids);
        expect(await run([...ids].reverse())).toEqual(first);
        expect(first.results.find((r) => r.jurisdiction === law.id)!.offences).toEqual(await evaluateUnder(law, c));
      }),
    ));
});

describe('round trips', () => {
  it('a case file written as YAML or as JSON reads back to the same case', () =>
    holds(
      fc.asyncProperty(lawAndCase, async ({ case: c }) => {
        for (const [name, text] of [['case.yaml', stringify(c)], ['case.json', JSON.stringify(c, null, 2)]] as const) {
          const back = parseCase(name, text, cat);
          expect(back.ok ? back.value : back.problems).toEqual(c);
        }
      }),
    ));

  it('a generated jurisdiction file written as YAML or JSON loads back unchanged and gives the same results', () =>
    holds(
      fc.asyncProperty(jurisdictionArb(cat).chain((j) => fc.record({ j: fc.constant(j), g: caseArb(describeLaw(j, true), cat) })), async ({ j, g }) => {
        for (const [name, text] of [['generated.yaml', stringify(j)], ['generated.json', JSON.stringify(j)]] as const) {
          const back = parseJurisdiction(name, text, cat, 'generated');
          expect(back.ok ? back.value : back.problems).toEqual(j);
          if (back.ok) expect(await evaluateUnder(describeLaw(back.value, true), g.case)).toEqual(await evaluateUnder(describeLaw(j, true), g.case));
        }
      }),
    ));

  it('every shipped jurisdiction file survives YAML → data → YAML → data and JSON', () => {
    for (const s of shipped) {
      const text = readFileSync(join(ROOT, 'jurisdictions', `${s.id}.yaml`), 'utf8');
      const first = parseJurisdiction(`${s.id}.yaml`, text, cat, s.id);
      expect(first.ok, s.id).toBe(true);
      if (!first.ok) continue;
      for (const again of [stringify(first.value), JSON.stringify(first.value)]) {
        const second = parseJurisdiction(`${s.id}.yaml`, again, cat, s.id);
        expect(second.ok ? second.value : second.problems, s.id).toEqual(first.value);
      }
      expect(compileJurisdiction(first.value).provisions.map((p) => p.checks)).toEqual(s.compiled.provisions.map((p) => p.checks));
    }
  });

  it('the JSON report reads back through its published schema unchanged', () =>
    holds(
      fc.asyncProperty(lawAndCase, async ({ law, case: c }) => {
        const report = await evaluateCase(c, new Map([[law.id, law.compiled]]), cat, { asOf: AS_OF, jurisdictions: [law.id], rules, engine: 'fast' });
        expect(reportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
      }),
    ));
});
