/**
 * The safety net: if json-rules-engine and the fast path ever disagree on a provision, the evaluation
 * stops with an internal error rather than report either answer. The disagreement is staged by giving a
 * compiled law the json-rules-engine rules of a slightly different law (same provision ids).
 */
import { describe, expect, it, vi } from 'vitest';
import { compileJurisdiction, evaluateCase, type CompiledJurisdiction } from '../../src/engine/evaluate.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law, lawFromYaml } from '../helpers.js';

const lawText = (nexus: string, listed: string, provisionId = 'relief') => `
id: twin
name: Twin
kind: jurisdiction
summary: Two versions of one law.
checked: 2026-11-28
instruments:
  - { id: act, title: Twin Act, url: "https://example.org/twin", verified: true }
coercion: { recognises_coercive_control: false, text: force, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: ${provisionId}
    title: Non-prosecution
    relief: non-prosecution
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: A relief.
    in_force: { from: 2010-01-01 }
    nexus: ${nexus}
    domains: [criminal]
    exceptions: [sch]
    verified: true
exception_lists:
  - id: sch
    title: Excluded offences
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: listed, label: Listed, codes: [${listed}], citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
`;
const compiled = (nexus: string, listed: string, provisionId?: string) => compileJurisdiction(lawFromYaml('twin', lawText(nexus, listed, provisionId)));
/** The fast path of `fast`, with the json-rules-engine rules of `reference`. */
const staged = (fast: CompiledJurisdiction, reference: CompiledJurisdiction): CompiledJurisdiction => ({ ...fast, engines: reference.engines });

const c: CaseFile = {
  id: 'd',
  as_of: '2026-11-28',
  trafficking: { victim: true },
  offences: [{ id: 'o1', category: 'theft', code: 'th-1', date: '2020-01-01', disposition: 'charged', nexus: 'result-of' }],
};
const run = (cj: CompiledJurisdiction, engine?: 'reference' | 'fast') =>
  evaluateCase(c, new Map([['twin', cj]]), law().catalogue, { jurisdictions: ['twin'], rules: { version: 't', digest: 't' }, engine });
const disagree = (id: string) => ({ name: 'EvaluationError', code: 'eval.engines-disagree', message: `internal error: json-rules-engine and the fast path disagree on ${id}` });

describe('json-rules-engine and the fast path must agree', () => {
  const truth = compiled('result-of', 'rob-1');

  it('agreeing engines give the same report', async () => {
    const fast = await run(truth, 'fast');
    expect(fast.results[0]!.offences[0]!.outcome).toBe('eligible');
    expect(await run(staged(truth, compiled('result-of', 'rob-1')), 'reference')).toEqual(fast);
  });

  it('a different requirement value stops the evaluation, naming the provision', async () => {
    await expect(run(staged(truth, compiled('compelled', 'rob-1')), 'reference')).rejects.toMatchObject(disagree('relief'));
  });

  it('a different exception value stops it too', async () => {
    await expect(run(staged(truth, compiled('result-of', 'th-1')), 'reference')).rejects.toMatchObject(disagree('relief'));
  });

  it('a provision json-rules-engine does not know stops it', async () => {
    await expect(run(staged(truth, compiled('result-of', 'rob-1', 'other')), 'reference')).rejects.toMatchObject(disagree('relief'));
  });

  it('the default engine is the compiled path, which never builds json-rules-engine; the reference engine does, and checks it', async () => {
    const engines = vi.fn(compiled('compelled', 'rob-1').engines);
    const cj = { ...truth, engines };
    await expect(run(cj)).resolves.toMatchObject({ results: [{ offences: [{ outcome: 'eligible' }] }] });
    expect(engines).not.toHaveBeenCalled();
    await expect(run(cj, 'reference')).rejects.toMatchObject(disagree('relief'));
    expect(engines).toHaveBeenCalled();
  });
});
