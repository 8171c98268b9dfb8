/**
 * A scorecard (rules/scorecards/*.yaml): criteria kept as data. Each criterion names its source (a
 * paragraph of A/79/322, a category of the US report cards), the measure it reads in a law file, its
 * points, and how each level the measure can give earns credit (a fraction of the points). The
 * measures themselves are code (src/drafting/scorecard.ts): each reads named fields of the file.
 */
import { z } from 'zod';
import { NEXUS } from '../vocabulary.js';
import { idString, text } from './common.js';

export const MEASURES = [
  'attribute',
  'coercive-control',
  'record-relief',
  'domains',
  'record-domains',
  'forms',
  'nexus',
  'exceptions',
  'conditions',
  'full-acquittal',
  'record-range',
  'record-arrests',
  'record-offences',
  'record-discretion',
  'record-nexus',
  'record-time',
  'record-proof',
  'record-documentation',
] as const;
export type Measure = (typeof MEASURES)[number];

/** The levels each measure can give; a card must give credit for each, and for no other. */
export const MEASURE_LEVELS: Record<Measure, readonly string[]> = {
  attribute: ['yes', 'partial', 'no'],
  'coercive-control': ['recognised', 'not-recognised'],
  'record-relief': ['direct-result', 'compelled-only', 'sealing-only', 'none'],
  domains: ['4', '3', '2', '1', '0'],
  'record-domains': ['4', '3', '2', '1', '0'],
  forms: ['all', 'some', 'no-relief'],
  nexus: [...NEXUS, 'no-relief'],
  exceptions: ['none-excluded', 'excluded-other-route', 'excluded'],
  conditions: ['none', 'identification', 'cooperation'],
  'full-acquittal': ['mandatory', 'presumption', 'discretionary', 'mitigation-only', 'no-relief'],
  'record-range': ['vacatur', 'expungement', 'sealing', 'no-relief'],
  'record-arrests': ['arrests-and-convictions', 'convictions-only', 'no-relief'],
  'record-offences': ['all', 'exceptions', 'listed-only', 'no-relief'],
  'record-discretion': ['mandatory', 'presumption', 'discretionary', 'no-relief'],
  'record-nexus': [...NEXUS, 'no-relief'],
  'record-time': ['no-limit', 'due-diligence', 'time-limit', 'no-relief'],
  'record-proof': ['low', 'preponderance', 'clear-and-convincing', 'beyond-reasonable-doubt', 'no-relief'],
  'record-documentation': ['not-required', 'one-of-several', 'required', 'no-relief'],
};

export const scorecardSchema = z
  .strictObject({
    id: idString,
    title: text(300),
    source: text(1000).describe('What the criteria come from'),
    weights: text(2000).describe('Whose the points are, and what is and is not known of the original grading'),
    often_compelled: z
      .strictObject({
        categories: z.array(idString).min(1),
        source: text(500),
        note: text(2000).optional(),
      })
      .optional()
      .describe('Offence categories victims are often made to commit, with their source'),
    criteria: z
      .array(
        z.strictObject({
          id: idString,
          title: text(300),
          source: text(300).describe('Paragraph or report-card category'),
          measure: z.enum(MEASURES),
          attribute: z.string().regex(/^[a-z][a-z0-9_-]*$/).optional().describe('For the attribute measure: the attribute read'),
          reads: text(500).describe('What the criterion reads in a law file, in words'),
          points: z.number().positive().max(100),
          credit: z.record(z.string(), z.number().min(0).max(1)).describe('Fraction of the points each level earns'),
          partial: text(1000).describe('How partial credit is given, in words'),
          note: text(2000).optional(),
        }),
      )
      .min(1),
  })
  .describe('nonpunishment scorecard');

export type Scorecard = z.infer<typeof scorecardSchema>;
export type Criterion = Scorecard['criteria'][number];
