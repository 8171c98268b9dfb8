/**
 * The case file's JSON Schema for editors and other tools: the zod schema exported, then documented — a
 * title and description on every property, each enum value explained (in the description, and as
 * `enumDescriptions`, which editors such as VS Code show beside each value), `format: date` on dates,
 * examples. The annotations change nothing that validates.
 */
import { z } from 'zod';
import { caseSchema } from './case.js';
import type { Catalogue } from './catalogue.js';

type Json = Record<string, unknown>;

const NEXUS: Record<string, string> = {
  compelled: 'the person was compelled to commit the offence (the strongest link; satisfies every weaker requirement)',
  'direct-consequence': 'the offence was a direct consequence of being trafficked',
  'result-of': 'the offence was committed as a result of being trafficked',
  connected: 'the offence is only connected with the trafficking',
  none: 'no link between the trafficking and the offence',
};
const DISPOSITION: Record<string, string> = {
  investigation: 'a suspect, not charged',
  charged: 'charged; prosecution pending',
  convicted: 'convicted',
  'arrest-record': 'an arrest or charge on record, no conviction',
  penalty: 'an administrative, civil or immigration penalty, or detention',
};
const DOMAIN: Record<string, string> = {
  criminal: 'a criminal offence',
  immigration: 'an immigration breach',
  administrative: 'an administrative violation',
  civil: 'a civil liability',
};
const FORMS: Record<string, string> = {
  'sexual-exploitation': 'sexual exploitation',
  'forced-labour': 'forced labour or services',
  'forced-criminality': 'forced criminality (made to commit offences)',
  'domestic-servitude': 'domestic servitude',
  'forced-marriage': 'forced marriage',
  'forced-begging': 'forced begging',
  'organ-removal': 'removal of organs',
  other: 'another form of exploitation',
};
const RELATIONSHIP: Record<string, string> = {
  'intimate-partner': 'an intimate partner',
  family: 'a family member',
  employer: 'an employer',
  acquaintance: 'an acquaintance',
  stranger: 'a stranger',
};
const IDENTIFICATION: Record<string, string> = {
  none: 'not identified as a victim',
  self: 'self-identified only',
  ngo: 'identified by a non-governmental organisation',
  'reasonable-grounds': 'a reasonable-grounds decision (e.g. the UK National Referral Mechanism)',
  'conclusive-grounds': 'a conclusive-grounds decision',
  'official-documentation': 'official documentation of victim status (e.g. a certification or visa)',
  'court-finding': 'a court has found the person to be a victim',
};

const UNKNOWN = 'Leave it out when it is not known: a fact left out is unknown, never false.';

function explained(values: Record<string, string>): { text: string; enumDescriptions: (order: readonly unknown[]) => string[] } {
  return {
    text: Object.entries(values).map(([k, v]) => `${k}: ${v}`).join('; '),
    enumDescriptions: (order) => order.map((k) => values[String(k)] ?? String(k)),
  };
}

