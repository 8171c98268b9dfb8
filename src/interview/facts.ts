/**
 * The facts an interview can ask or be told, by the ids the report's `missing` uses (`offence.nexus`,
 * `answers.no-realistic-alternative`, `trafficking.means`, …), with the offence they belong to where
 * they are per offence. Reading an answer from text, putting it into a case, and the answers worth trying
 * when asking whether a fact can still change anything. No I/O.
 */
import type { CaseFile, OffenceFacts } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import { addPeriod, ageOn, isIsoDate } from '../law/dates.js';
import { ANCILLARY_SUFFIXES } from '../engine/provisions.js';
import { suggest } from '../load/problems.js';
import { DISPOSITIONS, DOMAINS, FORMS, IDENTIFICATIONS, NEXUS, RELATIONSHIPS } from '../vocabulary.js';

export type FactKind = 'boolean' | 'date' | 'end-date' | 'enum' | 'list' | 'code' | 'text' | 'id';

export interface FactSpec {
  /** The id as `missing` names it, e.g. `offence.nexus`, `answers.due-diligence`, `trafficking.means`. */
  fact: string;
  scope: 'case' | 'offence';
  kind: FactKind;
  /** For enum and list facts: the accepted ids. */
  values?: readonly string[];
  /** What the fact is, in a few words (for prompts and the README's table). */
  label: string;
}

/** Every fact of the case file, in catalogue order: the order ties are broken in. */
export function factSpecs(cat: Catalogue): FactSpec[] {
  const c = (fact: string, kind: FactKind, label: string, values?: readonly string[]): FactSpec => ({ fact, scope: 'case', kind, label, ...(values ? { values } : {}) });
  const o = (fact: string, kind: FactKind, label: string, values?: readonly string[]): FactSpec => ({ fact, scope: 'offence', kind, label, ...(values ? { values } : {}) });
  return [
    c('case.id', 'id', 'case reference'),
    c('case.as_of', 'date', 'date of evaluation'),
    c('case.jurisdiction', 'enum', 'default law for every offence', cat.jurisdictions),
    c('person.birth_date', 'date', 'date of birth'),
    c('trafficking.victim', 'boolean', 'is or was a victim of trafficking'),
    c('trafficking.forms', 'list', 'forms of exploitation', FORMS),
    c('trafficking.means', 'list', 'means of control', cat.means.map((m) => m.id)),
    c('trafficking.coercive_control', 'list', 'elements of coercive control', cat.coerciveControl.map((m) => m.id)),
    c('trafficking.identification', 'enum', 'identification as a victim', IDENTIFICATIONS),
    c('trafficking.cooperating_with_authorities', 'boolean', 'cooperating with the authorities'),
    c('trafficking.period.start', 'date', 'when the trafficking began'),
    c('trafficking.period.end', 'end-date', 'when the trafficking ended (or ongoing)'),
    c('trafficking.relationship', 'enum', 'relationship to the trafficker', RELATIONSHIPS),
    c('person.prior_record', 'boolean', 'other convictions'),
    c('person.substance_dependency', 'boolean', 'a substance dependency'),
    o('offence.category', 'enum', 'kind of offence', cat.categories.map((x) => x.id)),
    o('offence.label', 'text', 'description of the offence'),
    o('offence.statute', 'text', 'statute as cited'),
    o('offence.code', 'code', 'statute code'),
    o('offence.date', 'date', 'date of the offence'),
    o('offence.disposition', 'enum', 'stage', DISPOSITIONS),
    o('offence.nexus', 'enum', 'link to the trafficking', NEXUS),
    o('offence.conviction_date', 'date', 'date of conviction'),
    o('offence.domain', 'enum', 'domain', DOMAINS),
    o('offence.jurisdiction', 'enum', 'law of this offence', cat.jurisdictions),
    ...cat.questions.map((q) => o(`answers.${q.id}`, 'boolean', q.id)),
  ];
}

/** A fact of one case: which fact, and for a per-offence fact, which offence. */
export interface FactKey {
  fact: string;
  offence?: string;
}

/** `o1:offence.nexus` for a per-offence fact, `person.birth_date` for the others. */
export function keyString(k: FactKey): string {
  return k.offence ? `${k.offence}:${k.fact}` : k.fact;
}

