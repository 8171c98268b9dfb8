/**
 * Parsing YAML and JSON text with source positions. Knows nothing of files on disk: it takes a name and
 * the text. Every problem — syntax, duplicate keys, alias bombs, excessive size or depth — comes back as
 * located data.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatPath, type PathSegment, type Problem } from './problems.js';

export const LIMITS = {
  /** Largest input accepted, in characters. */
  maxChars: 5_000_000,
  /** Deepest nesting of maps and lists accepted. */
  maxDepth: 64,
  /** Aliases resolved in one document must stay below this (an alias bomb is refused, not expanded). */
  maxAliases: 100,
  /**
   * Nesting refused before the YAML parser runs. The parser recurses per level: a few thousand levels
   * overflow the stack, and once that has happened V8 can abort the whole process the next time (a fatal
   * "RegExpCompiler allocation failed"), which no try/catch can turn into a message.
   */
  maxScannedDepth: 512,
};

export interface Source {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[], key?: boolean): { line: number; col: number };
}

export type ParseResult = { ok: true; source: Source } | { ok: false; problems: Problem[] };

export function parseSource(file: string, text: string): ParseResult {
  const at = (line: number, col: number, code: string, message: string): ParseResult => ({
    ok: false,
    problems: [{ file, line, col, path: '', code, message }],
  });
  if (text.length > LIMITS.maxChars)
    return at(1, 1, 'input.too-large', `file is too large (${text.length} characters; the limit is ${LIMITS.maxChars})`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\uFFFD'))
    return at(...firstPos(text, '\uFFFD'), 'input.encoding', 'file is not valid UTF-8 text');
  if (text.includes('\u0000')) return at(...firstPos(text, '\u0000'), 'input.encoding', 'file contains a NUL byte: not a text file');
  const deep = deepestPoint(text);
  if (deep) return at(deep.line, deep.col, 'input.too-deep', `document is nested too deeply (more than ${LIMITS.maxDepth} levels)`);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: false });
  } catch (e) {
    // The parser recurses on nested flow collections; a pathological document can exhaust the stack.
    return at(1, 1, 'input.too-deep', `document is nested too deeply (more than ${LIMITS.maxDepth} levels)`);
  }
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, path: '', code: 'yaml.syntax', message: cleanYamlMessage(err.message) });
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
  const depthProblem = checkDepth(doc.contents as Node | null, lineCounter);
  if (depthProblem) return at(depthProblem.line, depthProblem.col, 'input.too-deep', `document is nested too deeply (more than ${LIMITS.maxDepth} levels)`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Only the alias-count guard is an alias bomb; an alias to an anchor not (yet) defined is a plain error.
    if (/excessive alias/i.test(message))
      return at(1, 1, 'yaml.aliases', `too many aliases (more than ${LIMITS.maxAliases}): refused rather than expanded`);
    const alias = unresolvedAlias(doc);
    const pos = alias !== null ? lineCounter.linePos(alias) : { line: 1, col: 1 };
    return at(pos.line, pos.col, 'yaml.syntax', cleanYamlMessage(message));
  }
  const contents = doc.contents as Node | null;
  const source: Source = {
    file,
    value,
    locate(path, key = false) {
      let node: Node | null = contents;
      let best = node && node.range ? node.range[0] : 0;
      for (const seg of path) {
        if (!node) break;
        let next: Node | null = null;
        let keyStart: number | undefined;
        if (isMap(node)) {
          for (const item of node.items) {
            if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(seg)) {
              next = (item.value as Node | null) ?? null;
              keyStart = (item.key as Node).range?.[0];
              if (next === null || !next.range) next = item.key as Node;
              break;
            }
          }
        } else if (isSeq(node) && typeof seg === 'number') {
          next = (node.items[seg] as Node | undefined) ?? null;
        }
        if (!next) break;
        node = next;
        if (key && seg === path[path.length - 1] && keyStart !== undefined) best = keyStart;
        else if (node.range) best = node.range[0];
      }
      const pos = lineCounter.linePos(best);
      return { line: pos.line, col: pos.col };
    },
  };
  // Keys that name JavaScript's object machinery are never fields of ours; refused wherever they appear
  // (a schema that drops them silently would let a misspelt or hostile file pass).
  const reserved = reservedKeyPath(value, []);
  if (reserved) return { ok: false, problems: [problemAt(source, reserved, 'input.reserved-key', `"${String(reserved.at(-1))}" is not a field of this file (reserved name)`, true)] };
  return { ok: true, source };
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function reservedKeyPath(value: unknown, path: PathSegment[]): PathSegment[] | undefined {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = reservedKeyPath(v, [...path, i]);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (RESERVED_KEYS.has(k)) return [...path, k];
      const hit = reservedKeyPath(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Problem at `path` in a parsed source: located on the node, or its key for unknown keys. */
export function problemAt(source: Source, path: readonly PathSegment[], code: string, message: string, onKey = false): Problem {
  const { line, col } = source.locate(path, onKey);
  return { file: source.file, line, col, path: formatPath(path), code, message };
}

/**
 * Where an upper bound on the nesting depth first passes LIMITS.maxScannedDepth, read from the raw text:
 * open flow brackets (wherever they are, even quoted — a generous count is safe), plus the indentation and
 * the block indicators (`- `, `? `) that open a line. Every nesting level needs one of these.
 */
function deepestPoint(text: string): { line: number; col: number } | undefined {
  let flow = 0;
  let line = 1;
  let lineStart = 0;
  let block = 0;
  let atIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      block = 0;
      atIndent = true;
      continue;
    }
    if (atIndent) {
      if (c === 32 || c === 9) block++;
      else if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) block++;
      else atIndent = false;
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    if (flow + block > LIMITS.maxScannedDepth) return { line, col: i - lineStart + 1 };
  }
  return undefined;
}

function firstPos(text: string, ch: string): [number, number] {
  const i = text.indexOf(ch);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const col = i - before.lastIndexOf('\n');
  return [line, col];
}

/** The parser's first line (parsed with prettyErrors off, so it carries no position of its own). */
function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]!.trim();
}

function checkDepth(root: Node | null, lc: LineCounter): { line: number; col: number } | undefined {
  if (!root) return undefined;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > LIMITS.maxDepth) {
        const r = (node as Node).range;
        return lc.linePos(r ? r[0] : 0);
      }
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1]);
          stack.push([item.value, depth + 1]);
        } else stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Where the first alias to an anchor not set before it stands (the offset), if there is one. */
function unresolvedAlias(doc: Document.Parsed): number | null {
  const anchors = new Set<string>();
  let found: number | null = null;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = node.range?.[0] ?? null;
          return visit.BREAK;
        }
      } else if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}
