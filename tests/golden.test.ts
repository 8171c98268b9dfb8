/**
 * Golden scenarios: for every jurisdiction, cases whose expected outcomes were derived from the text of
 * the law, each with a one-line reason citing the subsection. Run through json-rules-engine (the
 * reference semantics).
 */
import { basename, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { goldenFiles, law, loadScenario, ROOT } from './helpers.js';

const files = goldenFiles();

describe('golden scenarios', () => {
  it('every jurisdiction with a file has at least five scenarios', () => {
    const counts = new Map<string, number>();
    for (const f of files) counts.set(f.jurisdiction, (counts.get(f.jurisdiction) ?? 0) + 1);
    for (const id of law().ids()) expect(counts.get(id) ?? 0, `golden scenarios for ${id}`).toBeGreaterThanOrEqual(5);
  });

  for (const { jurisdiction, file } of files) {
    it(`${jurisdiction}/${basename(file, '.yaml')}`, async () => {
      const s = loadScenario(file);
      expect(s.jurisdiction, `${relative(ROOT, file)} sits under tests/golden/${jurisdiction}`).toBe(jurisdiction);
      const report = await evaluate(s.case, law(), { jurisdictions: [s.jurisdiction] });
      const offences = report.results[0]!.offences;
      for (const [id, want] of Object.entries(s.expect)) {
        const got = offences.find((o) => o.offence === id)!;
        // An undetermined outcome is only useful with the questions that would settle it.
        if (want.outcome === 'undetermined') expect(want.missing, `${id}: an undetermined expectation must list what is missing`).toBeDefined();
        const where = `${id} — expected because: ${want.reason}`;
        expect(got.outcome, where).toBe(want.outcome);
        if (want.byRelief) expect(got.byRelief, where).toEqual(want.byRelief);
        if (want.missing) expect(got.missing.map((m) => m.fact).sort(), where).toEqual([...want.missing].sort());
        if (want.resolved) expect({ by: got.resolved.by, codes: [...got.resolved.codes].sort() }, where).toEqual({ by: want.resolved.by, codes: [...want.resolved.codes].sort() });
        for (const [pid, pin] of Object.entries(want.provisions ?? {})) {
          const p = got.provisions.find((x) => x.provision === pid);
          expect(p, `${id}: provision ${pid} is pinned but not in the result`).toBeDefined();
          expect(p!.outcome, `${id} ${pid} — expected because: ${pin.reason}`).toBe(pin.outcome);
        }
      }
    });
  }
});
