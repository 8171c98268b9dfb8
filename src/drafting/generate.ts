/**
 * A small seeded generator of realistic cases for `impact --generate N --seed S`: the same N and S give
 * the same cases on every machine (a deterministic PRNG, mulberry32, never Math.random). Offences lean
 * to the kinds victims are often made to commit; some carry a statute code taken from the laws under
 * comparison (their exception entries and offence tables), so exceptions are exercised. No I/O.
 */
import { caseSchema } from '../schema/case.js';
import type { CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import type { JurisdictionFile } from '../schema/jurisdiction.js';
import { DISPOSITIONS, FORMS, IDENTIFICATIONS, NEXUS, RELATIONSHIPS } from '../vocabulary.js';

/** Every generated case is evaluated on this date, so the cases (and their ages and deadlines) never drift. */
export const GENERATED_AS_OF = '2026-11-28';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFTEN = ['drug-supply', 'drug-production', 'drug-possession', 'drug-importation', 'theft', 'false-documents', 'prostitution', 'illegal-entry', 'unlawful-stay', 'illegal-working', 'fraud', 'begging', 'money-laundering'];

function isoDay(days: number): string {
  return new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}
function dayOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000);
}

export function generateCases(n: number, seed: number, laws: readonly JurisdictionFile[], cat: Catalogue): CaseFile[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const k = 1 + Math.floor(rnd() * max);
    return [...new Set(Array.from({ length: k }, () => pick(xs)))];
  };
  const maybe = <T>(p: number, f: () => T): T | undefined => (rnd() < p ? f() : undefined);
  // Statute codes the laws know, by category: from exception entries and offence tables.
  const codes = new Map<string, string[]>();
  const addCode = (category: string | undefined, code: string) => {
    if (!category) return;
    const list = codes.get(category) ?? [];
    if (!list.includes(code)) list.push(code);
    codes.set(category, list);
  };
  for (const j of laws) {
    for (const l of j.exception_lists ?? []) for (const e of l.entries) for (const c of e.codes ?? []) addCode(e.category, c);
    for (const o of j.offences ?? []) addCode(o.category, o.code);
  }
  for (const list of codes.values()) list.sort();
  const categories = cat.categories.map((c) => c.id);
  const questions = [...new Set(laws.flatMap((j) => j.provisions.flatMap((p) => [...(p.questions ?? []), ...(p.questions_negative ?? [])])))].sort();
  const schema = caseSchema(cat);
  const asOfDay = dayOf(GENERATED_AS_OF);
  const out: CaseFile[] = [];
  for (let i = 0; i < n; i++) {
    const offenceDay = dayOf('2012-01-01') + Math.floor(rnd() * (asOfDay - 200 - dayOf('2012-01-01')));
    const age = 13 + Math.floor(rnd() * 35);
    const birth = isoDay(offenceDay - age * 365 - Math.floor(rnd() * 365));
    const start = offenceDay - Math.floor(rnd() * 900);
    const ended = rnd() < 0.7;
    const offences = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, k) => {
      const category = rnd() < 0.8 ? pick(OFTEN) : pick(categories);
      const known = codes.get(category);
      const date = isoDay(offenceDay + k * Math.floor(rnd() * 60));
      const disposition = pick(DISPOSITIONS);
      const answers = Object.fromEntries(questions.flatMap((q) => (rnd() < 0.6 ? [[q, rnd() < 0.65]] : [])));
      return {
        id: `o${k + 1}`,
        category,
        ...(known && rnd() < 0.5 ? { code: pick(known) } : {}),
        date,
        ...(disposition === 'convicted' ? { conviction_date: isoDay(dayOf(date) + 90 + Math.floor(rnd() * 400)) } : {}),
        disposition,
        ...(rnd() < 0.9 ? { nexus: pick(NEXUS.slice(0, 4)) } : {}),
        ...(Object.keys(answers).length ? { answers } : {}),
      };
    });
    // Keep dates in order: a conviction is never after the evaluation date.
    for (const o of offences) if (o.conviction_date && o.conviction_date > GENERATED_AS_OF) o.conviction_date = GENERATED_AS_OF;
    const raw = {
      id: `gen-${seed}-${i + 1}`,
      as_of: GENERATED_AS_OF,
      person: { birth_date: birth, ...(maybe(0.2, () => true) ? { prior_record: true } : {}) },
      trafficking: {
        victim: rnd() < 0.92,
        forms: some(FORMS.slice(0, 6), 2),
        period: { start: isoDay(start), ...(ended ? { end: isoDay(Math.min(asOfDay, offenceDay + Math.floor(rnd() * 500))) } : {}) },
        ...(rnd() < 0.8 ? { means: some(cat.means.map((m) => m.id), 3) } : {}),
        ...(rnd() < 0.4 ? { coercive_control: some(cat.coerciveControl.map((m) => m.id), 3) } : {}),
        ...(rnd() < 0.5 ? { relationship: pick(RELATIONSHIPS) } : {}),
        ...(rnd() < 0.7 ? { identification: pick(IDENTIFICATIONS) } : {}),
        ...(rnd() < 0.6 ? { cooperating_with_authorities: rnd() < 0.5 } : {}),
      },
      offences,
    };
    out.push(schema.parse(raw));
  }
  return out;
}
