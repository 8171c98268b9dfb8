/**
 * Laws side by side: one row per feature a drafter reads, one cell per law. Each cell is made of parts
 * (a value, the provisions' citations, the lines that hold it); a row differs when the laws' values
 * differ. No I/O.
 */
import type { PathSegment } from '../load/problems.js';
import type { Provision } from '../schema/jurisdiction.js';
import { DEFAULT_DATE_BASIS, DEFAULT_DISPOSITIONS, DISPOSITIONS, type Disposition } from '../vocabulary.js';
import { exclusions } from './exclusions.js';
import type { Trace, TracedLaw } from './trace.js';

export const COMPARE_SCHEMA_ID = 'nonpunishment/compare@1';

export interface FeaturePart {
  value: string;
  /** Citations (section) of the provisions or definitions the value comes from. */
  cites: string[];
  traces: Trace[];
}
export interface FeatureCell {
  jurisdiction: string;
  /** The value compared across the row. */
  value: string;
  parts: FeaturePart[];
}
export interface FeatureRow {
  feature: string;
  label: string;
  differs: boolean;
  cells: FeatureCell[];
}
export interface Comparison {
  schema: typeof COMPARE_SCHEMA_ID;
  asOf: string;
  laws: { jurisdiction: string; name: string; file: string; notInForce: string[] }[];
  rows: FeatureRow[];
}

const STAGE_LABEL: Record<Disposition, string> = {
  investigation: 'Relief at investigation',
  charged: 'Relief once charged',
  convicted: 'Relief after conviction',
  'arrest-record': 'Relief for an arrest record',
  penalty: 'Relief from a penalty or detention',
};

type Getter = (p: Provision) => string | string[] | undefined;

/** Parts grouped by value: each value once, with the citations and lines of every provision that gives it. */
function byProvision(law: TracedLaw, field: PathSegment[] | ((p: Provision) => PathSegment[]), get: Getter): FeaturePart[] {
  const parts = new Map<string, FeaturePart>();
  for (const p of law.provisions) {
    const v = get(p);
    if (v === undefined) continue;
    const i = law.file.provisions.indexOf(p);
    const f = typeof field === 'function' ? field(p) : field;
    for (const value of Array.isArray(v) ? v : [v]) {
      const part = parts.get(value) ?? { value, cites: [], traces: [] };
      const cite = citationText(law, p.citation);
      if (!part.cites.includes(cite)) part.cites.push(cite);
      part.traces.push(law.at(['provisions', i, ...f]));
      parts.set(value, part);
    }
  }
  return [...parts.values()];
}

function single(law: TracedLaw, path: PathSegment[], value: string, cite?: { instrument: string; section: string }): FeaturePart[] {
  return [{ value, cites: cite ? [citationText(law, cite)] : [], traces: [law.at(path)] }];
}

/** `Modern Slavery Act 2015, s.45(1)`: the instrument's title and the section. */
function citationText(law: TracedLaw, c: { instrument: string; section: string }): string {
  return `${law.file.instruments.find((i) => i.id === c.instrument)?.title ?? c.instrument}, ${c.section}`;
}

function cell(law: TracedLaw, parts: FeaturePart[], none = 'none'): FeatureCell {
  const ps = parts.length ? parts : [{ value: none, cites: [], traces: [law.at(['provisions'])] }];
  return { jurisdiction: law.id, value: ps.map((p) => p.value).join(' | '), parts: ps };
}

function ageText(p: Provision): string {
  const a = p.age;
  if (!a || (a.min === undefined && a.max === undefined)) return `${p.relief}: any age`;
  if (a.min !== undefined && a.max !== undefined) return `${p.relief}: ${a.max - 1 === a.min ? `${a.min} only` : `${a.min} to ${a.max - 1}`}`;
  return a.min !== undefined ? `${p.relief}: ${a.min} and over` : `${p.relief}: under ${a.max}`;
}

function meansText(p: Provision, who: 'adults' | 'children'): string {
  const m = p.means;
  const req = who === 'adults' ? m?.adults : (m?.children ?? (m ? 'not-required' : undefined));
  if (!req) return `${p.relief}: not required`;
  return `${p.relief}: ${req === 'required' ? `required${m?.accepted ? ` (${m.accepted.join(', ')})` : ''}` : 'not required'}`;
}

function timeText(p: Provision): string {
  const t = p.conditions?.time_limit;
  if (!t) return `${p.relief}: none${p.questions?.includes('due-diligence') ? ' (due diligence required)' : ''}`;
  const span = [t.years && `${t.years} years`, t.months && `${t.months} months`, t.days && `${t.days} days`].filter(Boolean).join(' ');
  return `${p.relief}: ${span} from ${t.from}`;
}

/** Count every object of the file that carries `verified`, and the lines of those that are not verified. */
function verification(law: TracedLaw): FeaturePart[] {
  let n = 0;
  const unverified: Trace[] = [];
  const walk = (v: unknown, path: PathSegment[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['verified'] === 'boolean') {
        n++;
        if (o['verified'] === false) unverified.push(law.at([...path, 'verified']));
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'citation') walk(x, [...path, k]);
    }
  };
  walk(law.file, []);
  return [{ value: `${n - unverified.length} of ${n} pieces verified${unverified.length ? `; ${unverified.length} not` : ''}`, cites: [], traces: unverified.length ? unverified : [law.at(['id'])] }];
}

