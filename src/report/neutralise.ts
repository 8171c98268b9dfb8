/**
 * Text that came from input — labels, statutes, ids, keys, file names, citations, notes, URLs — made safe
 * for the place it is printed. The one module every renderer and the problem lines use:
 *
 *   plain(text)     a terminal or a text file: one line; no control character, ANSI escape or bidi override
 *                   survives (each is shown as a visible escape such as \x1B or \u202E), line breaks and
 *                   tabs become a space, so no text can clear the screen, set the title, forge a second
 *                   line with a location of its own choosing, or reorder what follows it.
 *   markdown(text)  plain, then every character markdown reads as syntax escaped with a backslash.
 *   html(text)      plain, then & < > " ' as entities (safe in element content and in quoted attributes).
 *   csvCell(text)   plain, a cell that a spreadsheet would read as a formula (= + - @) prefixed with ',
 *                   and quoted when it holds a comma or a quote.
 *   httpUrl(text)   the URL when it is a plain http(s) URL that is safe to print as a link, else undefined.
 *
 * JSON output needs none of this: JSON.stringify escapes control characters, and the reader is a program.
 */

/**
 * Characters that act on a terminal or on the order of text instead of being read: C0 and C1 controls,
 * DEL, the bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators,
 * the byte-order mark, and the interlinear annotation marks. (Joiners U+200C/U+200D stay: several
 * scripts need them to spell words.)
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
/** Line breaks and tabs, with the spaces around them: read as one space. */
const BREAKS = /[ ]*[\r\n\t\u000b\u000c\u2028\u2029]+[ \r\n\t\u000b\u000c\u2028\u2029]*/g;

const visible = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** One line of inert text for a terminal or a text file (with `multiline`, the line breaks kept: see `lines`). */
export function plain(text: string, multiline = false): string {
  if (multiline) return lines(text);
  return String(text).replace(BREAKS, ' ').replace(UNSAFE, visible);
}

/**
 * Markdown syntax that acts wherever it stands: code, emphasis, links and images (a link needs "[", so
 * parentheses need no escape), raw HTML, table cells, strikethrough, entities (an entity could spell a
 * bidi override). CommonMark lets any ASCII punctuation be escaped with a backslash.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>|~&]/g;

/** Inert text for a markdown document (a memo pasted into a brief): no markup, no links, no HTML. */
export function markdown(text: string): string {
  return plain(text)
    .replace(MARKDOWN_SYNTAX, '\\$&')
    // What starts a block only at the start of a line: a heading, a list, a rule, a heading underline, a numbered list.
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // A bare URL would become a link in GitHub-flavoured markdown: break the autolink.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Inert text for HTML element content or a quoted attribute value. */
export function html(text: string): string {
  return plain(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * One CSV cell (RFC 4180) that a spreadsheet shows as text: a cell starting with = + - @ (after any spaces)
 * would be run as a formula, so it is prefixed with an apostrophe; a cell with a comma or a quote is quoted.
 */
export function csvCell(text: string): string {
  let cell = plain(text);
  if (/^\s*[=+\-@]/.test(cell)) cell = `'${cell}`;
  return /[",]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The URL, if it is an http(s) URL with nothing in it that could break out of a link or reorder text. */
export function httpUrl(text: string | null | undefined): string | undefined {
  if (text === undefined || text === null) return undefined;
  return /^https?:\/\/[^\s<>"'`\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]+$/.test(text) ? text : undefined;
}

/** Several lines of inert text (a narrative, a note): each line as `plain`, the line breaks kept. */
export function lines(text: string): string {
  return String(text)
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => plain(l))
    .join('\n');
}

/** Several lines of inert HTML text (the page's CSS decides how the breaks show). */
export function htmlLines(text: string): string {
  return lines(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** `httpUrl`, with null for "not a safe link" (the memo's renderers test for null). */
export function safeUrl(text: string | null | undefined): string | null {
  return httpUrl(text?.trim()) ?? null;
}
