/**
 * Parsing YAML and JSON text with source positions. Knows nothing of files on disk: it takes a name and
 * the text. Every problem — syntax, duplicate keys, alias bombs, excessive size or depth — comes back as
 * located data.
 */
import { CST, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { formatPath, type PathSegment, type Problem, work } from './problems.js';

export const LIMITS = {
  /** Largest file read, in bytes (enforced while reading: a device or a growing file cannot go past it). */
  maxBytes: 5_000_000,
  /** Largest input accepted, in characters. */
  maxChars: 5_000_000,
  /**
   * Values in one document (scalars, aliases, lists, mappings; a `key: value` pair counts three: the key, the
   * colon, the value), counted from the parser's tokens before the document is built, and again once
   * aliases are expanded: a file of two million list items, or a few aliases to a large list, is refused
   * before it is built. Real files are far below it: a case of 1,000 offences with every field counts
   * about 38,000; the largest shipped law about 5,200.
   */
  maxNodes: 100_000,
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
  const tokens = countValues(text);
  if (tokens) return at(...linePos(text, tokens.offset), 'input.too-many-values', `document has too many values (more than ${LIMITS.maxNodes}): refused before it is built`);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys off: the library's check compares every key with every other (quadratic); ours is linear.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false, resolveKnownTags: false });
  } catch (e) {
    // The parser recurses on nested flow collections; a pathological document can exhaust the stack.
    return at(1, 1, 'input.too-deep', `document is nested too deeply (more than ${LIMITS.maxDepth} levels)`);
  }
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, path: '', code: 'yaml.syntax', message: cleanYamlMessage(err.message) });
  }
  // Warnings are errors: an unknown tag (`!evil theft`, `!!js/function`) would otherwise be read as plain text.
  for (const w of doc.warnings) {
    const pos = lineCounter.linePos(w.pos[0]);
    const tag = w.code === 'TAG_RESOLVE_FAILED';
    problems.push({ file, line: pos.line, col: pos.col, path: '', code: tag ? 'yaml.tag' : 'yaml.warning', message: tag ? `${cleanYamlMessage(w.message)}: tags are not part of this file format` : cleanYamlMessage(w.message) });
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
  const depthProblem = checkDepth(doc.contents as Node | null, lineCounter);
  if (depthProblem) return at(depthProblem.line, depthProblem.col, 'input.too-deep', `document is nested too deeply (more than ${LIMITS.maxDepth} levels)`);
  const shape = checkShape(doc.contents as Node | null);
  if (shape.length)
    return {
      ok: false,
      problems: shape.slice(0, 20).map((p) => {
        const pos = lineCounter.linePos(p.offset);
        return { file, line: pos.line, col: pos.col, path: '', code: p.code, message: p.message };
      }),
    };
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
        work.locateSteps++;
        let next: Node | null = null;
        let keyStart: number | undefined;
        if (isMap(node)) {
          const item = keyIndex(node).get(String(seg));
          if (item) {
            next = (item.value as Node | null) ?? null;
            keyStart = (item.key as Node).range?.[0];
            if (next === null || !next.range) next = item.key as Node;
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
  const reserved = reservedKeyPath(value);
  if (reserved) return { ok: false, problems: [problemAt(source, reserved, 'input.reserved-key', `"${String(reserved.at(-1))}" is not a field of this file (reserved name)`, true)] };
  return { ok: true, source };
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Every object and list in parsed data with its path, depth first and in order; iterative (no stack to
 * overflow) and each object visited once (an alias that repeats or contains a node cannot loop). `enter`
 * returns the keys of the node not to go into, or 'stop' to end the walk.
 */
export function walkData(root: unknown, enter: (node: object, path: PathSegment[]) => readonly string[] | 'stop' | void): void {
  const seen = new Set<object>();
  const stack: Array<[unknown, PathSegment[]]> = [[root, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const skip = enter(value, path);
    if (skip === 'stop') return;
    const entries: Array<[PathSegment, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value).filter(([k]) => !skip?.includes(k));
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], [...path, entries[i]![0]]]);
  }
}

/** The path of the first reserved key, depth first. */
function reservedKeyPath(root: unknown): PathSegment[] | undefined {
  let found: PathSegment[] | undefined;
  walkData(root, (node, path) => {
    if (Array.isArray(node)) return;
    const k = Object.keys(node).find((key) => RESERVED_KEYS.has(key));
    if (k === undefined) return;
    found = [...path, k];
    return 'stop';
  });
  return found;
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

/** Pairs of a mapping by key text, built once per mapping: `locate` is linear in the path, not in the file. */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    work.indexedKeys += map.items.length;
    for (const item of map.items) if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    keyIndexes.set(map, index);
  }
  return index;
}

