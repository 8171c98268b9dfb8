/**
 * Scoring a law against a scorecard. Each measure reads named fields of a law file and gives a level
 * (or null: the file does not encode what the criterion needs — never a silent zero) with its evidence:
 * the provision or attribute read, its citation and the line that holds it. The card turns levels into
 * points. No I/O.
 */
import type { PathSegment } from '../load/problems.js';
import type { JurisdictionFile, Provision } from '../schema/jurisdiction.js';
import type { Criterion, Scorecard } from '../schema/scorecard.js';
import { DOMAINS, FORMS, nexusRank, type Relief } from '../vocabulary.js';
import { exclusions } from './exclusions.js';
import type { Trace, TracedLaw } from './trace.js';

export interface Evidence {
  text: string;
  citation: string | null;
  verified: boolean;
  trace: Trace;
}

export interface CriterionScore {
  criterion: string;
  title: string;
  source: string;
  /** null when not encoded. */
  level: string | null;
  points: number;
  max: number;
  encoded: boolean;
  evidence: Evidence[];
}

export interface LawScore {
  jurisdiction: string;
  name: string;
  file: string;
  points: number;
  max: number;
  notEncoded: number;
  criteria: CriterionScore[];
}

const RECORD: readonly Relief[] = ['vacatur', 'expungement', 'sealing'];
const NON_PUNISHMENT: readonly Relief[] = ['non-prosecution', 'defence', 'penalty-relief'];

interface Candidate {
  level: string;
  evidence: Evidence[];
}

function citation(j: JurisdictionFile, c: { instrument: string; section: string } | undefined): string | null {
  if (!c) return null;
  const title = j.instruments.find((i) => i.id === c.instrument)?.title ?? c.instrument;
  return `${title}, ${c.section}`;
}

