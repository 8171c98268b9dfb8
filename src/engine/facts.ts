/**
 * The facts one offence presents to one jurisdiction's provisions, derived from the case file.
 * Unknown is `null` — never false. Ages are derived from the birth date at the offence date.
 */
import { ageOn } from '../law/dates.js';
import type { CaseFile, OffenceFacts } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import { categoryById } from '../schema/catalogue.js';
import type { Disposition, Domain, Identification, Nexus } from '../vocabulary.js';

export interface EvalFacts {
  disposition: Disposition | null;
  domain: Domain;
  category: string;
  code: string | null;
  offenceDate: string | null;
  /**
   * When the offence date is unknown, the dates it must lie between: not before the birth date, not after
   * the conviction or the date of evaluation. When it is known, both ends are that date.
   */
  offenceWhen: OffenceWhen;
  convictionDate: string | null;
  asOf: string;
  birthDate: string | null;
  age: number | null;
  /** The ages the person can have been at the offence (both ends equal when the age is known; null = no bound). */
  ageSpan: AgeSpan;
  victim: boolean | null;
  forms: string[] | null;
  means: string[] | null;
  coerciveControl: string[] | null;
  nexus: Nexus | null;
  identification: Identification | null;
  cooperating: boolean | null;
  /** End of the trafficking period; `ongoing` when a period is given without an end. */
  traffickingEnd: string | 'ongoing' | null;
  answers: Record<string, boolean>;
}

export interface OffenceWhen {
  earliest: string | null;
  latest: string;
  /** What fixes the latest date: the offence date itself, the conviction, or the date of evaluation. */
  latestBy: 'offence' | 'conviction' | 'as-of';
}
export interface AgeSpan {
  min: number | null;
  max: number | null;
}

export function offenceWhen(date: string | null, birth: string | null, conviction: string | null, asOf: string): OffenceWhen {
  if (date !== null) return { earliest: date, latest: date, latestBy: 'offence' };
  const byConviction = conviction !== null && conviction < asOf;
  return { earliest: birth, latest: byConviction ? conviction : asOf, latestBy: byConviction ? 'conviction' : 'as-of' };
}

export function ageSpanOf(birth: string | null, when: OffenceWhen): AgeSpan {
  if (birth === null) return { min: null, max: null };
  return { min: ageOn(birth, when.earliest ?? birth), max: ageOn(birth, when.latest) };
}

export function offenceFacts(c: CaseFile, o: OffenceFacts, asOf: string, cat: Catalogue): EvalFacts {
  const category = categoryById(cat, o.category);
  const birth = c.person?.birth_date;
  const t = c.trafficking;
  const period = t?.period;
  const when = offenceWhen(o.date ?? null, birth ?? null, o.conviction_date ?? null, asOf);
  return {
    disposition: o.disposition ?? null,
    domain: (o.domain ?? category?.domain ?? 'criminal') as Domain,
    category: o.category,
    code: o.code ?? null,
    offenceDate: o.date ?? null,
    offenceWhen: when,
    convictionDate: o.conviction_date ?? null,
    asOf,
    birthDate: birth ?? null,
    age: birth && o.date ? ageOn(birth, o.date) : null,
    ageSpan: ageSpanOf(birth ?? null, when),
    victim: t?.victim ?? null,
    forms: t?.forms ? [...t.forms].sort() : null,
    means: t?.means ? [...t.means].sort() : null,
    coerciveControl: t?.coercive_control ? [...t.coercive_control].sort() : null,
    nexus: o.nexus ?? null,
    identification: t?.identification ?? null,
    cooperating: t?.cooperating_with_authorities ?? null,
    traffickingEnd: period ? (period.end ?? 'ongoing') : null,
    answers: { ...(o.answers ?? {}) } as Record<string, boolean>,
  };
}
