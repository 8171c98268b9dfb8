/**
 * The compiler: each limb a drafter writes in a provision becomes one check, with its atom, the fact it
 * reads, the value it compares with and the subsection it cites; each offence-list entry becomes a rule.
 */
import { describe, expect, it } from 'vitest';
import { compileProvision } from '../../src/engine/provisions.js';
import type { JurisdictionFile, Provision } from '../../src/schema/jurisdiction.js';
import { lawFromYaml } from '../helpers.js';

const YAML = `id: t
name: T
kind: jurisdiction
summary: s
checked: 2026-11-28
instruments: [{ id: act, title: Act, verified: true }]
coercion: { recognises_coercive_control: true, text: c, citation: { instrument: act, section: s.2 }, verified: true }
provisions:
  - id: p
    title: P
    relief: defence
    discretion: mandatory
    citation: { instrument: act, section: s.1 }
    text: x
    limbs: { age: s.1(a), nexus: s.1(b), due-diligence: s.1(c), offence-covered: Sch 2 }
    in_force: { from: 2015-01-01 }
    offence_dates: { to: 2025-01-01 }
    age: { max: 18 }
    forms: [forced-labour]
    victim_required: false
    nexus: direct-consequence
    means: { adults: required, accepted: [threat] }
    questions: [due-diligence]
    questions_negative: [serious-harm-to-others]
    domains: [criminal, immigration]
    exceptions: [sch]
    offences_covered: [cov]
    conditions: { cooperation_required: true, identification: [ngo], time_limit: { years: 1, months: 2, from: offence } }
    verified: true
exception_lists:
  - id: sch
    title: Sch
    citation: { instrument: act, section: Sch 1 }
    verified: true
    entries:
      - { id: a, label: A, codes: [x-1], citation: { instrument: act, section: Sch 1 para 1 }, verified: true }
      - { id: b, label: B, ancillary: true, citation: { instrument: act, section: Sch 1 para 2 }, in_force: { from: 2020-01-01 }, verified: true }
      - { id: c, label: C, rule: { max_penalty_years_at_least: 10 }, except_codes: [x-2], citation: { instrument: act, section: Sch 1 para 3 }, verified: true }
  - id: cov
    title: Cov
    citation: { instrument: act, section: Sch 2 }
    verified: true
    entries:
      - { id: d, label: D, category: theft, covers_category: true, ambiguous_codes: [x-3], citation: { instrument: act, section: Sch 2 para 1 }, verified: true }
offences:
  - { code: x-3-a, label: X3 in one form, category: theft, citation: { instrument: act, section: s.10 }, verified: true }
  - { code: x-1, label: X1, category: theft, citation: { instrument: act, section: s.8 }, verified: true }
  - { code: x-2, label: X2, category: theft, max_penalty_years: 14, citation: { instrument: act, section: s.9 }, verified: true }
`;

const j: JurisdictionFile = lawFromYaml('t', YAML);
const p = j.provisions[0]!;
const compile = (changes: Partial<Provision> = {}) => compileProvision(j, { ...p, ...changes });
const codes = (changes: Partial<Provision> = {}) => compile(changes).checks.map((c) => c.code);