export function scoreLaw(card: Scorecard, law: TracedLaw): LawScore {
  const criteria = card.criteria.map((c) => scoreCriterion(card, c, law));
  return {
    jurisdiction: law.id,
    name: law.file.name,
    file: law.name,
    points: round(criteria.reduce((a, c) => a + c.points, 0)),
    max: card.criteria.reduce((a, c) => a + c.points, 0),
    notEncoded: criteria.filter((c) => !c.encoded).length,
    criteria,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function scoreCriterion(card: Scorecard, c: Criterion, law: TracedLaw): CriterionScore {
  const candidates = measure(card, c, law);
  const base = { criterion: c.id, title: c.title, source: c.source, max: c.points };
  if (!candidates.length) {
    return { ...base, level: null, points: 0, encoded: false, evidence: notEncodedEvidence(c, law) };
  }
  // The best level the law reaches, by the card's credit; its evidence.
  const best = candidates.reduce((a, b) => ((c.credit[b.level] ?? 0) > (c.credit[a.level] ?? 0) ? b : a));
  return { ...base, level: best.level, points: round(c.points * (c.credit[best.level] ?? 0)), encoded: true, evidence: best.evidence };
}

function notEncodedEvidence(c: Criterion, law: TracedLaw): Evidence[] {
  const path: PathSegment[] = c.measure === 'attribute' ? (law.file.attributes ? ['attributes'] : ['id']) : ['provisions'];
  // Nothing was read, so there is no wording to verify: the evidence is the absence, at the map that lacks it.
  return [{ text: `not encoded: the file does not give ${c.reads}`, citation: null, verified: true, trace: law.at(path) }];
}

function provisionEvidence(law: TracedLaw, p: Provision, field: PathSegment[], text: string): Evidence {
  const i = law.file.provisions.indexOf(p);
  return { text: `${p.id}: ${text}`, citation: citation(law.file, p.citation), verified: p.verified, trace: law.at(['provisions', i, ...field]) };
}

function noRelief(law: TracedLaw, what: string): Candidate {
  return { level: 'no-relief', evidence: [{ text: `no ${what} provision in the file`, citation: null, verified: true, trace: law.at(['provisions']) }] };
}

function measure(card: Scorecard, c: Criterion, law: TracedLaw): Candidate[] {
  const j = law.file;
  const ps = law.provisions;
  const anyRecord = ps.filter((p) => RECORD.includes(p.relief));
  // Where a law has trafficking-specific record relief (asking some nexus), the record measures read that,
  // not a general sealing or expungement law beside it; range and arrest-record coverage read them all.
  const specificRecord = anyRecord.filter((p) => p.nexus !== 'none');
  const record = c.measure === 'record-range' || c.measure === 'record-arrests' || !specificRecord.length ? anyRecord : specificRecord;
  const np = ps.filter((p) => NON_PUNISHMENT.includes(p.relief));
  switch (c.measure) {
    case 'attribute': {
      const a = c.attribute ? j.attributes?.[c.attribute] : undefined;
      if (!a || a.value === 'unknown') return [];
      return [{ level: a.value, evidence: [{ text: `${c.attribute}: ${a.value}`, citation: citation(j, a.citation), verified: a.verified, trace: law.at(['attributes', c.attribute!]) }] }];
    }
    case 'coercive-control': {
      const r = j.coercion.recognises_coercive_control;
      return [{ level: r ? 'recognised' : 'not-recognised', evidence: [{ text: `coercion definition: coercive control ${r ? 'recognised' : 'not recognised'}`, citation: citation(j, j.coercion.citation), verified: j.coercion.verified, trace: law.at(['coercion', 'recognises_coercive_control']) }] }];
    }
    case 'record-relief': {
      if (!record.length) return [noRecord(law, 'none')];
      return record.map((p) => ({
        level: p.relief === 'sealing' ? 'sealing-only' : nexusRank(p.nexus) <= nexusRank('direct-consequence') ? 'direct-result' : 'compelled-only',
        evidence: [provisionEvidence(law, p, ['nexus'], `${p.relief}, nexus ${p.nexus}${p.nexus_words ? ` (${p.nexus_words})` : ''}`)],
      }));
    }
    case 'domains':
    case 'record-domains': {
      const set = c.measure === 'domains' ? np : record;
      const covered = new Set(set.flatMap((p) => p.domains));
      const ev = set.map((p) => provisionEvidence(law, p, ['domains'], `${p.relief}: ${p.domains.join(', ')}`));
      return [{ level: String(DOMAINS.filter((d) => covered.has(d)).length), evidence: ev.length ? ev : noRelief(law, c.measure === 'domains' ? 'non-punishment' : 'record-relief').evidence }];
    }
    case 'forms': {
      const open = np.filter((p) => !p.forms || FORMS.every((f) => p.forms!.includes(f)));
      if (open.length) return [{ level: 'all', evidence: open.map((p) => provisionEvidence(law, p, [], 'no restriction by form of trafficking')) }];
      return np.length ? [{ level: 'some', evidence: np.map((p) => provisionEvidence(law, p, ['forms'], `only ${p.forms!.join(', ')}`)) }] : [noRelief(law, 'non-prosecution, defence or penalty-relief')];
    }
    case 'nexus':
    case 'record-nexus': {
      const all = c.measure === 'nexus' ? np : record;
      if (!all.length) return [noRelief(law, c.measure === 'nexus' ? 'non-punishment' : 'record-relief')];
      // A provision that asks no nexus at all is not trafficking-specific (general sealing, the age of criminal
      // responsibility, status offences): the nexus a law asks of survivors is read from the others.
      const specific = all.filter((p) => p.nexus !== 'none');
      const set = specific.length ? specific : all;
      return set.map((p) => ({ level: p.nexus, evidence: [provisionEvidence(law, p, ['nexus'], `${p.relief}, nexus ${p.nexus}${p.nexus_words ? ` (${p.nexus_words})` : ''}`)] }));
    }
    case 'exceptions': {
      const often = new Set(card.often_compelled?.categories ?? []);
      const ex = exclusions(law);
      const hit = ex.items.filter((x) => often.has(x.category));
      if (!hit.length)
        return [{ level: 'none-excluded', evidence: [{ text: ex.total ? `${ex.total} offence(s) excluded, none in the categories victims are often made to commit` : 'no exception list', citation: null, verified: true, trace: ex.lists[0]?.trace ?? law.at(['provisions']) }] }];
      const excluding = new Set(ex.lists.flatMap((l) => l.provisions));
      const other = ps.filter((p) => !excluding.has(p.id) && NON_PUNISHMENT.includes(p.relief) && p.domains.includes('criminal'));
      const evidence: Evidence[] = hit.map((x) => ({ text: `excluded: ${x.label} (${x.category})`, citation: null, verified: true, trace: x.trace }));
      if (other.length) evidence.push(...other.map((p) => provisionEvidence(law, p, ['relief'], `${p.relief} (${p.discretion}) without those exceptions`)));
      return [{ level: other.length ? 'excluded-other-route' : 'excluded', evidence }];
    }
    case 'conditions': {
      const stated = ps.filter((p) => p.conditions?.cooperation_required !== undefined || p.conditions?.identification);
      if (!stated.length) return [];
      const coop = ps.filter((p) => p.conditions?.cooperation_required);
      if (coop.length) return [{ level: 'cooperation', evidence: coop.map((p) => provisionEvidence(law, p, ['conditions', 'cooperation_required'], 'cooperation with the authorities required')) }];
      const ident = ps.filter((p) => p.conditions?.identification);
      if (ident.length) return [{ level: 'identification', evidence: ident.map((p) => provisionEvidence(law, p, ['conditions', 'identification'], `identification required: ${p.conditions!.identification!.join(', ')}`)) }];
      return [{ level: 'none', evidence: stated.map((p) => provisionEvidence(law, p, ['conditions'], 'no cooperation or identification condition')) }];
    }
    case 'full-acquittal': {
      const full = ps.filter((p) => p.relief === 'non-prosecution' || p.relief === 'defence');
      if (full.length) return full.map((p) => ({ level: p.discretion, evidence: [provisionEvidence(law, p, ['discretion'], `${p.relief}, ${p.discretion}`)] }));
      const mit = ps.filter((p) => p.relief === 'mitigation');
      if (mit.length) return [{ level: 'mitigation-only', evidence: mit.map((p) => provisionEvidence(law, p, ['relief'], 'mitigation of sentence only')) }];
      return [noRelief(law, 'non-prosecution or defence')];
    }
    case 'record-range': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      return record.map((p) => ({ level: p.relief, evidence: [provisionEvidence(law, p, ['relief'], `${p.relief} (${p.discretion})`)] }));
    }
    case 'record-arrests': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      const at = (p: Provision) => p.dispositions ?? ['convicted', 'arrest-record'];
      const evidence = record.map((p) => provisionEvidence(law, p, p.dispositions ? ['dispositions'] : ['relief'], `${p.relief} at: ${at(p).join(', ')}`));
      const arrests = record.some((p) => at(p).includes('arrest-record'));
      return [{ level: arrests ? 'arrests-and-convictions' : 'convictions-only', evidence }];
    }
    case 'record-offences': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      const ex = exclusions(law);
      return record.map((p) => {
        if (p.offences_covered?.length) return { level: 'listed-only', evidence: [provisionEvidence(law, p, ['offences_covered'], `only the offences listed in ${p.offences_covered.join(', ')}`)] };
        if (p.exceptions?.length) {
          const n = ex.items.filter((x) => isInLists(law, x.entry, p.exceptions!)).length;
          return { level: 'exceptions', evidence: [provisionEvidence(law, p, ['exceptions'], `${n} offence(s) excluded by ${p.exceptions.join(', ')}${ex.table ? '' : ' (no offence table: counted from exception entries only)'}`)] };
        }
        return { level: 'all', evidence: [provisionEvidence(law, p, ['relief'], 'no offence excluded')] };
      });
    }
    case 'record-discretion': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      return record.map((p) => ({ level: p.discretion, evidence: [provisionEvidence(law, p, ['discretion'], `${p.relief}: ${p.discretion}`)] }));
    }
    case 'record-time': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      return record.map((p) => {
        const tl = p.conditions?.time_limit;
        if (tl) return { level: 'time-limit', evidence: [provisionEvidence(law, p, ['conditions', 'time_limit'], `time limit ${[tl.years && `${tl.years} years`, tl.months && `${tl.months} months`, tl.days && `${tl.days} days`].filter(Boolean).join(' ')} from ${tl.from}`)] };
        if (p.questions?.includes('due-diligence')) return { level: 'due-diligence', evidence: [provisionEvidence(law, p, ['questions'], 'no fixed limit; the application must be made with due diligence')] };
        return { level: 'no-limit', evidence: [provisionEvidence(law, p, ['relief'], 'no time limit and no due-diligence requirement')] };
      });
    }
    case 'record-proof': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      return record.flatMap((p) => {
        if (!p.proof) return [];
        const s = p.proof.standard;
        const level = s === 'none' || s === 'credible-information' || p.proof.burden === 'none' || p.proof.burden === 'prosecution' ? 'low' : s === 'preponderance' || s === 'balance-of-probabilities' ? 'preponderance' : s;
        const i = ps.indexOf(p);
        return [{ level, evidence: [{ text: `${p.id}: burden ${p.proof.burden}, standard ${s}`, citation: citation(j, p.proof.citation ?? p.citation), verified: p.proof.verified, trace: law.at(['provisions', i, 'proof']) }] }];
      });
    }
    case 'record-documentation': {
      if (!record.length) return [noRelief(law, 'record-relief')];
      const official = ['official-documentation', 'court-finding', 'conclusive-grounds'];
      return record.map((p) => {
        const id = p.conditions?.identification;
        if (!id) return { level: 'not-required', evidence: [provisionEvidence(law, p, ['relief'], 'no identification or official documentation condition')] };
        const level = id.every((x) => official.includes(x)) ? 'required' : id.some((x) => official.includes(x)) ? 'one-of-several' : 'not-required';
        return { level, evidence: [provisionEvidence(law, p, ['conditions', 'identification'], `identification accepted: ${id.join(', ')}`)] };
      });
    }
  }
}

function noRecord(law: TracedLaw, level: string): Candidate {
  return { level, evidence: noRelief(law, 'vacatur, expungement or sealing').evidence };
}

function isInLists(law: TracedLaw, entryId: string, lists: readonly string[]): boolean {
  return (law.file.exception_lists ?? []).some((l) => lists.includes(l.id) && l.entries.some((e) => e.id === entryId));
}
