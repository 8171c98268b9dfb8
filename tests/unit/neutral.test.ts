/** Text from law and case files reaching a terminal, markdown, HTML or CSV is neutralised first. */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/report/document.js';
import { clean, csvField, escapeHtml, escapeMarkdown } from '../../src/report/neutral.js';
import { renderDocCsv, renderDocMarkdown, renderDocText, wrap } from '../../src/report/render.js';

describe('neutralising input text', () => {
  it('control and bidi characters are shown as visible escapes, never acted on; line breaks kept', () => {
    expect(clean('a\u001b[31mred\u0007\u202eevil\u2066x\u2069\tb\nc\u0085')).toBe('a\\x1B[31mred\\x07\\u202Eevil\\u2066x\\u2069 b\nc\\x85');
  });
  it('HTML: every markup character escaped', () => expect(escapeHtml(`<b onclick="x">'&'</b>`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;'));
  it('markdown: syntax escaped, one line, no link', () => expect(escapeMarkdown('| *a* [l](u) `c`\n# h http://x')).toBe('\\| \\*a\\* \\[l\\](u) \\`c\\` # h http\\://x'));
  it('CSV: quoted when needed, formulas guarded', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('rendering a document', () => {
  const doc: Document = {
    title: 'T',
    blocks: [
      {
        kind: 'table',
        table: {
          columns: ['Case', 'gb-ew'],
          rows: [
            [{ text: 'c1 o1 ' + 'long words '.repeat(30) }, { text: 'ELIGIBLE', tone: 'eligible' }],
            [{ text: 'c2 |pipe| \u001b]0;title\u0007' }, { text: 'EXCLUDED', tone: 'excluded' }],
          ],
          differs: [1],
        },
      },
    ],
    csv: { columns: ['case', 'outcome'], rows: [['-c1', '=1+1']] },
  };
  it('text: within 100 columns, long cells wrapped, ≠ on differing rows, colour only when asked and only on outcomes', () => {
    const plain = renderDocText(doc, { color: false });
    expect(Math.max(...plain.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(plain.split('\n').filter((l) => l.includes('long words')).length).toBeGreaterThan(2);
    expect(plain).toContain('│ ≠ c2 |pipe| \\x1B]0;title\\x07');
    expect(plain).not.toMatch(/\u001b/);
    const coloured = renderDocText(doc, { color: true });
    expect(coloured).toContain('\u001b[32m\u001b[1mELIGIBLE');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
    // The case cell stays uncoloured; only the outcome cell is painted.
    for (const line of coloured.split('\n').filter((x) => x.startsWith('│')))
      expect(line.split('│')[1], line).not.toMatch(/\u001b/);
  });
  it('markdown: a pipe in a cell cannot break the table', () => expect(renderDocMarkdown(doc)).toContain('| **≠ c2 \\|pipe\\| \\\\x1B\\]0;title\\\\x07** | EXCLUDED |'));
  it('csv: formula-guarded, CRLF records', () => expect(renderDocCsv(doc)).toBe(`case,outcome\r\n'-c1,'=1+1\r\n`));
  it('wrap: never a line longer than the width', () => expect(wrap('a '.repeat(50) + 'x'.repeat(25), 10).every((x) => x.length <= 10)).toBe(true));
});
