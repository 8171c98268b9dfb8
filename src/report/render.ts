/**
 * Renderers of a Document: text (aligned tables within 100 columns, long cells wrapped, colour for
 * outcomes only on a terminal), markdown, CSV (formula-guarded) and HTML (one self-contained page:
 * inline CSS and SVG, no script, no network, printable). Colour is never the only signal: every toned
 * cell carries its word, and rows that differ carry a ≠ mark.
 */
import { Chalk } from 'chalk';
import type { Block, DocCell, DocTable, Document, Tone } from './document.js';
import { TONE_WORDS } from './document.js';
import { clean, csvField, escapeHtml, escapeMarkdown, oneLine } from './neutral.js';

import { VIEW_FORMATS } from './formats.js';
export { VIEW_FORMATS };
export type ViewFormat = (typeof VIEW_FORMATS)[number];

export const TEXT_WIDTH = 100;
const DIFF_MARK = '≠';

// ---------------------------------------------------------------------------------------------- text

export function renderDocText(doc: Document, opts: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width ?? TEXT_WIDTH;
  const paint: Record<Tone, (s: string) => string> = {
    eligible: c.green.bold,
    undetermined: c.yellow.bold,
    excluded: c.red.bold,
    'not-eligible': c.red,
    better: c.green.bold,
    worse: c.red.bold,
    full: c.green,
    partial: c.yellow,
    none: c.red,
    'not-encoded': c.magenta,
  };
  const out: string[] = [c.bold(wrap(oneLine(doc.title), width).join('\n')), ''];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push(c.bold.underline(oneLine(b.text)), '');
    else if (b.kind === 'para') out.push(...wrap(oneLine(b.text), width), '');
    else if (b.kind === 'bars') {
      out.push(oneLine(b.caption));
      const labelW = Math.min(24, Math.max(...b.bars.map((x) => oneLine(x.label).length)));
      for (const bar of b.bars) {
        const n = bar.max > 0 ? Math.round((bar.value / bar.max) * 30) : 0;
        out.push(`  ${fit(oneLine(bar.label), labelW)} ${'█'.repeat(n)}${'░'.repeat(30 - n)} ${oneLine(bar.text)}`);
      }
      out.push('');
    } else out.push(textTable(b.table, width, (cell, text) => (cell.tone ? paint[cell.tone](text) : text)), '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function cellText(cell: DocCell): string {
  return clean(cell.text).replace(/[ \t]+/g, ' ').trim();
}

function fit(s: string, w: number): string {
  return s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w);
}

/** Greedy word wrap of one paragraph to `width` columns; a word longer than a line is cut. */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (let word of para.split(/ +/)) {
      while (word.length > width) {
        if (line) lines.push(line), (line = '');
        lines.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else lines.push(line), (line = word);
    }
    lines.push(line);
  }
  return lines;
}

