/**
 * The human side of a result: a reason per check, with its subsection, and the question that settles each
 * unknown fact. Rendered from the checks' codes and the facts; nothing here decides an outcome.
 */
import type { Catalogue } from '../schema/catalogue.js';
import { questionById } from '../schema/catalogue.js';
import type { Missing } from '../schema/report.js';
import { addPeriod } from '../law/dates.js';
import { atoms, deadlineOf, entryMatch, presumptionRaised, type EntryRule, type MeansRule, type PresumedRule, type TimeRule } from './atoms.js';
import type { EvalFacts } from './facts.js';
import type { TV } from './kleene.js';
import { engineFacts as engineFactsOf, entryFactsOf, timeFactsOf, type Check, type CompiledProvision } from './provisions.js';

export const FACT_QUESTIONS: Record<string, string> = {
  'offence.disposition': 'At what stage is the offence: under investigation, charged, convicted, an arrest or charge on record, or an administrative/immigration penalty?',
  'offence.date': 'On what date was the offence committed?',
  'offence.conviction_date': 'On what date was the person convicted?',
  'offence.nexus': 'How is the offence linked to the trafficking: was the person compelled to commit it, was it a direct consequence of the trafficking, a result of it, or only connected with it?',
  'offence.code': 'Which statutory offence exactly (its statute code)? An exception list names some offences of this kind and not others.',
  'person.birth_date': "What is the person's date of birth (to know their age at the offence)?",
  'trafficking.victim': 'Is the person, or were they, a victim of trafficking, slavery or exploitation?',
  'trafficking.forms': 'What form of trafficking or exploitation was the person subjected to?',
  'trafficking.means': 'By what means was the person controlled (threats, force, deception, debt bondage, abuse of vulnerability, withholding documents…)?',
  'trafficking.coercive_control': 'Which elements of coercive control were present (isolation, monitoring, degradation, threats to family, economic control…)?',
  'trafficking.identification': 'Has the person been identified as a victim, and how (NGO, reasonable or conclusive grounds, official documentation, a court finding)?',
  'trafficking.cooperating_with_authorities': 'Is the person cooperating with the authorities?',
  'trafficking.period.end': 'When did the trafficking end (or is it ongoing)?',
};

export function missingFact(fact: string, cat: Catalogue, detail?: string): Missing {
  if (fact.startsWith('answers.')) {
    const q = questionById(cat, fact.slice('answers.'.length));
    return { fact, question: q?.text ?? fact };
  }
  const base = FACT_QUESTIONS[fact] ?? fact;
  return { fact, question: detail ? `${base} ${detail}` : base };
}

function ageUnknowns(f: EvalFacts): string[] {
  return [...(f.offenceDate === null ? ['offence.date'] : []), ...(f.birthDate === null ? ['person.birth_date'] : [])];
}

const list = (xs: readonly unknown[]) => xs.map(String).join(', ');

/** The offence date, or — when it is not stated — the dates it must lie between. */
function offenceDateWords(f: EvalFacts): string {
  if (f.offenceDate !== null) return f.offenceDate;
  const w = f.offenceWhen;
  const latest = `no later than ${w.latest} (${w.latestBy === 'conviction' ? 'the conviction' : 'the date of evaluation'})`;
  return `date not stated, but ${latest}${w.earliest !== null ? ` and no earlier than ${w.earliest} (the birth date)` : ''}`;
}

/** The age at the offence, or the ages it can have been. */
function ageWords(f: EvalFacts): string {
  if (f.age !== null) return String(f.age);
  const s = f.ageSpan;
  return `between ${s.min} and ${s.max} (born ${f.birthDate}; offence ${offenceDateWords(f)})`;
}

/** The limb's own check inside a presumption. */
function ownCheck(check: Check): Check {
  const r = check.value as PresumedRule;
  return { ...check, atom: r.atom, fact: r.reads as Check['fact'], value: r.value };
}

/** The value of the limb's own test inside a presumption, whatever the identification. */
function ownValue(check: Check, f: EvalFacts): TV {
  const r = check.value as PresumedRule;
  return (atoms[r.atom] as (a: unknown, b: unknown) => TV)(engineFactsOf(f)[r.reads as keyof ReturnType<typeof engineFactsOf>], r.value);
}

