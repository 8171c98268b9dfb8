/**
 * Evaluating a case against jurisdictions: per offence, per provision, a Kleene value for the
 * requirements (R) and the exception (E), combined into an outcome, with reasons and missing facts.
 * json-rules-engine gives the reference values; the fast path gives the same values synchronously and
 * the per-check detail. No I/O.
 */
import type { CaseFile, OffenceFacts } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import type { CheckResult, Missing, OffenceResult, ProvisionResult, Report } from '../schema/report.js';
import { REPORT_SCHEMA_ID } from '../schema/report.js';
import { bestOutcome, type Outcome, OUTCOMES, RELIEFS, type Relief } from '../vocabulary.js';
import { atoms, deadlineOf, type EntryFacts } from './atoms.js';
import { entryHits, type EntryHit } from './offence-lists.js';
import { checkReason, checkUnknowns, explainEntry, missingFact } from './explain.js';
import { offenceFacts, type EvalFacts } from './facts.js';
import { categoryById } from '../schema/catalogue.js';
import { and3, or3, type TV } from './kleene.js';
import { compileProvision, engineFacts, timeFactsOf, type CompiledProvision, type FactName } from './provisions.js';
import type { ReferenceEngines } from './reference.js';
import { indexOffences, resolveOffence, type OffenceIndex, type Resolution } from './resolve.js';
import { assumedAnswers, type Assumed } from './assumptions.js';

export interface CompiledJurisdiction {
  file: JurisdictionFile;
  provisions: CompiledProvision[];
  /** The law's offence table, indexed by code, statute text and category. */
  offences: OffenceIndex;
  /** Built on first use: json-rules-engine is loaded and set up only by the evaluations that need it. */
  engines(): Promise<ReferenceEngines>;
}

export function compileJurisdiction(j: JurisdictionFile): CompiledJurisdiction {
  const provisions = j.provisions.map((p) => compileProvision(j, p));
  let engines: Promise<ReferenceEngines> | undefined;
  return { file: j, provisions, offences: indexOffences(j), engines: () => (engines ??= import('./reference.js').then((m) => m.buildReferenceEngines(provisions))) };
}

/** The reference values (json-rules-engine) of every provision of a law for one set of facts. */
export async function referenceValues(cj: CompiledJurisdiction, facts: Record<FactName, unknown>): Promise<Map<string, { R: TV; E: TV }>> {
  const [{ runReference }, engines] = await Promise.all([import('./reference.js'), cj.engines()]);
  return runReference(engines, facts);
}

/** Outcome of one provision from its requirements (R) and exception (E): an exception wins. */
export function provisionOutcome(R: TV, E: TV): Outcome {
  if (E === 'T') return 'excluded';
  if (R === 'F') return 'not-eligible';
  if (R === 'T' && E === 'F') return 'eligible';
  return 'undetermined';
}

/** The fast path: the same atoms, combined in TypeScript. */
export function fastValues(cp: CompiledProvision, f: EvalFacts, facts: Record<string, unknown> = engineFacts(f)): { R: TV; E: TV; checks: TV[]; hits: EntryHit[] } {
  const checks = cp.checks.map((c) => (atoms[c.atom] as (a: unknown, b: unknown) => TV)(facts[c.fact], c.value ?? true));
  // Only the exception entries that match or may: every other entry is a no (offence-lists.ts).
  const hits = cp.entries.length ? entryHits(cp.entryIndex, cp.entryRules, facts['entryFacts'] as EntryFacts) : [];
  return { R: and3(checks), E: or3(hits.map((h) => h.tv)), checks, hits };
}

export interface EvaluateOptions {
  /** Date of evaluation; default the case's as_of. One of the two is required. */
  asOf?: string;
  /** Evaluate every offence under each of these jurisdictions; default each offence's own. */
  jurisdictions?: string[];
  /** Rules version and digest, for the report header. */
  rules: { version: string; digest: string };
  /** `fast` (default: the compiled path, synchronous) or `reference` (json-rules-engine, checked against the fast path). */
  engine?: 'reference' | 'fast';
  /**
   * `false`: decide only. Every reason, question and note is left empty, for an output that prints none (a
   * caseload's CSV rows); outcomes, reliefs, provisions, exclusions, missing facts, deadlines and resolution
   * are exactly those of the full report. Default `true`.
   */
  wording?: boolean;
}

export { EvaluationError } from './errors.js';
import { EvaluationError } from './errors.js';

