/** A provision that reaches only listed offences: outside the list it is not eligible; an unknown code is asked for. */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law } from '../helpers.js';

const TEXT = `id: xx
name: Test law
kind: jurisdiction
summary: Vacatur for prostitution offences only.
checked: 2026-11-28
instruments: [{ id: act, title: Test Act, verified: true }]
coercion: { recognises_coercive_control: false, text: none, citation: { instrument: act, section: s.1 }, verified: true }
provisions:
  - id: vacatur
    title: Vacatur of prostitution convictions
    relief: vacatur
    discretion: discretionary
    citation: { instrument: act, section: s.2 }
    text: A test.
    in_force: { from: 2010-01-01 }
    nexus: result-of
    domains: [criminal]
    offences_covered: [covered]
    verified: true
exception_lists:
  - id: covered
    title: Offences covered
    citation: { instrument: act, section: s.2(1) }
    verified: true
    entries:
      - { id: loitering, label: Loitering for prostitution, category: prostitution, codes: [xx-240-37], citation: { instrument: act, section: s.2(1)(a) }, verified: true }
`;

describe('offences covered', () => {
  const cat = law().catalogue;
  const parsed = parseJurisdiction('xx.yaml', TEXT, cat);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const compiled = new Map([['xx', compileJurisdiction(parsed.value)]]);
  const run = async (category: string, code?: string) => {
    const c: CaseFile = { id: 't', as_of: '2026-11-28', trafficking: { victim: true }, offences: [{ id: 'o1', category, code, disposition: 'convicted', nexus: 'compelled' }] };
    const r = await evaluateCase(c, compiled, cat, { jurisdictions: ['xx'], rules: { version: 't', digest: 't' } });
    return r.results[0]!.offences[0]!;
  };

  it('a listed offence is eligible', async () => expect((await run('prostitution', 'xx-240-37')).outcome).toBe('eligible'));
  it('an offence outside the list is not eligible, with the list cited', async () => {
    const o = await run('theft', 'xx-155-25');
    expect(o.outcome).toBe('not-eligible');
    expect(o.provisions[0]!.checks.find((c) => c.code === 'offence-covered')?.reason).toMatch(/reaches only the offences listed in s\.2\(1\); this one is not among them$/);
  });
  it('an offence of a listed category without a code is undetermined and the code is asked for', async () => {
    const o = await run('prostitution');
    expect(o.outcome).toBe('undetermined');
    expect(o.missing.map((m) => m.fact)).toEqual(['offence.code']);
  });
});
