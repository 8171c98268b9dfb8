/**
 * Text from case and law files is input: before it reaches a terminal, a markdown memo or an HTML page it
 * loses control characters (escape sequences could rewrite the terminal) and bidirectional overrides (they
 * could make a citation read differently from what it says), and its markup characters are escaped.
 * (A local copy until the project's shared module lands; the functions are the same in spirit.)
 */

/** C0 and C1 controls except tab and newline; the bidi embeddings, overrides, isolates and marks. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text safe to print: no control or bidi characters; newlines kept only when `multiline`. */
export function plain(s: string, multiline = false): string {
  const out = s.replace(UNSAFE, '');
  return multiline ? out : out.replace(/[\t\n]+/g, ' ');
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML element content or a quoted attribute. */
export function html(s: string): string {
  return plain(s).replace(/[&<>"']/g, (ch) => HTML[ch]!);
}

/** Text for markdown within a line (the memo never starts a line with input): markup characters escaped, so input cannot add links, emphasis, headings or HTML. */
export function markdown(s: string): string {
  return plain(s)
    .replace(/([\\`*_[\]<>|~#])/g, '\\$1')
    .replace(/&/g, '&amp;');
}

/** A URL for a link: only http(s), and nothing that could break out of the link syntax; null otherwise. */
export function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  const s = plain(u).trim();
  if (!/^https?:\/\/[^\s<>"'`()\\]+$/i.test(s)) return null;
  return s;
}