function textTable(t: DocTable, width: number, paint: (cell: DocCell, text: string) => string): string {
  const differs = new Set(t.differs ?? []);
  const rows = t.rows.map((r, i) => r.map((cell, j) => (j === 0 && differs.has(i) ? { ...cell, text: `${DIFF_MARK} ${cell.text}` } : cell)));
  const n = t.columns.length;
  const head = t.columns.map((h) => ({ text: oneLine(h) }));
  const widths = columnWidths([head, ...rows].map((r) => r.map((cell) => cellText(cell))), n, width - (n + 1));
  // Each cell wrapped to its column (padding of one space each side), then drawn line by line. Colour is
  // applied after padding, so escape codes never count towards a width.
  const draw = (r: DocCell[], painted: boolean) => {
    const cells = r.map((cell, j) => wrap(cellText(cell), Math.max(1, widths[j]! - 2)));
    const height = Math.max(...cells.map((c) => c.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++)
      lines.push(`│${cells.map((c, j) => ` ${painted ? paint(r[j]!, (c[k] ?? '').padEnd(widths[j]! - 2)) : (c[k] ?? '').padEnd(widths[j]! - 2)} `).join('│')}│`);
    return lines;
  };
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w)).join(m)}${r}`;
  const out: string[] = [];
  if (t.caption) out.push(...wrap(oneLine(t.caption), width));
  out.push(rule('┌', '┬', '┐'), ...draw(head, false), rule('├', '┼', '┤'));
  rows.forEach((r, i) => {
    if (i) out.push(rule('├', '┼', '┤'));
    out.push(...draw(r, true));
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** Column widths (padding included) that fit `avail`: natural widths if they fit, else shared fairly. */
function columnWidths(cells: string[][], n: number, avail: number): number[] {
  const natural = Array.from({ length: n }, (_, j) => Math.max(3, ...cells.map((r) => Math.max(...(r[j] ?? '').split('\n').map((l) => l.length)) + 2)));
  if (natural.reduce((a, b) => a + b, 0) <= avail) return natural;
  const widths = new Array<number>(n).fill(0);
  let left = avail;
  let open = [...natural.keys()];
  // Share what is left equally; a column that needs less than its share gets its need, and the rest is shared again.
  while (open.length) {
    const share = Math.floor(left / open.length);
    const small = open.filter((j) => natural[j]! <= share);
    if (!small.length) {
      open.forEach((j, k) => (widths[j] = share + (k < left - share * open.length ? 1 : 0)));
      break;
    }
    for (const j of small) {
      widths[j] = natural[j]!;
      left -= natural[j]!;
    }
    open = open.filter((j) => !small.includes(j));
  }
  return widths.map((w) => Math.max(3, w));
}

// ------------------------------------------------------------------------------------------ markdown

export function renderDocMarkdown(doc: Document): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  for (const b of doc.blocks) out.push(...markdownBlock(b), '');
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function mdCell(cell: DocCell): string {
  return clean(cell.text)
    .split('\n')
    .map((l) => escapeMarkdown(l))
    .filter((l) => l)
    .join('<br>');
}

function markdownBlock(b: Block): string[] {
  if (b.kind === 'heading') return [`## ${escapeMarkdown(b.text)}`];
  if (b.kind === 'para') return [escapeMarkdown(b.text)];
  if (b.kind === 'bars') return [escapeMarkdown(b.caption), '', ...b.bars.map((x) => `- ${escapeMarkdown(x.label)}: ${escapeMarkdown(x.text)}`)];
  const t = b.table;
  const differs = new Set(t.differs ?? []);
  const lines: string[] = [];
  if (t.caption) lines.push(`*${escapeMarkdown(t.caption)}*`, '');
  lines.push(`| ${t.columns.map((h) => escapeMarkdown(h)).join(' | ')} |`, `|${t.columns.map(() => ' --- ').join('|')}|`);
  for (const [i, r] of t.rows.entries())
    lines.push(`| ${r.map((cell, j) => (j === 0 && differs.has(i) ? `**${DIFF_MARK} ${mdCell(cell)}**` : mdCell(cell))).join(' | ')} |`);
  return lines;
}

// ----------------------------------------------------------------------------------------------- csv

