/** JSON output of the drafting commands (compare, score, impact), as zod schemas: `nonpunishment schema compare|score|impact`. */
import { z } from 'zod';
import { OUTCOMES, RELIEFS } from '../vocabulary.js';

const trace = z.strictObject({ file: z.string(), line: z.number().int().positive(), path: z.string().describe('Field path read at that line') });
const outcome = z.enum(OUTCOMES);
/** A law file, as the drafting reports name it. */
const lawFile = { jurisdiction: z.string(), name: z.string(), file: z.string() };
/** The offence a row is about, as the case file gives it. */
const offenceRow = { case: z.string(), offence: z.string(), label: z.string().nullable(), category: z.string(), disposition: z.string().nullable() };

export const comparisonSchema = z.strictObject({
  schema: z.literal('nonpunishment/compare@1'),
  asOf: z.string(),
  laws: z.array(z.strictObject({ jurisdiction: z.string(), name: z.string(), file: z.string(), notInForce: z.array(z.string()) })),
  rows: z.array(
    z.strictObject({
      feature: z.string(),
      label: z.string(),
      differs: z.boolean(),
      cells: z.array(
        z.strictObject({
          jurisdiction: z.string(),
          value: z.string(),
          parts: z.array(z.strictObject({ value: z.string(), cites: z.array(z.string()), traces: z.array(trace) })),
        }),
      ),
    }),
  ),
});

export const matrixSchema = z.strictObject({
  schema: z.literal('nonpunishment/matrix@1'),
  source: z.string(),
  laws: z.array(z.strictObject(lawFile)),
  rows: z.array(
    z.strictObject({
      ...offenceRow,
      cells: z.array(
        z.strictObject({
          jurisdiction: z.string(),
          outcome,
          byRelief: z.record(z.string(), outcome),
          provision: z.string().nullable(),
          trace: trace.nullable(),
        }),
      ),
    }),
  ),
});

export const compareOutputSchema = z.union([comparisonSchema, matrixSchema]).describe('nonpunishment compare: laws side by side, or cases × laws (--cases)');

const evidence = z.strictObject({ text: z.string(), citation: z.string().nullable(), verified: z.boolean(), trace });

export const scoreOutputSchema = z
  .strictObject({
    schema: z.literal('nonpunishment/score@1'),
    card: z.strictObject({ id: z.string(), title: z.string(), source: z.string(), weights: z.string(), file: z.string() }),
    asOf: z.string(),
    criteria: z.array(z.strictObject({ id: z.string(), title: z.string(), source: z.string(), reads: z.string(), points: z.number(), partial: z.string(), trace })),
    laws: z.array(
      z.strictObject({
        jurisdiction: z.string(),
        name: z.string(),
        file: z.string(),
        points: z.number(),
        max: z.number(),
        notEncoded: z.number().int().describe('Criteria the law file does not encode (no points, never a silent zero)'),
        criteria: z.array(
          z.strictObject({
            criterion: z.string(),
            title: z.string(),
            source: z.string(),
            level: z.string().nullable(),
            points: z.number(),
            max: z.number(),
            encoded: z.boolean(),
            evidence: z.array(evidence),
          }),
        ),
      }),
    ),
  })
  .describe('nonpunishment score: laws against a scorecard');

const side = z.union([outcome, z.literal('none')]);
const tally = z.strictObject({ better: z.number().int(), worse: z.number().int(), same: z.number().int().describe('Only the reason changed: no protection gained or lost') });
const diffSide = trace.nullable();

export const impactOutputSchema = z
  .strictObject({
    schema: z.literal('nonpunishment/impact@1'),
    from: z.strictObject(lawFile),
    to: z.strictObject(lawFile),
    sameJurisdiction: z.boolean(),
    rules: z.strictObject({ version: z.string(), digest: z.string().describe('sha256 of the rules files and of both law files') }),
    cases: z.strictObject({ source: z.string(), count: z.number().int(), offences: z.number().int() }),
    changes: z.array(
      z.strictObject({
        ...offenceRow,
        relief: z.union([z.enum(RELIEFS), z.literal('overall')]),
        from: side,
        to: side,
        direction: z.enum(['better', 'worse', 'same']).describe('For the person: relief gained, lost, or only the reason changed'),
        madeBy: z
          .strictObject({ provision: z.string(), check: z.string(), side: z.enum(['from', 'to']), trace, line: z.string() })
          .nullable(),
      }),
    ),
    counts: z.strictObject({ offences: tally, byRelief: z.record(z.string(), tally), byCategory: z.record(z.string(), tally) }),
    diff: z.array(
      z.strictObject({
        change: z.enum(['added', 'removed', 'changed']),
        what: z.enum(['provision', 'limb', 'field', 'exception-list', 'entry', 'attribute', 'coercion', 'offence', 'instrument', 'provenance']),
        id: z.string(),
        detail: z.string(),
        from: diffSide,
        to: diffSide,
      }),
    ),
  })
  .describe('nonpunishment impact: outcome changes between two versions of a law');
