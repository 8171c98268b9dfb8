/**
 * The case file's JSON Schema, as an editor or another tool reads it: a JSON Schema validator (Ajv,
 * draft 2020-12, with formats) accepts every shipped example and golden case and refuses what the loader
 * refuses; every property has a title and description, every enum value is explained, dates are
 * `format: date`, and the schema's own examples are valid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../src/schema/case-json-schema.js';
import { goldenFiles, law, ROOT } from '../helpers.js';

const schema = caseJsonSchema(law().catalogue);
const ajv = new Ajv2020({ allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
const validate = ajv.compile(schema);

type Json = Record<string, unknown>;
function properties(s: Json, path = ''): [string, Json][] {
  const out: [string, Json][] = [];
  for (const [k, v] of Object.entries((s['properties'] as Record<string, Json> | undefined) ?? {})) out.push([`${path}${k}`, v], ...properties(v, `${path}${k}.`));
  if (s['items']) out.push(...properties(s['items'] as Json, `${path.replace(/\.$/, '')}[].`));
  return out;
}

describe('the case JSON Schema', () => {
  it('accepts every shipped example and every golden case', () => {
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'examples', f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(validate(parse(readFileSync(f, 'utf8'))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    for (const g of goldenFiles()) {
      const c = (parse(readFileSync(g.file, 'utf8')) as { case: unknown }).case;
      expect(validate(c), `${g.file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    for (const ex of schema['examples'] as unknown[]) expect(validate(ex), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('refuses what the loader refuses: a misspelt key, an impossible date, an unknown nexus', () => {
    const good = parse(readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8')) as Json;
    const bad = (change: (c: Json) => void) => {
      const c = structuredClone(good);
      change(c);
      return validate(c);
    };
    expect(bad((c) => ((c['person'] as Json)['birthdate'] = '1998-07-14'))).toBe(false);
    expect(bad((c) => ((c['person'] as Json)['birth_date'] = '1998-02-30'))).toBe(false);
    expect(bad((c) => (((c['offences'] as Json[])[0] as Json)['nexus'] = 'forced'))).toBe(false);
  });

  it('documents itself: a title and description on every property, every enum value explained, dates as format: date', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(30);
    for (const [path, p] of all) {
      expect(typeof p['title'], `${path} has no title`).toBe('string');
      expect(typeof p['description'], `${path} has no description`).toBe('string');
      const e = (p['enum'] ?? (p['items'] as Json | undefined)?.['enum']) as string[] | undefined;
      const d = (p['enumDescriptions'] ?? (p['items'] as Json | undefined)?.['enumDescriptions']) as string[] | undefined;
      if (e && path !== 'jurisdiction' && path !== 'offences[].jurisdiction') {
        expect(d, `${path}: enum values not explained`).toHaveLength(e.length);
        for (const v of e) expect(p['description'] as string, `${path}: ${v} not explained`).toContain(`${v}: `);
      }
    }
    const dates = all.filter(([path]) => /(date|as_of|start|end)$/.test(path));
    expect(dates.map(([path]) => path).sort()).toEqual(['as_of', 'offences[].conviction_date', 'offences[].date', 'person.birth_date', 'trafficking.period.end', 'trafficking.period.start']);
    for (const [path, p] of dates) expect(p['format'], path).toBe('date');
    const means = Object.fromEntries(all)['trafficking.means']!;
    expect(means['description']).toContain('`means: []` says that none was used; leaving `means` out says it is not known');
    const nexus = Object.fromEntries(all)['offences[].nexus']!;
    expect(nexus['enumDescriptions']).toHaveLength(5);
    const answers = Object.fromEntries(all)['offences[].answers.no-realistic-alternative']!;
    expect(answers['description']).toMatch(/^Would a reasonable person in the same situation/);
  });
});
