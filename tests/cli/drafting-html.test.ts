/**
 * The HTML views in a real headless Chromium (Debian's chromium, driven by playwright-core): the page
 * loads with no request leaving the file, the cells hold the right outcomes in words as well as colour,
 * and screenshots are written to test-artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

const OUT = join(ROOT, 'test-artifacts');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => browser?.close());

async function html(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await run([...args, '--format', 'html'], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), color: false });
  expect(code, err).toBe(0);
  return out;
}

/** Open a page from a file, with every request recorded and anything but the file itself refused. */
async function open(name: string, page: string) {
  const file = join(OUT, name);
  writeFileSync(file, page);
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  const requests: string[] = [];
  // Anything but the file itself is refused; every request the page makes is recorded.
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const p = await context.newPage();
  p.on('request', (r) => void requests.push(r.url()));
  await p.goto(url);
  return { p, requests, url, close: () => context.close() };
}

describe('HTML views in headless Chromium', () => {
  it('the case × law matrix: outcomes in words and colour, nothing fetched, a screenshot', async () => {
    const page = await html(['compare', 'gb-ew', 'gb-sct', 'us-ny', '--cases', 'tests/golden/gb-ew', '--as-of', '2026-11-28']);
    const { p, requests, url, close } = await open('compare-matrix.html', page);
    expect(requests).toEqual([url]);
    const rows = await p.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent ?? '', tone: td.getAttribute('data-tone') }))));
    const robbery = rows.find((r) => r[0]!.text.startsWith('ew-robbery o1'))!;
    expect(robbery.slice(1).map((c) => [c.tone, c.text.split(' ')[0]])).toEqual([
      ['eligible', 'ELIGIBLE'],
      ['undetermined', 'UNDETERMINED'],
      ['excluded', 'EXCLUDED'],
    ]);
    // Colour is never the only signal: every toned cell carries its outcome in words.
    for (const r of rows) for (const c of r.slice(1)) expect(c.text).toMatch(/^(ELIGIBLE|UNDETERMINED|EXCLUDED|NOT ELIGIBLE)/);
    const bg = await p.$eval('td[data-tone="eligible"]', (td) => getComputedStyle(td).backgroundColor);
    expect(bg).toBe('rgb(216, 243, 220)');
    await p.screenshot({ path: join(OUT, 'compare-matrix.png'), fullPage: true });
    await p.emulateMedia({ media: 'print' });
    await p.screenshot({ path: join(OUT, 'compare-matrix-print.png'), fullPage: true });
    await close();
  }, 60_000);

  it('the scorecard and the impact of a draft: figures and outcomes readable in the page', async () => {
    const score = await open('score-a79-322.html', await html(['score', 'un-model', 'gb-ew', 'gb-sct', 'gb-nir', '--card', 'a79-322', '--as-of', '2026-11-28']));
    expect(score.requests).toEqual([score.url]);
    const totals = await score.p.$$eval('table:first-of-type tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(totals[0]).toEqual(['Model standard recommended by the UN Secretary-General, A/79/322 (2024), para. 57 (un-model)', '130 / 130', 'all encoded']);
    expect(await score.p.$$eval('svg[role="img"] rect', (r) => r.length)).toBe(8);
    await score.p.screenshot({ path: join(OUT, 'score-a79-322.png'), fullPage: true });
    await score.close();

    const impact = await open('impact-gb-ew.html', await html(['impact', '--from', 'gb-ew', '--to', 'examples/drafts/gb-ew-sch4-without-trafficking.yaml', '--as-of', '2026-11-28']));
    expect(impact.requests).toEqual([impact.url]);
    const change = await impact.p.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => `${td.getAttribute('data-tone') ?? ''}:${td.textContent}`))[0]);
    expect(change!.slice(1, 5)).toEqual([':defence', 'excluded:excluded', 'undetermined:undetermined', 'better:better']);
    await impact.p.screenshot({ path: join(OUT, 'impact-gb-ew.png'), fullPage: true });
    await impact.close();
  }, 60_000);

  it('text from a law file cannot inject markup into the page', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'np-html-'));
    const draft = join(dir, 'evil.yaml');
    writeFileSync(
      draft,
      readFileSync(join(ROOT, 'jurisdictions', 'gb-nir.yaml'), 'utf8')
        .replace(/^name: .*$/m, 'name: "<img src=x onerror=alert(1)><script>fetch(\'http://example.com\')</script>\\u202eEvil"')
        .replace(/^id: gb-nir$/m, 'id: evil'),
    );
    const page = await html(['compare', 'gb-ew', 'evil', '--law', draft, '--as-of', '2026-11-28']);
    expect(page).not.toMatch(/<script|<img/);
    expect(page).not.toContain('\u202e');
    const { p, requests, url, close } = await open('compare-evil.html', page);
    expect(requests).toEqual([url]);
    expect(await p.$$eval('script, img', (x) => x.length)).toBe(0);
    // The markup stays text, and the right-to-left override shows as a visible escape instead of reordering the name.
    expect(await p.$eval('thead th:nth-child(3)', (th) => th.textContent)).toBe("<img src=x onerror=alert(1)><script>fetch('http://example.com')</script>\\u202EEvil (evil)");
    await close();
  }, 60_000);
});
