/** Problems point at the line and column of the offending node, or at the key for unknown fields. */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/load/case.js';
import { law } from '../helpers.js';

describe('located problems', () => {
  it('reports every problem at once, each with its own position and field path', () => {
    const text = ['id: c1', 'offences:', '  - id: o1', '    category: thft', '    date: 2021-02-30', '    nexsu: compelled', '  - id: o1', '    category: theft', ''].join('\n');
    const r = parseCase('case.yaml', text, law().catalogue);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.code}`).sort();
    expect(got).toEqual(
      ['4:15 offences[0].category schema.unknown-value', '5:11 offences[0].date schema.custom', '6:5 offences[0].nexsu schema.unknown-key'].sort(),
    );
  });
  it('a JSON case file is read with the same positions', () => {
    const r = parseCase('case.json', '{\n  "id": "c1",\n  "offences": [\n    { "id": "o1", "category": "theft", "nexus": "strong" }\n  ]\n}\n', law().catalogue);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 4, path: 'offences[0].nexus', code: 'schema.unknown-value' });
  });
  it('a CRLF file with a byte-order mark loads like any other', () => {
    const r = parseCase('case.yaml', '\uFEFFid: c1\r\noffences:\r\n  - id: o1\r\n    category: theft\r\n', law().catalogue);
    expect(r.ok).toBe(true);
  });
});