/** Read a key as written on a `fact=value` line; a per-offence fact needs its offence unless the case has one offence. */
export function parseKey(text: string, specs: readonly FactSpec[], offences: readonly string[]): { ok: true; key: FactKey; spec: FactSpec } | { ok: false; reason: string } {
  const m = /^(?:([A-Za-z0-9][A-Za-z0-9-]*):)?([a-z_.0-9-]+)$/.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text.trim()}" is not a fact name (write FACT=VALUE, or OFFENCE:FACT=VALUE for a fact of one offence)` };
  const [, offence, fact] = m as unknown as [string, string | undefined, string];
  const spec = specs.find((s) => s.fact === fact);
  if (!spec) {
    const hint = suggest(fact, specs.map((s) => s.fact));
    return { ok: false, reason: `unknown fact "${fact}"${hint ? `; did you mean "${hint}"?` : ''}` };
  }
  if (spec.scope === 'case') {
    if (offence) return { ok: false, reason: `"${fact}" is a fact of the whole case; write it without "${offence}:"` };
    return { ok: true, key: { fact }, spec };
  }
  if (offence) return { ok: true, key: { fact, offence }, spec };
  if (offences.length === 1) return { ok: true, key: { fact, offence: offences[0]! }, spec };
  return { ok: false, reason: `"${fact}" is a fact of one offence: write OFFENCE:${fact}=VALUE${offences.length ? ` (offences: ${offences.join(', ')})` : ', e.g. o1:' + fact}` };
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/** An answer typed as text: the value, or why it cannot be accepted. Empty text or `?` is "I don't know" (undefined). */
export function parseValue(spec: FactSpec, raw: string, asOf: string): Parsed {
  const t = raw.trim();
  if (t === '' || t === '?') return { ok: true, value: undefined };
  switch (spec.kind) {
    case 'boolean': {
      const l = t.toLowerCase();
      if (YES.has(l)) return { ok: true, value: true };
      if (NO.has(l)) return { ok: true, value: false };
      return { ok: false, reason: `answer yes or no (or ? for "I don't know"), not "${t}"` };
    }
    case 'date':
    case 'end-date': {
      if (spec.kind === 'end-date' && t.toLowerCase() === 'ongoing') return { ok: true, value: 'ongoing' };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: false, reason: `write the date as YYYY-MM-DD${spec.kind === 'end-date' ? ' (or "ongoing")' : ''}, not "${t}"` };
      if (!isIsoDate(t)) return { ok: false, reason: `${t} is not a real calendar date` };
      if (spec.fact !== 'case.as_of' && t > asOf) return { ok: false, reason: `${t} is after the date of evaluation (${asOf})` };
      if (spec.fact === 'person.birth_date') {
        const age = ageOn(t, asOf);
        if (age > 120) return { ok: false, reason: `a birth date of ${t} gives an age of ${age} on ${asOf}; check the year` };
      }
      return { ok: true, value: t };
    }
    case 'enum': {
      if (spec.values!.includes(t)) return { ok: true, value: t };
      const hint = suggest(t, spec.values!);
      return { ok: false, reason: `"${t}" is not one of: ${spec.values!.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}` };
    }
    case 'list': {
      if (t.toLowerCase() === 'none') return { ok: true, value: [] };
      const items = [...new Set(t.split(/[,\s]+/).filter(Boolean))];
      const bad = items.find((x) => !spec.values!.includes(x));
      if (bad !== undefined) {
        const hint = suggest(bad, spec.values!);
        return { ok: false, reason: `"${bad}" is not one of: ${spec.values!.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}; write "none" for none` };
      }
      return { ok: true, value: items };
    }
    case 'code':
      if (!/^[a-z0-9][a-z0-9-]*$/.test(t) || t.length > 120) return { ok: false, reason: `statute codes use lowercase letters, digits and dashes (e.g. mda-1971-s5-3), not "${t}"` };
      return { ok: true, value: t };
    case 'id':
      if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(t) || t.length > 100) return { ok: false, reason: `use letters, digits and dashes only, not "${t}"` };
      return { ok: true, value: t };
    case 'text':
      if (t.length > 500) return { ok: false, reason: 'at most 500 characters' };
      return { ok: true, value: t };
  }
}

type Obj = Record<string, unknown>;

function offenceOf(c: CaseFile, id: string | undefined): OffenceFacts | undefined {
  return c.offences.find((o) => o.id === id);
}

/** The value of a fact in the case; undefined when it is unknown. */
export function getFact(c: CaseFile, k: FactKey): unknown {
  const [head, ...rest] = k.fact.split('.');
  if (head === 'case') return (c as unknown as Obj)[rest[0]!];
  if (head === 'person') return (c.person as Obj | undefined)?.[rest[0]!];
  if (head === 'trafficking') {
    if (rest[0] === 'period') {
      const p = c.trafficking?.period;
      if (rest[1] === 'end' && p && p.end === undefined) return 'ongoing';
      return (p as Obj | undefined)?.[rest[1]!];
    }
    return (c.trafficking as Obj | undefined)?.[rest[0]!];
  }
  const o = offenceOf(c, k.offence) as Obj | undefined;
  if (head === 'answers') return (o?.['answers'] as Obj | undefined)?.[rest[0]!];
  return o?.[rest[0]!];
}

