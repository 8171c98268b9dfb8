/**
 * A law that asks means of children only (the reverse of the usual rule): for a person certainly a child at
 * the offence, whose offence date is not stated, the means limb asks for the means alone — the date would not
 * change the age band, so it is not asked for on the means limb's account.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { checkOf, lawFromYaml, provisionOf } from '../helpers.js';

const YAML = `id: childland
name: Childland
kind: jurisdiction
summary: A vacatur that asks means of children and not of adults.
checked: 2026-11-28
instruments:
  - { id: act, title: Child Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.1 }
    text: Vacatur where a child shows a means of trafficking.
    in_force: { from: 2010-01-01 }
    nexus: none
    means: { adults: not-required, children: required }
    domains: [criminal]
    verified: true
`;
const laws = new Map([['childland', compileJurisdiction(lawFromYaml('childland', YAML))]]);

describe('means asked of children only', () => {
  it('a certain child, offence date unknown, means not stated: only the means are missing', async () => {
    const c: CaseFile = {
      id: 'm',
      as_of: '2026-11-28',
      person: { birth_date: '2015-01-01' },
      trafficking: { victim: true },
      offences: [{ id: 'o1', category: 'theft', disposition: 'convicted', conviction_date: '2025-06-01' }],
    };
    const p = await provisionOf(c, laws, 'vacate');
    expect(checkOf(p, 'means').status).toBe('unknown');
    expect(p.missing.map((m) => m.fact)).toEqual(['trafficking.means']);
  });
});
