/**
 * How a report reads to a lawyer, shared by the text, markdown and HTML renderers: laws in the order
 * given and offences in the order of the case file; a headline that says when the best outcome rests
 * only on a discretionary route or on unverified points; what a mandatory route still needs; the facts
 * the evaluation relied on, and the facts given that the law does not read; notes printed once.
 * Works from the report and the case file; decides nothing.
 */
import type { CaseFile, OffenceFacts } from '../schema/case.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import type { Missing, OffenceResult, ProvisionResult, Report } from '../schema/report.js';
import { CHECKS_READING } from '../engine/derivation.js';

export interface ReadingContext {
  /** The case file the report was made from (facts relied on and facts ignored are read from it). */
  caseFile?: CaseFile;
  /** The laws, by id, for what they say of coercive control. */
  laws?: ReadonlyMap<string, JurisdictionFile>;
  /** Law ids in the order given on the command line. */
  order?: readonly string[];
}

/** Results in the order the laws were given, offences in the order of the case file (the JSON report stays sorted by id). */
export function inGivenOrder(report: Report, ctx: ReadingContext): Report['results'] {
  const lawIndex = (id: string) => {
    const i = ctx.order?.indexOf(id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const offenceIds = ctx.caseFile?.offences.map((o) => o.id) ?? [];
  const caseLawOrder = ctx.caseFile ? [...new Set(ctx.caseFile.offences.map((o) => o.jurisdiction ?? ctx.caseFile!.jurisdiction))] : [];
  const fallback = (id: string) => {
    const i = caseLawOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const position = new Map<string, number>();
  offenceIds.forEach((id, i) => position.has(id) || position.set(id, i));
  const offenceIndex = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...report.results]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => lawIndex(a.r.jurisdiction) - lawIndex(b.r.jurisdiction) || fallback(a.r.jurisdiction) - fallback(b.r.jurisdiction) || a.i - b.i)
    .map(({ r }) => ({ ...r, offences: [...r.offences].map((o, i) => ({ o, i })).sort((a, b) => offenceIndex(a.o.offence) - offenceIndex(b.o.offence) || a.i - b.i).map(({ o }) => o) }));
}

export interface Headline {
  outcome: OffenceResult['outcome'];
  /** Qualifications the outcome needs, e.g. "discretionary only: CPS guidance", "unverified points". */
  qualifiers: string[];
  /** The provisions the outcome rests on. */
  basis: ProvisionResult[];
}

/** The offence's outcome, with what it rests on: only discretionary routes, or law not verified. */
export function headline(o: OffenceResult): Headline {
  const basis = o.provisions.filter((p) => p.outcome === o.outcome);
  const qualifiers: string[] = [];
  if (o.outcome === 'eligible' || o.outcome === 'undetermined') {
    if (basis.length && basis.every((p) => p.discretion !== 'mandatory'))
      qualifiers.push(`${basis.every((p) => p.discretion === 'discretionary') ? 'discretionary' : 'presumption or discretion'} only: ${basis.map((p) => p.title).join('; ')}`);
    if (basis.length && basis.every((p) => p.unverified.length > 0)) qualifiers.push('unverified points');
  }
  return { outcome: o.outcome, qualifiers, basis };
}

/** When the best outcome comes only from a discretionary route: what the undetermined mandatory routes still need. */
export function mandatoryStillNeeds(o: OffenceResult): { provision: ProvisionResult; missing: Missing[] }[] {
  const h = headline(o);
  if (o.outcome !== 'eligible' || h.basis.some((p) => p.discretion === 'mandatory')) return [];
  return o.provisions.filter((p) => p.discretion === 'mandatory' && p.outcome === 'undetermined').map((p) => ({ provision: p, missing: p.missing }));
}

/** A provision that does not apply to this person at all (an age band or form of exploitation that is not theirs). */
export function notForThisPerson(p: ProvisionResult): string | null {
  if (p.outcome !== 'not-eligible') return null;
  const who = p.checks.find((ch) => ch.status === 'not-met' && (ch.code === 'age' || ch.code === 'forms' || ch.code === 'victim'));
  return who ? `${who.cite}: ${who.reason}` : null;
}

/** Notes (unverified points) numbered once per report, so that a note repeated across offences is printed once and referred to. */
export class Notes {
  readonly list: string[] = [];
  ref(note: string): number {
    let i = this.list.indexOf(note);
    if (i < 0) i = this.list.push(note) - 1;
    return i + 1;
  }
}

export interface FactLine {
  fact: string;
  value: string;
}

const show = (v: unknown): string => (Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : v === true ? 'yes' : v === false ? 'no' : String(v));

function valueOf(c: CaseFile, o: OffenceFacts, fact: string): unknown {
  const [head, a, b] = fact.split('.');
  if (head === 'person') return (c.person as Record<string, unknown> | undefined)?.[a!];
  if (head === 'trafficking') {
    if (a === 'period') {
      const p = c.trafficking?.period;
      return b === 'end' && p && !p.end ? 'ongoing' : (p as Record<string, unknown> | undefined)?.[b!];
    }
    return (c.trafficking as Record<string, unknown> | undefined)?.[a!];
  }
  if (head === 'answers') return (o.answers as Record<string, unknown> | undefined)?.[a!];
  return (o as Record<string, unknown>)[a!];
}

/**
 * The case-file facts a check reads (by the ids `missing` uses). A provision read at the date of
 * evaluation (post-conviction relief, guidance) does not read the offence date for its dates in force;
 * its reason says which date it was read at.
 */
export function checkReads(ch: { code: string; reason: string }): string[] {
  if (ch.code.startsWith('question:')) return [`answers.${ch.code.slice('question:'.length)}`];
  const atEvaluation = ch.code === 'in-force' && ch.reason.includes('the date of evaluation');
  return Object.entries(CHECKS_READING)
    .filter(([fact, codes]) => codes.includes(ch.code) && !(atEvaluation && fact === 'offence.date'))
    .map(([fact]) => fact);
}

/** A case file's offence by id, looked up (not searched: a case may hold a thousand offences, each read under every law). */
const offencesById = new WeakMap<CaseFile, Map<string, OffenceFacts>>();
function offenceOf(c: CaseFile, id: string): OffenceFacts | undefined {
  let byId = offencesById.get(c);
  if (!byId) {
    byId = new Map();
    for (const o of c.offences) if (!byId.has(o.id)) byId.set(o.id, o);
    offencesById.set(c, byId);
  }
  return byId.get(id);
}

/** The stated facts the provisions shown for an offence read. */
export function factsReliedOn(o: OffenceResult, c: CaseFile | undefined, coerciveControlCounts: boolean): FactLine[] {
  if (!c) return [];
  const of = offenceOf(c, o.offence);
  if (!of) return [];
  const read = new Set(o.provisions.flatMap((p) => p.checks.flatMap(checkReads)));
  const order = [...Object.keys(CHECKS_READING), ...[...read].filter((f) => f.startsWith('answers.')).sort()];
  const out: FactLine[] = [];
  for (const fact of order) {
    if (!read.has(fact) || fact === 'offence.category' || fact === 'offence.domain') continue;
    if (fact === 'trafficking.coercive_control' && !coerciveControlCounts) continue;
    const v = valueOf(c, of, fact);
    if (v !== undefined && v !== null) out.push({ fact, value: show(v) });
  }
  return out;
}

/** Facts given in the case file that no provision of this law reads for this offence, each with why it is left aside. */
export function factsIgnored(o: OffenceResult, c: CaseFile | undefined, law: JurisdictionFile | undefined): FactLine[] {
  if (!c) return [];
  const of = offenceOf(c, o.offence);
  if (!of) return [];
  const codes = new Set(o.provisions.flatMap((p) => p.checks.map((ch) => ch.code)));
  const out: FactLine[] = [];
  const t = c.trafficking;
  const cc = t?.coercive_control;
  if (cc?.length && law && !law.coercion.recognises_coercive_control) {
    const meansCite = o.provisions.flatMap((p) => p.checks).find((ch) => ch.code === 'means')?.cite;
    out.push({
      fact: 'trafficking.coercive_control',
      value: `${show(cc)}: not a separate requirement of ${meansCite ?? law.coercion.citation.section}; this law's definition of coercion (${law.coercion.citation.section}) does not name coercive control — it bears on compulsion and on the link to the trafficking, which must be shown by other facts`,
    });
  }
  if (c.person?.prior_record !== undefined) out.push({ fact: 'person.prior_record', value: `${show(c.person.prior_record)}: not read by any provision (no "perfect victim" test)` });
  if (c.person?.substance_dependency !== undefined) out.push({ fact: 'person.substance_dependency', value: `${show(c.person.substance_dependency)}: not read by any provision (no "perfect victim" test)` });
  if (t?.relationship) out.push({ fact: 'trafficking.relationship', value: `${t.relationship}: not a condition of any provision here` });
  if (t?.cooperating_with_authorities !== undefined && !codes.has('cooperation'))
    out.push({ fact: 'trafficking.cooperating_with_authorities', value: `${show(t.cooperating_with_authorities)}: no provision here makes relief depend on cooperation` });
  if (t?.identification && !codes.has('identification')) out.push({ fact: 'trafficking.identification', value: `${t.identification}: no provision here requires formal identification` });
  if (t?.forms && !codes.has('forms')) out.push({ fact: 'trafficking.forms', value: `${show(t.forms)}: every form of exploitation is covered alike` });
  return out;
}
