import { editDistance } from '../law/edit-distance.js';
import { plain } from '../report/neutralise.js';
/** A problem found in an input file, located by file, line, column and field path. Plain data. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** Field path in dotted form, e.g. `offences[0].category`; empty for the whole document. */
  path: string;
  /** Stable code, e.g. `yaml.syntax`, `schema.unknown-key`, `ref.unknown-jurisdiction`. */
  code: string;
  message: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * `file:line:col  field.path  message` — one line, the format every front end prints. The file name, the
 * path (keys come from the input) and the message (it quotes input) are neutralised: a newline or an escape
 * sequence in any of them cannot forge a second problem line or act on the terminal.
 */
export function formatProblem(p: Problem): string {
  const where = `${plain(p.file)}:${p.line}:${p.col}`;
  const msg = plain(p.message);
  return p.path ? `${where}  ${plain(p.path)}  ${msg}` : `${where}  ${msg}`;
}

/** Thrown by loaders when input is bad; carries every problem found, never a stack trace to the user. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.path.localeCompare(b.path),
  );
}

/** At most this many problems are built and reported per file; past it they are counted ("and N more"). */
export const MAX_PROBLEMS_PER_FILE = 100;

/**
 * The problems of one file, built lazily: past MAX_PROBLEMS_PER_FILE a problem is only counted, so locating
 * it and working out a "did you mean" is never paid for 40,000 times. `done()` ends the list with one
 * located line saying how many more there are.
 */
export class ProblemList {
  private readonly list: Problem[] = [];
  private omitted = 0;
  private firstOmitted: (() => Problem) | undefined;
  constructor(private readonly max = MAX_PROBLEMS_PER_FILE) {}
  add(make: () => Problem): void {
    if (this.list.length < this.max) this.list.push(make());
    else if (this.omitted++ === 0) this.firstOmitted = make;
  }
  get length(): number {
    return this.list.length + this.omitted;
  }
  done(): Problem[] {
    if (!this.omitted || !this.firstOmitted) return this.list;
    const first = this.firstOmitted();
    return [
      ...this.list,
      { ...first, path: '', code: 'input.more-problems', message: `and ${this.omitted} more problem(s) in this file from here on, not listed (the first ${this.max} are)` },
    ];
  }
}

/**
 * Work counters, read by the resource test to check that work is bounded by the input (not timed): the
 * edit-distance cells computed for hints, the steps `locate` takes (one per path segment), and the keys
 * `locate` indexes (each mapping once).
 */
export const work = { editCells: 0, locateSteps: 0, indexedKeys: 0 };

/** Edit-distance cells one "did you mean" may compute: the hint is a courtesy, never a cost that grows with the file. */
export const SUGGEST_BUDGET = 200_000;

/** Closest candidate by edit distance, for "did you mean" hints; bounded work whatever the number of candidates. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 64) return undefined;
  const a = input.toLowerCase();
  const limit = Math.max(2, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  let budget = SUGGEST_BUDGET;
  for (const c of candidates) {
    if (c.length > 64) continue;
    const lc = c.toLowerCase();
    let d: number;
    if (Math.abs(c.length - a.length) > limit) {
      // Too far apart to be within the limit; only a candidate that extends the input can still be the hint.
      if (!lc.startsWith(a)) continue;
      d = c.length - a.length;
    } else {
      budget -= (a.length + 1) * (c.length + 1);
      if (budget < 0) break;
      work.editCells += (a.length + 1) * (c.length + 1);
      d = editDistance(a, lc);
    }
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestD <= limit || best.startsWith(input) ? best : undefined;
}

/** Up to `n` candidates nearest by edit distance (prefix matches first), for "did you mean" lists. */
export function nearest(input: string, candidates: readonly string[], n = 3): string[] {
  const lower = input.toLowerCase();
  const words = lower.split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
  const limit = Math.max(3, Math.floor(input.length / 2));
  return candidates
    .map((c) => {
      const cl = c.toLowerCase();
      // A candidate containing the input, or one of its words ("courier" in "border-courier-…"), is near.
      const d = cl.includes(lower) ? 0 : words.some((w) => cl.includes(w)) ? 1 : editDistance(lower, cl) + 1;
      return { c, d };
    })
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, n)
    .map((x) => x.c);
}