export function compareLaws(laws: readonly TracedLaw[], often: { categories: readonly string[]; source: string }, asOf: string): Comparison {
  const rows: FeatureRow[] = [];
  const add = (feature: string, label: string, make: (l: TracedLaw) => FeatureCell) => {
    const cells = laws.map(make);
    rows.push({ feature, label, differs: new Set(cells.map((c) => c.value)).size > 1, cells });
  };
  for (const d of DISPOSITIONS)
    add(`stage-${d}`, STAGE_LABEL[d], (l) =>
      cell(l, byProvision(l, ['relief'], (p) => ((p.dispositions ?? DEFAULT_DISPOSITIONS[p.relief]).includes(d) ? `${p.relief} (${p.discretion})` : undefined))),
    );
  add('domains', 'Domains covered', (l) => cell(l, byProvision(l, ['domains'], (p) => [...p.domains])));
  add('detention', 'Immigration detention covered', (l) => attributeCell(l, 'immigration_detention_covered'));
  add('nexus', 'Nexus standard', (l) => cell(l, byProvision(l, ['nexus'], (p) => `${p.relief}: ${p.nexus}`)));
  add('nexus-words', 'Nexus: the words', (l) => cell(l, byProvision(l, ['nexus_words'], (p) => p.nexus_words), 'not given'));
  add('means-adults', 'Means required (adults)', (l) => cell(l, byProvision(l, (p) => (p.means ? ['means', 'adults'] : ['relief']), (p) => meansText(p, 'adults'))));
  add('means-children', 'Means required (children)', (l) => cell(l, byProvision(l, (p) => (p.means?.children ? ['means', 'children'] : ['relief']), (p) => meansText(p, 'children'))));
  add('coercive-control', 'Coercive control counts', (l) =>
    cell(l, single(l, ['coercion', 'recognises_coercive_control'], l.file.coercion.recognises_coercive_control ? 'yes' : 'no', l.file.coercion.citation)),
  );
  add('age', 'Age rules (at the offence)', (l) => cell(l, byProvision(l, (p) => (p.age ? ['age'] : ['relief']), ageText)));
  add('excluded', 'Excluded offences (by category)', (l) => {
    const ex = exclusions(l);
    if (!ex.lists.length) return cell(l, [], 'no exception list');
    const head: FeaturePart = { value: `${ex.total} excluded${ex.table ? '' : ' (no offence table: counts from exception entries only)'}`, cites: [], traces: ex.lists.map((x) => x.trace) };
    const cats = Object.entries(ex.byCategory).map(([c, n]) => ({ value: `${c}: ${n}`, cites: [], traces: ex.items.filter((x) => x.category === c).map((x) => x.trace) }));
    return cell(l, [head, ...cats]);
  });
  add('excluded-often', `Excluded offences victims are often made to commit (${often.source})`, (l) => {
    const ex = exclusions(l);
    const set = new Set(often.categories);
    return cell(
      l,
      ex.items.filter((x) => set.has(x.category)).map((x) => ({ value: `${x.label} (${x.category})`, cites: [], traces: [x.trace] })),
      ex.lists.length ? 'none of them excluded' : 'no exception list',
    );
  });
  add('cooperation', 'Cooperation with the authorities required', (l) =>
    cell(l, byProvision(l, (p) => (p.conditions?.cooperation_required !== undefined ? ['conditions', 'cooperation_required'] : ['relief']), (p) => `${p.relief}: ${p.conditions?.cooperation_required === undefined ? 'not stated' : p.conditions.cooperation_required ? 'required' : 'not required'}`)),
  );
  add('identification', 'Identification required', (l) =>
    cell(l, byProvision(l, (p) => (p.conditions?.identification ? ['conditions', 'identification'] : ['relief']), (p) => `${p.relief}: ${p.conditions?.identification ? p.conditions.identification.join(' or ') : 'none'}`)),
  );
  add('time-limits', 'Time limits', (l) => cell(l, byProvision(l, (p) => (p.conditions?.time_limit ? ['conditions', 'time_limit'] : ['relief']), timeText)));
  add('proof', 'Burden and standard of proof', (l) =>
    cell(l, byProvision(l, (p) => (p.proof ? ['proof'] : ['relief']), (p) => `${p.relief}: ${p.proof ? `${p.proof.burden}, ${p.proof.standard}` : 'not stated'}`)),
  );
  add('discretion', 'Discretion', (l) => cell(l, byProvision(l, ['discretion'], (p) => `${p.relief}: ${p.discretion}`)));
  add('retroactivity', 'Law read at (retroactivity)', (l) =>
    cell(
      l,
      byProvision(l, (p) => (p.date_basis ? ['date_basis'] : ['in_force']), (p) => {
        const basis = p.date_basis ?? DEFAULT_DATE_BASIS[p.relief];
        const od = p.offence_dates;
        return `${p.relief}: ${basis === 'offence' ? 'offence date' : 'decision date'}${od ? `; offences ${od.from ? `from ${od.from}` : ''}${od.to ? ` before ${od.to}` : ''}` : ''}`;
      }),
    ),
  );
  const attrs = [...new Set(laws.flatMap((l) => Object.keys(l.file.attributes ?? {})))].filter((a) => a !== 'immigration_detention_covered').sort();
  for (const a of attrs) add(`attribute:${a}`, `Attribute: ${a.replace(/_/g, ' ')}`, (l) => attributeCell(l, a));
  add('verified', 'How much is verified', (l) => cell(l, verification(l)));
  return {
    schema: COMPARE_SCHEMA_ID,
    asOf,
    laws: laws.map((l) => ({ jurisdiction: l.id, name: l.file.name, file: l.name, notInForce: l.notInForce.map((p) => p.id) })),
    rows,
  };
}

function attributeCell(l: TracedLaw, name: string): FeatureCell {
  const a = l.file.attributes?.[name];
  if (!a) return cell(l, [{ value: 'not encoded', cites: [], traces: [l.at(l.file.attributes ? ['attributes'] : ['id'])] }]);
  return cell(l, single(l, ['attributes', name], `${a.value}${a.verified ? '' : ' (unverified)'}`, a.citation));
}
