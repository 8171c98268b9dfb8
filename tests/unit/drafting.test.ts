/**
 * The drafting core: scorecard criteria one by one on laws written in the test, the cards as shipped
 * (un-model full marks), card validation with located problems, excluded-offence counts, and the
 * structural diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import { diffLaws } from '../../src/drafting/diff.js';
import { generateCases } from '../../src/drafting/generate.js';
import { measureImpact } from '../../src/drafting/impact.js';
import { caseSchema } from '../../src/schema/case.js';
import { exclusions } from '../../src/drafting/exclusions.js';
import { scoreCriterion, scoreLaw } from '../../src/drafting/scorecard.js';
import { tracedLaw, type TracedLaw } from '../../src/drafting/trace.js';
import { parseJurisdiction } from '../../src/load/jurisdiction.js';
import { formatProblem } from '../../src/load/problems.js';
import { loadScorecard, validateScorecard } from '../../src/load/scorecards.js';
import { parseSource } from '../../src/load/source.js';
import type { Scorecard } from '../../src/schema/scorecard.js';
import { law, ROOT } from '../helpers.js';

const AS_OF = '2026-11-28';
const cats = () => law().catalogue.categories.map((c) => c.id);
const card = (id: string) => loadScorecard(id, law().rulesDir, cats());

/** A law written in the test, traced like a draft given with --law. */
function draft(text: string, name = 'draft.yaml'): TracedLaw {
  const r = parseJurisdiction(name, text, law().catalogue);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return tracedLaw({ compiled: compileJurisdiction(r.value), text, path: name, source: r.source, draft: true }, AS_OF);
}

const BASE = `id: xx
name: Test law
kind: jurisdiction
summary: A law written in a test.
checked: 2026-11-28
instruments:
  - { id: act, title: The Act, verified: true }
coercion: { recognises_coercive_control: false, text: threats only, citation: { instrument: act, section: s.1 }, verified: true }
attributes:
  legal_aid: { value: partial, citation: { instrument: act, section: s.9 }, verified: true }
  confidentiality: { value: unknown, verified: false, note: not read }
provisions:
  - id: defence
    title: A defence
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.2 }
    text: The defence.
    in_force: { from: 2015-01-01 }
    nexus: compelled
    domains: [criminal]
    exceptions: [sch]
    conditions: { cooperation_required: false }
    verified: true
exception_lists:
  - id: sch
    title: Schedule
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: e-murder, label: Murder, category: homicide, citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: e-traffick, label: Trafficking others, category: human-trafficking, codes: [act-s2], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }
`;

function criterion(c: Scorecard, id: string) {
  return c.criteria.find((x) => x.id === id)!;
}

