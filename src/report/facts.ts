/**
 * The facts of a case as a room reads them: a few labelled lines, "not stated" where a fact is unknown.
 * Returns raw strings (some from the input file): each renderer neutralises them for its medium.
 */
import { ageOn } from '../law/dates.js';
import type { CaseFile, OffenceFacts } from '../schema/case.js';

export interface FactLine {
  label: string;
  value: string;
}

const NOT_STATED = 'not stated';
const yesNo = (v: boolean | undefined) => (v === undefined ? NOT_STATED : v ? 'yes' : 'no');
const list = (v: readonly string[] | undefined) => (v === undefined ? NOT_STATED : v.length ? v.join(', ') : 'none');

export function personFacts(c: CaseFile): FactLine[] {
  const t = c.trafficking ?? {};
  const p = c.person ?? {};
  const dated = c.offences.map((o) => o.date).filter((d): d is string => !!d).sort();
  const born = p.birth_date
    ? `${p.birth_date}${dated.length ? ` (aged ${[...new Set([dated[0]!, dated[dated.length - 1]!].map((d) => ageOn(p.birth_date!, d)))].join('–')} at the offence${dated.length > 1 ? 's' : ''})` : ''}`
    : NOT_STATED;
  return [
    { label: 'Born', value: born },
    { label: 'Prior record', value: yesNo(p.prior_record) },
    { label: 'Substance dependency', value: yesNo(p.substance_dependency) },
    { label: 'Victim of trafficking', value: yesNo(t.victim) },
    { label: 'Forms of exploitation', value: list(t.forms) },
    { label: 'Period', value: t.period ? `${t.period.start ?? 'start not stated'} to ${t.period.end ?? 'ongoing'}` : NOT_STATED },
    { label: 'Means', value: list(t.means) },
    { label: 'Coercive control', value: list(t.coercive_control) },
    { label: 'Relationship to the trafficker', value: t.relationship ?? NOT_STATED },
    { label: 'Identified as a victim', value: t.identification ?? NOT_STATED },
    { label: 'Cooperating with the authorities', value: yesNo(t.cooperating_with_authorities) },
  ];
}

export function offenceTitle(o: OffenceFacts): string {
  return `${o.id}: ${o.label ?? o.category}`;
}

export function offenceFacts(o: OffenceFacts): FactLine[] {
  const answers = Object.entries(o.answers ?? {}).map(([q, v]) => `${q}: ${v ? 'yes' : 'no'}`);
  return [
    { label: 'Category', value: `${o.category}${o.domain ? ` (${o.domain})` : ''}` },
    { label: 'Statute', value: [o.statute, o.code ? `code ${o.code}` : undefined].filter(Boolean).join(', ') || NOT_STATED },
    { label: 'Date', value: o.date ?? NOT_STATED },
    { label: 'Stage', value: `${o.disposition ?? NOT_STATED}${o.conviction_date ? ` (convicted ${o.conviction_date})` : ''}` },
    { label: 'Link to the trafficking', value: o.nexus ?? NOT_STATED },
    { label: 'Answers', value: answers.length ? answers.join('; ') : 'none given' },
  ];
}

/** A changed value as a room reads it. */
export function valueWords(v: unknown): string {
  if (v === null || v === undefined) return NOT_STATED;
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
