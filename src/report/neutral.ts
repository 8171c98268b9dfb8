/**
 * Text from law and case files is input: before it reaches a terminal, markdown, HTML or CSV it is
 * neutralised here. Control characters (C0, C1, DEL) and bidirectional overrides are removed, so a file
 * cannot move the cursor, recolour the terminal or reorder what a reader sees; each format then
 * escapes its own syntax.
 */

// C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides, isolates and marks.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

/** Strip control and bidi characters (newlines and tabs kept). */
export function clean(s: string): string {
  return s.replace(UNSAFE, '');
}

/** One line: `clean`, with every run of whitespace (newlines included) made one space. */
export function oneLine(s: string): string {
  return clean(s).replace(/\s+/g, ' ').trim();
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Markdown: every character with a meaning in CommonMark or GFM tables is backslash-escaped; newlines become spaces. */
export function escapeMarkdown(s: string): string {
  return oneLine(s).replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

/** A CSV field: cleaned, quoted when needed, and never starting with = + - @ (or tab/CR) that a spreadsheet would run as a formula. */
export function csvField(s: string): string {
  let v = clean(s).replace(/\r\n?/g, '\n');
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
