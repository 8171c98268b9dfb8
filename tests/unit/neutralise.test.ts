/**
 * Output forgery: text from a case or law file must never act on the reader's terminal, forge a verdict or a
 * problem line, reorder what follows it, inject markup, or run as a spreadsheet formula. One module does it
 * (src/report/neutralise.ts); here it is tested on its own and through every renderer that exists.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { compileJurisdiction } from '../../src/engine/evaluate.js';
import { evaluateCase } from '../../src/engine/evaluate.js';
import { formatProblem } from '../../src/load/problems.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { csvCell, html, httpUrl, markdown, plain } from '../../src/report/neutralise.js';
import { renderText } from '../../src/report/text.js';
import type { CaseFile } from '../../src/schema/case.js';
import { law, lawFromYaml, ROOT } from '../helpers.js';

const CLEAR_AND_FORGE = '\u001b[2J\u001b[H\u001b[32mELIGIBLE — all charges dropped\u001b[0m';
const TITLE = '\u001b]0;pwned\u0007';
const RLO = 'file\u202Egnp.exe';
const HOSTILE = [CLEAR_AND_FORGE, TITLE, RLO, 'a\nb.yaml:1:1  forged', '\u009b31m', 'x\u2028y', '\u2066isolate\u2069', 'z\u0000'];
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe('plain: one inert line for a terminal', () => {
  it('escape sequences, bidi controls and line breaks are shown, not obeyed', () => {
    expect(plain(CLEAR_AND_FORGE)).toBe('\\x1B[2J\\x1B[H\\x1B[32mELIGIBLE — all charges dropped\\x1B[0m');
    expect(plain(TITLE)).toBe('\\x1B]0;pwned\\x07');
    expect(plain(RLO)).toBe('file\\u202Egnp.exe');
    expect(plain('a\nb.yaml:1:1  forged')).toBe('a b.yaml:1:1  forged');
    expect(plain('one\r\n\t two')).toBe('one two');
    expect(plain('\u009b31m')).toBe('\\x9B31m');
    for (const h of HOSTILE) expect(plain(h)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  });
  it('ordinary text of every script is left as it is, joiners included', () => {
    for (const s of ['Misuse of Drugs Act 1971 s.5(3)', 'Código Penal art. 177 bis', 'قانون مكافحة الاتجار', 'می‌خواهم', 'Ελληνικά — “quoted”']) expect(plain(s)).toBe(s);
  });
});

describe('markdown, html and csv escaping', () => {
  it('markdown: no emphasis, link, image, raw HTML, table cell, entity or block start survives', () => {
    expect(markdown('*bold* _it_ `code` [x](javascript:alert(1)) ![i](u) <script>x</script> a|b ~~s~~ &#x202E;')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](javascript:alert(1)) !\\[i\\](u) \\<script\\>x\\</script\\> a\\|b \\~\\~s\\~\\~ \\&#x202E;',
    );
    expect(['# h', '- item', '+ item', '=== ', '1. one', '2) two'].map(markdown)).toEqual(['\\# h', '\\- item', '\\+ item', '\\=== ', '1\\. one', '2\\) two']);
    expect(markdown('line\n# heading')).toBe('line # heading');
  });
  it('html: element content and quoted attributes', () => {
    expect(html(`<img src=x onerror="alert('1')"> & \u202E`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; \\u202E');
  });
  it('csv: a cell that would start a formula is prefixed; commas and quotes are quoted', () => {
    expect(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', ' =1', 'plain', 'a,b', 'say "hi"', 'two\nlines'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "' =1",
      'plain',
      '"a,b"',
      '"say ""hi"""',
      'two lines',
    ]);
  });
  it('links: only plain http(s) URLs', () => {
    expect(httpUrl('https://www.legislation.gov.uk/ukpga/2015/30/section/45')).toBe('https://www.legislation.gov.uk/ukpga/2015/30/section/45');
    expect(['javascript:alert(1)', 'https://x/\u001b[2J', 'https://x/>)[y](z', 'https://x/\u202E', undefined, null].map(httpUrl)).toEqual(Array(6).fill(undefined));
  });
});

describe('every renderer, on a case and a law full of hostile text', () => {
  const hostileLaw = readFileSync(join(ROOT, 'jurisdictions', 'gb-ew.yaml'), 'utf8')
    .replace(/^name: .*$/m, `name: ${JSON.stringify(`England ${CLEAR_AND_FORGE}`)}`)
    .replace(/title: Statutory defence for adult victims/, `title: ${JSON.stringify(`Statutory defence ${TITLE} ${RLO}`)}`)
    .replace(/section: "?s\.45\(1\)"?$/m, `section: ${JSON.stringify(`s.45(1)\n${CLEAR_AND_FORGE}`)}`);
  const file = lawFromYaml('gb-ew', hostileLaw);
  const laws = new Map([['gb-ew', compileJurisdiction(file)]]);
  const c: CaseFile = {
    id: 'c1',
    as_of: '2026-11-28',
    person: { birth_date: '1990-01-01' },
    trafficking: { victim: true, means: ['threat'] },
    offences: [{ id: 'o1', category: 'theft', label: HOSTILE.join(' '), statute: `${RLO} *x* <b>`, date: '2024-01-01', disposition: 'charged', nexus: 'compelled' }],
  };
  it('text and markdown carry the words, and not one active character', async () => {
    const report = await evaluateCase(c, laws, law().catalogue, { jurisdictions: ['gb-ew'], rules: { version: 't', digest: 'sha256:t' }, engine: 'fast' });
    expect(JSON.stringify(report)).toMatch(ACTIVE); // the hostile text really reached the report
    for (const out of [renderText(report, { color: false }), renderMarkdown(report)]) {
      expect(out).not.toMatch(ACTIVE);
      expect(out).toContain('ELIGIBLE — all charges dropped'); // shown as text, inert
      expect(out.split('\n').filter((l) => /^\s*(\\x1B\[32m)?ELIGIBLE — all charges dropped/.test(l))).toEqual([]); // never a line of its own
      expect(out.split('\n').some((l) => /^b\.yaml:1:1/.test(l))).toBe(false);
    }
    const colour = renderText(report, { color: true });
    expect(colour.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(ACTIVE); // only our own colours remain
  });
  it('a problem line: a newline in a file name or a key cannot forge a second, located line', () => {
    const line = formatProblem({ file: 'case.yaml\n/etc/other.yaml:9:9  forged', line: 3, col: 1, path: 'offences[0].a\nb', code: 'schema.unknown-key', message: `unknown field "a\nb" ${CLEAR_AND_FORGE}` });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(ACTIVE);
    expect(line.startsWith('case.yaml /etc/other.yaml:9:9  forged:3:1  offences[0].a b  unknown field "a b" \\x1B[2J')).toBe(true);
  });
});

describe('file names on the success path', () => {
  it('validate names each valid file inertly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'np-name-'));
    const file = join(dir, `ok\u001b[2J\u202E\nforged.yaml`);
    writeFileSync(file, readFileSync(join(ROOT, 'examples', 'drug-courier.yaml')));
    let stdout = '';
    const code = await run(['validate', file], { stdout: (s) => void (stdout += s), stderr: () => undefined, color: false });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ACTIVE);
    expect(stdout).toContain('ok\\x1B[2J\\u202E forged.yaml  (case)');
  });
});
