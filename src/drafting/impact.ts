/**
 * The impact of an amendment: the same cases evaluated under two versions of a law (the fast engine),
 * every offence and relief whose outcome changes, with the provision and the line of the law that made
 * the difference, counts by category, relief and direction, and the structural diff. No I/O.
 */
import { evaluateCase, type CompiledJurisdiction } from '../engine/evaluate.js';
import type { PathSegment } from '../load/problems.js';
import type { CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { OffenceResult, ProvisionResult } from '../schema/report.js';
import { RELIEFS, type Outcome, type Relief } from '../vocabulary.js';
import { diffLaws, type DiffItem } from './diff.js';
import type { Trace, TracedLaw } from './trace.js';

export const IMPACT_SCHEMA_ID = 'nonpunishment/impact@1';

/** No provision of the law offers this relief at the offence's stage. */
export type Side = Outcome | 'none';

export interface MadeBy {
  provision: string;
  /** The check that changed (nexus, means, exception, question:<id>, …) or `provision` when the provision itself was added or removed. */
  check: string;
  /** Which file holds the line: `to` for what the draft says, `from` for what it no longer says. */
  side: 'from' | 'to';
  trace: Trace;
  /** The line itself, as written in the file. */
  line: string;
}

export interface ImpactChange {
  case: string;
  offence: string;
  label: string | null;
  category: string;
  disposition: string | null;
  /** A relief, or `overall` for the offence's outcome over all reliefs. */
  relief: Relief | 'overall';
  from: Side;
  to: Side;
  /**
   * For the person: `better` when the relief becomes available (or may, undetermined → eligible), `worse`
   * when it is lost; `same` when only the reason changes (excluded ↔ not eligible, or a relief that neither
   * side grants appearing or going): no protection is gained or lost.
   */
  direction: 'better' | 'worse' | 'same';
  madeBy: MadeBy | null;
}

type Tally = { better: number; worse: number; same: number };

export interface Impact {
  schema: typeof IMPACT_SCHEMA_ID;
  from: { jurisdiction: string; name: string; file: string };
  to: { jurisdiction: string; name: string; file: string };
  /** False when the two files are laws of different jurisdictions (allowed, and said). */
  sameJurisdiction: boolean;
  /** Version of the tool and sha256 of the rules and of both law files, so the figures can be reproduced. */
  rules: { version: string; digest: string };
  cases: { source: string; count: number; offences: number };
  changes: ImpactChange[];
  counts: { offences: Tally; byRelief: Record<string, Tally>; byCategory: Record<string, Tally> };
  diff: DiffItem[];
}

const CHECK_FIELD: Record<string, PathSegment[]> = {
  disposition: ['dispositions'],
  'in-force': ['in_force'],
  'offence-dates': ['offence_dates'],
  domain: ['domains'],
  age: ['age'],
  victim: ['victim_required'],
  forms: ['forms'],
  nexus: ['nexus'],
  means: ['means'],
  cooperation: ['conditions', 'cooperation_required'],
  identification: ['conditions', 'identification'],
  'time-limit': ['conditions', 'time_limit'],
  'offence-date-window': ['in_force'],
  'offence-covered': ['offences_covered'],
};

/** How much protection an outcome gives the person: eligible 2, undetermined 1, anything else none. */
function protection(s: Side): number {
  return s === 'eligible' ? 2 : s === 'undetermined' ? 1 : 0;
}
function direction(x: Side, y: Side): ImpactChange['direction'] {
  const d = protection(y) - protection(x);
  return d > 0 ? 'better' : d < 0 ? 'worse' : 'same';
}

export interface ImpactInput {
  from: { law: TracedLaw; compiled: CompiledJurisdiction };
  to: { law: TracedLaw; compiled: CompiledJurisdiction };
  cases: readonly CaseFile[];
  source: string;
  catalogue: Catalogue;
  /** Date of evaluation for cases that do not give one. */
  asOf: string;
  rules: { version: string; digest: string };
}

export async function measureImpact(input: ImpactInput): Promise<Impact> {
  const { from, to, catalogue } = input;
  const changes: ImpactChange[] = [];
  let offences = 0;
  const rules = input.rules;
  for (const c of input.cases) {
    const asOf = c.as_of ?? input.asOf;
    const ra = await evaluateCase(c, new Map([[from.law.id, from.compiled]]), catalogue, { asOf, jurisdictions: [from.law.id], rules, engine: 'fast' });
    const rb = await evaluateCase(c, new Map([[to.law.id, to.compiled]]), catalogue, { asOf, jurisdictions: [to.law.id], rules, engine: 'fast' });
    const ob = new Map(rb.results[0]!.offences.map((o) => [o.offence, o]));
    for (const oa of ra.results[0]!.offences) {
      offences++;
      const obr = ob.get(oa.offence)!;
      const base = { case: c.id, offence: oa.offence, label: oa.label, category: oa.category, disposition: oa.disposition };
      const reliefs = RELIEFS.filter((r) => r in oa.byRelief || r in obr.byRelief);
      const reliefChanges: ImpactChange[] = [];
      for (const r of reliefs) {
        const x: Side = oa.byRelief[r] ?? 'none';
        const y: Side = obr.byRelief[r] ?? 'none';
        if (x === y) continue;
        reliefChanges.push({ ...base, relief: r, from: x, to: y, direction: direction(x, y), madeBy: madeBy(r, oa, obr, from.law, to.law) });
      }
      if (oa.outcome !== obr.outcome) {
        const dir = direction(oa.outcome, obr.outcome);
        changes.push({ ...base, relief: 'overall', from: oa.outcome, to: obr.outcome, direction: dir, madeBy: reliefChanges.find((x) => x.direction === dir)?.madeBy ?? null });
      }
      changes.push(...reliefChanges);
    }
  }
  const tally = (xs: ImpactChange[], key: (c: ImpactChange) => string) => {
    const out: Record<string, Tally> = {};
    for (const c of xs) (out[key(c)] ??= { better: 0, worse: 0, same: 0 })[c.direction]++;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  const overall = changes.filter((c) => c.relief === 'overall');
  const perRelief = changes.filter((c) => c.relief !== 'overall');
  return {
    schema: IMPACT_SCHEMA_ID,
    from: { jurisdiction: from.law.id, name: from.law.file.name, file: from.law.name },
    to: { jurisdiction: to.law.id, name: to.law.file.name, file: to.law.name },
    sameJurisdiction: from.law.id === to.law.id,
    rules,
    cases: { source: input.source, count: input.cases.length, offences },
    changes,
    counts: {
      offences: { better: overall.filter((c) => c.direction === 'better').length, worse: overall.filter((c) => c.direction === 'worse').length, same: overall.filter((c) => c.direction === 'same').length },
      byRelief: tally(perRelief, (c) => c.relief),
      byCategory: tally(overall, (c) => c.category),
    },
    diff: diffLaws(from.law, to.law),
  };
}

/** Which provision, and which line of which file, turned this relief's outcome. */
function madeBy(relief: Relief, a: OffenceResult, b: OffenceResult, la: TracedLaw, lb: TracedLaw): MadeBy | null {
  const pa = new Map(a.provisions.filter((p) => p.relief === relief).map((p) => [p.provision, p]));
  const pb = new Map(b.provisions.filter((p) => p.relief === relief).map((p) => [p.provision, p]));
  const ids = [...new Set([...pa.keys(), ...pb.keys()])];
  const at = (law: TracedLaw, side: 'from' | 'to', provision: string, check: string, path: PathSegment[]): MadeBy => {
    const i = law.file.provisions.findIndex((p) => p.id === provision);
    const trace = law.at(['provisions', i, ...path]);
    return { provision, check, side, trace, line: law.lineText(trace.line).trim() };
  };
  for (const id of ids) {
    const x = pa.get(id);
    const y = pb.get(id);
    if (!x && y) return at(lb, 'to', id, 'provision', []);
    if (x && !y) return lb.file.provisions.some((p) => p.id === id) ? at(lb, 'to', id, 'disposition', ['dispositions']) : at(la, 'from', id, 'provision', []);
    if (!x || !y || x.outcome === y.outcome) continue;
    return checkThatChanged(x, y, la, lb) ?? at(lb, 'to', id, 'provision', []);
  }
  return null;
}

function checkThatChanged(x: ProvisionResult, y: ProvisionResult, la: TracedLaw, lb: TracedLaw): MadeBy | null {
  const sa = new Map(x.checks.map((c) => [c.code, c.status]));
  const sb = new Map(y.checks.map((c) => [c.code, c.status]));
  const codes = [...new Set([...sa.keys(), ...sb.keys()])].filter((k) => sa.get(k) !== sb.get(k));
  // The exception first: a removed or added entry is the most specific line there is.
  codes.sort((p, q) => (p === 'exception' ? -1 : q === 'exception' ? 1 : 0));
  for (const code of codes) {
    if (code === 'exception') {
      const gone = x.excludedBy.find((e) => !y.excludedBy.includes(e));
      const came = y.excludedBy.find((e) => !x.excludedBy.includes(e));
      const hit = gone ? entryAt(lb, gone, 'to') ?? entryAt(la, gone, 'from') : came ? entryAt(lb, came, 'to') : null;
      if (hit) return { ...hit, provision: y.provision, check: code };
      continue;
    }
    const field = code.startsWith('question:') ? ['questions'] : CHECK_FIELD[code];
    if (!field) continue;
    const hasIt = (law: TracedLaw) => {
      const p = law.file.provisions.find((q) => q.id === y.provision) as Record<string, unknown> | undefined;
      return !!p && p[String(field[0])] !== undefined;
    };
    const [law, side] = hasIt(lb) || !hasIt(la) ? ([lb, 'to'] as const) : ([la, 'from'] as const);
    const i = law.file.provisions.findIndex((p) => p.id === y.provision);
    const trace = law.at(['provisions', i, ...field]);
    return { provision: y.provision, check: code, side, trace, line: law.lineText(trace.line).trim() };
  }
  return null;
}

function entryAt(law: TracedLaw, entryId: string, side: 'from' | 'to'): Omit<MadeBy, 'provision' | 'check'> | null {
  const lists = law.file.exception_lists ?? [];
  for (const [li, l] of lists.entries()) {
    const ei = l.entries.findIndex((e) => e.id === entryId);
    if (ei >= 0) {
      const trace = law.at(['exception_lists', li, 'entries', ei]);
      return { side, trace, line: law.lineText(trace.line).trim() };
    }
  }
  return null;
}
