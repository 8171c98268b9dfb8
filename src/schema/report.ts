/** The JSON report, public contract version 1 (DESIGN.md): `--format json`. */
import { z } from 'zod';
import { BURDENS, DISCRETIONS, OUTCOMES, RELIEFS, STANDARDS } from '../vocabulary.js';

export const REPORT_SCHEMA_ID = 'nonpunishment/report@1';

const outcome = z.enum(OUTCOMES);

export const missingSchema = z.strictObject({
  fact: z.string().describe('Path of the unknown fact in the case file, e.g. answers.no-realistic-alternative'),
  question: z.string().describe('The question that settles it'),
  choices: z
    .array(z.strictObject({ code: z.string(), label: z.string(), outcome }))
    .optional()
    .describe("For offence.code: the candidate offences of the law's table, each with how it would come out"),
});

export const checkSchema = z.strictObject({
  code: z.string().describe('Stable check code, e.g. age, nexus, means, question:<id>, exception'),
  status: z.enum(['met', 'not-met', 'unknown']),
  cite: z.string().describe('The subsection the check comes from'),
  reason: z.string(),
});

export const provisionResultSchema = z.strictObject({
  provision: z.string(),
  title: z.string(),
  relief: z.enum(RELIEFS),
  discretion: z.enum(DISCRETIONS),
  outcome,
  citation: z.string(),
  url: z.string().nullable(),
  verified: z.boolean(),
  unverified: z.array(z.string()).describe('Notes on every piece of law this result relied on that was not checked against a source'),
  reasons: z.array(z.string()),
  checks: z.array(checkSchema),
  missing: z.array(missingSchema),
  excludedBy: z.array(z.string()).describe('Exception entries that exclude the offence; when none does for certain, those that may'),
  deadline: z.string().nullable(),
  proof: z.strictObject({ burden: z.enum(BURDENS), standard: z.enum(STANDARDS) }).nullable(),
  assumptions: z
    .array(z.strictObject({ fact: z.string(), value: z.boolean(), rule: z.string().describe('The rule in rules/questions.yaml that made the assumption') }))
    .describe("Answers taken from the offence's kind, never from the case; an answer in the case always overrides one, and one is used only where it can help the person"),
});

export const offenceResultSchema = z.strictObject({
  offence: z.string(),
  label: z.string().nullable(),
  category: z.string(),
  code: z.string().nullable(),
  disposition: z.string().nullable(),
  outcome,
  byRelief: z.partialRecord(z.enum(RELIEFS), outcome),
  provisions: z.array(provisionResultSchema),
  missing: z.array(missingSchema),
  deadline: z.string().nullable(),
  resolved: z
    .strictObject({
      by: z.enum(['code', 'statute', 'category', 'none']).describe("How the offence was matched to the law's offence table"),
      codes: z.array(z.string()).describe('The candidate offences (codes of the table), sorted; several when only the kind of offence is known'),
      statute: z.string().optional().describe('For by=statute: the statute text that was matched'),
      note: z.string().optional().describe('In words: which offences were read, and whether they come out the same'),
      warnings: z.array(z.string()).describe('A code or statute the table does not know, with the nearest codes it does know; a category that differs from the table\'s'),
    })
    .describe("How the offence was matched to this law's offence table (resolved separately in each jurisdiction)"),
});

export const reportSchema = z
  .strictObject({
    schema: z.literal(REPORT_SCHEMA_ID),
    case: z.string(),
    asOf: z.string(),
    rules: z.strictObject({ version: z.string(), digest: z.string() }),
    results: z.array(
      z.strictObject({
        jurisdiction: z.string(),
        name: z.string(),
        offences: z.array(offenceResultSchema),
      }),
    ),
  })
  .describe('nonpunishment report, version 1');

export type Report = z.infer<typeof reportSchema>;
export type OffenceResult = z.infer<typeof offenceResultSchema>;
export type ProvisionResult = z.infer<typeof provisionResultSchema>;
export type Missing = z.infer<typeof missingSchema>;
export type CheckResult = z.infer<typeof checkSchema>;
