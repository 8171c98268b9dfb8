/**
 * The exception lists looked up by code and category (src/engine/offence-lists.ts) answer as reading every
 * entry would: for every provision of every shipped law, every code of its table and some of each entry's own, no code,
 * an unknown code, every category, and dates on either side of each entry's time in force.
 */
import { describe, expect, it } from 'vitest';
import { entryMatch, type EntryFacts } from '../../src/engine/atoms.js';
import { offenceWhen } from '../../src/engine/facts.js';
import { entryHits, indexEntries } from '../../src/engine/offence-lists.js';
import { law } from '../helpers.js';

// Under the mutation run (instrumented code, each statement counted) every SAMPLE-th case, not each.
const SAMPLE = process.env['MUTATION_RUN'] ? 16 : 1;

describe('exception lists looked up, not read entry by entry', () => {
  it('find exactly the entries a full reading matches or may match, in list order', () => {
    const l = law();
    let compared = 0;
    let matched = 0;
    let seen = 0;
    for (const id of l.ids()) {
      const cj = l.get(id);
      for (const cp of cj.provisions) {
        if (!cp.entries.length) continue;
        const codes = new Set<string | null>([null, 'no-such-code', ...(cj.file.offences ?? []).map((r) => r.code)]);
        const dates = new Set<string | null>([null, '2000-01-01']);
        // The categories the lists name, and one they name nowhere.
        const cats = new Set<string>(['begging']);
        for (const r of cp.entryRules) {
          if (r.category !== null) cats.add(r.category);
          // A few of each entry's own codes (an ancillary entry names hundreds: attempts, conspiracies… of every code listed).
          for (const c of [...r.codes.slice(0, 3), ...r.codes.slice(-2), ...r.ambiguousCodes.slice(0, 3), ...r.exceptCodes.slice(0, 3)]) codes.add(c);
          for (const d of [r.inForce?.from, r.inForce?.to]) if (d) dates.add(d);
        }
        for (const date of dates)
          for (const code of codes)
            for (const category of cats) {
              if (seen++ % SAMPLE) continue;
              const when = offenceWhen(date, '1990-01-01', null, '2026-06-01');
              const f: EntryFacts = { category, code, offenceWhen: when, asOf: date ?? '2026-06-01' };
              const full = cp.entryRules.flatMap((r, index) => {
                const m = entryMatch(f, r);
                return m.tv === 'F' ? [] : [{ index, tv: m.tv, why: m.why }];
              });
              const got = entryHits(cp.entryIndex, cp.entryRules, f);
              if (JSON.stringify(got) !== JSON.stringify(full)) expect({ id, provision: cp.provision.id, f, got }).toEqual({ id, provision: cp.provision.id, f, got: full });
              compared++;
              if (full.length) matched++;
            }
      }
    }
    console.log(`offence-list look-ups compared with a full reading: ${compared}, of which ${matched} matched some entry`);
    expect(matched).toBeGreaterThan(compared / 100);
  });

  it('index each entry under its codes, its category, or as a penalty rule read for every code', () => {
    const base = { category: null, codes: [], coversCategory: false, ambiguousCodes: [], minPenalty: null, exceptCodes: [], penalties: {}, inForce: null, dateBasis: 'offence' as const };
    const ix = indexEntries([
      { ...base, codes: ['a', 'a'], ambiguousCodes: ['b'] },
      { ...base, category: 'theft', coversCategory: true },
      { ...base, minPenalty: 10, penalties: { a: 14 } },
      { ...base, codes: ['b'] },
    ]);
    expect(Object.fromEntries(ix.byCode)).toEqual({ a: [0], b: [0, 3] });
    expect(Object.fromEntries(ix.byCategory)).toEqual({ theft: [1] });
    expect(ix.always).toEqual([2]);
  });
});
