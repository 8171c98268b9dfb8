/** Turning zod issues into located, one-line problems a lawyer or drafter can act on. */
import type { z } from 'zod';
import { type PathSegment, type Problem, ProblemList, suggest } from './problems.js';
import { problemAt, type Source } from './source.js';

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(String).join(', ');
  return values.length > 12 ? `${shown}, … (${values.length} in all)` : shown;
}

/** The field names a schema accepts at a path (through optional, arrays and records), for "did you mean". */
export function keysAt(schema: z.ZodType | undefined, path: readonly PathSegment[]): string[] {
  type Def = { type: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown; valueType?: unknown; in?: unknown };
  const def = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (s: unknown): unknown => {
    for (let i = 0; i < 20; i++) {
      const d = def(s);
      if (!d) return undefined;
      if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') s = d.innerType;
      else if (d.type === 'pipe') s = d.in;
      else return s;
    }
    return undefined;
  };
  let s: unknown = unwrap(schema);
  for (const seg of path) {
    const d = def(s);
    if (!d) return [];
    if (d.type === 'object' && typeof seg === 'string') s = unwrap(d.shape?.[seg]);
    else if (d.type === 'array') s = unwrap(d.element);
    else if (d.type === 'record') s = unwrap(d.valueType);
    else return [];
  }
  const d = def(s);
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** Each issue located in the source; past MAX_PROBLEMS_PER_FILE they are counted, not located ("and N more"). */
export function issuesToProblems(source: Source, issues: readonly z.core.$ZodIssue[], schema?: z.ZodType): Problem[] {
  const list = new ProblemList();
  const out = { push: (make: () => Problem) => list.add(make) };
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const received = valueAt(source.value, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const hint = suggest(key, keysAt(schema, path));
          out.push(() => problemAt(source, [...path, key], 'schema.unknown-key', `unknown field "${key}"${hint ? `; did you mean "${hint}"?` : ''} (a typo would otherwise become an unknown fact)`, true));
        }
        break;
      case 'invalid_type':
        out.push(() =>
          problemAt(
            source,
            path,
            received === undefined ? 'schema.required' : 'schema.type',
            received === undefined ? `required field is missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(received)}`,
          ),
        );
        break;
      case 'invalid_value': {
        const values = issue.values as unknown[];
        out.push(() => {
          const hint = typeof received === 'string' ? suggest(received, values.map(String)) : undefined;
          return problemAt(
            source,
            path,
            'schema.unknown-value',
            `unknown value ${JSON.stringify(received)}${hint ? `; did you mean "${hint}"?` : ''} (expected one of: ${listValues(values)})`,
          );
        });
        break;
      }
      case 'invalid_key': {
        const key = path[path.length - 1];
        out.push(() => problemAt(source, path, 'schema.unknown-key', `unknown key ${JSON.stringify(key)} here`, true));
        break;
      }
      case 'invalid_union':
        out.push(() => problemAt(source, path, 'schema.type', `got ${describe(received)}, which fits none of the accepted forms`));
        break;
      default:
        out.push(() => problemAt(source, path, `schema.${issue.code.replace(/_/g, '-')}`, issue.message));
    }
  }
  return list.done();
}