describe('the A/79/322 card', () => {
  const a79 = card('a79-322');
  it('gives un-model full marks, every criterion encoded', () => {
    const s = scoreLaw(a79, tracedLaw(law().entry('un-model'), AS_OF));
    expect(s.notEncoded).toBe(0);
    expect(s.points).toBe(s.max);
    for (const c of s.criteria) expect(c.points, c.criterion).toBe(c.max);
  });
  it('an attribute the file lacks, or gives as unknown, is "not encoded" — never a silent zero', () => {
    const l = draft(BASE);
    const training = scoreCriterion(a79, criterion(a79, 'training'), l);
    expect(training).toMatchObject({ encoded: false, level: null, points: 0 });
    expect(training.evidence[0]!.text).toMatch(/^not encoded: the file does not give the justice_training attribute/);
    // training, detention and selling sex: the file has no such attribute.
    expect(scoreLaw(a79, l).notEncoded).toBe(3);
  });
  it('legal aid "partial" earns half, with the attribute as evidence and its line', () => {
    const c = scoreCriterion(a79, criterion(a79, 'legal-aid'), draft(BASE));
    expect(c).toMatchObject({ level: 'partial', points: 5, encoded: true });
    expect(c.evidence[0]).toMatchObject({ text: 'legal_aid: partial', citation: 'The Act, s.9', trace: { file: 'draft.yaml', line: 10, path: 'attributes.legal_aid' } });
  });
  it('coercive control: recognised or not, read from the coercion definition', () => {
    expect(scoreCriterion(a79, criterion(a79, 'coercive-control'), draft(BASE)).points).toBe(0);
    const yes = draft(BASE.replace('recognises_coercive_control: false', 'recognises_coercive_control: true'));
    expect(scoreCriterion(a79, criterion(a79, 'coercive-control'), yes)).toMatchObject({ level: 'recognised', points: 10, evidence: [{ trace: { line: 8 } }] });
  });
  it('exceptions: an excluded category victims are often made to commit costs the points; another route without it earns half', () => {
    const c = scoreCriterion(a79, criterion(a79, 'exceptions'), draft(BASE));
    expect(c).toMatchObject({ level: 'excluded', points: 0 });
    expect(c.evidence.map((e) => e.text)).toEqual(['excluded: Trafficking others (human-trafficking)']);
    const withRoute = draft(BASE.replace('exception_lists:', `  - id: np
    title: Non-prosecution
    relief: non-prosecution
    discretion: discretionary
    citation: { instrument: act, section: s.3 }
    text: Guidance.
    in_force: { from: 2015-01-01 }
    nexus: direct-consequence
    domains: [criminal]
    verified: true
exception_lists:`));
    expect(scoreCriterion(a79, criterion(a79, 'exceptions'), withRoute)).toMatchObject({ level: 'excluded-other-route', points: 5 });
    const none = draft(BASE.replace(/ {6}- \{ id: e-traffick.*\n/, ''));
    expect(scoreCriterion(a79, criterion(a79, 'exceptions'), none)).toMatchObject({ level: 'none-excluded', points: 10 });
  });
  it('nexus: the weakest a non-punishment provision asks; compelled only earns nothing', () => {
    expect(scoreCriterion(a79, criterion(a79, 'nexus'), draft(BASE))).toMatchObject({ level: 'compelled', points: 0 });
    expect(scoreCriterion(a79, criterion(a79, 'nexus'), draft(BASE.replace('nexus: compelled', 'nexus: direct-consequence')))).toMatchObject({ level: 'direct-consequence', points: 5 });
  });
  it('cooperation required by any provision loses 57(f); a provision not in force on the date is not read', () => {
    expect(scoreCriterion(a79, criterion(a79, 'no-conditions'), draft(BASE))).toMatchObject({ level: 'none', points: 10 });
    const coop = BASE.replace('cooperation_required: false', 'cooperation_required: true');
    expect(scoreCriterion(a79, criterion(a79, 'no-conditions'), draft(coop))).toMatchObject({ level: 'cooperation', points: 0 });
    const repealed = draft(coop.replace('in_force: { from: 2015-01-01 }', 'in_force: { from: 2015-01-01, to: 2020-01-01 }'));
    expect(repealed.notInForce.map((p) => p.id)).toEqual(['defence']);
    expect(scoreCriterion(a79, criterion(a79, 'full-acquittal'), repealed)).toMatchObject({ level: 'no-relief', points: 0 });
  });
  it('domains: a quarter per domain covered', () => {
    expect(scoreCriterion(a79, criterion(a79, 'domains'), draft(BASE.replace('domains: [criminal]', 'domains: [criminal, immigration, civil]')))).toMatchObject({ level: '3', points: 7.5 });
  });
});

describe('the US record-relief card', () => {
  const us = card('us-record-relief');
  const vacatur = BASE.replace('relief: defence', 'relief: vacatur').replace('nexus: compelled', 'nexus: result-of');
  it('reads the record-relief provisions: range, discretion, nexus, exceptions', () => {
    const s = scoreLaw(us, draft(vacatur));
    const by = Object.fromEntries(s.criteria.map((c) => [c.criterion, [c.level, c.points]]));
    expect(by['range-of-relief']).toEqual(['vacatur', 10]);
    expect(by['judicial-discretion']).toEqual(['mandatory', 10]);
    expect(by['nexus']).toEqual(['result-of', 7.5]);
    expect(by['offences-covered']).toEqual(['exceptions', 5]);
    expect(by['hearing']).toEqual([null, 0]);
    expect(by['confidentiality']).toEqual([null, 0]);
    expect(by['burden-of-proof']).toEqual([null, 0]); // no proof fields: not encoded
    expect(s.notEncoded).toBe(3);
  });
  it('a law with no record relief scores nothing, encoded (the file says there is none)', () => {
    const c = scoreCriterion(us, criterion(us, 'range-of-relief'), draft(BASE));
    expect(c).toMatchObject({ level: 'no-relief', points: 0, encoded: true });
    expect(c.evidence[0]!.text).toBe('no record-relief provision in the file');
  });
  it('the shipped US laws', () => {
    const pts = Object.fromEntries(['us-ca', 'us-fl', 'us-ny'].map((id) => [id, scoreLaw(us, tracedLaw(law().entry(id), AS_OF)).points]));
    expect(pts).toEqual({ 'us-ca': 65, 'us-fl': 62.5, 'us-ny': 75 });
  });
});

describe('scorecard files', () => {
  it('a card whose credits do not match its measure is refused, each problem located', () => {
    const file = join(ROOT, 'rules', 'scorecards', 'a79-322.yaml');
    const text = readFileSync(file, 'utf8').replace('credit: { recognised: 1, not-recognised: 0 }', 'credit: { recognised: 1, yes: 0 }');
    const parsed = parseSource('card.yaml', text);
    if (!parsed.ok) throw new Error('parse');
    const r = validateScorecard(parsed.source, cats());
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^card\.yaml:\d+:\d+  criteria\[1\]\.credit  measure coercive-control can give "not-recognised": give the credit for each$/),
      expect.stringMatching(/^card\.yaml:\d+:\d+  criteria\[1\]\.credit\.yes  measure coercive-control never gives "yes"/),
    ]);
  });
  it('an unknown offence category in often_compelled is located', () => {
    const text = readFileSync(join(ROOT, 'rules', 'scorecards', 'a79-322.yaml'), 'utf8').replace('    - fraud\n', '    - frauds\n');
    const parsed = parseSource('card.yaml', text);
    const r = parsed.ok ? validateScorecard(parsed.source, cats()) : undefined;
    expect(r && !r.ok && r.problems.map(formatProblem)).toEqual([expect.stringMatching(/^card\.yaml:\d+:7  often_compelled\.categories\[9\]  unknown offence category "frauds"$/)]);
  });
});