/** The JSON Schema of a case file, documented. */
export function caseJsonSchema(cat: Catalogue): Json {
  const s = z.toJSONSchema(caseSchema(cat), { unrepresentable: 'any' }) as Json;
  const props = (o: unknown) => (o as { properties: Record<string, Json> }).properties;
  const doc = (o: Json, title: string, description: string, extra: Json = {}) => Object.assign(o, { title, description, ...extra });
  const enumDoc = (o: Json, values: Record<string, string>) => {
    const target = (o['items'] as Json | undefined) ?? o;
    const e = explained(values);
    target['enumDescriptions'] = e.enumDescriptions(target['enum'] as unknown[]);
    return e.text;
  };
  const date = (o: Json, title: string, description: string, example: string) => doc(o, title, description, { format: 'date', examples: [example] });

  doc(s, 'nonpunishment case file, version 1', 'The facts of one case: the person, the trafficking, and each offence. Extra keys are an error, so that a typo never silently becomes an unknown fact.');
  s['examples'] = [{ id: 'maria', as_of: '2026-11-28', jurisdiction: 'gb-ew', person: { birth_date: '2004-02-11' }, trafficking: { victim: true, means: ['threat'] }, offences: [{ id: 'o1', category: 'drug-supply', date: '2024-05-02', disposition: 'charged', nexus: 'compelled' }] }];
  const top = props(s);
  doc(top['id']!, 'Case reference', 'Letters, digits and dashes; shown on every report and memo. Use a reference, not the person\'s name.', { examples: ['maria', 'client-2026-014'] });
  date(top['as_of']!, 'Date of evaluation', 'The date the law is read at for post-conviction relief and time limits. Default: today (give it, so that a report can be reproduced).', '2026-11-28');
  doc(top['jurisdiction']!, 'Default law', `The jurisdiction or instrument every offence is read under unless it names its own (\`nonpunishment jurisdictions\` lists them). One of: ${cat.jurisdictions.join(', ')}.`, { examples: ['gb-ew'] });

  const person = top['person']!;
  doc(person, 'The person', 'Facts about the person. ' + UNKNOWN);
  const pp = props(person);
  date(pp['birth_date']!, 'Date of birth', 'The age at each offence is derived from it (children need no means under most laws).', '2004-02-11');
  doc(pp['prior_record']!, 'Other convictions', 'Whether the person has other convictions. No provision may use it unless its law says so (A/79/322 para 28: no "perfect victim" test).', { examples: [true] });
  doc(pp['substance_dependency']!, 'Substance dependency', 'Whether the person has a substance dependency. Likewise never held against the person unless a law says so.', { examples: [true] });

  const t = top['trafficking']!;
  doc(t, 'The trafficking', 'What the person was subjected to. ' + UNKNOWN);
  const tp = props(t);
  doc(tp['victim']!, 'Victim of trafficking', 'true: the person is, or was, a victim of trafficking, slavery or exploitation; false: the case says they are not.', { examples: [true] });
  doc(tp['forms']!, 'Forms of exploitation', `Every form the person was subjected to. ${enumDoc(tp['forms']!, FORMS)}.`, { examples: [['sexual-exploitation', 'forced-criminality']] });
  const period = tp['period']!;
  doc(period, 'Period of the trafficking', 'When it began and ended; with no end, it is still ongoing (a time limit from its end has not started).', { examples: [{ start: '2019-06-01', end: '2022-01-05' }] });
  date(props(period)['start']!, 'Start of the trafficking', 'The first day of the trafficking, as far as known.', '2019-06-01');
  date(props(period)['end']!, 'End of the trafficking', 'The day it ended. Leave it out while it is ongoing.', '2022-01-05');
  const means = Object.fromEntries(cat.means.map((m) => [m.id, m.label]));
  doc(tp['means']!, 'Means of control', `The means used on the person (Palermo Protocol art. 3(a)). \`means: []\` says that none was used; leaving \`means\` out says it is not known. ${enumDoc(tp['means']!, means)}.`, { examples: [['threat', 'debt-bondage'], []] });
  const cc = Object.fromEntries(cat.coerciveControl.map((m) => [m.id, m.label]));
  doc(tp['coercive_control']!, 'Elements of coercive control', `Elements of coercive control present (A/79/322 paras 29, 57(b)); a law whose definition of coercion recognises coercive control counts them as means. \`[]\` says none; left out, not known. ${enumDoc(tp['coercive_control']!, cc)}.`, { examples: [['isolation', 'monitoring']] });
  doc(tp['relationship']!, 'Relationship to the trafficker', `Who controlled the person. ${enumDoc(tp['relationship']!, RELATIONSHIP)}.`, { examples: ['intimate-partner'] });
  doc(tp['identification']!, 'Identification as a victim', `How, if at all, the person has been identified as a victim. ${enumDoc(tp['identification']!, IDENTIFICATION)}.`, { examples: ['reasonable-grounds'] });
  doc(tp['cooperating_with_authorities']!, 'Cooperating with the authorities', 'Whether the person is cooperating with the police or prosecution (some laws make relief depend on it, which A/79/322 para 57(f) says they should not).', { examples: [false] });

  const offences = top['offences']!;
  doc(offences, 'Offences', 'Each offence the person is suspected of, charged with, convicted of, or penalised for: at least one.');
  const item = offences['items'] as Json;
  doc(item, 'An offence', 'One offence and its facts. ' + UNKNOWN);
  const op = props(item);
  doc(op['id']!, 'Offence id', 'Unique in the case; letters, digits and dashes.', { examples: ['o1', 'shoplifting'] });
  doc(op['label']!, 'Description', 'In a few words, what happened.', { examples: ['Possession of a false identity document'] });
  const categories = Object.fromEntries(cat.categories.map((c) => [c.id, `${c.label} (${c.domain}${c.violent ? ', violent' : ''})`]));
  doc(op['category']!, 'Kind of offence', `An offence category of rules/offence-categories.yaml. ${enumDoc(op['category']!, categories)}.`, { examples: ['false-documents'] });
  doc(op['statute']!, 'Statute as cited', 'Free text, as the charge or record cites it.', { examples: ['Identity Documents Act 2010 s.6'] });
  doc(op['code']!, 'Statute code', "Lowercase with dashes (<act>-<year>-s<section>[-<subsection>][-<qualifier>]); matched against a law's offence table and exception lists. Where a list names only part of a section, a finer code decides.", { examples: ['ida-2010-s6', 'mda-1971-s5-3', 'tha-1968-s9-steal'] });
  doc(op['jurisdiction']!, 'Law of this offence', 'Overrides the case default for this offence.', { examples: ['gb-sct'] });
  doc(op['domain']!, 'Domain', `Default: the category's domain. ${enumDoc(op['domain']!, DOMAIN)}.`, { examples: ['immigration'] });
  date(op['date']!, 'Date of the offence', 'Defences are read at this date (not retrospective). When it is not known, it is still bounded by the birth date, the conviction and the date of evaluation.', '2021-03-01');
  date(op['conviction_date']!, 'Date of conviction', 'Where a time limit runs from the conviction.', '2021-06-01');
  doc(op['disposition']!, 'Stage', `Where the offence stands; a relief is offered only at the stages it fits. ${enumDoc(op['disposition']!, DISPOSITION)}.`, { examples: ['charged'] });
  doc(op['nexus']!, 'Link to the trafficking', `How the offence is linked to the trafficking, strongest first; a stronger link satisfies any weaker requirement. ${enumDoc(op['nexus']!, NEXUS)}.`, { examples: ['compelled'] });
  const answers = op['answers']!;
  doc(answers, 'Answers to the law\'s questions', 'Yes (true) or no (false) to questions of the shared catalogue (rules/questions.yaml) that some provisions ask. Left out: not known.', { examples: [{ 'no-realistic-alternative': true }] });
  answers['properties'] = Object.fromEntries(cat.questions.map((q) => [q.id, { type: 'boolean', title: q.id, description: `${q.text} (Asked by: ${q.used_by}.)`, examples: [true] }]));
  return s;
}
