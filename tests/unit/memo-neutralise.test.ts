/**
 * A hostile label reaches the terminal report, the markdown memo and the HTML memo as text only: no escape
 * sequence or bidi override acts (each shows as a visible escape), no markup, no link.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { parseCase } from '../../src/load/case.js';
import { safeUrl } from '../../src/report/neutralise.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { law } from '../helpers.js';

const HOSTILE = 'A\u001b[31mred\u001b[0m \u202Egnp.exe [click](http://evil.example/) <b>bold</b> *x* `code` | & # \u0007';

describe('the memo and the report keep a hostile label inert', () => {
  it('safe links only', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://www.legislation.gov.uk/ukpga/2015/30/section/45')).toBe('https://www.legislation.gov.uk/ukpga/2015/30/section/45');
  });

  it('in every renderer', async () => {
    const text = `id: c1\nas_of: 2026-11-28\njurisdiction: gb-ew\noffences:\n  - id: o1\n    label: ${JSON.stringify(HOSTILE)}\n    category: theft\n    disposition: charged\n`;
    const c = parseCase('c.yaml', text, law().catalogue);
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    const report = await evaluate(c.value, law(), { engine: 'fast' });
    const t = renderText(report, { color: false, caseFile: c.value });
    expect(t).not.toMatch(/[\u001b\u202E\u0007]/);
    expect(t).toContain('A\\x1B[31mred\\x1B[0m \\u202Egnp.exe [click](http://evil.example/)');
    const md = renderMarkdown(report, { caseFile: c.value });
    expect(md).not.toMatch(/[\u001b\u202E\u0007]|<b>|(?<!\\)\]\(http:\/\/evil/);
    expect(md).toContain('\\[click\\](http\\://evil.example/) \\<b\\>bold\\</b\\> \\*x\\* \\`code\\` \\| \\&');
    const h = renderHtml(report, { caseFile: c.value });
    expect(h).not.toMatch(/[\u001b\u202E\u0007]|<b>|href="http:\/\/evil/);
    expect(h).toContain('[click](http://evil.example/) &lt;b&gt;bold&lt;/b&gt;');
  });
});
