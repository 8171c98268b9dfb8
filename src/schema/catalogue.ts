/** The jurisdiction-independent vocabulary of `rules/`: offence categories, means, coercive control, questions. */
import { z } from 'zod';
import { DOMAINS } from '../vocabulary.js';
import { idString, text } from './common.js';

const labelled = z.strictObject({ id: idString, label: text(300) });

export const categoriesFileSchema = z.strictObject({
  categories: z
    .array(z.strictObject({ id: idString, label: text(300), domain: z.enum(DOMAINS), violent: z.boolean() }))
    .min(1),
});
export const meansFileSchema = z.strictObject({
  means: z.array(labelled).min(1),
  coercive_control: z.array(labelled).min(1),
});
export const questionsFileSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: idString,
        text: text(1000),
        used_by: text(500),
        answered_by_category: z
          .strictObject({
            answer: z.boolean(),
            categories: z.array(idString).min(1).describe('Offence categories whose kind answers the question on its face'),
            why: text(500),
          })
          .optional()
          .describe("An assumption: the offence's kind answers the question; an answer in the case overrides it"),
      }),
    )
    .min(1),
});

export type Category = z.infer<typeof categoriesFileSchema>['categories'][number];
export type Question = z.infer<typeof questionsFileSchema>['questions'][number];
export interface Labelled {
  id: string;
  label: string;
}

/** Everything the schemas need to know about ids in use: the rules catalogue and the jurisdiction ids. */
export interface Catalogue {
  categories: Category[];
  means: Labelled[];
  coerciveControl: Labelled[];
  questions: Question[];
  /** Ids of the jurisdiction files available (case files may only name these). */
  jurisdictions: string[];
}

export function categoryById(cat: Catalogue, id: string): Category | undefined {
  return cat.categories.find((c) => c.id === id);
}
export function questionById(cat: Catalogue, id: string): Question | undefined {
  return cat.questions.find((q) => q.id === id);
}

/** zod wants a non-empty tuple for enums. */
export function enumOf(values: readonly string[]) {
  return z.enum(values as [string, ...string[]]);
}