/** The facts whose being unknown leaves a check unknown. */
export function checkUnknowns(check: Check, f: EvalFacts): string[] {
  if (check.atom === 'presumedOr') {
    // Unknown only when the presumption is not decided and the limb's own test is not met: the identification
    // would settle it, and so would the limb's own facts where they are not stated (a stated, weaker link is no
    // fact to ask for).
    const own = ownValue(check, f) === 'U' ? checkUnknowns(ownCheck(check), f) : [];
    return f.identification === null ? [...own, 'trafficking.identification'] : own;
  }
  if (check.code.startsWith('rebuttal:')) {
    // Answered "yes", the discretion decides: no fact is left to ask.
    const q = check.code.slice('rebuttal:'.length);
    return f.answers[q] === undefined ? [`answers.${q}`] : [];
  }
  switch (check.code) {
    case 'disposition':
      return ['offence.disposition'];
    case 'in-force':
      return check.fact === 'offenceWhen' ? ['offence.date'] : [];
    case 'offence-dates':
      return ['offence.date'];
    case 'age':
      return ageUnknowns(f);
    case 'victim':
      return ['trafficking.victim'];
    case 'forms':
      return ['trafficking.forms'];
    case 'nexus':
      return ['offence.nexus'];
    case 'means': {
      const r = check.value as MeansRule;
      const out: string[] = [];
      if (r.adults !== r.children && atoms.ageInBand(f.ageSpan, { max: 18 }) === 'U') out.push(...ageUnknowns(f));
      if (f.means === null) out.push('trafficking.means');
      if (r.coerciveControlCounts && f.coerciveControl === null) out.push('trafficking.coercive_control');
      return out;
    }
    case 'cooperation':
      return ['trafficking.cooperating_with_authorities'];
    case 'identification':
      return ['trafficking.identification'];
    case 'offence-covered':
      return [...new Set((check.value as EntryRule[]).flatMap((e) => explainEntry(e, '', f).unknowns))];
    case 'time-limit': {
      const r = check.value as TimeRule;
      return [r.from === 'offence' ? 'offence.date' : r.from === 'conviction' ? 'offence.conviction_date' : 'trafficking.period.end'];
    }
    default:
      // offence-date-window is never unknown (atoms.offenceDateWindow); domain and exceptions have no unknown facts here.
      if (check.code.startsWith('question:')) return [`answers.${check.code.slice('question:'.length)}`];
      return [];
  }
}

