/**
 * The names the scenario and drafting renderers use for neutralising input text. Every rule lives in
 * neutralise.ts (one place: which characters are unsafe, how each format escapes); this file only names.
 */
import { csvCell, htmlLines, lines, markdown as md, plain as onePlainLine } from './neutralise.js';

/** Lines kept, each made inert (control and bidi characters shown as visible escapes). */
export const plain = lines;
export const clean = lines;
/** One line: line breaks and tabs read as one space. */
export const oneLine = (s: string): string => onePlainLine(s).trim();
/** HTML text; line breaks kept for the page's CSS. */
export const html = htmlLines;
export const escapeHtml = htmlLines;
/** Inline markdown on one line, every piece of syntax escaped. */
export const markdown = md;
export const escapeMarkdown = md;
/** A CSV cell that a spreadsheet shows as text, never runs as a formula. */
export const csvField = csvCell;
