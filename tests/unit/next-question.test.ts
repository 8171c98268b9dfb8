/**
 * How the interview ranks the missing facts: by the number of undetermined outcomes that depend on each,
 * then by the reliefs they could open, then in catalogue order; each with why it is asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/load/case.js';
import { factSpecs, keyString, setFact } from '../../src/interview/facts.js';
import { Planner } from '../../src/interview/next-question.js';
import { law, ROOT } from '../helpers.js';

const L = law();
const c = parseCase('unknown-facts.yaml', readFileSync(join(ROOT, 'examples', 'unknown-facts.yaml'), 'utf8'), L.catalogue);
if (!c.ok) throw new Error('example does not load');
const planner = new Planner({ catalogue: L.catalogue, laws: L.getAll(['gb-ew']), asOf: '2026-11-28' });
const valid = (x: typeof c.value) => parseCase('t', JSON.stringify(x), L.catalogue).ok;

describe('the order of the questions', () => {
  it('counts, for each missing fact, the undetermined outcomes that name it, and sorts by count, reliefs, catalogue order', async () => {
    const report = await planner.evaluate(c.value);
    const ranked = planner.ranked(c.value, report, new Set());
    expect(ranked.length).toBeGreaterThan(3);
    // Counted independently from the report.
    for (const q of ranked) {
      const n = report.results[0]!.offences.flatMap((o) => o.provisions.filter((p) => p.outcome === 'undetermined' && p.missing.some((m) => m.fact === q.key.fact && (!q.key.offence || q.key.offence === o.offence)))).length;
      expect(q.outcomes, keyString(q.key)).toBe(n);
    }
    const order = factSpecs(L.catalogue).map((s) => s.fact);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      const key = (q: typeof a) => [-q.outcomes, -q.reliefs, order.indexOf(q.key.fact), c.value.offences.findIndex((o) => o.id === q.key.offence)];
      const [ka, kb] = [key(a), key(b)];
      const cmp = ka.findIndex((v, j) => v !== kb[j]);
      expect(cmp === -1 || ka[cmp]! < kb[cmp]!, `${keyString(a.key)} before ${keyString(b.key)}`).toBe(true);
    }
    // The date of birth decides the adult and the child defences of both offences: asked first.
    expect(keyString(ranked[0]!.key)).toBe('person.birth_date');
    expect(ranked[0]!.why).toMatch(/^Why: it decides s\.45\(1\)\(a\) — Statutory defence for adult victims \(defence, gb-ew, offence shoplifting\), and 3 other undetermined outcomes\.$/);
  });

  it('skips a fact answered "I don\'t know", and asks none once nothing can change', async () => {
    const first = await planner.next(c.value, new Set(), setFact, valid);
    expect(keyString(first!.key)).toBe('person.birth_date');
    const second = await planner.next(c.value, new Set(['person.birth_date']), setFact, valid);
    expect(keyString(second!.key)).not.toBe('person.birth_date');
    const all = await planner.all(c.value, new Set(), setFact, valid);
    expect(await planner.next(c.value, new Set(all.map((q) => keyString(q.key))), setFact, valid)).toBeNull();
  });
});
