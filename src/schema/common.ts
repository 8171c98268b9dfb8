import { z } from 'zod';
import { isIsoDate, MAX_DATE, MIN_DATE } from '../law/dates.js';

/** An ISO calendar date that really exists (2021-02-30 is refused), between MIN_DATE and MAX_DATE. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { message: 'not a real calendar date', abort: true })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { message: `date out of the range accepted (${MIN_DATE} to ${MAX_DATE})` });

/** Ids: letters, digits and dashes. */
export const idString = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { message: 'use letters, digits and dashes only' });

/** A statute code as matched against exception lists: lowercase letters, digits, dashes. */
export const codeString = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'statute codes use lowercase letters, digits and dashes (e.g. mda-1971-s5-3)' });

export const text = (max = 4000) => z.string().min(1).max(max);
