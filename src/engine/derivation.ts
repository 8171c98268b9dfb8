/**
 * The whole derivation of one offence under one law, for `check --explain`: every check with the limb
 * it encodes, the facts it read and their values, its three-valued result and reason; how the checks and
 * the exception entries combine into the outcome; and the value json-rules-engine gave beside the fast
 * path. Additive: built from the same compiled checks, atoms and reasons as the report. No I/O.
 */
import type { CaseFile, OffenceFacts } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { Outcome } from '../vocabulary.js';
import { fastValues, provisionOutcome, referenceValues, type CompiledJurisdiction } from './evaluate.js';
import { checkReason, explainEntry } from './explain.js';
import { offenceFacts, type EvalFacts } from './facts.js';
import type { TV } from './kleene.js';
import type { Check } from './provisions.js';
import { engineFacts } from './provisions.js';

/** The check codes that read each fact (by the ids `missing` uses); a question reads `answers.<id>`. */
export const CHECKS_READING: Record<string, readonly string[]> = {
  'offence.disposition': ['disposition'],
  'offence.date': ['in-force', 'offence-dates', 'age', 'means', 'time-limit', 'offence-date-window', 'offence-covered', 'exception'],
  'offence.conviction_date': ['time-limit'],
  'offence.nexus': ['nexus'],
  'offence.code': ['offence-covered', 'exception'],
  'offence.category': ['offence-covered', 'exception', 'domain'],
  'offence.domain': ['domain'],
  'person.birth_date': ['age', 'means', 'offence-date-window'],
  'trafficking.victim': ['victim'],
  'trafficking.forms': ['forms'],
  'trafficking.means': ['means', 'offence-date-window'],
  'trafficking.coercive_control': ['means', 'offence-date-window'],
  'trafficking.identification': ['identification'],
  'trafficking.cooperating_with_authorities': ['cooperation'],
  'trafficking.period.end': ['time-limit'],
};

export interface FactRead {
  fact: string;
  /** The value in the case file, or null when it is not stated. */
  value: unknown;
}

/** The case-file facts one check reads, with their values. */
export function factsRead(check: Check, f: EvalFacts, c: CaseFile, o: OffenceFacts, coerciveControlCounts: boolean): FactRead[] {
  const v = (fact: string, value: unknown): FactRead => ({ fact, value: value ?? null });
  // A presumed limb reads its own facts, and the identification that may raise the presumption.
  if (check.atom === 'presumedOr') return [...factsRead({ ...check, atom: 'always' }, f, c, o, coerciveControlCounts), v('trafficking.identification', c.trafficking?.identification)];
  switch (check.code) {
    case 'disposition':
      return [v('offence.disposition', o.disposition)];
    case 'in-force':
      return check.fact === 'offenceWhen' ? [v('offence.date', o.date)] : [v('as_of', f.asOf)];
    case 'offence-dates':
      return [v('offence.date', o.date)];
    case 'domain':
      return [v('offence.domain', o.domain ?? `${f.domain} (from the category ${o.category})`)];
    case 'age':
      return [v('person.birth_date', c.person?.birth_date), v('offence.date', o.date)];
    case 'victim':
      return [v('trafficking.victim', c.trafficking?.victim)];
    case 'forms':
      return [v('trafficking.forms', c.trafficking?.forms)];
    case 'nexus':
      return [v('offence.nexus', o.nexus)];
    case 'means':
      return [
        v('trafficking.means', c.trafficking?.means),
        ...(coerciveControlCounts ? [v('trafficking.coercive_control', c.trafficking?.coercive_control)] : []),
        v('person.birth_date', c.person?.birth_date),
        v('offence.date', o.date),
      ];
    case 'cooperation':
      return [v('trafficking.cooperating_with_authorities', c.trafficking?.cooperating_with_authorities)];
    case 'identification':
      return [v('trafficking.identification', c.trafficking?.identification)];
    case 'time-limit': {
      const from = (check.value as { from: string }).from;
      const start =
        from === 'offence' ? v('offence.date', o.date) : from === 'conviction' ? v('offence.conviction_date', o.conviction_date) : from === 'trafficking-end' ? v('trafficking.period.end', f.traffickingEnd) : v('provision in force from', (check.value as { inForce: string }).inForce);
      return [start, v('as_of', f.asOf)];
    }
    case 'offence-date-window':
      return [v('offence.date', o.date), v('person.birth_date', c.person?.birth_date), v('as_of', f.asOf)];
    case 'offence-covered':
      return [v('offence.category', o.category), v('offence.code', o.code)];
    default:
      // A question that must be answered, or one whose "yes" would rebut a presumption.
      if (/^(?:question|rebuttal):/.test(check.code)) {
        const q = check.code.slice(check.code.indexOf(':') + 1);
        return [v(`answers.${q}`, (o.answers as Record<string, boolean> | undefined)?.[q])];
      }
      return [];
  }
}

