/** Reading a case file (YAML or JSON text) into a validated case, or located problems. No file I/O here. */
import { caseSchema, type CaseFile } from '../schema/case.js';
import type { Catalogue } from '../schema/catalogue.js';
import { issuesToProblems } from './issues.js';
import type { Problem } from './problems.js';
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
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  c.offences.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined)
      problems.push(problemAt(source, ['offences', i, 'id'], 'case.duplicate-offence', `offence id "${o.id}" is used twice (first at offences[${first}])`));
    else seen.set(o.id, i);
    const birth = c.person?.birth_date;
    if (o.date && birth && o.date < birth)
      problems.push(problemAt(source, ['offences', i, 'date'], 'case.date-order', `offence date ${o.date} is before the birth date ${birth}`));
    if (o.date && c.as_of && o.date > c.as_of)
      problems.push(problemAt(source, ['offences', i, 'date'], 'case.date-order', `offence date ${o.date} is after as_of ${c.as_of}`));
    if (o.conviction_date && o.date && o.conviction_date < o.date)
      problems.push(problemAt(source, ['offences', i, 'conviction_date'], 'case.date-order', `conviction date ${o.conviction_date} is before the offence date ${o.date}`));
  });
  const period = c.trafficking?.period;
  if (period?.start && period.end && period.end < period.start)
    problems.push(problemAt(source, ['trafficking', 'period', 'end'], 'case.date-order', `trafficking period ends (${period.end}) before it starts (${period.start})`));
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: c, source };
}
