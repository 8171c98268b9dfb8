/**
 * The structural difference between two law files: provisions, limbs and fields; exception lists and
 * their entries; attributes; the coercion definition; offence-table rows; instruments. Each item says
 * where it is in either file. No I/O.
 */
import type { PathSegment } from '../load/problems.js';
import type { Trace, TracedLaw } from './trace.js';

export interface DiffItem {
  change: 'added' | 'removed' | 'changed';
  what: 'provision' | 'limb' | 'field' | 'exception-list' | 'entry' | 'attribute' | 'coercion' | 'offence' | 'instrument' | 'provenance';
  /** The provision, list, entry, attribute or offence code, and for a field or limb its name: `msa-2015-s45-adult.nexus`. */
  id: string;
  detail: string;
  from: Trace | null;
  to: Trace | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(v: unknown, max = 80): string {
  if (v === undefined) return '(absent)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Fields whose change is wording, not law: listed as changed, without the values. */
const WORDING = new Set(['text', 'summary', 'title', 'label']);
/** Where the wording was read and the notes on it: counted together in one item, not one per place. */
const PROVENANCE = new Set(['source', 'note']);

function byKey<T>(items: readonly T[] | undefined, key: (t: T) => string): Map<string, { item: T; index: number }> {
  return new Map((items ?? []).map((item, index) => [key(item), { item, index }]));
}

export function diffLaws(a: TracedLaw, b: TracedLaw): DiffItem[] {
  const out: DiffItem[] = [];
  const provenance: { from: Trace; to: Trace }[] = [];
  const fa = a.file;
  const fb = b.file;

  /** Added, removed and changed items of a keyed list, then field by field inside the changed ones. */
  const list = <T extends object>(what: DiffItem['what'], path: PathSegment[], ia: readonly T[] | undefined, ib: readonly T[] | undefined, key: (t: T) => string, inner?: (x: T, y: T, pa: PathSegment[], pb: PathSegment[], id: string) => void) => {
    const ma = byKey(ia, key);
    const mb = byKey(ib, key);
    for (const [id, { item, index }] of ma)
      if (!mb.has(id)) out.push({ change: 'removed', what, id, detail: `${what} ${id} removed${'label' in item ? `: ${show((item as { label: unknown }).label, 300)}` : ''}`, from: a.at([...path, index]), to: null });
    for (const [id, { item, index }] of mb)
      if (!ma.has(id)) out.push({ change: 'added', what, id, detail: `${what} ${id} added${'label' in item ? `: ${show((item as { label: unknown }).label, 300)}` : ''}`, from: null, to: b.at([...path, index]) });
    for (const [id, x] of ma) {
      const y = mb.get(id);
      if (!y || same(x.item, y.item)) continue;
      const pa = [...path, x.index];
      const pb = [...path, y.index];
      if (inner) inner(x.item, y.item, pa, pb, id);
      else fields(what, id, x.item, y.item, pa, pb);
    }
  };

  /** Field by field, into nested maps and equal-length lists of maps; wording and provenance summarised. */
  const fields = (what: DiffItem['what'], id: string, x: object, y: object, pa: PathSegment[], pb: PathSegment[], skip: string[] = []) => {
    const xr = x as Record<string, unknown>;
    const yr = y as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(xr), ...Object.keys(yr)])]) {
      const u = xr[k];
      const v = yr[k];
      if (skip.includes(k) || same(u, v)) continue;
      if (PROVENANCE.has(k)) {
        provenance.push({ from: a.at([...pa, k]), to: b.at([...pb, k]) });
        continue;
      }
      const isMapping = (z: unknown) => !!z && typeof z === 'object' && !Array.isArray(z);
      if (isMapping(u) && isMapping(v)) {
        fields(what, `${id}.${k}`, u as object, v as object, [...pa, k], [...pb, k]);
        continue;
      }
      if (Array.isArray(u) && Array.isArray(v) && u.length === v.length && u.every(isMapping) && v.every(isMapping)) {
        u.forEach((ui, i) => {
          if (!same(ui, v[i])) fields(what, `${id}.${k}[${i}]`, ui as object, v[i] as object, [...pa, k, i], [...pb, k, i]);
        });
        continue;
      }
      const detail = WORDING.has(k) ? `${k} reworded` : `${k}: ${show(u)} → ${show(v)}`;
      out.push({
        change: u === undefined ? 'added' : v === undefined ? 'removed' : 'changed',
        what: what === 'provision' ? 'field' : what,
        id: `${id}.${k}`,
        detail,
        from: u === undefined ? null : a.at([...pa, k]),
        to: v === undefined ? null : b.at([...pb, k]),
      });
    }
  };

  list('instrument', ['instruments'], fa.instruments, fb.instruments, (i) => i.id);
  if (!same(fa.coercion, fb.coercion)) fields('coercion', 'coercion', fa.coercion, fb.coercion, ['coercion'], ['coercion']);
  const attrs = new Set([...Object.keys(fa.attributes ?? {}), ...Object.keys(fb.attributes ?? {})]);
  for (const k of [...attrs].sort()) {
    const x = fa.attributes?.[k];
    const y = fb.attributes?.[k];
    if (same(x, y)) continue;
    if (x && y && x.value === y.value) {
      fields('attribute', k, x, y, ['attributes', k], ['attributes', k], ['value']);
      continue;
    }
    out.push({
      change: !x ? 'added' : !y ? 'removed' : 'changed',
      what: 'attribute',
      id: k,
      detail: `${k}: ${x ? x.value : '(absent)'} → ${y ? y.value : '(absent)'}`,
      from: x ? a.at(['attributes', k]) : null,
      to: y ? b.at(['attributes', k]) : null,
    });
  }
  list('provision', ['provisions'], fa.provisions, fb.provisions, (p) => p.id, (x, y, pa, pb, id) => {
    fields('provision', id, x, y, pa, pb, ['limbs']);
    const la = x.limbs ?? {};
    const lb = y.limbs ?? {};
    for (const k of [...new Set([...Object.keys(la), ...Object.keys(lb)])]) {
      if (la[k] === lb[k]) continue;
      out.push({
        change: la[k] === undefined ? 'added' : lb[k] === undefined ? 'removed' : 'changed',
        what: 'limb',
        id: `${id}.limbs.${k}`,
        detail: `limb ${k}: ${show(la[k])} → ${show(lb[k])}`,
        from: la[k] === undefined ? null : a.at([...pa, 'limbs', k]),
        to: lb[k] === undefined ? null : b.at([...pb, 'limbs', k]),
      });
    }
  });
  list('exception-list', ['exception_lists'], fa.exception_lists, fb.exception_lists, (l) => l.id, (x, y, pa, pb, id) => {
    fields('exception-list', id, x, y, pa, pb, ['entries']);
    const ma = byKey(x.entries, (e) => e.id);
    const mb = byKey(y.entries, (e) => e.id);
    for (const [eid, e] of ma) if (!mb.has(eid)) out.push({ change: 'removed', what: 'entry', id: eid, detail: `entry ${eid} removed from ${id}: ${show(e.item.label, 300)}`, from: a.at([...pa, 'entries', e.index]), to: null });
    for (const [eid, e] of mb) if (!ma.has(eid)) out.push({ change: 'added', what: 'entry', id: eid, detail: `entry ${eid} added to ${id}: ${show(e.item.label, 300)}`, from: null, to: b.at([...pb, 'entries', e.index]) });
    for (const [eid, e] of ma) {
      const f = mb.get(eid);
      if (f && !same(e.item, f.item)) fields('entry', eid, e.item, f.item, [...pa, 'entries', e.index], [...pb, 'entries', f.index]);
    }
  });
  list('offence', ['offences'], fa.offences, fb.offences, (o) => o.code);
  if (provenance.length)
    out.push({
      change: 'changed',
      what: 'provenance',
      id: 'source/note',
      detail: `source or note reworded in ${provenance.length} place(s), first at lines ${provenance[0]!.from.line} → ${provenance[0]!.to.line}`,
      from: provenance[0]!.from,
      to: provenance[0]!.to,
    });
  return out;
}
