/**
 * Cases built from a provision so that every requirement it states is met — the disposition it covers, a
 * date it is in force for, the domain, an age in its band, victim status, a form it names, a compelled
 * nexus, a means it accepts, every question answered its way, cooperation, an identification it accepts,
 * within its time limit, an offence it covers and no exception it lists — for properties to vary one thing
 * and see what changes. Written from the law file and DESIGN.md's defaults, restated here, not taken from
 * the engine. A provision no case can meet on the test date (in force only later, a time limit from its own
 * commencement long run out) yields a case that does not meet it; the properties count how often theirs did.
 */
import fc from 'fast-check';
import type { CaseFile } from '../../src/schema/case.js';
import type { Catalogue } from '../../src/schema/catalogue.js';
import type { ExceptionEntry, JurisdictionFile, Provision } from '../../src/schema/jurisdiction.js';
import { AS_OF, shiftDays, shiftYears, type LawUnderTest } from './case.js';

/** DESIGN.md: the dispositions each relief answers to, unless a provision lists its own. */
export const DISPOSITIONS_OF: Record<Provision['relief'], readonly string[]> = {
  'non-prosecution': ['investigation', 'charged'],
  defence: ['charged'],
  vacatur: ['convicted', 'arrest-record'],
  expungement: ['convicted', 'arrest-record'],
  sealing: ['convicted', 'arrest-record'],
  appeal: ['convicted'],
  'penalty-relief': ['penalty'],
  mitigation: ['convicted'],
};
/** DESIGN.md: defences and non-prosecution read the law at the offence date; relief after conviction at the date of evaluation. */
export const DATE_BASIS_OF: Record<Provision['relief'], 'offence' | 'as-of'> = {
  'non-prosecution': 'offence',
  defence: 'offence',
  vacatur: 'as-of',
  expungement: 'as-of',
  sealing: 'as-of',
  appeal: 'as-of',
  'penalty-relief': 'as-of',
  mitigation: 'as-of',
};
export const basisOf = (p: Provision) => p.date_basis ?? DATE_BASIS_OF[p.relief];

type Range = { from?: string; to?: string };
const ANCILLARY = 'attempt';

/** The entries of the lists a provision names. */
export function entriesOf(j: JurisdictionFile, listIds: readonly string[] | undefined): { entry: ExceptionEntry; listed: string[] }[] {
  return (j.exception_lists ?? [])
    .filter((l) => (listIds ?? []).includes(l.id))
    .flatMap((l) => l.entries.map((entry) => ({ entry, listed: l.entries.flatMap((x) => x.codes ?? []) })));
}

/** How an offence can certainly fall under an entry: a code, a whole category, or a penalty row; null when no offence can. */
export function offenceUnder(j: JurisdictionFile, e: ExceptionEntry, listed: string[]): { code?: string; category?: string } | null {
  const row = (code: string) => (j.offences ?? []).find((r) => r.code === code);
  if (e.codes?.length) return { code: e.codes[0]!, ...(row(e.codes[0]!) ? { category: row(e.codes[0]!)!.category } : e.category ? { category: e.category } : {}) };
  if (e.ancillary && listed.length) return { code: `${listed[0]!}-${ANCILLARY}`, ...(e.category ? { category: e.category } : {}) };
  if (e.category && e.covers_category) return { category: e.category };
  if (e.rule) {
    const t = e.rule.max_penalty_years_at_least;
    const hit = (j.offences ?? []).find((r) => !(e.except_codes ?? []).includes(r.code) && r.max_penalty_years !== undefined && (r.max_penalty_years === 'life' || (t !== 'life' && r.max_penalty_years >= t)));
    return hit ? { code: hit.code, category: hit.category } : null;
  }
  return null;
}

/** Whether a table row certainly escapes every entry (so that no exception can apply to it). */
function escapes(j: JurisdictionFile, row: NonNullable<JurisdictionFile['offences']>[number], entries: { entry: ExceptionEntry; listed: string[] }[]): boolean {
  return entries.every(({ entry: e, listed }) => {
    if ((e.codes ?? []).includes(row.code) || (e.ambiguous_codes ?? []).includes(row.code)) return false;
    if (e.ancillary && listed.some((c) => row.code.startsWith(`${c}-`))) return false;
    if (e.category && e.category === row.category) return false;
    if (e.rule) {
      if ((e.except_codes ?? []).includes(row.code)) return true;
      const t = e.rule.max_penalty_years_at_least;
      if (row.max_penalty_years === undefined) return false;
      return row.max_penalty_years !== 'life' && t !== 'life' && row.max_penalty_years < t;
    }
    return true;
  });
}

/** The latest day on or before AS_OF inside every range (defences are easiest to meet late: time limits run from the offence). */
function latestDay(ranges: Range[]): string {
  let hi = AS_OF;
  let lo = '2003-01-01';
  for (const r of ranges) {
    if (r.to !== undefined && shiftDays(r.to, -1) < hi) hi = shiftDays(r.to, -1);
    if (r.from !== undefined && r.from > lo) lo = r.from;
  }
  return hi >= lo ? hi : lo <= AS_OF ? lo : AS_OF;
}

