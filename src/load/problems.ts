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

/** `file:line:col  field.path  message` — one line, the format every front end prints. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const msg = p.message.replace(/\s*\n\s*/g, ' ');
  return p.path ? `${where}  ${p.path}  ${msg}` : `${where}  ${msg}`;
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

/** Closest candidate by edit distance, for "did you mean" hints. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestD <= Math.max(2, Math.floor(input.length / 3)) || best.startsWith(input) ? best : undefined;
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

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