describe('compiling a provision', () => {
  it('every limb becomes one check citing its subsection, in a fixed order', () => {
    const cp = compile();
    expect(cp.dateBasis).toBe('offence');
    expect(cp.dispositions).toEqual(['charged']);
    expect(cp.timeRule).toEqual({'from': 'offence', 'inForce': '2015-01-01', 'years': 1, 'months': 2, 'days': 0});
    expect(cp.checks).toEqual([
      {'code': 'disposition', 'atom': 'in', 'fact': 'disposition', 'value': ['charged'], 'cite': 's.1'},
      {'code': 'in-force', 'atom': 'dateInRange', 'fact': 'offenceWhen', 'value': {'from': '2015-01-01'}, 'cite': 's.1'},
      {'code': 'offence-dates', 'atom': 'dateInRange', 'fact': 'offenceWhen', 'value': {'to': '2025-01-01'}, 'cite': 's.1'},
      {'code': 'domain', 'atom': 'in', 'fact': 'domain', 'value': ['criminal', 'immigration'], 'cite': 's.1'},
      {'code': 'age', 'atom': 'ageInBand', 'fact': 'ageSpan', 'value': {'max': 18}, 'cite': 's.1(a)'},
      {'code': 'forms', 'atom': 'intersects', 'fact': 'forms', 'value': ['forced-labour'], 'cite': 's.1'},
      {'code': 'nexus', 'atom': 'nexusAtLeast', 'fact': 'nexus', 'value': 'direct-consequence', 'cite': 's.1(b)'},
      {'code': 'means', 'atom': 'meansSatisfied', 'fact': 'meansFacts', 'value': {'adults': 'required', 'children': 'not-required', 'accepted': ['threat'], 'coerciveControlCounts': true}, 'cite': 's.1'},
      {'code': 'question:due-diligence', 'atom': 'answerIs', 'fact': 'answers', 'value': {'question': 'due-diligence', 'expected': true}, 'cite': 's.1(c)'},
      {'code': 'question:serious-harm-to-others', 'atom': 'answerIs', 'fact': 'answers', 'value': {'question': 'serious-harm-to-others', 'expected': false}, 'cite': 's.1'},
      {'code': 'cooperation', 'atom': 'isTrue', 'fact': 'cooperating', 'value': null, 'cite': 's.1'},
      {'code': 'identification', 'atom': 'in', 'fact': 'identification', 'value': ['ngo'], 'cite': 's.1'},
      {'code': 'time-limit', 'atom': 'withinTimeLimit', 'fact': 'timeFacts', 'value': {'from': 'offence', 'inForce': '2015-01-01', 'years': 1, 'months': 2, 'days': 0}, 'cite': 's.1'},
      {'code': 'offence-date-window', 'atom': 'offenceDateWindow', 'fact': 'windowFacts', 'value': {'inForce': {'from': '2015-01-01'}, 'offenceDates': {'to': '2025-01-01'}, 'age': {'max': 18}, 'means': {'adults': 'required', 'children': 'not-required', 'accepted': ['threat'], 'coerciveControlCounts': true}, 'timeLimit': {'from': 'offence', 'inForce': '2015-01-01', 'years': 1, 'months': 2, 'days': 0}}, 'cite': 's.1; s.1(a)'},
      {'code': 'offence-covered', 'atom': 'anyEntryMatches', 'fact': 'entryFacts', 'value': [{'category': 'theft', 'codes': [], 'coversCategory': true, 'ambiguousCodes': ['x-3'], 'minPenalty': null, 'exceptCodes': [], 'penalties': {}, 'inForce': null, 'dateBasis': 'offence'}], 'cite': 'Sch 2'},
    ]);
  });

  it('each entry of the exception lists becomes a rule; an ancillary entry reaches every code of its list', () => {
    expect(compile().entries.map((e) => ({ listId: e.listId, listTitle: e.listTitle, id: e.entry.id, cite: e.cite, rule: e.rule }))).toEqual([
      {'listId': 'sch', 'listTitle': 'Sch', 'id': 'a', 'cite': 'Sch 1 para 1', 'rule': {'category': null, 'codes': ['x-1'], 'coversCategory': false, 'ambiguousCodes': [], 'minPenalty': null, 'exceptCodes': [], 'penalties': {}, 'inForce': null, 'dateBasis': 'offence'}},
      {'listId': 'sch', 'listTitle': 'Sch', 'id': 'b', 'cite': 'Sch 1 para 2', 'rule': {'category': null, 'codes': ['x-1-attempt', 'x-1-conspiracy', 'x-1-secondary', 'x-1-encouraging'], 'coversCategory': false, 'ambiguousCodes': [], 'minPenalty': null, 'exceptCodes': [], 'penalties': {}, 'inForce': {'from': '2020-01-01'}, 'dateBasis': 'offence'}},
      {'listId': 'sch', 'listTitle': 'Sch', 'id': 'c', 'cite': 'Sch 1 para 3', 'rule': {'category': null, 'codes': [], 'coversCategory': false, 'ambiguousCodes': [], 'minPenalty': 10, 'exceptCodes': ['x-2'], 'penalties': {'x-2': 14}, 'inForce': null, 'dateBasis': 'offence'}},
    ]);
    expect(compile().coveredEntries.map((e) => e.entry.id)).toEqual(['d']);
  });

  it('limbs that are absent or cannot fail add no check', () => {
    expect(codes({ victim_required: undefined })).toContain('victim');
    expect(codes({ nexus: 'none' })).not.toContain('nexus');
    expect(codes({ means: { adults: 'not-required' } })).not.toContain('means');
    expect(codes({ means: { adults: 'not-required', children: 'required' } })).toContain('means');
    expect(codes({ age: undefined, means: undefined, offence_dates: undefined, conditions: {} })).not.toContain('offence-date-window'); // one date limb left: in force
    expect(codes({ means: undefined, offence_dates: undefined, conditions: {} })).toContain('offence-date-window'); // in force and the age
    expect(codes({ age: {} })).not.toContain('age');
    expect(codes({ forms: undefined, questions: undefined, questions_negative: undefined, exceptions: undefined, offences_covered: undefined, conditions: undefined })).toEqual(['disposition', 'in-force', 'offence-dates', 'domain', 'age', 'nexus', 'means', 'offence-date-window']);
    expect(compile({ exceptions: undefined }).entries).toEqual([]);
  });

  it('a list naming the whole vocabulary is met whatever the answer', () => {
    const all = compile({ dispositions: ['investigation', 'charged', 'convicted', 'arrest-record', 'penalty'], conditions: { identification: ['none', 'self', 'ngo', 'reasonable-grounds', 'conclusive-grounds', 'official-documentation', 'court-finding'] } });
    expect(all.checks.filter((c) => c.atom === 'always').map((c) => c.code)).toEqual(['disposition', 'identification']);
  });

  it('post-conviction relief reads the law in force on the date of evaluation; the joint date check then leaves it out', () => {
    const cp = compile({ relief: 'vacatur', conditions: { time_limit: { years: 3, from: 'conviction' } } });
    expect(cp.dateBasis).toBe('as-of');
    expect(cp.dispositions).toEqual(['convicted', 'arrest-record']);
    expect(cp.checks.find((c) => c.code === 'in-force')).toMatchObject({ fact: 'asOf' });
    expect(cp.checks.find((c) => c.code === 'offence-date-window')!.value).toEqual({ inForce: null, offenceDates: { to: '2025-01-01' }, age: { max: 18 }, means: {'adults': 'required', 'children': 'not-required', 'accepted': ['threat'], 'coerciveControlCounts': true}, timeLimit: null });
    expect(cp.timeRule).toEqual({ from: 'conviction', inForce: '2015-01-01', years: 3, months: 0, days: 0 });
    expect(cp.entries.every((e) => e.rule.dateBasis === 'as-of')).toBe(true);
    expect(compile({ in_force: {}, conditions: { time_limit: { days: 30, from: 'in-force' } } }).timeRule).toEqual({ from: 'in-force', inForce: null, years: 0, months: 0, days: 30 });
  });

  it('without its own subsection, the list of offences covered cites the section of the list', () => {
    expect(compile({ limbs: {} }).checks.find((c) => c.code === 'offence-covered')!.cite).toBe('Sch 2');
    expect(compile({ limbs: {} }).checks.find((c) => c.code === 'age')!.cite).toBe('s.1');
  });
});

