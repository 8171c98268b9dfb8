/**
 * Text from input files (scenario narratives, labels, reasons) neutralised before it reaches a terminal,
 * a markdown slide deck or an HTML page: control and bidirectional-override characters stripped, then
 * the syntax of the target escaped. Renderers call these on every string that came from a file.
 */

// C0 controls except tab and newline, DEL, C1 controls; bidi embeddings, overrides, isolates and marks.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Strip control and bidi characters; keep newlines (use `oneLine` where a line break must not survive). */
export function plain(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** One line: controls and bidi stripped, every run of whitespace (newlines included) made one space. */
export function oneLine(s: string): string {
  return plain(s).replace(/\s+/g, ' ').trim();
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe inside HTML text and attribute values. */
export function html(s: string): string {
  return plain(s).replace(/[&<>"']/g, (ch) => HTML[ch]!);
}

/**
 * Safe inline in markdown (a paragraph, a list item, a table cell), on one line: emphasis, code, links,
 * HTML, tables and strike-through escaped everywhere; a block marker (heading, list, quote, rule) at the
 * start escaped; bare URLs kept from becoming links.
 */
export function markdown(s: string): string {
  return oneLine(s)
    .replace(/([\\`*_[\]<>|~&!])/g, '\\$1')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}
