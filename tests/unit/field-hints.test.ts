/**
 * "Did you mean" for a misspelt field: the field names a schema accepts at a path, read through optional,
 * nullable, defaulted, read-only and piped fields, lists and records, and the hint a user then reads.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCase } from '../../src/load/case.js';
import { keysAt } from '../../src/load/issues.js';
import { law } from '../helpers.js';

const cat = law().catalogue;

const schema = z.object({
  person: z.object({ birth_date: z.string(), name: z.string() }).optional(),
  trafficking: z.object({ victim: z.boolean() }).nullable(),
  settings: z.object({ colour: z.string() }).default({ colour: 'red' }),
  fixed: z.object({ size: z.number() }).readonly(),
  piped: z.object({ text: z.string() }).pipe(z.object({ text: z.string() })),
  offences: z.array(z.object({ id: z.string(), category: z.string() })),
  answers: z.record(z.string(), z.object({ value: z.boolean(), note: z.string() })),
  label: z.string(),
});

describe('the field names accepted at a path', () => {
  it('at the top, and inside optional, nullable, defaulted, read-only and piped mappings', () => {
    expect(keysAt(schema, [])).toEqual(['person', 'trafficking', 'settings', 'fixed', 'piped', 'offences', 'answers', 'label']);
    expect(keysAt(schema, ['person'])).toEqual(['birth_date', 'name']);
    expect(keysAt(schema, ['trafficking'])).toEqual(['victim']);
    expect(keysAt(schema, ['settings'])).toEqual(['colour']);
    expect(keysAt(schema, ['fixed'])).toEqual(['size']);
    expect(keysAt(schema, ['piped'])).toEqual(['text']);
    expect(keysAt(schema.optional(), ['person'])).toEqual(['birth_date', 'name']);
  });

  it('in each item of a list and each value of a record', () => {
    expect(keysAt(schema, ['offences', 3])).toEqual(['id', 'category']);
    expect(keysAt(schema, ['answers', 'due-diligence'])).toEqual(['value', 'note']);
  });

  it('none below a plain value, under a field the schema does not have, or without a schema', () => {
    expect(keysAt(schema, ['label'])).toEqual([]);
    expect(keysAt(schema, ['label', 'x'])).toEqual([]);
    expect(keysAt(schema, ['nothing'])).toEqual([]);
    expect(keysAt(schema, ['person', 0])).toEqual([]);
    expect(keysAt(undefined, [])).toEqual([]);
    expect(keysAt(z.string(), [])).toEqual([]);
  });

  it('a wrapper nested without end is not followed for ever', () => {
    let deep: z.ZodType = z.object({ a: z.string() });
    for (let i = 0; i < 20; i++) deep = deep.optional(); // twenty wrappers: the limit
    expect(keysAt(deep, [])).toEqual([]);
    let shallow: z.ZodType = z.object({ a: z.string() });
    for (let i = 0; i < 19; i++) shallow = shallow.optional();
    expect(keysAt(shallow, [])).toEqual(['a']);
  });
});

describe('the hint a user reads for a misspelt field of a case', () => {
  const problems = (text: string) => {
    const r = parseCase('c.yaml', text, cat);
    return r.ok ? [] : r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`);
  };
  it('names the closest field accepted there', () => {
    expect(problems('id: c\noffences:\n  - id: o1\n    categry: theft\n')).toContain('4:5 offences[0].categry unknown field "categry"; did you mean "category"? (a typo would otherwise become an unknown fact)');
    expect(problems('id: c\npersn: {}\noffences:\n  - id: o1\n    category: theft\n')).toEqual(['2:1 persn unknown field "persn"; did you mean "person"? (a typo would otherwise become an unknown fact)']);
  });
});