describe('the defaults a provision takes when it does not state its own (DESIGN.md, restated here)', () => {
  // Which stage each relief answers to, and at which date its law is read: defences and non-prosecution at
  // the offence date, relief after conviction at the date of evaluation.
  const expected = {
    'non-prosecution': { dispositions: ['investigation', 'charged'], dateBasis: 'offence' },
    defence: { dispositions: ['charged'], dateBasis: 'offence' },
    vacatur: { dispositions: ['convicted', 'arrest-record'], dateBasis: 'as-of' },
    expungement: { dispositions: ['convicted', 'arrest-record'], dateBasis: 'as-of' },
    sealing: { dispositions: ['convicted', 'arrest-record'], dateBasis: 'as-of' },
    appeal: { dispositions: ['convicted'], dateBasis: 'as-of' },
    'penalty-relief': { dispositions: ['penalty'], dateBasis: 'as-of' },
    mitigation: { dispositions: ['convicted'], dateBasis: 'as-of' },
  } as const;
  for (const [relief, want] of Object.entries(expected))
    it(`${relief}: answers to ${want.dispositions.join(' and ')}, read at the ${want.dateBasis === 'offence' ? 'offence date' : 'date of evaluation'}`, () => {
      const { dispositions: _d, date_basis: _b, ...rest } = p;
      const cp = compileProvision(j, { ...rest, relief: relief as Provision['relief'] });
      expect(cp.dispositions).toEqual(want.dispositions);
      expect(cp.dateBasis).toBe(want.dateBasis);
      expect(cp.checks.find((c) => c.code === 'disposition')!.value).toEqual(want.dispositions);
      expect(cp.checks.find((c) => c.code === 'in-force')!.fact).toBe(want.dateBasis === 'offence' ? 'offenceWhen' : 'asOf');
    });
});
