/**
 * Traces: every figure a drafting view shows points at the line of a law file that holds it. A trace is
 * the file (as the user named it, or `jurisdictions/<id>.yaml` for a shipped law), the 1-based line and
 * the field path read there.
 */
import type { LoadedLaw } from '../law.js';
import { formatPath, type PathSegment } from '../load/problems.js';
import type { JurisdictionFile, Provision } from '../schema/jurisdiction.js';

export interface Trace {
  file: string;
  line: number;
  /** The field read, e.g. `provisions[0].nexus`. */
  path: string;
}

/** A law as the drafting views read it: its parsed file and a way to locate any field in it. */
export interface TracedLaw {
  id: string;
  file: JurisdictionFile;
  /** The name traces give for the file. */
  name: string;
  at(path: readonly PathSegment[]): Trace;
  /** The date the law is read at, and its provisions in force that day (the views read only these). */
  asOf: string;
  provisions: Provision[];
  /** Provisions of the file not in force on `asOf` (shown, never silently dropped). */
  notInForce: Provision[];
  /** The text of a line of the file (for showing the line that made a difference). */
  lineText(line: number): string;
}

export function inForceOn(p: Provision, date: string): boolean {
  return (!p.in_force.from || p.in_force.from <= date) && (!p.in_force.to || date < p.in_force.to);
}

export function tracedLaw(l: LoadedLaw, asOf: string): TracedLaw {
  const name = l.draft ? l.path : `jurisdictions/${l.compiled.file.id}.yaml`;
  const lines = l.text.split(/\r?\n/);
  const all = l.compiled.file.provisions;
  return {
    id: l.compiled.file.id,
    file: l.compiled.file,
    name,
    asOf,
    provisions: all.filter((p) => inForceOn(p, asOf)),
    notInForce: all.filter((p) => !inForceOn(p, asOf)),
    // On the key for a named field (the line that says `nexus: compelled`), on the item for a list element;
    // a field the file does not have is traced to the nearest one it does (and the path says which).
    at: (path) => {
      const found = existing(l.source.value, path);
      return { file: name, line: l.source.locate(found, typeof found[found.length - 1] === 'string').line, path: formatPath(found) };
    },
    lineText: (line) => lines[line - 1] ?? '',
  };
}

export function traceText(t: Trace): string {
  return `${t.file}:${t.line}`;
}

/** The longest prefix of `path` that exists in the value. */
function existing(value: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let v: unknown = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) break;
    v = (v as Record<string | number, unknown>)[seg];
    out.push(seg);
  }
  return out;
}
