/**
 * Compiling a provision of a jurisdiction file into checks: one per limb of the test, each an atom over
 * one fact, with the subsection it comes from. Checks are plain data; json-rules-engine conditions and
 * the fast path are both made from them.
 */
import type { AtomKind, EntryFacts, EntryRule, MeansRule, PresumedRule, TimeFacts, TimeRule } from './atoms.js';
import type { DateWindowRule } from './date-window.js';
import type { ExceptionEntry, JurisdictionFile, Provision } from '../schema/jurisdiction.js';
import { DEFAULT_DATE_BASIS, DEFAULT_DISPOSITIONS, DISPOSITIONS, IDENTIFICATIONS, type DateBasis, type Disposition } from '../vocabulary.js';
import type { EvalFacts } from './facts.js';
import { indexEntries, type OffenceListIndex } from './offence-lists.js';

/** Names of the json-rules-engine facts, each a field (or bundle of fields) of EvalFacts. */
export type FactName =
  | 'disposition' | 'domain' | 'offenceWhen' | 'asOf' | 'ageSpan' | 'victim' | 'forms' | 'nexus'
  | 'identification' | 'cooperating' | 'answers' | 'meansFacts' | 'timeFacts' | 'entryFacts' | 'windowFacts' | 'presumptionFacts';

export interface Check {
  /** Stable code: disposition, in-force, offence-dates, domain, age, victim, forms, nexus, means, question:<id>, cooperation, identification, time-limit, offence-date-window, offence-covered. */
  code: string;
  atom: AtomKind;
  fact: FactName;
  value: unknown;
  /** The subsection this limb comes from. */
  cite: string;
}

export interface CompiledEntry {
  listId: string;
  listTitle: string;
  /** The section the whole list is cited by (e.g. "Sch 4"), for a check that reads the list. */
  listCite: string;
  entry: ExceptionEntry;
  rule: EntryRule;
  cite: string;
}

export interface CompiledProvision {
  provision: Provision;
  dateBasis: DateBasis;
  dispositions: readonly Disposition[];
  checks: Check[];
  /** Exception entries: any match excludes the offence. */
  entries: CompiledEntry[];
  /** The entries' rules, looked up by code and category (the fast path reads only the entries that can match). */
  entryIndex: OffenceListIndex;
  entryRules: EntryRule[];
  /** Entries of the lists of offences covered: the offence must match one (a requirement). */
  coveredEntries: CompiledEntry[];
  timeRule: TimeRule | null;
  /** The answer each question must have for the provision to apply ('both' if it reads it both ways): where an assumption can help. */
  questionReads: Record<string, boolean | 'both'>;
}