/** Evaluate a case: the report object of DESIGN.md. */
export async function evaluateCase(
  c: CaseFile,
  law: ReadonlyMap<string, CompiledJurisdiction>,
  cat: Catalogue,
  opts: EvaluateOptions,
): Promise<Report> {
  const asOf = opts.asOf ?? c.as_of;
  if (!asOf) throw new EvaluationError('eval.no-date', 'no date of evaluation: give as_of in the case or --as-of');
  const groups = groupOffences(c, opts.jurisdictions);
  const results: Report['results'] = [];
  for (const [jid, offences] of groups) {
    const cj = law.get(jid);
    if (!cj) throw new EvaluationError('eval.unknown-jurisdiction', `jurisdiction "${jid}" is not loaded`);
    const out: OffenceResult[] = [];
    for (const o of offences) out.push(await evaluateOffence(c, o, cj, asOf, cat, opts.engine ?? 'fast', opts.wording ?? true));
    results.push({ jurisdiction: jid, name: cj.file.name, offences: out });
  }
  return { schema: REPORT_SCHEMA_ID, case: c.id, asOf, rules: opts.rules, results };
}

/** Which offences go to which jurisdiction, in a deterministic order (jurisdiction id, then offence id). */
function groupOffences(c: CaseFile, jurisdictions: string[] | undefined): Map<string, OffenceFacts[]> {
  const byId = [...c.offences].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups = new Map<string, OffenceFacts[]>();
  if (jurisdictions && jurisdictions.length) {
    for (const j of [...new Set(jurisdictions)].sort()) groups.set(j, byId);
    return groups;
  }
  const without = byId.filter((o) => !(o.jurisdiction ?? c.jurisdiction)).map((o) => o.id);
  if (without.length)
    throw new EvaluationError('eval.no-jurisdiction', `case "${c.id}": offence(s) ${without.join(', ')} have no jurisdiction; give one in the case file or use --jurisdiction ID`);
  for (const o of byId) {
    const j = (o.jurisdiction ?? c.jurisdiction)!;
    const g = groups.get(j);
    if (g) g.push(o);
    else groups.set(j, [o]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export async function evaluateOffence(
  c: CaseFile,
  o: OffenceFacts,
  cj: CompiledJurisdiction,
  asOf: string,
  cat: Catalogue,
  engine: 'reference' | 'fast',
  wording = true,
): Promise<OffenceResult> {
  const base = offenceFacts(c, o, asOf, cat);
  const resolution = resolveOffence(o, cj.offences, base.offenceWhen);
  // One evaluation per candidate row: its code, the kind the law's table files it under, and its domain in
  // this law (a domain stated in the case still wins; the category default gives way to the table's).
  const variants: EvalFacts[] = resolution.rows.length
    ? resolution.rows.map((row, i) => ({
        ...base,
        code: resolution.codes[i]!,
        category: row.category,
        domain: o.domain ?? row.domain ?? (row.category === o.category ? base.domain : categoryDomain(cat, row.category)),
      }))
    : [base];
  const runs: Unresolved[] = [];
  const runEntries: string[][][] = [];
  // Explanations shared between candidates; one candidate has none to share with.
  const explained: ExplainedCache | undefined = variants.length > 1 ? new Map() : undefined;
  for (const f of variants) {
    const bundle = factsBundle(f, assumedAnswers(f.category, o.answers ?? {}, cat));
    // The reference engine is asynchronous; the fast path never waits.
    const reference =
      engine === 'reference'
        ? { plain: await referenceValues(cj, bundle.facts), assumed: bundle.assumed.length ? await referenceValues(cj, bundle.factsAssumed) : undefined }
        : undefined;
    const run = evaluateFacts(o, bundle, cj, cat, explained, wording, reference);
    runs.push(run.result);
    runEntries.push(run.codeEntries);
  }
  const result = runs.length === 1 ? runs[0]! : combineCandidates(runs, runEntries, resolution, cat, wording);
  return { ...result, resolved: resolvedOf(resolution, base, runs, wording) };
}

/** An offence's result before the report says how it was matched to the law's table. */
type Unresolved = Omit<OffenceResult, 'resolved'>;

/**
 * Provisions already explained for another candidate of the same offence. Candidates differ only in their
 * code, category and domain, so a provision whose checks and matching entries come out the same, for the
 * same category and domain, reads the same — unless an entry's reason names the code itself.
 */
type ExplainedCache = Map<string, ReturnType<typeof explainProvision>>;
const NAMES_THE_CODE: ReadonlySet<string> = new Set(['code', 'penalty', 'ambiguous-code', 'penalty-unknown']);

function explainedKey(k: number, cp: CompiledProvision, f: EvalFacts, used: readonly Assumed[], v: ReturnType<typeof fastValues>): string | null {
  if (v.hits.some((h) => NAMES_THE_CODE.has(h.why))) return null;
  // An unknown list of offences covered asks for what its entries lack, which may differ with the code.
  if (v.checks.some((tv, i) => tv === 'U' && cp.checks[i]!.code === 'offence-covered')) return null;
  return `${k}\u0000${f.category}\u0000${f.domain}\u0000${used.map((a) => a.question).join(',')}\u0000${v.checks.join('')}\u0000${v.hits.map((h) => `${h.index}${h.tv}${h.why}`).join(',')}`;
}

/** One candidate's facts, as the engines read them: as stated, and with the assumptions for its category filled in. */
interface FactsBundle {
  f: EvalFacts;
  assumed: Assumed[];
  withAssumed: EvalFacts;
  facts: Record<FactName, unknown>;
  factsAssumed: Record<FactName, unknown>;
}
function factsBundle(f: EvalFacts, assumed: Assumed[]): FactsBundle {
  const withAssumed = assumed.length ? { ...f, answers: { ...Object.fromEntries(assumed.map((a) => [a.question, a.value])), ...f.answers } } : f;
  const facts = engineFacts(f);
  return { f, assumed, withAssumed, facts, factsAssumed: assumed.length ? engineFacts(withAssumed) : facts };
}

/**
 * Every provision of the law for one candidate's facts; with the reference engine's values, checked against the
 * fast path's. With it, for each provision, the offence-list entries only a finer statute code can decide.
 */
function evaluateFacts(
  o: OffenceFacts,
  b: FactsBundle,
  cj: CompiledJurisdiction,
  cat: Catalogue,
  cache: ExplainedCache | undefined,
  wording: boolean,
  reference?: { plain: Map<string, { R: TV; E: TV }>; assumed: Map<string, { R: TV; E: TV }> | undefined },
): { result: Unresolved; codeEntries: string[][] } {
  const { f, assumed, withAssumed, facts, factsAssumed } = b;
  const provisions: ProvisionResult[] = [];
  const codeEntries: string[][] = [];
  for (const [k, cp] of cj.provisions.entries()) {
    // An assumption is used only by a provision it can help: one that reads the question expecting that very answer.
    const used = assumed.length ? assumed.filter((a) => cp.questionReads[a.question] === a.value) : assumed;
    const fp = used.length ? withAssumed : f;
    const ff = used.length ? factsAssumed : facts;
    // The relief does not fit the disposition: the provision is left out, and nothing else need be read.
    const stage = cp.checks[0]!;
    if ((atoms[stage.atom] as (a: unknown, b: unknown) => TV)(ff[stage.fact], stage.value ?? true) === 'F') continue;
    const fast = fastValues(cp, fp, ff);
    const ref = (used.length ? reference?.assumed : reference?.plain)?.get(cp.provision.id);
    if (reference && (!ref || ref.R !== fast.R || ref.E !== fast.E))
      throw new EvaluationError('eval.engines-disagree', `internal error: json-rules-engine and the fast path disagree on ${cp.provision.id}`);
    const key = cache ? explainedKey(k, cp, fp, used, fast) : null;
    let explained = key === null ? undefined : cache!.get(key);
    if (!explained) {
      explained = explainProvision(cj.file, cp, fp, fast, cat, wording);
      if (key !== null) cache!.set(key, explained);
    }
    provisions.push(used.length ? { ...explained.result, assumptions: used.map((a) => ({ fact: `answers.${a.question}`, value: a.value, rule: a.rule })) } : explained.result);
    codeEntries.push(explained.codeEntries); // empty unless the provision is undetermined
  }
  return { result: summariseOffence(o, f, provisions, [...new Set(codeEntries.flat())], cat, wording), codeEntries };
}

function categoryDomain(cat: Catalogue, category: string): EvalFacts['domain'] {
  return (categoryById(cat, category)?.domain ?? 'criminal') as EvalFacts['domain'];
}

/** How the offence was matched to the law's table, as the report states it. */
function resolvedOf(r: Resolution, f: EvalFacts, runs: Unresolved[], wording = true): OffenceResult['resolved'] {
  const codes = [...r.codes].sort();
  let note: string | undefined;
  if (!wording) note = undefined;
  else if (r.by === 'category' || (r.rows.length > 1 && r.by !== 'none')) {
    const which =
      r.stem !== undefined
        ? `every offence in this law's table that the code ${r.stem} stops short of${f.offenceDate ? ` (in force on ${f.offenceDate})` : ''}`
        : r.by === 'category'
          ? `every offence of this kind in this law's table${f.offenceDate ? ` in force on ${f.offenceDate}` : ''}`
          : `every offence in this law's table cited as "${r.statute}"`;
    const shared = (st: string | undefined) => st !== undefined && r.rows.filter((x) => x.statute === st).length > 1;
    const names = r.rows.map((row, i) => `${row.statute && !shared(row.statute) ? row.statute : row.label} (${r.codes[i]})`).join('; ');
    const agree = runs.every((x) => x.outcome === runs[0]!.outcome);
    note = `${which} — ${names} — ${r.rows.length === 1 ? 'is the one read' : agree ? `comes out ${runs[0]!.outcome}` : 'does not come out the same: which one it is decides'}`;
  } else if (r.by === 'statute') note = `matched from the statute text "${r.statute}"`;
  return { by: r.by, codes, ...(r.statute !== undefined ? { statute: r.statute } : {}), ...(note ? { note } : {}), warnings: r.warnings };
}

/**
 * The outcome several candidate offences share: the same one when they agree; when they differ and some
 * could be eligible, undetermined (which offence it is decides); when none could be (some excluded, some
 * failing a requirement), not eligible — there is nothing the statute code could open.
 */
function commonOutcome(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.every((x) => x === outcomes[0])) return outcomes[0]!;
  return outcomes.some((x) => x === 'eligible' || x === 'undetermined') ? 'undetermined' : 'not-eligible';
}

/**
 * The offence is one of several candidate offences: a value every candidate shares stands; where they differ, it
 * is undetermined. `entries[i][k]`: the entries of candidate i's provision k that only a finer statute code decides.
 */
function combineCandidates(runs: Unresolved[], entries: readonly (readonly string[])[][], r: Resolution, cat: Catalogue, wording = true): Unresolved {
  const question = (outcomes: Outcome[], where?: string) => candidateQuestion(outcomes, r, cat, where, wording);
  // Candidates that come out alike may each still need a finer code than their row's: that code is asked, naming every candidate's entries.
  const finerCode = (lists: readonly (readonly string[])[]): Missing =>
    wording ? codeQuestion('offence.code', cat, [...new Set(lists.flat())]) : { fact: 'offence.code', question: '' };
  const first = runs[0]!;
  const provisions = first.provisions.map((p0, k) => {
    const ps = runs.map((x) => x.provisions[k]!);
    const same = ps.every((p) => p.outcome === p0.outcome);
    const outcome: Outcome = commonOutcome(ps.map((p) => p.outcome));
    const checks = p0.checks.map((c0, ci) => {
      const cs = ps.map((p) => p.checks[ci] ?? c0);
      if (cs.every((c) => c.status === c0.status && c.reason === c0.reason)) return c0;
      if (!wording) return { ...c0, status: 'unknown' as const };
      // Reasons that differ only by the candidate's own code read as one ("it carries …").
      const groups = new Map<string, number[]>();
      cs.forEach((c, i) => {
        const why = c.reason.split(r.codes[i]!).join('it');
        groups.set(why, [...(groups.get(why) ?? []), i]);
      });
      const sameStatus = cs.every((c) => c.status === c0.status);
      const reason =
        groups.size === 1
          ? `for each of them (${r.codes.join(', ')}): ${[...groups.keys()][0]}`
          : `depends on which offence it is: ${[...groups].map(([why, is]) => `${is.map((i) => r.codes[i]).join(', ')}: ${why}`).join(' | ')}`;
      return { ...c0, status: sameStatus ? c0.status : ('unknown' as const), reason };
    });
    const missing = new Map<string, Missing>();
    if (outcome === 'undetermined') {
      for (const p of ps) if (p.outcome === 'undetermined') for (const m of p.missing) missing.set(m.fact, m);
      if (!same) missing.set('offence.code', question(ps.map((p) => p.outcome)));
      else if (missing.has('offence.code')) missing.set('offence.code', finerCode(entries.map((x) => x[k]!)));
    }
    return {
      ...p0,
      outcome,
      checks,
      reasons: wording ? checks.map((c) => `${c.cite}: ${c.reason}`) : [],
      missing: [...missing.values()].sort((a, b) => (a.fact < b.fact ? -1 : 1)),
      excludedBy: [...new Set(ps.flatMap((p) => p.excludedBy))].sort(),
      unverified: [...new Set(ps.flatMap((p) => p.unverified))],
    };
  });
  const byRelief: Partial<Record<Relief, Outcome>> = {};
  for (const relief of Object.keys(first.byRelief) as Relief[]) {
    const vs = runs.map((x) => x.byRelief[relief]!);
    byRelief[relief] = commonOutcome(vs);
  }
  const agree = runs.every((x) => x.outcome === first.outcome);
  const outcome: Outcome = commonOutcome(runs.map((x) => x.outcome));
  const missing = new Map<string, Missing>();
  if (outcome === 'undetermined') {
    // As for one offence: the facts the undetermined provisions lack; the code question asks at the first level where the candidates part.
    for (const p of provisions) if (p.outcome === 'undetermined') for (const m of p.missing) missing.set(m.fact, m);
    const relief = (Object.keys(byRelief) as Relief[]).find((k) => byRelief[k] === 'undetermined' && runs.some((x) => x.byRelief[k] !== first.byRelief[k]));
    const k = provisions.findIndex((p, i) => p.outcome === 'undetermined' && runs.some((x) => x.provisions[i]!.outcome !== first.provisions[i]!.outcome));
    if (!agree) missing.set('offence.code', question(runs.map((x) => x.outcome)));
    else if (relief) missing.set('offence.code', question(runs.map((x) => x.byRelief[relief]!), `for ${relief}`));
    else if (k >= 0) missing.set('offence.code', question(runs.map((x) => x.provisions[k]!.outcome), `under ${first.provisions[k]!.provision}`));
    else if (missing.has('offence.code')) missing.set('offence.code', finerCode(entries.flat()));
  }
  for (const m of mandatoryStillNeeds(outcome, provisions)) if (!missing.has(m.fact)) missing.set(m.fact, m);
  const deadlines = runs.map((x) => x.deadline).filter((d): d is string => d !== null).sort();
  return {
    ...first,
    outcome,
    byRelief,
    provisions,
    missing: [...missing.values()].sort((a, b) => (a.fact < b.fact ? -1 : 1)),
    deadline: deadlines[0] ?? null,
  };
}

/** A row's label, with its statute unless the label already names it. */
function labelWithStatute(row: { label: string; statute?: string }): string {
  if (!row.statute) return row.label;
  const squash = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const act = row.statute.split(/\s+(?:s\.|§|art\.?|section)\s*/i)[0] ?? row.statute;
  return squash(row.label).includes(squash(act)) ? row.label : `${row.label} (${row.statute})`;
}

/** "Which offence exactly?", with the candidates as choices, split by how each would come out. */
function candidateQuestion(outcomes: Outcome[], r: Resolution, cat: Catalogue, where?: string, wording = true): Missing {
  if (!wording) return { fact: 'offence.code', question: '', choices: r.rows.map((row, i) => ({ code: r.codes[i]!, label: '', outcome: outcomes[i]! })).sort((a, b) => (a.code < b.code ? -1 : 1)) };
  const choices = r.rows.map((row, i) => ({ code: r.codes[i]!, label: labelWithStatute(row), outcome: outcomes[i]! }));
  const split = OUTCOMES.filter((o) => choices.some((c) => c.outcome === o))
    .map((o) => `${o}: ${choices.filter((c) => c.outcome === o).map((c) => `${c.code} (${c.label})`).join('; ')}`)
    .join(' — ');
  return { fact: 'offence.code', question: `${missingFact('offence.code', cat).question} This law's offence table has several offences of this kind, and they come out differently${where ? ` ${where}` : ''} — ${split}.`, choices: [...choices].sort((a, b) => (a.code < b.code ? -1 : 1)) };
}

/** What a provision's result says whatever the facts: worked out once per compiled provision. */
interface ProvisionWords {
  citation: string;
  url: string | null;
  /** "(section: definition)" where the law's definition of coercion does not recognise coercive control. */
  coercionText: string;
  /** The exception lists' titles and citations, for the exception check. */
  lists: string;
  listCite: string;
  /** Notes on the unverified pieces every result of the provision relies on: instrument, provision, proof; then the exception lists. */
  unverifiedOwn: string[];
  unverifiedLists: string[];
  /** A note on the definition of coercion, for a result that read the means. */
  coercionNote: string | null;
}
const provisionWords = new WeakMap<CompiledProvision, ProvisionWords>();

function wordsOf(j: JurisdictionFile, cp: CompiledProvision): ProvisionWords {
  let w = provisionWords.get(cp);
  if (w) return w;
  const p = cp.provision;
  const inst = j.instruments.find((i) => i.id === p.citation.instrument);
  const notes: string[] = [];
  if (inst && !inst.verified) notes.push(`${inst.title}: ${inst.note ?? 'not verified'}`);
  if (!p.verified) notes.push(`${p.id}: ${p.note ?? 'not verified'}`);
  if (p.proof && !p.proof.verified) notes.push(`${p.id} (burden and standard of proof): ${p.proof.note ?? 'not verified'}`);
  const listNotes: string[] = [];
  for (const listId of p.exceptions ?? []) {
    const list = j.exception_lists?.find((l) => l.id === listId);
    if (list && !list.verified) listNotes.push(`${list.title}: ${list.note ?? 'not verified'}`);
  }
  w = {
    citation: `${inst?.title ?? p.citation.instrument}, ${p.citation.section}`,
    url: p.citation.url ?? inst?.url ?? null,
    coercionText: j.coercion.recognises_coercive_control ? '' : `(${j.coercion.citation.section}: ${j.coercion.text})`,
    lists: [...new Set(cp.entries.map((e) => `${e.listTitle}`))].join('; '),
    listCite: [...new Set(cp.entries.map((e) => e.listCite))].join('; '),
    unverifiedOwn: notes,
    unverifiedLists: listNotes,
    coercionNote: j.coercion.verified ? null : `coercion definition: ${j.coercion.note ?? 'not verified'}`,
  };
  provisionWords.set(cp, w);
  return w;
}

/** A provision's result, and the offence-list entries that only a finer statute code can decide (for the code question). */
function explainProvision(j: JurisdictionFile, cp: CompiledProvision, f: EvalFacts, v: ReturnType<typeof fastValues>, cat: Catalogue, wording = true): { result: ProvisionResult; codeEntries: string[] } {
  const p = cp.provision;
  const w = wordsOf(j, cp);
  const outcome = provisionOutcome(v.R, v.E);
  const checks: CheckResult[] = [];
  cp.checks.forEach((check, i) => {
    const tv = v.checks[i]!;
    if (check.code === 'offence-date-window' && tv !== 'F') return; // shown only when it decides
    checks.push({ code: check.code, status: tv === 'T' ? 'met' : tv === 'F' ? 'not-met' : 'unknown', cite: check.cite, reason: wording ? checkReason(check, tv, f, cp, cat, w.coercionText) : '' } as CheckResult);
  });
  const excludedBy: string[] = [];
  // Only the entries that match or may (v.hits); every other entry of the lists is a no.
  const entryExplained = v.hits.map((h) => {
    const e = cp.entries[h.index]!;
    if (!wording) return { e, tv: h.tv, reason: '', unknowns: h.tv !== 'U' ? [] : h.why === 'date-unknown' ? ['offence.date'] : ['offence.code'] };
    return { e, ...explainEntry(e.rule, `${e.entry.label} (${e.cite})`, f) };
  });
  if (cp.entries.length) {
    // Excluded: the entries that exclude it; undetermined: those that may. An entry that only may is beside the point once one does.
    const hits = v.E === 'T' ? entryExplained.filter((x) => x.tv === 'T') : entryExplained;
    for (const h of hits) excludedBy.push(h.e.entry.id);
    checks.push({
      code: 'exception',
      status: v.E === 'T' ? 'not-met' : v.E === 'U' ? 'unknown' : 'met',
      cite: w.listCite,
      reason: !wording ? '' : hits.length ? hits.map((h) => h.reason).join('; ') : `not listed in ${w.lists}`,
    });
  }
  const missing: Missing[] = [];
  const codeDetail: string[] = [];
  if (outcome === 'undetermined') {
    const facts = new Set<string>();
    cp.checks.forEach((check, i) => {
      if (v.checks[i] === 'U') for (const x of checkUnknowns(check, f)) facts.add(x);
    });
    for (const x of entryExplained)
      if (x.tv === 'U') {
        for (const fact of x.unknowns) facts.add(fact);
        if (x.unknowns.includes('offence.code')) codeDetail.push(`${x.e.entry.label} (${x.e.cite})`);
      }
    for (const fact of [...facts].sort()) missing.push(wording ? codeQuestion(fact, cat, codeDetail) : { fact, question: '' });
  }
  const deadline = cp.timeRule
    ? deadlineOf(timeFactsOf(f), cp.timeRule)
    : null;
  const result: ProvisionResult = {
    provision: p.id,
    title: p.title,
    relief: p.relief,
    discretion: p.discretion,
    outcome,
    citation: w.citation,
    url: w.url,
    verified: p.verified,
    unverified: wording ? unverifiedNotes(w, cp, excludedBy, checks.some((c) => c.code === 'means')) : [],
    reasons: wording ? checks.map((c) => `${c.cite}: ${c.reason}`) : [],
    checks,
    missing,
    excludedBy,
    deadline: deadline && deadline !== 'running-not-started' ? deadline : null,
    proof: p.proof ? { burden: p.proof.burden, standard: p.proof.standard } : null,
    assumptions: [],
  };
  return { result, codeEntries: codeDetail };
}

/**
 * Eligible only through a discretionary route: what a mandatory route of the law still needs is listed too,
 * so that a lawyer sees what would turn a power that may be used into a right (a defence, a duty).
 */
function mandatoryStillNeeds(outcome: Outcome, provisions: readonly ProvisionResult[]): Missing[] {
  if (outcome !== 'eligible' || provisions.some((p) => p.outcome === 'eligible' && p.discretion === 'mandatory')) return [];
  return provisions.filter((p) => p.outcome === 'undetermined' && p.discretion === 'mandatory').flatMap((p) => p.missing);
}

/** The question for a missing fact; the statute-code question names the entries a finer code decides. */
function codeQuestion(fact: string, cat: Catalogue, codeEntries: readonly string[]): Missing {
  return missingFact(fact, cat, fact === 'offence.code' && codeEntries.length ? `It may fall under: ${codeEntries.join('; ')}.` : undefined);
}

/** Every piece of law the result relied on whose wording was not checked against a source. */
function unverifiedNotes(w: ProvisionWords, cp: CompiledProvision, excludedBy: string[], usedMeans: boolean): string[] {
  const notes = [...w.unverifiedOwn];
  if (usedMeans && w.coercionNote) notes.push(w.coercionNote);
  notes.push(...w.unverifiedLists);
  if (excludedBy.length)
    for (const ce of cp.entries) if (!ce.entry.verified && excludedBy.includes(ce.entry.id)) notes.push(`${ce.entry.label} (${ce.cite}): ${ce.entry.note ?? 'not verified'}`);
  return notes;
}

function summariseOffence(o: OffenceFacts, f: EvalFacts, provisions: ProvisionResult[], codeEntries: readonly string[], cat: Catalogue, wording = true): Unresolved {
  const byRelief: Partial<Record<Relief, Outcome>> = {};
  for (const relief of RELIEFS) {
    const best = bestOutcome(provisions.filter((p) => p.relief === relief).map((p) => p.outcome));
    if (best) byRelief[relief] = best;
  }
  const outcome = bestOutcome(Object.values(byRelief)) ?? 'not-eligible';
  const missing = new Map<string, Missing>();
  if (outcome === 'undetermined')
    for (const p of provisions) if (p.outcome === 'undetermined') for (const m of p.missing) if (!missing.has(m.fact)) missing.set(m.fact, m);
  for (const m of mandatoryStillNeeds(outcome, provisions)) if (!missing.has(m.fact)) missing.set(m.fact, m);
  // The code question names the entries of every undetermined provision, not only of the first that asks it.
  if (wording && missing.has('offence.code')) missing.set('offence.code', codeQuestion('offence.code', cat, codeEntries));
  const deadlines = provisions
    .filter((p) => p.deadline && (p.outcome === 'eligible' || p.outcome === 'undetermined'))
    .map((p) => p.deadline!)
    .sort();
  return {
    offence: o.id,
    label: o.label ?? null,
    category: o.category,
    code: o.code ?? null,
    disposition: f.disposition,
    outcome,
    byRelief,
    provisions,
    missing: [...missing.values()].sort((a, b) => (a.fact < b.fact ? -1 : 1)),
    deadline: deadlines[0] ?? null,
  };
}
