/**
 * Which question to ask next. The three-valued evaluator names, for every undetermined provision, the
 * facts still missing; the question asked next is the missing fact that the most undetermined outcomes
 * depend on (ties: the number of reliefs it could open, then catalogue order), among those facts for which
 * some answer really changes an outcome. When no such fact is left, nothing more can change the result and
 * the interview stops. Evaluates with the fast path; no I/O.
 */
import { evaluateCase, type CompiledJurisdiction } from '../engine/evaluate.js';
import type { CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { Report } from '../schema/report.js';
import { CHECKS_READING } from '../engine/derivation.js';
import { candidateValues, factSpecs, keyOfMissing, keyString, lawCodes, lawDates, type FactKey, type FactSpec } from './facts.js';

export interface InterviewLaw {
  catalogue: Catalogue;
  /** The laws in use, in the order given. */
  laws: ReadonlyMap<string, CompiledJurisdiction>;
  /** Evaluate every offence under each of these (the command line's --jurisdiction), or each under its own law. */
  jurisdictions?: string[];
  asOf: string;
}

export interface Question {
  key: FactKey;
  spec: FactSpec;
  /** The question text (rules/questions.yaml, or the engine's question for a fact of the case). */
  question: string;
  /** Why it is asked: the provision and limb it decides, and how many other outcomes depend on it. */
  why: string;
  /** Undetermined outcomes (provisions of an offence under a law) that depend on it. */
  outcomes: number;
  /** Reliefs among them. */
  reliefs: number;
  /** An answer that changes an outcome (the proof that the question is worth asking). */
  witness: unknown;
}

const RULES = { version: 'interview', digest: 'interview' };

export class Planner {
  private readonly specs: FactSpec[];
  private readonly dates: string[];
  private readonly codes: string[];

  constructor(readonly law: InterviewLaw) {
    this.specs = factSpecs(law.catalogue);
    const files = [...law.laws.values()].map((l) => l.file);
    this.dates = lawDates(files);
    this.codes = lawCodes(files);
  }

  spec(fact: string): FactSpec | undefined {
    return this.specs.find((s) => s.fact === fact);
  }

  async evaluate(c: CaseFile): Promise<Report> {
    return evaluateCase(c, this.law.laws, this.law.catalogue, { asOf: this.law.asOf, jurisdictions: this.law.jurisdictions, rules: RULES, engine: 'fast' });
  }

  /** Missing facts of the undetermined outcomes, most decisive first; not yet checked for whether an answer changes anything. */
  ranked(c: CaseFile, report: Report, skip: ReadonlySet<string>): Omit<Question, 'witness'>[] {
    const acc = new Map<string, { key: FactKey; spec: FactSpec; question: string; outcomes: number; reliefs: Set<string>; first: string }>();
    const caseOrder = (id: string) => c.offences.findIndex((o) => o.id === id);
    for (const r of report.results)
      for (const o of [...r.offences].sort((a, b) => caseOrder(a.offence) - caseOrder(b.offence)))
        for (const p of o.provisions) {
          if (p.outcome !== 'undetermined') continue;
          for (const m of p.missing) {
            const key = keyOfMissing(m.fact, o.offence);
            const id = keyString(key);
            const spec = this.spec(m.fact);
            if (!spec || skip.has(id)) continue;
            let a = acc.get(id);
            if (!a) {
              const reads = (code: string) => (m.fact.startsWith('answers.') ? code === `question:${m.fact.slice('answers.'.length)}` : (CHECKS_READING[m.fact] ?? []).includes(code));
              const limb = p.checks.find((ch) => ch.status === 'unknown' && reads(ch.code));
              const first = `${limb ? limb.cite : p.citation} — ${p.title} (${p.relief}, ${r.jurisdiction}, offence ${o.offence})`;
              acc.set(id, (a = { key, spec, question: m.question, outcomes: 0, reliefs: new Set(), first }));
            }
            a.outcomes += 1;
            a.reliefs.add(`${r.jurisdiction}/${o.offence}/${p.relief}`);
          }
        }
    const order = (q: { key: FactKey; spec: FactSpec }) => [this.specs.indexOf(q.spec), q.key.offence ? c.offences.findIndex((o) => o.id === q.key.offence) : -1];
    return [...acc.values()]
      .sort((a, b) => {
        if (b.outcomes !== a.outcomes) return b.outcomes - a.outcomes;
        if (b.reliefs.size !== a.reliefs.size) return b.reliefs.size - a.reliefs.size;
        const [sa, oa] = order(a);
        const [sb, ob] = order(b);
        return sa! - sb! || oa! - ob!;
      })
      .map((a) => ({
        key: a.key,
        spec: a.spec,
        question: a.question,
        outcomes: a.outcomes,
        reliefs: a.reliefs.size,
        why: `Why: it decides ${a.first}${a.outcomes > 1 ? `, and ${a.outcomes - 1} other undetermined outcome${a.outcomes > 2 ? 's' : ''}` : ''}.`,
      }));
  }

  /** An answer to the fact that changes some outcome, or undefined when none does (asking would be pointless). */
  async witness(c: CaseFile, before: Report, key: FactKey, spec: FactSpec, set: (c: CaseFile, k: FactKey, v: unknown) => CaseFile, valid: (c: CaseFile) => boolean): Promise<unknown> {
    for (const v of candidateValues(spec, key, c, this.law.asOf, this.dates, this.codes)) {
      const next = set(c, key, v);
      if (!valid(next)) continue;
      if (settles(before, await this.evaluate(next))) return v;
    }
    return undefined;
  }

  /** The next question worth asking, or null when no unknown left can change any outcome. */
  async next(c: CaseFile, skip: ReadonlySet<string>, set: (c: CaseFile, k: FactKey, v: unknown) => CaseFile, valid: (c: CaseFile) => boolean): Promise<Question | null> {
    const report = await this.evaluate(c);
    for (const q of this.ranked(c, report, skip)) {
      const w = await this.witness(c, report, q.key, q.spec, set, valid);
      if (w !== undefined) return { ...q, witness: w };
    }
    return null;
  }

  /** Every question still worth asking, in the order they would be asked if each were answered "I don't know". */
  async all(c: CaseFile, skip: ReadonlySet<string>, set: (c: CaseFile, k: FactKey, v: unknown) => CaseFile, valid: (c: CaseFile) => boolean): Promise<Question[]> {
    const out: Question[] = [];
    const s = new Set(skip);
    for (;;) {
      const q = await this.next(c, s, set, valid);
      if (!q) return out;
      out.push(q);
      s.add(keyString(q.key));
    }
  }
}

/**
 * Whether an answer changes an outcome that was undetermined: of a provision (one left out because its
 * relief does not fit the stage reads as not-eligible) or of an offence. Settled outcomes are what they are.
 */
export function settles(before: Report, after: Report): boolean {
  const now = new Map<string, string>();
  for (const j of after.results)
    for (const o of j.offences) {
      now.set(`${j.jurisdiction}/${o.offence}`, o.outcome);
      for (const p of o.provisions) now.set(`${j.jurisdiction}/${o.offence}/${p.provision}`, p.outcome);
    }
  for (const j of before.results)
    for (const o of j.offences) {
      if (o.outcome === 'undetermined' && now.get(`${j.jurisdiction}/${o.offence}`) !== 'undetermined') return true;
      for (const p of o.provisions) if (p.outcome === 'undetermined' && (now.get(`${j.jurisdiction}/${o.offence}/${p.provision}`) ?? 'not-eligible') !== 'undetermined') return true;
    }
  return false;
}

/**
 * Every outcome of a report, as one comparable string: per law, offence and provision. A provision left
 * out because its relief does not fit the stage is not available, which reads as not-eligible.
 */
export function outcomes(r: Report): string {
  return r.results
    .map((j) => j.offences.map((o) => `${j.jurisdiction}/${o.offence}:${o.outcome}[${o.provisions.filter((p) => p.outcome !== 'not-eligible').map((p) => `${p.provision}=${p.outcome}`).join(',')}]`).join(';'))
    .join('|');
}