/** A copy of the case with the fact set (undefined: unknown again). A per-offence fact of a new offence adds the offence. */
export function setFact(c: CaseFile, k: FactKey, value: unknown): CaseFile {
  const out = structuredClone(c) as unknown as Obj;
  const put = (o: Obj, key: string) => {
    if (value === undefined) delete o[key];
    else o[key] = structuredClone(value);
  };
  const [head, ...rest] = k.fact.split('.');
  if (head === 'case') put(out, rest[0]!);
  else if (head === 'person') put((out['person'] ??= {}) as Obj, rest[0]!);
  else if (head === 'trafficking') {
    const t = (out['trafficking'] ??= {}) as Obj;
    if (rest[0] === 'period') {
      const p = (t['period'] ??= {}) as Obj;
      if (rest[1] === 'end' && value === 'ongoing') delete p['end'];
      else if (rest[1] === 'end' && value === undefined) {
        // Unknown again: without an end, a period reads as ongoing, so drop a period that has nothing else.
        delete p['end'];
        if (p['start'] === undefined) delete t['period'];
      } else put(p, rest[1]!);
    } else put(t, rest[0]!);
  } else {
    const offences = out['offences'] as Obj[];
    let o = offences.find((x) => x['id'] === k.offence);
    if (!o) offences.push((o = { id: k.offence, category: 'other' }));
    if (head === 'answers') {
      const a = (o['answers'] ??= {}) as Obj;
      put(a, rest[0]!);
      if (!Object.keys(a).length) delete o['answers'];
    } else put(o, rest[0]!);
  }
  for (const part of ['person', 'trafficking'] as const) if (out[part] && !Object.keys(out[part] as Obj).length) delete out[part];
  return out as unknown as CaseFile;
}

/** The facts a report's `missing` names for one offence, as keys of this case. */
export function keyOfMissing(fact: string, offence: string): FactKey {
  return fact.startsWith('offence.') || fact.startsWith('answers.') ? { fact, offence } : { fact };
}

/** Every date a law names (the days its provisions and entries start and stop), and the day before each. */
export function lawDates(files: readonly JurisdictionFile[]): string[] {
  const dates = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && key !== 'checked' && isIsoDate(v)) {
      dates.add(v);
      dates.add(addPeriod(v, { days: -1 }));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const f of files) walk(f, '');
  return [...dates].sort();
}

/** Every statute code a law names (lists, offence table, ancillary forms), and one it names nowhere. */
export function lawCodes(files: readonly JurisdictionFile[]): string[] {
  const codes = new Set<string>();
  for (const f of files) {
    for (const l of f.exception_lists ?? [])
      for (const e of l.entries) {
        for (const x of [...(e.codes ?? []), ...(e.ambiguous_codes ?? []), ...(e.except_codes ?? [])]) codes.add(x);
        if (e.ancillary) for (const x of e.codes ?? []) for (const s of ANCILLARY_SUFFIXES) codes.add(`${x}-${s}`);
      }
    for (const o of f.offences ?? []) codes.add(o.code);
  }
  codes.add('zz-listed-nowhere');
  return [...codes].sort();
}

/**
 * The answers worth trying to learn whether a fact can still change an outcome: every value of a closed
 * vocabulary; for lists, none, each one alone, and all; for dates, the days the laws turn on and the ages
 * and periods they count, either side; for codes, every code the laws name and one they do not.
 */
export function candidateValues(spec: FactSpec, k: FactKey, c: CaseFile, asOf: string, dates: readonly string[], codes: readonly string[]): unknown[] {
  switch (spec.kind) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return [...spec.values!];
    case 'list':
      return [[], ...spec.values!.map((v) => [v]), [...spec.values!]];
    case 'code':
      return [...codes];
    case 'text':
    case 'id':
      return [];
    case 'date':
    case 'end-date': {
      const out = new Set<string>(dates.filter((d) => d <= asOf));
      const refs = [asOf, ...c.offences.flatMap((o) => [o.date, o.conviction_date].filter((x): x is string => !!x))];
      const spans = spec.fact === 'person.birth_date' ? [10, 12, 13, 14, 15, 16, 17, 18, 19, 21, 25, 40, 70] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25];
      for (const r of refs)
        for (const y of spans)
          for (const d of [-1, 0, 1]) {
            const x = addPeriod(r, { years: -y, days: d });
            if (x <= asOf && isIsoDate(x)) out.add(x);
          }
      if (c.person?.birth_date) for (const y of [10, 12, 14, 16, 17, 18, 21]) for (const d of [-1, 0, 1]) out.add(addPeriod(c.person.birth_date, { years: y, days: d }));
      const all = [...out].filter((d) => d <= asOf).sort();
      return spec.kind === 'end-date' ? ['ongoing', ...all] : all;
    }
  }
}
