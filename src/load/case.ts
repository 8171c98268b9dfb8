/** Reading a case file (YAML or JSON text) into a validated case, or located problems. No file I/O here. */
import { caseSchema, type CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import { issuesToProblems } from './issues.js';
import { type PathSegment, type Problem, ProblemList } from './problems.js';
import { parseSource, problemAt, type Source } from './source.js';

export type Loaded<T> = { ok: true; value: T; source: Source } | { ok: false; problems: Problem[] };

export function parseCase(file: string, text: string, cat: Catalogue): Loaded<CaseFile> {
  const parsed = parseSource(file, text);
  if (!parsed.ok) return parsed;
  return validateCase(parsed.source, cat);
}

export function validateCase(source: Source, cat: Catalogue): Loaded<CaseFile> {
  const result = caseSchema(cat).safeParse(source.value);
  if (!result.success) return { ok: false, problems: issuesToProblems(source, result.error.issues, caseSchema(cat)) };
  const c = result.data;
  const problems = new ProblemList();
  const seen = new Map<string, number>();
  c.offences.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined)
      problems.add(() => problemAt(source, ['offences', i, 'id'], 'case.duplicate-offence', `offence id "${o.id}" is used twice (first at offences[${first}])`));
    else seen.set(o.id, i);
  });
  dateContradictions(source, c, c.as_of ? { date: c.as_of, origin: 'as_of' } : undefined, false, problems);
  if (problems.length) return { ok: false, problems: problems.done() };
  return { ok: true, value: c, source };
}

/** The date a case is evaluated on, and where it came from (named in a contradiction). */
export interface EvaluationDate {
  date: string;
  origin: 'as_of' | '--as-of' | 'today';
}

const ORIGIN_WORDS: Record<EvaluationDate['origin'], string> = {
  as_of: 'as_of',
  '--as-of': '--as-of (the date of evaluation given on the command line)',
  today: 'today (the date of evaluation: the case gives no as_of)',
};

/**
 * Dates that cannot all be true: a fact before the birth date, a conviction before its offence, a trafficking
 * period that ends before it starts, and (given the date of evaluation) a fact after it. Each field is
 * reported once, on the field, naming the fact it contradicts; birth, then each offence, then the period.
 */
function dateContradictions(source: Source, c: CaseFile, when: EvaluationDate | undefined, onlyAgainstWhen: boolean, problems: ProblemList): void {
  const at = (path: PathSegment[], message: string) => problems.add(() => problemAt(source, path, 'case.date-order', message));
  const after = (what: string, value: string | undefined): string | undefined => {
    if (!when || !value || value <= when.date) return undefined;
    return `${what} ${value} is after ${when.origin === 'as_of' ? `as_of ${when.date}` : `${when.date}, ${ORIGIN_WORDS[when.origin]}`}`;
  };
  const first = (path: PathSegment[], ...found: (string | false | undefined)[]) => {
    const message = found.find((m): m is string => typeof m === 'string');
    if (message) at(path, message);
  };
  const both = !onlyAgainstWhen;
  const birth = c.person?.birth_date;
  first(['person', 'birth_date'], after('birth date', birth));
  c.offences.forEach((o, i) => {
    first(['offences', i, 'date'], both && !!o.date && !!birth && o.date < birth && `offence date ${o.date} is before the birth date ${birth}`, after('offence date', o.date));
    first(
      ['offences', i, 'conviction_date'],
      both && !!o.conviction_date && !!o.date && o.conviction_date < o.date && `conviction date ${o.conviction_date} is before the offence date ${o.date}`,
      both && !!o.conviction_date && !!birth && o.conviction_date < birth && `conviction date ${o.conviction_date} is before the birth date ${birth}`,
      after('conviction date', o.conviction_date),
    );
  });
  const period = c.trafficking?.period;
  first(['trafficking', 'period', 'start'], both && !!period?.start && !!birth && period.start < birth && `trafficking period starts (${period.start}) before the birth date ${birth}`, after('trafficking period start', period?.start));
  first(
    ['trafficking', 'period', 'end'],
    both && !!period?.start && !!period.end && period.end < period.start && `trafficking period ends (${period.end}) before it starts (${period.start})`,
    both && !period?.start && !!period?.end && !!birth && period.end < birth && `trafficking period ends (${period.end}) before the birth date ${birth}`,
    after('trafficking period end', period?.end),
  );
}

/**
 * Facts dated after the date of evaluation when it is not the case's own as_of (which the loader checks):
 * an --as-of earlier than an offence is as impossible as an as_of earlier than it; so is a future date
 * when the case is evaluated today.
 */
export function againstEvaluationDate(source: Source, c: CaseFile, when: EvaluationDate): Problem[] {
  const problems = new ProblemList();
  dateContradictions(source, c, when, true, problems);
  return problems.done();
}

/** Offences no law can be found for when no --jurisdiction/--all is given: each located on the offence. */
export function withoutJurisdiction(source: Source, c: CaseFile): Problem[] {
  const problems = new ProblemList();
  if (c.jurisdiction) return [];
  c.offences.forEach((o, i) => {
    if (!o.jurisdiction)
      problems.add(() =>
        problemAt(source, ['offences', i], 'case.no-jurisdiction', `offence "${o.id}" has no jurisdiction and the case names none: add jurisdiction to the case or the offence, or use --jurisdiction ID or --all`),
      );
  });
  return problems.done();
}