describe('excluded offences by category', () => {
  it('without an offence table, each entry counts once under its category', () => {
    const ex = exclusions(draft(BASE));
    expect(ex).toMatchObject({ table: false, total: 2, byCategory: { homicide: 1, 'human-trafficking': 1 } });
    const lineOf = (s: string) => BASE.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(ex.items.map((x) => x.trace.line)).toEqual([lineOf('id: e-murder'), lineOf('id: e-traffick')]);
  });
  it('with a table, codes, finer codes and the penalty rule are read against its rows', () => {
    const withTable = draft(
      BASE.replace('      - { id: e-murder', `      - { id: e-serious, label: Five years or more, rule: { max_penalty_years_at_least: 5 }, except_codes: [act-s9], citation: { instrument: act, section: Sch 1 para 3 }, verified: true }
      - { id: e-murder`) +
        `offences:
  - { code: act-s2, label: Trafficking, category: human-trafficking, max_penalty_years: life, citation: { instrument: act, section: s.2 }, verified: true }
  - { code: act-s2-child, label: Trafficking a child, category: human-trafficking, citation: { instrument: act, section: s.2(2) }, verified: true }
  - { code: act-s5, label: Supplying drugs, category: drug-supply, max_penalty_years: 14, citation: { instrument: act, section: s.5 }, verified: true }
  - { code: act-s9, label: Theft, category: theft, max_penalty_years: 7, citation: { instrument: act, section: s.9 }, verified: true }
  - { code: act-s10, label: Begging, category: begging, max_penalty_years: 0.25, citation: { instrument: act, section: s.10 }, verified: true }
`,
    );
    const ex = exclusions(withTable);
    expect(ex.table).toBe(true);
    // act-s2 (code and rule), act-s2-child (finer code), act-s5 (rule); act-s9 carved out; act-s10 below the bar; murder has no row.
    expect(ex.byCategory).toEqual({ 'drug-supply': 1, homicide: 1, 'human-trafficking': 2 });
    expect(ex.total).toBe(4);
  });
});