export function checkReason(check: Check, tv: TV, f: EvalFacts, cp: CompiledProvision, cat: Catalogue, coercionText: string): string {
  if (check.atom === 'presumedOr') {
    const r = check.value as PresumedRule;
    const inner = ownCheck(check);
    const own = ownValue(check, f);
    const ownWords = checkReason(inner, own, f, cp, cat, coercionText);
    const raised = presumptionRaised({ nexus: f.nexus, victim: f.victim, meansFacts: null, identification: f.identification }, r);
    const presumption = `presumed where the identification is ${list(r.identification)} (${r.cite}), rebuttable by ${r.rebuttableBy}`;
    if (own === 'T') return ownWords;
    if (raised === 'T') return `presumed (${r.cite}): the identification "${f.identification}" raises the presumption; rebuttable by ${r.rebuttableBy}${own === 'F' ? `. The case itself says: ${ownWords}, which may be used to rebut it` : ''}`;
    if (raised === 'F') return `${ownWords}; not presumed: ${presumption}, and the identification is "${f.identification}"`;
    return `${ownWords}; or ${presumption} — the identification is not stated`;
  }
  if (check.code.startsWith('rebuttal:')) {
    const q = check.code.slice('rebuttal:'.length);
    const text = questionById(cat, q)?.text ?? q;
    const a = f.answers[q];
    const discretion = `${cp.provision.discretion}, ${cp.provision.citation.section}`;
    if (a === undefined) return `to establish (the presumption stands if no): ${text}`;
    return a ? `yes: ${text} — the presumption may be rebutted, so the outcome is left to the discretion the provision gives (${discretion}); not a definite no` : `no: ${text} — the presumption is not rebutted on this ground`;
  }
  const v = check.value;
  const on = cp.dateBasis === 'offence' ? 'the offence date' : 'the date of evaluation';
  switch (check.code) {
    case 'disposition':
      if (tv === 'T' && check.atom === 'always') return 'available at every stage';
      // A provision whose stage does not fit is left out of the report (evaluateOffence); the derivation (`check --explain`) still shows it.
      if (tv === 'T') return `available at this stage (${f.disposition})`;
      return `available only when: ${list(v as string[])}; ${tv === 'F' ? `this offence is ${f.disposition}` : 'the stage is not stated'}`;
    case 'in-force': {
      const r = v as { from?: string; to?: string };
      const span = ['in force', r.from && `from ${r.from}`, r.to && `until ${r.to}`].filter(Boolean).join(' ');
      const date = check.fact === 'offenceWhen' ? offenceDateWords(f) : f.asOf;
      return tv === 'T' ? `${span}; applies on ${on} (${date})` : tv === 'F' ? `not in force on ${on} (${date}); ${span}${cp.dateBasis === 'offence' ? ' and not retrospective' : ''}` : `${span}; the offence date is not stated`;
    }
    case 'offence-dates': {
      const r = v as { from?: string; to?: string };
      const span = [r.from && `from ${r.from}`, r.to && `before ${r.to}`].filter(Boolean).join(' ');
      return tv === 'T' ? `reaches offences committed ${span} (offence: ${offenceDateWords(f)})` : tv === 'F' ? `reaches only offences committed ${span}; this one: ${offenceDateWords(f)}` : `reaches offences committed ${span}; the offence date is not stated`;
    }
    case 'domain':
      return tv === 'T' ? `covers ${f.domain} offences` : `covers only ${list(v as string[])} matters; this offence is ${f.domain}`;
    case 'age': {
      const b = v as { min?: number; max?: number };
      const band = b.min !== undefined && b.max !== undefined ? `aged ${b.min} to ${b.max - 1}` : b.min !== undefined ? `aged ${b.min} or over` : `under ${b.max}`;
      return tv === 'U' ? `applies to persons ${band} at the offence; the age at the offence is unknown` : `${tv === 'T' ? 'applies' : 'does not apply'}: the person was ${ageWords(f)} at the offence (the provision covers persons ${band})`;
    }
    case 'victim':
      return tv === 'T' ? 'the person is or was a victim of trafficking, slavery or exploitation' : tv === 'F' ? 'the case says the person is not a victim of trafficking, slavery or exploitation' : 'victim status is not yet established';
    case 'forms':
      // Met or not met only when the forms are stated.
      return tv === 'T' ? `covers the form of exploitation (${list(f.forms!)})` : tv === 'F' ? `covers only ${list(v as string[])}; the case names ${list(f.forms!)}` : `covers only ${list(v as string[])}; the form of exploitation is not stated`;
    case 'nexus':
      return tv === 'T' ? `the link "${f.nexus}" meets the required "${v}"` : tv === 'F' ? `the link "${f.nexus}" is weaker than the required "${v}"` : `requires a link of at least "${v}"; the link is not stated`;
    case 'means': {
      const r = v as MeansRule;
      const cc = r.coerciveControlCounts ? 'coercive control counts' : 'coercive control is not recognised as such by this law';
      if (tv === 'T') {
        if (atoms.ageInBand(f.ageSpan, { max: 18 }) === 'T' && r.children === 'not-required') return 'no means need be shown for a child';
        const shown = [...(f.means ?? []).filter((m) => r.accepted === null || r.accepted.includes(m)), ...(r.coerciveControlCounts ? f.coerciveControl ?? [] : [])];
        return `means shown: ${list(shown)}`;
      }
      if (tv === 'F') return `no qualifying means shown (${cc}${r.accepted ? `; counting means: ${list(r.accepted)}` : ''}). ${coercionText}`.trim();
      return `means must be shown for an adult (${cc}); not yet established`;
    }
    case 'cooperation':
      return tv === 'T' ? 'the person is cooperating with the authorities' : tv === 'F' ? 'requires cooperation with the authorities, which the case says is absent' : 'requires cooperation with the authorities; not stated';
    case 'identification':
      if (tv === 'T' && check.atom === 'always') return 'any identification, or none, is accepted';
      return tv === 'T' ? `identification "${f.identification}" is accepted` : tv === 'F' ? `requires identification by ${list(v as string[])}; the case has "${f.identification}"` : `requires identification by ${list(v as string[])}; not stated`;
    case 'time-limit': {
      const r = v as TimeRule;
      const d = deadlineOf(timeFactsOf(f), r);
      const span = [r.years && `${r.years} year(s)`, r.months && `${r.months} month(s)`, r.days && `${r.days} day(s)`].filter(Boolean).join(' ');
      if (d === 'running-not-started') return `time limit of ${span} from the end of the trafficking, which is ongoing`;
      if (d === null && r.from === 'offence' && tv === 'F')
        return `time limit passed: even from the latest possible offence date (${f.offenceWhen.latest}) it ended on ${addPeriod(f.offenceWhen.latest, r)}`;
      if (d === null && r.from === 'offence' && tv === 'T')
        return `within the time limit even from the earliest possible offence date (${f.offenceWhen.earliest}): apply by ${addPeriod(f.offenceWhen.earliest!, r)}`;
      if (d === null) return `time limit of ${span} from the ${r.from.replace('-', ' ')}; that date is not stated`;
      return tv === 'T' ? `within the time limit: apply by ${d}` : `time limit passed on ${d} (${span} from the ${r.from.replace('-', ' ')})`;
    }
    case 'offence-date-window':
      // Shown only when it fails (explainProvision leaves a met window out).
      return `no offence date could meet every limb at once (${offenceDateWords(f)}): whatever the date, one of the dates in force, the offence dates reached, the age band, the means needed or the time limit fails`;
    case 'offence-covered':
      return tv === 'T'
        ? 'the offence is one of those the provision reaches'
        : tv === 'F'
          ? `reaches only the offences listed in ${check.cite}; this one is not among them`
          : `reaches only the offences listed in ${check.cite}; ${coveredDecidedBy(check.value as EntryRule[], f)}`;
    default: {
      if (check.code.startsWith('question:')) {
        const { question, expected } = v as { question: string; expected: boolean };
        const text = questionById(cat, question)?.text ?? question;
        const a = f.answers[question];
        if (a === undefined) return `to establish (${expected ? 'must be yes' : 'must be no'}): ${text}`;
        return `${a ? 'yes' : 'no'}${a === expected ? '' : ` (must be ${expected ? 'yes' : 'no'})`}: ${text}`;
      }
      return check.code;
    }
  }
}

