/**
 * A jurisdiction (or international instrument) file: the law as data. Every provision, exception entry
 * and definition carries a citation and a `verified` flag; unverified wording carries a note.
 * The format is documented in README.md ("Adding a jurisdiction").
 */
import { z } from 'zod';
import {
  BURDENS,
  DATE_BASES,
  DISCRETIONS,
  DISPOSITIONS,
  DOMAINS,
  FORMS,
  IDENTIFICATIONS,
  NEXUS,
  RELIEFS,
  STANDARDS,
  TIME_LIMIT_FROM,
} from '../vocabulary.js';
import { enumOf, type Catalogue } from './catalogue.js';
import { codeString, idString, isoDate, text } from './common.js';

const url = z.string().regex(/^https?:\/\/\S+$/, { message: 'expected an http(s) URL' });

export const citationSchema = z.strictObject({
  instrument: idString.describe('Id of an entry in `instruments`'),
  section: text(300),
  url: url.optional(),
});

/** Fields every piece of law carries: where it comes from and whether its wording was checked. */
const provenance = {
  verified: z.boolean(),
  source: text(1000).optional().describe('Where the wording was read: URL, or repository path @commit'),
  note: text(3000).optional().describe('Required when verified is false: what is unchecked and why'),
};

const dateRange = z.strictObject({ from: isoDate.optional(), to: isoDate.optional().describe('First day no longer covered') });

const attribute = z.strictObject({
  value: z.enum(['yes', 'no', 'partial', 'unknown']),
  citation: citationSchema.optional(),
  ...provenance,
});

const jurisdictionSchemaCache = new WeakMap<Catalogue, ReturnType<typeof buildJurisdictionSchema>>();

/** The schema for a catalogue, built once per catalogue (building a zod schema is not free). */
export function jurisdictionSchema(cat: Catalogue) {
  let s = jurisdictionSchemaCache.get(cat);
  if (!s) jurisdictionSchemaCache.set(cat, (s = buildJurisdictionSchema(cat)));
  return s;
}