export function renderDocCsv(doc: Document): string {
  return [doc.csv.columns, ...doc.csv.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------- html

const TONE_COLOURS: Record<Tone, [string, string]> = {
  eligible: ['#d8f3dc', '#1b5e20'],
  better: ['#d8f3dc', '#1b5e20'],
  full: ['#d8f3dc', '#1b5e20'],
  undetermined: ['#fff3c4', '#6d4c00'],
  partial: ['#fff3c4', '#6d4c00'],
  excluded: ['#ffd6d6', '#8b0000'],
  worse: ['#ffd6d6', '#8b0000'],
  none: ['#ffd6d6', '#8b0000'],
  'not-eligible': ['#f0d0d0', '#5c0000'],
  'not-encoded': ['#e8e0f5', '#4a148c'],
};

/** A small inline SVG glyph per tone, so print in black and white still tells them apart. */
function glyph(t: Tone): string {
  const [, fg] = TONE_COLOURS[t];
  const shape =
    t === 'eligible' || t === 'better' || t === 'full'
      ? `<path d="M2 6 L5 9 L10 3" fill="none" stroke="${fg}" stroke-width="2"/>`
      : t === 'undetermined' || t === 'partial'
        ? `<circle cx="6" cy="6" r="4" fill="none" stroke="${fg}" stroke-width="2"/>`
        : t === 'not-encoded'
          ? `<path d="M2 6 H10" stroke="${fg}" stroke-width="2"/>`
          : `<path d="M3 3 L9 9 M9 3 L3 9" stroke="${fg}" stroke-width="2"/>`;
  return `<svg class="g" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">${shape}</svg>`;
}

export function renderDocHtml(doc: Document): string {
  const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:24px;max-width:1400px}
h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:20px 0 8px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:8px 0 16px;width:100%}caption{text-align:left;font-style:italic;padding:4px 0}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eee}
td.row{font-weight:600;background:#fafafa;max-width:28ch}tr.differs td.row::before{content:"≠ ";color:#8b0000}
tr.differs td{border-top:2px solid #333}
${Object.entries(TONE_COLOURS)
  .map(([t, [bg, fg]]) => `td.t-${t}{background:${bg};color:${fg};font-weight:600}`)
  .join('\n')}
.legend span{display:inline-block;margin-right:12px}.g{vertical-align:-1px;margin-right:3px}
.bars svg{display:block}p{max-width:100ch}
@media print{body{margin:8mm;font-size:10pt}table{page-break-inside:auto}tr{page-break-inside:avoid}
td[class^="t-"]{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;
  const tones = new Set<Tone>();
  for (const b of doc.blocks) if (b.kind === 'table') for (const r of b.table.rows) for (const c of r) if (c.tone) tones.add(c.tone);
  const legend = tones.size
    ? `<p class="legend">${[...tones].map((t) => `<span class="t-${t}">${glyph(t)}${escapeHtml(TONE_WORDS[t])}</span>`).join('')}${doc.blocks.some((b) => b.kind === 'table' && b.table.differs?.length) ? `<span>≠ the row differs between laws</span>` : ''}</p>`
    : '';
  const body = doc.blocks.map(htmlBlock).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(oneLine(doc.title))}</title><style>${css}</style></head>
<body><h1>${escapeHtml(oneLine(doc.title))}</h1>
${legend}
${body}
</body></html>
`;
}

function htmlCell(cell: DocCell, tag: 'td' | 'th', cls: string[]): string {
  const classes = [...cls, ...(cell.tone ? [`t-${cell.tone}`] : [])];
  const text = clean(cell.text)
    .split('\n')
    .map((l) => escapeHtml(l.trim()))
    .join('<br>');
  return `<${tag}${classes.length ? ` class="${classes.join(' ')}"` : ''}${cell.tone ? ` data-tone="${cell.tone}"` : ''}>${cell.tone ? glyph(cell.tone) : ''}${text}</${tag}>`;
}

function htmlBlock(b: Block): string {
  if (b.kind === 'heading') return `<h2>${escapeHtml(oneLine(b.text))}</h2>`;
  if (b.kind === 'para') return `<p>${escapeHtml(oneLine(b.text))}</p>`;
  if (b.kind === 'bars') {
    const h = 22;
    const rows = b.bars
      .map((x, i) => {
        const w = x.max > 0 ? Math.round((x.value / x.max) * 300) : 0;
        return `<text x="0" y="${i * h + 15}" font-size="12">${escapeHtml(oneLine(x.label))}</text><rect x="190" y="${i * h + 4}" width="300" height="14" fill="#eee" stroke="#999"/><rect x="190" y="${i * h + 4}" width="${w}" height="14" fill="#2e7d32"/><text x="500" y="${i * h + 15}" font-size="12">${escapeHtml(oneLine(x.text))}</text>`;
      })
      .join('');
    return `<figure class="bars"><figcaption>${escapeHtml(oneLine(b.caption))}</figcaption><svg width="700" height="${b.bars.length * h + 4}" viewBox="0 0 700 ${b.bars.length * h + 4}" role="img" aria-label="${escapeHtml(oneLine(b.caption))}">${rows}</svg></figure>`;
  }
  const t = b.table;
  const differs = new Set(t.differs ?? []);
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(oneLine(c))}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map((r, i) => `<tr${differs.has(i) ? ' class="differs"' : ''}>${r.map((cell, j) => htmlCell(cell, 'td', j === 0 ? ['row'] : [])).join('')}</tr>`)
    .join('\n');
  return `<table>${t.caption ? `<caption>${escapeHtml(oneLine(t.caption))}</caption>` : ''}<thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Render a document in a format other than json (json is the view's own data). */
export function renderDoc(doc: Document, format: Exclude<ViewFormat, 'json'>, color: boolean): string {
  if (format === 'markdown') return renderDocMarkdown(doc);
  if (format === 'csv') return renderDocCsv(doc);
  if (format === 'html') return renderDocHtml(doc);
  return renderDocText(doc, { color });
}