export function compileProvision(j: JurisdictionFile, p: Provision): CompiledProvision {
  const cite = (code: string, fallback?: string) => p.limbs?.[code] ?? fallback ?? p.citation.section;
  const dateBasis = p.date_basis ?? DEFAULT_DATE_BASIS[p.relief];
  const dispositions = p.dispositions ?? DEFAULT_DISPOSITIONS[p.relief];
  const checks: Check[] = [];
  const coveredEntries: CompiledEntry[] = [];
  const add = (code: string, atom: AtomKind, fact: FactName, value: unknown, c = cite(code)) =>
    checks.push({ code, atom, fact, value, cite: c });

  // A list that names every value of the vocabulary is met whatever the answer, so also when there is none.
  const oneOf = (all: readonly string[], listed: readonly string[]): AtomKind => (all.every((x) => listed.includes(x)) ? 'always' : 'in');
  add('disposition', oneOf(DISPOSITIONS, dispositions), 'disposition', [...dispositions]);
  add('in-force', 'dateInRange', dateBasis === 'offence' ? 'offenceWhen' : 'asOf', { ...p.in_force });
  if (p.offence_dates) add('offence-dates', 'dateInRange', 'offenceWhen', { ...p.offence_dates });
  add('domain', 'in', 'domain', [...p.domains]);
  if (p.age && (p.age.min !== undefined || p.age.max !== undefined)) add('age', 'ageInBand', 'ageSpan', { ...p.age });
  if (p.victim_required !== false) add('victim', 'isTrue', 'victim', null);
  if (p.forms) add('forms', 'intersects', 'forms', [...p.forms]);
  if (p.nexus !== 'none') add('nexus', 'nexusAtLeast', 'nexus', p.nexus);
  if (p.means) {
    const rule: MeansRule = {
      adults: p.means.adults,
      children: p.means.children ?? 'not-required',
      accepted: p.means.accepted ? [...p.means.accepted] : null,
      coerciveControlCounts: j.coercion.recognises_coercive_control,
    };
    if (rule.adults === 'required' || rule.children === 'required') add('means', 'meansSatisfied', 'meansFacts', rule);
  }
  for (const q of p.questions ?? []) add(`question:${q}`, 'answerIs', 'answers', { question: q, expected: true }, cite(q));
  for (const q of p.questions_negative ?? []) add(`question:${q}`, 'answerIs', 'answers', { question: q, expected: false }, cite(q));
  for (const q of p.questions_rebuttal ?? []) add(`rebuttal:${q}`, 'notRebutted', 'answers', { question: q }, cite(q));
  // A presumption is a second way to meet a limb: the limb's own test, or the facts that raise the presumption.
  for (const pr of p.presumptions ?? []) {
    const i = checks.findIndex((c) => c.code === pr.limb);
    if (i < 0) continue; // the provision does not test that limb (the loader refuses this)
    const inner = checks[i]!;
    const value: PresumedRule = { atom: inner.atom, reads: inner.fact, value: inner.value, identification: [...pr.identification], cite: pr.cite, rebuttableBy: pr.rebuttable_by };
    checks[i] = { ...inner, atom: 'presumedOr', fact: 'presumptionFacts', value };
  }
  const cond = p.conditions ?? {};
  if (cond.cooperation_required) add('cooperation', 'isTrue', 'cooperating', null);
  if (cond.identification) add('identification', oneOf(IDENTIFICATIONS, cond.identification), 'identification', [...cond.identification]);
  let timeRule: TimeRule | null = null;
  if (cond.time_limit) {
    timeRule = {
      from: cond.time_limit.from,
      inForce: p.in_force.from ?? null,
      years: cond.time_limit.years ?? 0,
      months: cond.time_limit.months ?? 0,
      days: cond.time_limit.days ?? 0,
    };
    add('time-limit', 'withinTimeLimit', 'timeFacts', timeRule);
  }

  // Several limbs read the one offence date: a joint check fails when no date could meet them all.
  const window: DateWindowRule = {
    inForce: dateBasis === 'offence' ? { ...p.in_force } : null,
    offenceDates: p.offence_dates ? { ...p.offence_dates } : null,
    age: p.age && (p.age.min !== undefined || p.age.max !== undefined) ? { ...p.age } : null,
    means: (checks.find((c) => c.code === 'means')?.value as MeansRule | undefined) ?? null,
    timeLimit: timeRule?.from === 'offence' ? timeRule : null,
  };
  if (Object.values(window).filter((x) => x !== null).length >= 2)
    add('offence-date-window', 'offenceDateWindow', 'windowFacts', window, [...new Set(checks.filter((c) => ['in-force', 'offence-dates', 'age', 'means', 'time-limit'].includes(c.code)).map((c) => c.cite))].join('; '));

  const entries = compileEntries(j, p.exceptions ?? [], dateBasis);
  if (p.offences_covered?.length) {
    const covered = compileEntries(j, p.offences_covered, dateBasis);
    add('offence-covered', 'anyEntryMatches', 'entryFacts', covered.map((e) => e.rule), p.limbs?.['offence-covered'] ?? [...new Set(covered.map((e) => e.listCite))].join('; '));
    coveredEntries.push(...covered);
  }
  const questionReads: Record<string, boolean | 'both'> = Object.create(null) as Record<string, boolean | 'both'>;
  const wants = (q: string, v: boolean) => (questionReads[q] = questionReads[q] === undefined || questionReads[q] === v ? v : 'both');
  for (const q of p.questions ?? []) wants(q, true);
  for (const q of p.questions_negative ?? []) wants(q, false);
  for (const q of p.questions_rebuttal ?? []) wants(q, false);
  const entryRules = entries.map((e) => e.rule);
  return { provision: p, dateBasis, dispositions, checks, entries, entryIndex: indexEntries(entryRules), entryRules, coveredEntries, timeRule, questionReads };
}

