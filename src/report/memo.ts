/**
 * The memo a lawyer can adapt and file, as plain data that the markdown and HTML renderers lay out: the
 * client and case reference; per offence the relief sought, each route with its citation and URL, each
 * element to establish with the facts from the case file that support it or the question still open; the
 * burden and standard of proof; deadlines with the date and how it was computed; protections; the
 * unverified points of the law, numbered once; the rules version and digest.
 */
import type { CaseFile } from '../schema/case.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import type { Missing, OffenceResult, ProvisionResult, Report } from '../schema/report.js';
import { checkReads, factsIgnored, factsReliedOn, headline, inGivenOrder, mandatoryStillNeeds, notForThisPerson, Notes, type FactLine, type ReadingContext } from './reading.js';
import { BURDEN_WORDS, OUTCOME_WORDS, RELIEF_WORDS, STANDARD_WORDS } from './wording.js';
import { assumptionLines, resolutionLine, resolutionWarnings } from './resolution.js';

export interface MemoElement {
  cite: string;
  status: 'met' | 'not-met' | 'unknown';
  reason: string;
  /** Stated facts of the case that this element reads. */
  supportedBy: FactLine[];
  /** Questions that would settle it, when unknown. */
  toEstablish: Missing[];
}

export interface MemoRoute {
  title: string;
  relief: string;
  discretion: string;
  outcome: string;
  citation: string;
  url: string | null;
  elements: MemoElement[];
  proof: string | null;
  deadline: { date: string; how: string } | null;
  notes: number[];
  /** Answers taken from the offence's kind, with the rule that made each. */
  assumptions: string[];
}

export interface MemoOffence {
  id: string;
  label: string | null;
  category: string;
  code: string | null;
  stage: string;
  outcome: string;
  headline: string;
  reliefSought: string;
  deadline: string | null;
  routes: MemoRoute[];
  /** Provisions that fail, in one line each: why. */
  closed: { title: string; citation: string; outcome: string; why: string }[];
  mandatoryNeeds: { title: string; citation: string; missing: Missing[] }[];
  relied: FactLine[];
  ignored: FactLine[];
  /** How the offence was matched to the law's offence table, and warnings about the match. */
  matched: string | null;
  warnings: string[];
}

export interface MemoLaw {
  id: string;
  name: string;
  offences: MemoOffence[];
  protections: { name: string; value: string; cite: string | null; note: string | null; verified: boolean }[];
}

export interface Memo {
  caseRef: string;
  asOf: string;
  rules: { version: string; digest: string };
  laws: MemoLaw[];
  notes: string[];
  disclaimer: string;
}

export const DISCLAIMER =
  'This memo is not legal advice. It applies law encoded from the sources cited to the facts stated in the case file; a fact left out is treated as unknown, never as false. Check every citation against the current official text, and every fact against the evidence, before relying on it.';

const PROTECTIONS: Record<string, string> = {
  confidentiality: 'Confidentiality and anonymity',
  legal_aid: 'Legal aid',
  immigration_detention_covered: 'Immigration detention covered',
  cooperation_not_required: 'Relief without cooperation with the authorities',
};

function element(p: ProvisionResult, ch: ProvisionResult['checks'][number], o: OffenceResult, relied: FactLine[]): MemoElement {
  const reads = checkReads(ch);
  const supportedBy = relied.filter((f) => reads.includes(f.fact));
  const toEstablish = ch.status === 'unknown' ? p.missing.filter((m) => reads.includes(m.fact)) : [];
  return { cite: ch.cite, status: ch.status, reason: ch.reason, supportedBy, toEstablish: toEstablish.length || ch.status !== 'unknown' ? toEstablish : p.missing };
}

export function buildMemo(report: Report, ctx: ReadingContext & { caseFile?: CaseFile; laws?: ReadonlyMap<string, JurisdictionFile> }): Memo {
  const notes = new Notes();
  const laws: MemoLaw[] = inGivenOrder(report, ctx).map((r) => {
    const law = ctx.laws?.get(r.jurisdiction);
    const offences = r.offences.map((o): MemoOffence => {
      const h = headline(o);
      const relied = factsReliedOn(o, ctx.caseFile, law?.coercion.recognises_coercive_control ?? true);
      const open = o.provisions.filter((p) => p.outcome === 'eligible' || p.outcome === 'undetermined');
      const reliefs = [...new Set(h.basis.map((p) => RELIEF_WORDS[p.relief]))];
      return {
        id: o.offence,
        label: o.label,
        category: o.category,
        code: o.code,
        stage: o.disposition ?? 'not stated',
        outcome: o.outcome,
        headline: `${o.outcome}${h.qualifiers.length ? ` — ${h.qualifiers.join('; ')}` : ''}`,
        reliefSought: open.length ? reliefs.join('; ') : `none available on these facts (${OUTCOME_WORDS[o.outcome]})`,
        deadline: o.deadline,
        routes: open.map((p) => route(p, o, relied, notes)),
        closed: o.provisions
          .filter((p) => !open.includes(p))
          .map((p) => ({ title: p.title, citation: p.citation, outcome: p.outcome, why: notForThisPerson(p) ?? p.checks.filter((ch) => ch.status === 'not-met').map((ch) => `${ch.cite}: ${ch.reason}`).join('; ') })),
        mandatoryNeeds: mandatoryStillNeeds(o).map((m) => ({ title: m.provision.title, citation: m.provision.citation, missing: m.missing })),
        relied,
        ignored: factsIgnored(o, ctx.caseFile, law),
        matched: resolutionLine(o),
        warnings: resolutionWarnings(o),
      };
    });
    const protections = Object.entries(law?.attributes ?? {})
      .filter(([k]) => k in PROTECTIONS)
      .map(([k, a]) => ({ name: PROTECTIONS[k]!, value: a.value, cite: a.citation?.section ?? null, note: a.note ?? null, verified: a.verified }));
    return { id: r.jurisdiction, name: r.name, offences, protections };
  });
  return { caseRef: report.case, asOf: report.asOf, rules: report.rules, laws, notes: notes.list, disclaimer: DISCLAIMER };
}

function route(p: ProvisionResult, o: OffenceResult, relied: FactLine[], notes: Notes): MemoRoute {
  const tl = p.checks.find((ch) => ch.code === 'time-limit');
  return {
    title: p.title,
    relief: RELIEF_WORDS[p.relief],
    discretion: p.discretion,
    outcome: p.outcome,
    citation: p.citation,
    url: p.url,
    elements: p.checks.map((ch) => element(p, ch, o, relied)),
    proof: p.proof ? `Burden: ${BURDEN_WORDS[p.proof.burden]}. Standard: ${STANDARD_WORDS[p.proof.standard]}.` : null,
    deadline: p.deadline ? { date: p.deadline, how: tl ? `${tl.cite}: ${tl.reason}` : 'from the provision’s time limit' } : null,
    notes: p.unverified.map((u) => notes.ref(u)),
    assumptions: assumptionLines(p),
  };
}
