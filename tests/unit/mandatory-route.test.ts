/**
 * What the offence still needs when it is eligible: nothing more where a mandatory route (a defence, a duty)
 * is open; where only a discretionary route is, the facts a mandatory route still lacks — and never the
 * facts another discretionary route lacks, which could only open a second power that may be used.
 */
import { describe, expect, it } from 'vitest';
import { compileJurisdiction, evaluateCase } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import type { OffenceResult } from '../../src/schema/report.js';
import { law, lawFromYaml } from '../helpers.js';

const provision = (id: string, discretion: string, relief: string, extra: string) => `  - id: ${id}
    title: ${id}
    relief: ${relief}
    discretion: ${discretion}
    citation: { instrument: act, section: s.${id} }
    text: ${id}.
    in_force: { from: 2010-01-01 }
    domains: [criminal]
    verified: true
${extra}`;
const YAML = `id: routes
name: Routes
kind: jurisdiction
summary: Two mandatory routes and two discretionary ones.
checked: 2026-11-28
instruments:
  - { id: act, title: Routes Act, verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
${provision('defence', 'mandatory', 'defence', '    nexus: compelled\n')}
${provision('child', 'mandatory', 'defence', '    nexus: connected\n    age: { max: 18 }\n')}
${provision('guidance', 'discretionary', 'non-prosecution', '    nexus: connected\n')}
${provision('diligence', 'discretionary', 'non-prosecution', '    nexus: connected\n    questions: [due-diligence]\n')}
`;
const laws = new Map([['routes', compileJurisdiction(lawFromYaml('routes', YAML))]]);

async function offence(nexus: 'compelled' | 'connected'): Promise<OffenceResult> {
  // Birth date and the due-diligence answer unknown: the child route and the diligence route are undetermined.
  const c: CaseFile = { id: 'm', as_of: '2026-11-28', trafficking: { victim: true }, offences: [{ id: 'o1', category: 'theft', date: '2024-01-01', disposition: 'charged', nexus }] };
  return (await evaluateCase(c, laws, law().catalogue, { jurisdictions: ['routes'], rules: { version: 't', digest: 't' } })).results[0]!.offences[0]!;
}

describe('what an eligible offence still needs', () => {
  it('eligible through a discretionary route: the facts the undetermined mandatory route lacks, not those of another discretionary route', async () => {
    const o = await offence('connected');
    expect(o.provisions.map((p) => [p.provision, p.outcome, p.missing.map((m) => m.fact)])).toEqual([
      ['defence', 'not-eligible', []],
      ['child', 'undetermined', ['person.birth_date']],
      ['guidance', 'eligible', []],
      ['diligence', 'undetermined', ['answers.due-diligence']],
    ]);
    expect(o.outcome).toBe('eligible');
    expect(o.missing).toEqual([{ fact: 'person.birth_date', question: "What is the person's date of birth (to know their age at the offence)?" }]);
  });

  it('eligible through a mandatory route: nothing more to ask, though another mandatory route is undetermined', async () => {
    const o = await offence('compelled');
    expect(o.provisions.map((p) => [p.provision, p.outcome])).toEqual([
      ['defence', 'eligible'],
      ['child', 'undetermined'],
      ['guidance', 'eligible'],
      ['diligence', 'undetermined'],
    ]);
    expect(o.missing).toEqual([]);
  });
});
