/**
 * The HTML memo in a real browser (Debian's Chromium, headless, through playwright-core): it loads with
 * every network request refused and none attempted, reads as a memo, prints to PDF, and text from the
 * case file cannot add markup or script. Artifacts (PDF, screenshot) go to test-artifacts/ (git-ignored).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run-binary.js';

const ART = join(ROOT, 'test-artifacts');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => browser?.close());

/** Open an HTML file with every request but the page itself refused, and recorded. */
async function open(file: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  const self = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(self);
  await page.waitForLoadState('load');
  return { page, requests };
}

describe('the HTML memo in headless Chromium', () => {
  it('is self-contained, reads as a memo, and prints to PDF', async () => {
    const r = cli(['check', 'examples/unknown-facts.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    const file = join(ART, 'memo.html');
    writeFileSync(file, r.stdout);
    const { page, requests } = await open(file);
    expect(requests).toEqual([]);
    expect(await page.title()).toBe('Non-punishment memo: first-interview');
    expect(await page.locator('h1').innerText()).toBe('Non-punishment memo: first-interview');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Client / case reference: first-interview');
    expect(text).toContain('This memo is not legal advice.');
    expect(text).toMatch(/Rules: version \d+\.\d+\.\d+, digest sha256:[0-9a-f]{64}/);
    // Per offence, in the order of the case file: the relief sought, the provision and its citation, the elements.
    expect(await page.locator('article h3').allInnerTexts()).toEqual(['shoplifting: Shoplifting from a chemist', 'burglary: Burglary of a flat']);
    expect(text).toContain('Modern Slavery Act 2015, s.45(1)');
    expect(await page.locator('a[href="https://www.legislation.gov.uk/ukpga/2015/30/section/45"]').count()).toBeGreaterThan(0);
    expect(text).toMatch(/Still to establish: .*\(offence\.code\)/);
    expect(text).toMatch(/Proof: Burden: evidential burden on the defendant; the prosecution must then disprove\. Standard: beyond reasonable doubt\./);
    expect(text).toContain('Confidentiality and anonymity: partial');
    expect(await page.locator('section h2', { hasText: 'Unverified points in the law relied on' }).count()).toBe(1);
    const pdf = await page.pdf({ path: join(ART, 'memo.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.screenshot({ path: join(ART, 'memo.png'), fullPage: false });
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('several case files make one page, one memo after another', async () => {
    const r = cli(['check', 'examples/drug-courier.yaml', 'examples/unknown-facts.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    const file = join(ART, 'two-memos.html');
    writeFileSync(file, r.stdout);
    const { page, requests } = await open(file);
    expect(await page.locator('h1').allInnerTexts()).toEqual(['Non-punishment memo: drug-courier', 'Non-punishment memo: first-interview']);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('text from the case file cannot add markup, script or requests', async () => {
    const hostile = join(ART, 'hostile.yaml');
    const original = readFileSync(join(ROOT, 'examples', 'drug-courier.yaml'), 'utf8');
    writeFileSync(
      hostile,
      original.replace(
        'label: Possession of crack cocaine with intent to supply',
        `label: "<img src='http://127.0.0.1:9/x.png' onerror='alert(1)'><script>fetch('http://127.0.0.1:9/')</script>\\u202Eevil"`,
      ),
    );
    const r = cli(['check', hostile, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|\u202E/);
    const file = join(ART, 'hostile.html');
    writeFileSync(file, r.stdout);
    const { page, requests } = await open(file);
    expect(requests).toEqual([]);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.locator('article h3').first().innerText()).toContain("<img src='http://127.0.0.1:9/x.png'");
    await page.close();
  }, 60_000);
});
