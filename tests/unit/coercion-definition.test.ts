/**
 * What a means check that fails says of the law's definition of coercion: where the law does not recognise
 * coercive control, its definition is quoted with its section, so that a lawyer sees why isolation or
 * monitoring did not count; where it does, nothing is added. Each law is compiled inside its test: a
 * provision's fixed words are worked out once per compiled provision, by the evaluation that first needs them.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { checkOf, law, lawFromYaml } from '../helpers.js';

const yaml = (recognises: boolean) => `id: coercion
name: Coercion
kind: jurisdiction
summary: A vacatur for adults who show the means of their trafficking.
checked: 2026-11-28
instruments:
  - { id: act, title: Coercion Act, verified: true }
coercion: { recognises_coercive_control: ${recognises}, text: threats or the use of force, citation: { instrument: act, section: s. 2 }, verified: true }
provisions:
  - id: vacate
    title: Vacatur
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.5 }
    text: Vacatur where the means of the trafficking are shown.
    in_force: { from: 2010-01-01 }
    nexus: connected
    means: { adults: required }
    domains: [criminal]
    verified: true
`;

async function meansReason(recognises: boolean): Promise<string> {
  const laws = new Map([['coercion', compileJurisdiction(lawFromYaml('coercion', yaml(recognises)))]]);
  const c: CaseFile = {
    id: 'c',
    as_of: '2026-11-28',
    person: { birth_date: '1980-01-01' },
    trafficking: { victim: true, means: [], coercive_control: [] },
    offences: [{ id: 'o1', category: 'theft', date: '2024-01-01', conviction_date: '2024-06-01', disposition: 'convicted', nexus: 'compelled' }],
  };
  const r = await evaluateCase(c, laws, law().catalogue, { jurisdictions: ['coercion'], rules: { version: 't', digest: 't' } });
  const p = r.results[0]!.offences[0]!.provisions[0]!;
  expect(p.outcome).toBe('not-eligible');
  const means = checkOf(p, 'means');
  expect(means.status).toBe('not-met');
  return means.reason;
}

describe('a means check that fails', () => {
  it("quotes the law's definition of coercion, with its section, where coercive control is not recognised as such", async () => {
    expect(await meansReason(false)).toBe('no qualifying means shown (coercive control is not recognised as such by this law). (s. 2: threats or the use of force)');
  });

  it('adds nothing where coercive control counts', async () => {
    expect(await meansReason(true)).toBe('no qualifying means shown (coercive control counts).');
  });
});
