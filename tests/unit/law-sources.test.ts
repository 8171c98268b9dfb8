/**
 * The law files speak to their reader, who has only the package: every `source` names what was read (a
 * URL, or a repository path at a commit), never a research note outside the package, and no `source` or
 * `note` says how or when it was looked up.
 */
import { describe, expect, it } from 'vitest';
import { law } from '../helpers.js';

const OUTSIDE = /(^|[\s(])(\.\.\/|\/work\/|shared\/law\/|shared\/)/;
const HOW = /\b(this session|search results?|stored copy|stored copies|the search tool|looked up (today|here))\b/i;

function texts(v: unknown, path: string, out: { path: string; key: string; text: string }[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => texts(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'source' || k === 'note') && typeof x === 'string') out.push({ path: `${path}.${k}`, key: k, text: x });
      else texts(x, `${path}.${k}`, out);
    }
}

describe('sources and notes in the law files', () => {
  for (const id of law().ids())
    it(`${id}: no path outside the package, no word on how it was looked up`, () => {
      const found: { path: string; key: string; text: string }[] = [];
      texts(law().file(id), id, found);
      const bad = found.filter((f) => OUTSIDE.test(f.text) || HOW.test(f.text)).map((f) => `${f.path}: ${f.text.slice(0, 120)}`);
      expect(bad).toEqual([]);
    });
});