function compileEntries(j: JurisdictionFile, listIds: readonly string[], dateBasis: DateBasis): CompiledEntry[] {
  const penalties: Record<string, number | 'life'> = {};
  for (const row of j.offences ?? []) if (row.max_penalty_years !== undefined) penalties[row.code] = row.max_penalty_years;
  const out: CompiledEntry[] = [];
  for (const listId of listIds) {
    const list = j.exception_lists?.find((l) => l.id === listId);
    if (!list) continue; // the loader refuses broken references; nothing to compile
    const listed = list.entries.flatMap((e) => e.codes ?? []);
    for (const entry of list.entries) {
      // An ancillary entry (attempt, conspiracy, secondary party, encouraging) reaches every code of its list,
      // as well as any codes it names itself.
      const ancillary = entry.ancillary ? listed.flatMap((c) => ANCILLARY_SUFFIXES.map((s) => `${c}-${s}`)) : [];
      const codes = [...(entry.codes ?? []), ...ancillary];
      out.push({
        listId,
        listTitle: list.title,
        listCite: list.citation.section,
        entry,
        cite: entry.citation.section,
        rule: {
          category: entry.category ?? null,
          codes,
          coversCategory: entry.covers_category ?? false,
          ambiguousCodes: [...(entry.ambiguous_codes ?? [])],
          minPenalty: entry.rule?.max_penalty_years_at_least ?? null,
          exceptCodes: [...(entry.except_codes ?? [])],
          penalties: entry.rule ? penalties : {},
          inForce: entry.in_force ? { ...entry.in_force } : null,
          dateBasis,
        },
      });
    }
  }
  return out;
}

/** Suffixes that make the code of an ancillary offence from the code of the offence it is ancillary to. */
export const ANCILLARY_SUFFIXES = ['attempt', 'conspiracy', 'secondary', 'encouraging'] as const;

/** The facts json-rules-engine sees: EvalFacts, with bundles for the composite atoms. */
export function engineFacts(f: EvalFacts): Record<FactName, unknown> {
  return {
    disposition: f.disposition,
    domain: f.domain,
    offenceWhen: f.offenceWhen,
    asOf: f.asOf,
    ageSpan: f.ageSpan,
    victim: f.victim,
    forms: f.forms,
    nexus: f.nexus,
    identification: f.identification,
    cooperating: f.cooperating,
    answers: f.answers,
    meansFacts: { age: f.ageSpan, means: f.means, coerciveControl: f.coerciveControl },
    timeFacts: timeFactsOf(f),
    entryFacts: entryFactsOf(f),
    windowFacts: { when: f.offenceWhen, birth: f.birthDate, asOf: f.asOf, means: f.means, coerciveControl: f.coerciveControl },
    presumptionFacts: { nexus: f.nexus, victim: f.victim, meansFacts: { age: f.ageSpan, means: f.means, coerciveControl: f.coerciveControl }, identification: f.identification },
  };
}

/** The facts a time limit reads. */
export function timeFactsOf(f: EvalFacts): TimeFacts {
  return { asOf: f.asOf, offence: f.offenceDate, offenceWhen: f.offenceWhen, conviction: f.convictionDate, traffickingEnd: f.traffickingEnd };
}

/** The facts an offence-list entry reads. */
export function entryFactsOf(f: EvalFacts): EntryFacts {
  return { category: f.category, code: f.code, offenceWhen: f.offenceWhen, asOf: f.asOf };
}