function buildJurisdictionSchema(cat: Catalogue) {
  const category = enumOf(cat.categories.map((c) => c.id));
  const question = enumOf(cat.questions.map((q) => q.id));
  const means = enumOf([...cat.means.map((m) => m.id)]);

  const entry = z.strictObject({
    id: idString,
    label: text(500),
    category: category.optional().describe('Offence category the entry falls under'),
    codes: z.array(codeString).optional().describe('Statute codes the entry excludes'),
    covers_category: z.boolean().optional().describe('Every offence of the category is excluded'),
    ambiguous_codes: z.array(codeString).optional().describe('Codes only partly excluded: need a finer code'),
    rule: z
      .strictObject({ max_penalty_years_at_least: z.union([z.number().positive().max(1000), z.literal('life')]) })
      .optional()
      .describe('Rule-based exclusion, read against the `offences` table'),
    except_codes: z.array(codeString).optional().describe('Carve-outs from a rule-based entry'),
    ancillary: z.boolean().optional().describe('Matches attempts, conspiracies, secondary participation and encouraging of every code in the list (code + -attempt, -conspiracy, -secondary, -encouraging)'),
    citation: citationSchema,
    in_force: dateRange.optional(),
    ...provenance,
  });

  const provision = z.strictObject({
    id: idString,
    title: text(300),
    relief: z.enum(RELIEFS),
    dispositions: z.array(z.enum(DISPOSITIONS)).min(1).optional(),
    discretion: z.enum(DISCRETIONS),
    citation: citationSchema,
    text: text(4000).describe("Paraphrase of the test, limb by limb, with the statute's decisive words"),
    limbs: z.record(z.string(), text(300)).optional().describe('Subsection cited for each check (age, nexus, means, …, or a question id)'),
    in_force: dateRange,
    date_basis: z.enum(DATE_BASES).optional(),
    offence_dates: dateRange.optional(),
    age: z.strictObject({ min: z.number().int().min(0).max(120).optional(), max: z.number().int().min(1).max(120).optional() }).optional(),
    forms: z.array(z.enum(FORMS)).min(1).optional(),
    victim_required: z.boolean().optional(),
    nexus: z.enum(NEXUS),
    nexus_words: text(500).optional(),
    means: z
      .strictObject({
        adults: z.enum(['required', 'not-required']),
        children: z.enum(['required', 'not-required']).optional(),
        accepted: z.array(means).min(1).optional(),
      })
      .optional(),
    questions: z.array(question).optional(),
    questions_negative: z.array(question).optional().describe('Questions that must be answered no'),
    questions_rebuttal: z
      .array(question)
      .optional()
      .describe('Questions whose answer "yes" may rebut a presumption: the outcome is then left to the discretion named, never a definite no'),
    presumptions: z
      .array(
        z.strictObject({
          limb: z.enum(['nexus', 'victim', 'means']).describe('The check the presumption meets'),
          identification: z.array(z.enum(IDENTIFICATIONS)).min(1).describe('The kinds of identification that raise it'),
          cite: text(300).describe('The subsection that creates the presumption'),
          rebuttable_by: text(500).describe('What may rebut it, in the law\'s words'),
          ...provenance,
        }),
      )
      .optional()
      .describe('Limbs presumed met from a fact (e.g. official documentation of victim status presumes the nexus)'),
    domains: z.array(z.enum(DOMAINS)).min(1),
    exceptions: z.array(idString).optional().describe('Offence lists whose entries exclude an offence'),
    offences_covered: z.array(idString).optional().describe('Offence lists naming the only offences the provision reaches'),
    conditions: z
      .strictObject({
        cooperation_required: z.boolean().optional(),
        identification: z.array(z.enum(IDENTIFICATIONS)).min(1).optional(),
        time_limit: z
          .strictObject({
            years: z.number().int().min(0).max(100).optional(),
            months: z.number().int().min(0).max(1200).optional(),
            days: z.number().int().min(0).max(36500).optional(),
            from: z.enum(TIME_LIMIT_FROM),
            note: text(1000).optional(),
          })
          .optional(),
      })
      .optional(),
    proof: z
      .strictObject({
        burden: z.enum(BURDENS),
        standard: z.enum(STANDARDS),
        citation: citationSchema.optional(),
        ...provenance,
      })
      .optional(),
    ...provenance,
  });

  return z
    .strictObject({
      id: idString,
      name: text(200),
      kind: z.enum(['jurisdiction', 'instrument']),
      summary: text(3000),
      checked: isoDate.describe('When the file was last checked against its sources'),
      instruments: z
        .array(
          z.strictObject({
            id: idString,
            title: text(300),
            url: url.optional(),
            in_force: isoDate.optional(),
            amendments: z
              .array(
                z.strictObject({ by: text(500), date: isoDate, effect: text(1000), url: url.optional(), ...provenance }),
              )
              .optional(),
            ...provenance,
          }),
        )
        .min(1),
      coercion: z.strictObject({
        recognises_coercive_control: z.boolean(),
        text: text(3000),
        citation: citationSchema,
        ...provenance,
      }),
      attributes: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'attribute names use lowercase letters, digits, _ and -' }), attribute).optional(),
      provisions: z.array(provision).min(1),
      exception_lists: z
        .array(
          z.strictObject({
            id: idString,
            title: text(300),
            citation: citationSchema,
            entries: z.array(entry).min(1),
            ...provenance,
          }),
        )
        .optional(),
      offences: z
        .array(
          z.strictObject({
            code: codeString.describe('Stable code; a finer code extends a coarser one with a dash (mda-1971-s5-2-class-a extends mda-1971-s5-2)'),
            label: text(300),
            statute: text(300).optional().describe('The statute as it is cited (e.g. "Theft Act 1968 s.1")'),
            aliases: z.array(text(300)).max(20).optional().describe('Other ways practitioners write the statute'),
            category: category,
            domain: z.enum(DOMAINS).optional().describe('The domain the offence falls in in this jurisdiction; default the category\'s'),
            max_penalty_years: z
              .union([z.number().positive().max(1000), z.literal('life')])
              .optional()
              .describe('Maximum penalty in years; needed where a rule-based exception reads it'),
            in_force: dateRange.optional().describe('When the offence existed: enacted (from) and repealed (to, first day no longer in force)'),
            citation: citationSchema,
            ...provenance,
          }),
        )
        .optional(),
    })
    .describe('nonpunishment jurisdiction file, version 1');
}

export type JurisdictionFile = z.infer<ReturnType<typeof jurisdictionSchema>>;
export type Provision = JurisdictionFile['provisions'][number];
export type ExceptionList = NonNullable<JurisdictionFile['exception_lists']>[number];
export type ExceptionEntry = ExceptionList['entries'][number];
export type Citation = z.infer<typeof citationSchema>;
export type OffenceRow = NonNullable<JurisdictionFile['offences']>[number];