export interface CheckDerivation {
  code: string;
  cite: string;
  /** The atom of the compiled rule (its json-rules-engine operator is `np:<atom>`). */
  atom: string;
  reads: FactRead[];
  value: TV;
  reason: string;
}

export interface EntryDerivation {
  list: string;
  entry: string;
  label: string;
  cite: string;
  verified: boolean;
  value: TV;
  reason: string;
}

export interface ProvisionDerivation {
  provision: string;
  title: string;
  relief: string;
  discretion: string;
  /** The provision's own words, as the law file paraphrases them. */
  text: string;
  nexusWords: string | null;
  /** Left out of the report because its relief does not fit the offence's stage. */
  notAtThisStage: boolean;
  checks: CheckDerivation[];
  /** The Kleene AND of the checks (R) and OR of the exception entries (E). */
  requirements: TV;
  exception: TV;
  outcome: Outcome;
  /** What json-rules-engine gave for R and E (null for a provision left out at this stage). */
  reference: { R: TV; E: TV } | null;
}

export interface OffenceDerivation {
  jurisdiction: string;
  name: string;
  offence: string;
  provisions: ProvisionDerivation[];
  entries: Record<string, EntryDerivation[]>;
}

/** The derivation of one offence under one law, with both engines. */
export async function deriveOffence(c: CaseFile, o: OffenceFacts, cj: CompiledJurisdiction, asOf: string, cat: Catalogue): Promise<OffenceDerivation> {
  const f = offenceFacts(c, o, asOf, cat);
  const reference = await referenceValues(cj, engineFacts(f));
  const j = cj.file;
  const coercionText = j.coercion.recognises_coercive_control ? '' : `(${j.coercion.citation.section}: ${j.coercion.text})`;
  const provisions: ProvisionDerivation[] = [];
  const entries: Record<string, EntryDerivation[]> = {};
  for (const cp of cj.provisions) {
    const fast = fastValues(cp, f);
    const p = cp.provision;
    provisions.push({
      provision: p.id,
      title: p.title,
      relief: p.relief,
      discretion: p.discretion,
      text: p.text,
      nexusWords: p.nexus_words ?? null,
      notAtThisStage: fast.checks[0] === 'F',
      checks: cp.checks.map((check, i) => ({
        code: check.code,
        cite: check.cite,
        atom: check.atom,
        reads: factsRead(check, f, c, o, j.coercion.recognises_coercive_control),
        value: fast.checks[i]!,
        reason: checkReason(check, fast.checks[i]!, f, cp, cat, coercionText),
      })),
      requirements: fast.R,
      exception: fast.E,
      outcome: provisionOutcome(fast.R, fast.E),
      reference: reference.get(p.id) ?? null,
    });
    entries[p.id] = cp.entries.map((e) => {
      const x = explainEntry(e.rule, `${e.entry.label} (${e.cite})`, f);
      return { list: e.listTitle, entry: e.entry.id, label: e.entry.label, cite: e.cite, verified: e.entry.verified, value: x.tv, reason: x.reason || `not matched: ${e.entry.label} (${e.cite}) does not list this offence` };
    });
  }
  return { jurisdiction: j.id, name: j.name, offence: o.id, provisions, entries };
}