/** Whether an offence-list entry matches, why, in words, and which unknown facts would decide it. */
export function explainEntry(rule: EntryRule, label: string, f: EvalFacts): { tv: TV; reason: string; unknowns: string[] } {
  const m = entryMatch(entryFactsOf(f), rule);
  const unknowns = m.tv !== 'U' ? [] : m.why === 'date-unknown' ? ['offence.date'] : ['offence.code'];
  const reason = (text: string) => ({ tv: m.tv, reason: text, unknowns });
  switch (m.why) {
    case 'code':
      return reason(`excluded: ${f.code} is listed — ${label}`);
    case 'category':
      return reason(`excluded: every ${f.category} offence is listed — ${label}`);
    case 'penalty':
      return reason(`excluded: ${f.code} carries a maximum penalty at or above the threshold — ${label}`);
    case 'code-unknown':
      return reason(`may be excluded: ${label}; the statute code decides`);
    case 'ambiguous-code':
      return reason(`may be excluded: ${f.code} is listed only in part — ${label}; a more specific code decides`);
    case 'penalty-unknown':
      return reason(`may be excluded: ${label}; the maximum penalty for ${f.code} is not in this file's offence table`);
    case 'date-unknown':
      return reason(`may be excluded: ${label}, which is in force only for some dates; the offence date decides`);
    default:
      return reason('');
  }
}

/** What an unknown list of offences covered waits for: the entries' own unknown facts, in words. */
function coveredDecidedBy(entries: readonly EntryRule[], f: EvalFacts): string {
  const unknowns = new Set(entries.flatMap((e) => explainEntry(e, '', f).unknowns));
  const date = unknowns.has('offence.date');
  const code = unknowns.has('offence.code');
  return date && code ? 'the offence date and the exact statute code decide' : date ? 'the offence date decides' : 'the exact statute code decides';
}
