/** The case file, public contract version 1 (DESIGN.md). A fact left out is unknown, never false. */
import { z } from 'zod';
import { DISPOSITIONS, DOMAINS, FORMS, IDENTIFICATIONS, NEXUS, RELATIONSHIPS } from '../vocabulary.js';
import { enumOf, type Catalogue } from './catalogue.js';
import { codeString, idString, isoDate, text } from './common.js';

const caseSchemaCache = new WeakMap<Catalogue, ReturnType<typeof buildCaseSchema>>();

/** The schema for a catalogue, built once per catalogue (building a zod schema is not free). */
export function caseSchema(cat: Catalogue) {
  let s = caseSchemaCache.get(cat);
  if (!s) caseSchemaCache.set(cat, (s = buildCaseSchema(cat)));
  return s;
}

function buildCaseSchema(cat: Catalogue) {
  const jurisdiction = enumOf(cat.jurisdictions.length ? cat.jurisdictions : ['none']);
  const offence = z.strictObject({
    id: idString.describe('Unique in the case'),
    label: text(500).optional(),
    category: enumOf(cat.categories.map((c) => c.id)).describe('An offence category id from rules/offence-categories.yaml'),
    statute: text(500).optional().describe('Free text, e.g. "Identity Documents Act 2010 s.6"'),
    code: codeString.optional().describe("Matched against a jurisdiction's exception entries, e.g. ida-2010-s6"),
    jurisdiction: jurisdiction.optional().describe('Overrides the case default'),
    domain: z.enum(DOMAINS).optional().describe("Default: the category's domain"),
    date: isoDate.optional().describe('Date of the offence'),
    conviction_date: isoDate.optional().describe('Date of conviction, where a time limit runs from it'),
    disposition: z.enum(DISPOSITIONS).optional(),
    nexus: z.enum(NEXUS).optional(),
    answers: z.partialRecord(enumOf(cat.questions.map((q) => q.id)), z.boolean()).optional(),
  });
  return z
    .strictObject({
      id: idString,
      as_of: isoDate.optional().describe('Date of evaluation; default today'),
      jurisdiction: jurisdiction.optional().describe('Default jurisdiction for every offence'),
      person: z
        .strictObject({
          birth_date: isoDate.optional(),
          prior_record: z.boolean().optional(),
          substance_dependency: z.boolean().optional(),
        })
        .optional(),
      trafficking: z
        .strictObject({
          victim: z.boolean().optional(),
          forms: z.array(z.enum(FORMS)).optional(),
          period: z.strictObject({ start: isoDate.optional(), end: isoDate.optional() }).optional(),
          means: z.array(enumOf(cat.means.map((m) => m.id))).optional(),
          coercive_control: z.array(enumOf(cat.coerciveControl.map((m) => m.id))).optional(),
          relationship: z.enum(RELATIONSHIPS).optional(),
          identification: z.enum(IDENTIFICATIONS).optional(),
          cooperating_with_authorities: z.boolean().optional(),
        })
        .optional(),
      offences: z.array(offence).min(1).max(1000),
    })
    .describe('nonpunishment case file, version 1');
}

export type CaseFile = z.infer<ReturnType<typeof caseSchema>>;
export type OffenceFacts = CaseFile['offences'][number];