const VALUE_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'alias', 'flow-map-start', 'flow-seq-start', 'seq-item-ind', 'map-value-ind', 'explicit-key-ind']);

/**
 * Counts the values a document will have from the lexer's tokens (constant memory: the lexer is a
 * generator), and stops at the first one past LIMITS.maxNodes. Every value of the built document starts
 * with one of these tokens, so this bounds what parseDocument would build.
 */
function countValues(text: string): { offset: number } | undefined {
  let n = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type !== null && VALUE_TOKENS.has(type) && ++n > LIMITS.maxNodes) return { offset };
    // The lexer's markers for a document, a scalar and a flow end are not source text.
    if (!(token.length === 1 && (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END))) offset += token.length;
  }
  return undefined;
}

function linePos(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return [line, Math.max(1, offset - lineStart + 1)];
}

/**
 * One pass over the built document, in document order, before it is turned into data: a key repeated in a
 * mapping (compared as the text it becomes, so `1` and "1" collide as they would in the data; an alias key as
 * the value it names), a key that is a list or a mapping (or an alias to one), an alias inside the very node
 * it names (a cycle no walk could finish), and the size of the document once every alias is expanded (each alias counts the whole of what it
 * names, so 99 aliases to a large list count 99 times its size). Linear in the document; each anchored
 * node's expanded size is computed once.
 */
function checkShape(root: Node | null): Array<{ offset: number; code: string; message: string }> {
  const found: Array<{ offset: number; code: string; message: string }> = [];
  if (!root) return found;
  const anchors = new Map<string, Node>();
  const size = new Map<Node, number>();
  // Post-order by an explicit stack: [node, children pushed?]
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [node, expanded] = top;
    if (!expanded) {
      top[1] = true;
      if (node.anchor) anchors.set(node.anchor, node);
      if (isMap(node)) {
        const keys = new Map<string, number>();
        for (const item of node.items) {
          if (isScalar(item.key)) {
            const k = String(item.key.value);
            if (keys.has(k)) found.push({ offset: item.key.range?.[0] ?? 0, code: 'yaml.syntax', message: 'Map keys must be unique' });
            else keys.set(k, 0);
          }
        }
      }
      const children: Node[] = [];
      if (isMap(node)) for (const item of node.items) for (const c of [item.key, item.value]) if (c && typeof c === 'object' && 'range' in c) children.push(c as Node);
      if (isSeq(node)) for (const c of node.items) if (c && typeof c === 'object') children.push(c as Node);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
      continue;
    }
    stack.pop();
    let n = 1;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target !== undefined) {
        const s = size.get(target);
        if (s === undefined)
          return [{ offset: node.range?.[0] ?? 0, code: 'yaml.cyclic-alias', message: `alias *${node.source} refers to a node that contains it: the data would never end` }];
        n = s;
      }
    } else if (isMap(node)) {
      for (const item of node.items) for (const c of [item.key, item.value]) if (c && typeof c === 'object') n += size.get(c as Node) ?? 0;
      // No field of these formats is named by a list or a mapping; the parser would turn one into text (and print
      // a warning of its own on the terminal). Checked once the keys are read, so an alias key's anchor is known.
      // A key written as an alias to a plain value is that value: it must not repeat another key either.
      const names = new Set(node.items.flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : [])));
      for (const item of node.items) {
        const key = isAlias(item.key) ? anchors.get(item.key.source) : item.key;
        if (isCollection(key)) found.push({ offset: (item.key as Node).range?.[0] ?? 0, code: 'yaml.collection-key', message: 'a key must be a name, not a list or a mapping' });
        else if (isAlias(item.key) && isScalar(key)) {
          const k = String(key.value);
          if (names.has(k)) found.push({ offset: item.key.range?.[0] ?? 0, code: 'yaml.syntax', message: 'Map keys must be unique' });
          names.add(k);
        }
      }
    } else if (isSeq(node)) {
      for (const c of node.items) if (c && typeof c === 'object') n += size.get(c as Node) ?? 0;
    }
    size.set(node, n);
    if (n > LIMITS.maxNodes)
      return [{ offset: node.range?.[0] ?? 0, code: 'yaml.aliases', message: `aliases expand the document past ${LIMITS.maxNodes} values: refused rather than expanded` }];
  }
  return found;
}