export const inside = (d: string, r: Range) => (r.from === undefined || d >= r.from) && (r.to === undefined || d < r.to);

/** Whether an entry can cover an offence at all under the provision's date basis (on or before the test date). */
export function entryCanApply(p: Provision, e: ExceptionEntry): boolean {
  if (!e.in_force) return true;
  if (basisOf(p) === 'as-of') return inside(AS_OF, e.in_force);
  return e.in_force.from === undefined || e.in_force.from <= AS_OF;
}

export interface Built {
  case: CaseFile;
  provision: Provision;
}

/**
 * A case meeting every requirement of `p`, its one offence falling under `under` (an exception entry) if
 * given, else an offence of the law's table no exception of `p` reaches.
 */
export function buildFor(l: LawUnderTest, p: Provision, cat: Catalogue, under?: { entry: ExceptionEntry; listed: string[] }): CaseFile {
  const j = l.file;
  const basis = basisOf(p);
  const ranges: Range[] = [];
  if (basis === 'offence') ranges.push(p.in_force);
  if (p.offence_dates) ranges.push(p.offence_dates);
  const entryWindow = under?.entry.in_force && basis === 'offence' ? under.entry.in_force : undefined;
  if (entryWindow) ranges.push(entryWindow);
  let date = latestDay(ranges);
  // The offence must fall under the entry, in force or not the provision: where the two never overlap, the entry's dates win.
  if (entryWindow && !inside(date, entryWindow)) date = latestDay([entryWindow]);

  let offence: { code?: string; category?: string } | null = null;
  if (under) offence = offenceUnder(j, under.entry, under.listed);
  else {
    const exceptions = entriesOf(j, p.exceptions);
    if (p.offences_covered?.length) {
      for (const c of entriesOf(j, p.offences_covered)) {
        const o = offenceUnder(j, c.entry, c.listed);
        if (o) {
          offence = o;
          break;
        }
      }
    } else {
      const row = (j.offences ?? []).find((r) => (!r.in_force || ((!r.in_force.from || r.in_force.from <= date) && (!r.in_force.to || date < r.in_force.to))) && escapes(j, r, exceptions));
      if (row) offence = { code: row.code, category: row.category };
      else {
        const used = new Set(exceptions.map((x) => x.entry.category));
        offence = { category: cat.categories.find((c) => !used.has(c.id))?.id ?? cat.categories[0]!.id };
      }
    }
  }
  const category = offence?.category ?? (j.offences ?? []).find((r) => r.code === offence?.code)?.category ?? cat.categories[0]!.id;

  const age = p.age?.min ?? (p.age?.max !== undefined ? p.age.max - 1 : 30);
  // 100 days past the birthday: exactly `age` years old on the offence date.
  const birth = shiftDays(shiftYears(date, -age), -100);
  const negative = new Set(p.questions_negative ?? []);
  const means = p.means?.accepted ?? [cat.means[0]!.id];
  return {
    id: 'built-case',
    as_of: AS_OF,
    person: { birth_date: birth },
    trafficking: {
      victim: true,
      forms: [...(p.forms ?? ['forced-criminality'])],
      // A period that has not ended: a time limit from the end of the trafficking has not started to run.
      period: {},
      means: [...means],
      coercive_control: [],
      identification: p.conditions?.identification?.[0] ?? 'court-finding',
      cooperating_with_authorities: true,
    },
    offences: [
      {
        id: 'o1',
        category,
        ...(offence?.code ? { code: offence.code } : {}),
        domain: p.domains[0]!,
        date,
        // Convicted on the test date: a time limit from the conviction has just started.
        conviction_date: AS_OF,
        disposition: (p.dispositions ?? DISPOSITIONS_OF[p.relief])[0]!,
        nexus: 'compelled',
        answers: Object.fromEntries(cat.questions.map((q) => [q.id, !negative.has(q.id)])),
      },
    ] as CaseFile['offences'],
  };
}

/** Whether some offence could meet the provision's dates on the test date (a superseded version cannot). */
export function feasible(p: Provision): boolean {
  if (basisOf(p) === 'as-of') return inside(AS_OF, p.in_force);
  const from = [p.in_force.from, p.offence_dates?.from].filter((d): d is string => d !== undefined).sort().at(-1);
  const to = [p.in_force.to, p.offence_dates?.to].filter((d): d is string => d !== undefined).sort()[0];
  return (from === undefined || from <= AS_OF) && (from === undefined || to === undefined || from < to);
}

/** A law, one of its provisions (one whose dates can be met, where there is one) and a case built to meet it. */
export const lawProvisionCase = (laws: fc.Arbitrary<LawUnderTest>, cat: Catalogue) =>
  laws.chain((l) => {
    const ok = l.file.provisions.filter(feasible);
    return fc.constantFrom(...(ok.length ? ok : l.file.provisions)).map((p) => ({ law: l, provision: p, case: buildFor(l, p, cat) }));
  });
