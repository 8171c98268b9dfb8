/**
 * The training scenarios are tests: every expected outcome of every scenario, under every law it is
 * written for and in every variation, checked through json-rules-engine (the reference semantics). A
 * failure names the scenario, the variation, the law, the offence and the reason the outcome was expected.
 */
import { describe, expect, it } from 'vitest';
import { listScenarioIds, loadLibrary } from '../src/load/scenarios.js';
import { differenceLines, runScenario } from '../src/scenario/run.js';
import { law } from './helpers.js';

const library = loadLibrary(law());

describe('the scenario library', () => {
  it('has at least eighteen scenarios, each with a narrative, points, four laws and one to three variations', () => {
    expect(listScenarioIds().length).toBeGreaterThanOrEqual(18);
    expect(library.map((s) => s.id)).toEqual(listScenarioIds());
    for (const s of library) {
      expect(s.narrative.split(/\n\s*\n/).length, `${s.id}: a narrative of a few paragraphs`).toBeGreaterThanOrEqual(2);
      expect(s.points.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.variations.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.variations.length, s.id).toBeLessThanOrEqual(3);
    }
  });

  it('covers the patterns the issue names from A/79/322 paras 27-33, 41-42 and 57', () => {
    const patterns = new Set(library.map((s) => s.pattern));
    for (const p of [
      'drug-importation-under-threat',
      'child-sexual-exploitation-charged',
      'false-documents-and-detention',
      'victim-offender-overlap',
      'intimate-partner-coercive-control',
      'child-forced-criminality-cannabis',
      'imperfect-victim',
      'old-conviction-record-relief',
      'non-cooperation',
      'forced-criminality-theft',
      'administrative-fines-begging',
      'administrative-fines-selling-sex',
      'violence-on-orders',
      'offence-after-escape',
      'child-no-means',
    ])
      expect(patterns, p).toContain(p);
  });

  it('no two scenarios tell the same case', () => {
    const keys = library.map((s) => JSON.stringify(s.case.offences.map((o) => [o.category, o.date, o.disposition])) + s.case.person?.birth_date);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const s of library) {
    it(`${s.id}: every expected outcome, as written and in ${s.variations.length} variation(s)`, async () => {
      const run = await runScenario(s, law(), { engine: 'reference' });
      const checked = run.rows.flatMap((r) => r.cells.filter((c) => c.expected));
      // Every offence under every law, in every row, has an expectation (validation requires it).
      expect(checked.length).toBe(run.rows.length * s.jurisdictions.length * s.case.offences.length);
      expect(differenceLines(run), 'scenario, variation, jurisdiction, offence, difference — expected because').toEqual([]);
    });
  }
});