describe('structural diff', () => {
  it('names provisions, limbs, fields, entries and attributes added, removed and changed, with the line in each file', () => {
    const a = draft(BASE, 'from.yaml');
    const b = draft(
      BASE.replace('nexus: compelled', 'nexus: direct-consequence\n    limbs: { nexus: s.2(1)(b) }')
        .replace(/ {6}- \{ id: e-traffick.*\n/, '')
        .replace('legal_aid: { value: partial', 'legal_aid: { value: "yes"')
        .replace('      - { id: e-murder', '      - { id: e-murder2, label: Murder of a constable, category: homicide, citation: { instrument: act, section: Sch 1 para 1A }, verified: true }\n      - { id: e-murder'),
      'to.yaml',
    );
    const d = diffLaws(a, b);
    const show = d.map((x) => `${x.change} ${x.what} ${x.id}: ${x.detail} [${x.from ? `${x.from.file}:${x.from.line}` : '-'} → ${x.to ? `${x.to.file}:${x.to.line}` : '-'}]`);
    expect(show).toEqual([
      'changed attribute legal_aid: legal_aid: partial → yes [from.yaml:10 → to.yaml:10]',
      'changed field defence.nexus: nexus: compelled → direct-consequence [from.yaml:20 → to.yaml:20]',
      'added limb defence.limbs.nexus: limb nexus: (absent) → s.2(1)(b) [- → to.yaml:21]',
      'removed entry e-traffick: entry e-traffick removed from sch: Trafficking others [from.yaml:32 → -]',
      'added entry e-murder2: entry e-murder2 added to sch: Murder of a constable [- → to.yaml:32]',
    ]);
  });
  it('the same file twice: no difference', () => expect(diffLaws(draft(BASE), draft(BASE))).toEqual([]));
  it('wording is named without its values; sources and notes are counted in one item; nested fields are followed', () => {
    const b = draft(
      BASE.replace('text: The defence.', 'text: The defence, reworded.')
        .replace('    conditions: { cooperation_required: false }', '    conditions: { cooperation_required: true }\n    source: a new source')
        .replace('confidentiality: { value: unknown, verified: false, note: not read }', 'confidentiality: { value: unknown, verified: false, note: still not read }'),
      'to.yaml',
    );
    expect(diffLaws(draft(BASE, 'from.yaml'), b).map((x) => [x.change, x.what, x.id, x.detail])).toEqual([
      ['changed', 'field', 'defence.text', 'text reworded'],
      ['changed', 'field', 'defence.conditions.cooperation_required', 'cooperation_required: false → true'],
      ['changed', 'provenance', 'source/note', 'source or note reworded in 2 place(s), first at lines 11 → 11'],
    ]);
  });
});

describe('impact', () => {
  const without = BASE.replace(/ {6}- \{ id: e-traffick.*\n/, '');
  const load = (text: string, name: string) => {
    const r = parseJurisdiction(name, text, law().catalogue);
    if (!r.ok) throw new Error('law');
    return { law: tracedLaw({ compiled: compileJurisdiction(r.value), text, path: name, source: r.source, draft: true }, AS_OF), compiled: compileJurisdiction(r.value) };
  };
  const kase = (nexus: string) =>
    caseSchema(law().catalogue).parse({
      id: `c-${nexus}`,
      as_of: AS_OF,
      person: { birth_date: '1990-01-01' },
      trafficking: { victim: true },
      offences: [{ id: 'o1', category: 'human-trafficking', code: 'act-s2', date: '2020-01-01', disposition: 'charged', nexus }],
    });
  it('an entry removed: excluded → eligible is better; excluded → not eligible is the same for the person; the line is the entry', async () => {
    const im = await measureImpact({ from: load(BASE, 'from.yaml'), to: load(without, 'to.yaml'), cases: [kase('compelled'), kase('none')], source: 'test', catalogue: law().catalogue, asOf: AS_OF, rules: { version: 't', digest: 't' } });
    expect(im.changes.map((c) => [c.case, c.relief, c.from, c.to, c.direction])).toEqual([
      ['c-compelled', 'overall', 'excluded', 'eligible', 'better'],
      ['c-compelled', 'defence', 'excluded', 'eligible', 'better'],
      ['c-none', 'overall', 'excluded', 'not-eligible', 'same'],
      ['c-none', 'defence', 'excluded', 'not-eligible', 'same'],
    ]);
    expect(im.changes[1]!.madeBy).toEqual({ provision: 'defence', check: 'exception', side: 'from', trace: { file: 'from.yaml', line: 32, path: 'exception_lists[0].entries[1]' }, line: '- { id: e-traffick, label: Trafficking others, category: human-trafficking, codes: [act-s2], citation: { instrument: act, section: Sch 1 para 2 }, verified: true }' });
    expect(im.counts).toEqual({ offences: { better: 1, worse: 0, same: 1 }, byRelief: { defence: { better: 1, worse: 0, same: 1 } }, byCategory: { 'human-trafficking': { better: 1, worse: 0, same: 1 } } });
  });
});

describe('impact on generated cases (seeded)', () => {
  const runs = Math.max(1, Math.round(Number(process.env['FC_RUNS'] ?? 40) / 40));
  const loaded = (p: string) => {
    const l = p.startsWith('jurisdictions/') ? law().entry(p.slice('jurisdictions/'.length, -'.yaml'.length)) : law().read(join(ROOT, p));
    return { law: tracedLaw(l, AS_OF), compiled: l.compiled };
  };
  for (const [from, to] of [
    ['jurisdictions/gb-ew.yaml', 'examples/drafts/gb-ew-sch4-without-trafficking.yaml'],
    ['jurisdictions/us-ny.yaml', 'examples/drafts/us-ny-vacatur-without-nexus.yaml'],
  ] as const)
    it(`removing an exception or a limb never takes protection away: ${to}`, async () => {
      const a = loaded(from);
      const b = loaded(to);
      for (let seed = 1; seed <= runs; seed++) {
        const cases = generateCases(150, seed, [a.law.file, b.law.file], law().catalogue);
        expect(generateCases(150, seed, [a.law.file, b.law.file], law().catalogue)).toEqual(cases);
        const im = await measureImpact({ from: a, to: b, cases, source: `seed ${seed}`, catalogue: law().catalogue, asOf: AS_OF, rules: { version: 't', digest: 't' } });
        expect(im.changes.filter((c) => c.direction === 'worse'), `seed ${seed}`).toEqual([]);
        if (to.includes('us-ny')) expect(im.counts.offences.better, 'the nexus matters to some generated case').toBeGreaterThan(0);
      }
    });
});
