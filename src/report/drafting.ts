/**
 * Documents for the drafting views: a comparison of laws, the case × law matrix, scorecards and the
 * impact of an amendment. Built from the views' plain data; the renderers in render.ts turn them into
 * text, markdown, CSV or HTML. Every figure shown carries the file:line it comes from.
 */
import type { Comparison, FeaturePart } from '../drafting/compare.js';
import type { Impact } from '../drafting/impact.js';
import type { LawScore } from '../drafting/scorecard.js';
import { traceText, type Trace } from '../drafting/trace.js';
import type { Scorecard } from '../schema/scorecard.js';
import type { Outcome } from '../vocabulary.js';
import { scoreTone, type DocCell, type Document } from './document.js';

const traces = (ts: readonly Trace[], max = 3) => {
  const lines = [...new Set(ts.map(traceText))];
  return lines.length > max ? `${lines.slice(0, max).join(', ')} (+${lines.length - max} more)` : lines.join(', ');
};
/** Lines only, where the column or heading already names the file: `lines 144, 187 (+1)`. */
const lineNumbers = (ts: readonly Trace[], max = 4) => {
  const lines = [...new Set(ts.map((t) => t.line))].sort((a, b) => a - b);
  const shown = lines.slice(0, max).join(', ');
  return `${lines.length > 1 ? 'lines' : 'line'} ${shown}${lines.length > max ? ` (+${lines.length - max})` : ''}`;
};

/** Citations as numbered notes per law, so a cell says [1, 2] and the notes under the table give the sections. */
class CiteNotes {
  private readonly byLaw = new Map<string, string[]>();
  ref(law: string, cites: readonly string[]): string {
    const list = this.byLaw.get(law) ?? [];
    this.byLaw.set(law, list);
    const ns = cites.map((c) => {
      let i = list.indexOf(c);
      if (i < 0) i = list.push(c) - 1;
      return i + 1;
    });
    return ns.length ? ` [${ns.join(', ')}]` : '';
  }
  rows(): DocCell[][] {
    return [...this.byLaw].flatMap(([law, list]) => list.map((c, i) => [{ text: law }, { text: `[${i + 1}]` }, { text: c }]));
  }
}

export function compareDocument(c: Comparison, onlyDifferences: boolean): Document {
  const rows = onlyDifferences ? c.rows.filter((r) => r.differs) : c.rows;
  const columns = ['Feature', ...c.laws.map((l) => `${l.name} (${l.jurisdiction})`)];
  const notInForce = c.laws.filter((l) => l.notInForce.length).map((l) => `${l.jurisdiction}: ${l.notInForce.join(', ')}`);
  const notes = new CiteNotes();
  const cellText = (cell: Comparison['rows'][number]['cells'][number]) =>
    `${cell.parts.map((p: FeaturePart) => `${p.value}${notes.ref(cell.jurisdiction, p.cites)}`).join('\n')}\n(${lineNumbers(cell.parts.flatMap((p) => p.traces))})`;
  const tableRows = rows.map((r) => [{ text: r.label }, ...r.cells.map((cell) => ({ text: cellText(cell) }))]);
  return {
    title: `Laws side by side: ${c.laws.map((l) => l.jurisdiction).join(', ')} (as in force on ${c.asOf})`,
    blocks: [
      { kind: 'para', text: `Each cell gives the value, the numbered citations it comes from (the sections are listed under the table), and the lines of that law's file that hold it (every line, with its file and field, is in the JSON and CSV output). ≠ marks a row whose values differ between the laws.${onlyDifferences ? ` Only the ${rows.length} rows that differ are shown (of ${c.rows.length}).` : ''}` },
      ...(notInForce.length ? [{ kind: 'para' as const, text: `Not in force on ${c.asOf}, so left out: ${notInForce.join('; ')}.` }] : []),
      { kind: 'table', table: { columns, rows: tableRows, differs: rows.flatMap((r, i) => (r.differs ? [i] : [])) } },
      { kind: 'table', table: { caption: 'Citations', columns: ['Law', 'Ref', 'Section'], rows: notes.rows() } },
      { kind: 'para', text: `Files: ${c.laws.map((l) => `${l.jurisdiction} = ${l.file}`).join('; ')}.` },
    ],
    csv: {
      columns: ['feature', 'label', 'differs', ...c.laws.flatMap((l) => [l.jurisdiction, `${l.jurisdiction} citations`, `${l.jurisdiction} lines`])],
      rows: rows.map((r) => [
        r.feature,
        r.label,
        r.differs ? 'yes' : 'no',
        ...r.cells.flatMap((cell) => [cell.parts.map((p) => p.value).join(' | '), [...new Set(cell.parts.flatMap((p) => p.cites))].join(' | '), traces(cell.parts.flatMap((p) => p.traces), 1000)]),
      ]),
    },
  };
}

export interface MatrixCell {
  jurisdiction: string;
  outcome: Outcome;
  /** Reliefs with their outcome, e.g. defence: eligible. */
  byRelief: Record<string, Outcome>;
  /** The provision that gives the outcome, and its line. */
  provision: string | null;
  trace: Trace | null;
}
export interface MatrixRow {
  case: string;
  offence: string;
  label: string | null;
  category: string;
  disposition: string | null;
  cells: MatrixCell[];
}
export interface Matrix {
  schema: 'nonpunishment/matrix@1';
  source: string;
  laws: { jurisdiction: string; name: string; file: string }[];
  rows: MatrixRow[];
}

const OUTCOME_LABEL: Record<Outcome, string> = { eligible: 'ELIGIBLE', undetermined: 'UNDETERMINED', excluded: 'EXCLUDED', 'not-eligible': 'NOT ELIGIBLE' };

export function matrixDocument(all: Matrix, onlyDifferences = false): Document {
  const m = onlyDifferences ? { ...all, rows: all.rows.filter((r) => new Set(r.cells.map((c) => c.outcome)).size > 1) } : all;
  const differs = m.rows.flatMap((r, i) => (new Set(r.cells.map((c) => c.outcome)).size > 1 ? [i] : []));
  return {
    title: `The same cases under each law: ${m.laws.map((l) => l.jurisdiction).join(', ')}`,
    blocks: [
      { kind: 'para', text: `Cases: ${m.source}. Each cell is the offence's outcome under that law (the best over its reliefs), the relief that gives it, and the line of the provision. ≠ marks a case whose outcome differs between the laws.${onlyDifferences ? ` Only the ${m.rows.length} offences whose outcome differs are shown (of ${all.rows.length}).` : ''}` },
      {
        kind: 'table',
        table: {
          columns: ['Case / offence', ...m.laws.map((l) => l.jurisdiction)],
          rows: m.rows.map((r): DocCell[] => [
            { text: `${r.case} ${r.offence}: ${r.label ?? r.category} (${r.category}${r.disposition ? `, ${r.disposition}` : ''})` },
            ...r.cells.map((c) => ({
              text: `${OUTCOME_LABEL[c.outcome]}${bestReliefs(c)}${c.trace ? `\n${traceText(c.trace)}` : ''}`,
              tone: c.outcome,
            })),
          ]),
          differs,
        },
      },
    ],
    csv: {
      columns: ['case', 'offence', 'category', 'disposition', ...m.laws.flatMap((l) => [l.jurisdiction, `${l.jurisdiction} provision`, `${l.jurisdiction} line`])],
      rows: m.rows.map((r) => [r.case, r.offence, r.category, r.disposition ?? '', ...r.cells.flatMap((c) => [c.outcome, c.provision ?? '', c.trace ? traceText(c.trace) : ''])]),
    },
  };
}

function bestReliefs(c: MatrixCell): string {
  const rs = Object.entries(c.byRelief).filter(([, o]) => o === c.outcome).map(([r]) => r);
  return rs.length ? ` (${rs.join(', ')})` : '';
}

export interface ScoreView {
  schema: 'nonpunishment/score@1';
  card: { id: string; title: string; source: string; weights: string; file: string };
  asOf: string;
  criteria: { id: string; title: string; source: string; reads: string; points: number; partial: string; trace: Trace }[];
  laws: LawScore[];
}

export function scoreDocument(v: ScoreView, card: Scorecard): Document {
  const crit = (id: string) => v.criteria.find((c) => c.id === id)!;
  const overview: DocCell[][] = v.laws.map((l) => [
    { text: `${l.name} (${l.jurisdiction})` },
    { text: `${l.points} / ${l.max}` },
    { text: l.notEncoded ? `${l.notEncoded} not encoded` : 'all encoded', tone: l.notEncoded ? 'not-encoded' : undefined },
  ]);
  const blocks: Document['blocks'] = [
    { kind: 'para', text: `${v.card.source}` },
    { kind: 'para', text: `Weights: ${v.card.weights}` },
    { kind: 'para', text: `Laws as in force on ${v.asOf}. "Not encoded" means the law file does not say what the criterion reads: no points, and counted, never a silent zero.` },
    { kind: 'bars', caption: `Points out of ${v.laws[0]?.max ?? 0}`, bars: v.laws.map((l) => ({ label: l.jurisdiction, value: l.points, max: l.max, text: `${l.points} / ${l.max}${l.notEncoded ? ` (${l.notEncoded} not encoded)` : ''}` })) },
    { kind: 'table', table: { columns: ['Law', 'Points', 'Not encoded'], rows: overview } },
  ];
  for (const l of v.laws) {
    const notes = new CiteNotes();
    blocks.push({ kind: 'heading', text: `${l.name} (${l.jurisdiction}): ${l.points} / ${l.max}${l.notEncoded ? `, ${l.notEncoded} ${l.notEncoded === 1 ? 'criterion' : 'criteria'} not encoded` : ''} — ${l.file}` });
    blocks.push({
      kind: 'table',
      table: {
        columns: ['Criterion', 'Points', `Evidence [citation] (line of ${l.file})`],
        rows: l.criteria.map((c) => [
          { text: `${c.title} (${c.source})` },
          { text: c.encoded ? `${c.points} / ${c.max}\n${c.level}` : `not encoded\n0 / ${c.max}`, tone: scoreTone(c.encoded ? c.points / c.max : null) },
          { text: c.evidence.map((e) => `${e.text}${notes.ref(l.jurisdiction, e.citation ? [e.citation] : [])}${e.verified ? '' : ' (unverified)'} (line ${e.trace.line})`).join('\n') },
        ]),
      },
    });
    const cited = notes.rows().map((r) => r.slice(1));
    if (cited.length) blocks.push({ kind: 'table', table: { caption: `Citations (${l.jurisdiction})`, columns: ['Ref', 'Citation'], rows: cited } });
  }
  blocks.push({ kind: 'heading', text: 'The criteria' });
  blocks.push({
    kind: 'table',
    table: {
      columns: ['Criterion', 'Points', 'Reads; partial credit'],
      rows: card.criteria.map((c) => [{ text: `${c.title} (${c.source})` }, { text: String(c.points) }, { text: `${crit(c.id).reads}. ${c.partial.replace(/\.$/, '')}. (${traceText(crit(c.id).trace)})` }]),
    },
  });
  return {
    title: `Scorecard ${v.card.title}`,
    blocks,
    csv: {
      columns: ['jurisdiction', 'criterion', 'source', 'level', 'points', 'max', 'encoded', 'evidence', 'citation', 'line'],
      rows: v.laws.flatMap((l) =>
        l.criteria.map((c) => [l.jurisdiction, c.criterion, c.source, c.level ?? 'not encoded', String(c.points), String(c.max), c.encoded ? 'yes' : 'no', c.evidence.map((e) => e.text).join(' | '), c.evidence.map((e) => e.citation ?? '').join(' | '), c.evidence.map((e) => traceText(e.trace)).join(' | ')]),
      ),
    },
  };
}

const SIDE_LABEL = (s: string) => (s === 'none' ? 'no such relief' : s);

export function impactDocument(im: Impact): Document {
  const blocks: Document['blocks'] = [];
  const sum = (d: 'better' | 'worse' | 'same') => Object.values(im.counts.byRelief).reduce((a, t) => a + t[d], 0);
  if (!im.sameJurisdiction)
    blocks.push({ kind: 'para', text: `Note: --from is ${im.from.jurisdiction} and --to is ${im.to.jurisdiction}: these are laws of different jurisdictions, compared as if one replaced the other.` });
  blocks.push({
    kind: 'para',
    text: `${im.cases.count} case(s), ${im.cases.offences} offence(s), from ${im.cases.source}, evaluated under ${im.from.file} (from) and ${im.to.file} (to). Overall, ${im.counts.offences.better} offence(s) better for the person and ${im.counts.offences.worse} worse; relief by relief, ${sum('better')} outcome(s) better, ${sum('worse')} worse${sum('same') + im.counts.offences.same ? `, and ${sum('same') + im.counts.offences.same} where only the reason changes (no protection gained or lost)` : ''}.`,
  });
  const overall = im.changes.filter((c) => c.relief === 'overall');
  const perRelief = im.changes.filter((c) => c.relief !== 'overall');
  blocks.push({ kind: 'heading', text: `Outcomes that change: ${overall.length} offence(s) overall, ${perRelief.length} relief outcome(s)` });
  blocks.push({ kind: 'para', text: 'A row per offence whose overall outcome changes ("overall") and per relief whose outcome changes; "Made by" gives the provision, the check that changed and the line of the file (from: the law as it is; to: the draft) that made the difference.' });
  if (!im.changes.length) blocks.push({ kind: 'para', text: 'No outcome changes for these cases.' });
  else
    blocks.push({
      kind: 'table',
      table: {
        columns: ['Case / offence', 'Relief', 'From', 'To', 'Direction', 'Made by (file:line)'],
        rows: im.changes.map((c) => [
          { text: `${c.case} ${c.offence}: ${c.label ?? c.category} (${c.category}${c.disposition ? `, ${c.disposition}` : ''})` },
          { text: c.relief },
          { text: SIDE_LABEL(c.from), tone: c.from === 'none' ? undefined : c.from },
          { text: SIDE_LABEL(c.to), tone: c.to === 'none' ? undefined : c.to },
          c.direction === 'same' ? { text: 'same (reason changes)' } : { text: c.direction, tone: c.direction },
          { text: c.madeBy ? `${c.madeBy.provision} (${c.madeBy.check}) ${traceText(c.madeBy.trace)}: ${c.madeBy.line}` : '' },
        ]),
      },
    });
  const tally = (caption: string, first: string, rec: Record<string, { better: number; worse: number; same: number }>) =>
    blocks.push(
      Object.keys(rec).length
        ? { kind: 'table', table: { caption, columns: [first, 'Better', 'Worse', 'Same'], rows: Object.entries(rec).map(([k, t]) => [{ text: k }, { text: String(t.better) }, { text: String(t.worse) }, { text: String(t.same) }]) } }
        : { kind: 'para', text: `${caption}: none.` },
    );
  blocks.push({ kind: 'heading', text: 'Counts' });
  tally('Offences whose overall outcome changes, by category', 'Category', im.counts.byCategory);
  tally('Relief outcomes that change, by relief', 'Relief', im.counts.byRelief);
  blocks.push({ kind: 'heading', text: `Structural diff (${im.diff.length})` });
  if (!im.diff.length) blocks.push({ kind: 'para', text: 'The two files encode the same law.' });
  else
    blocks.push({
      kind: 'table',
      table: {
        columns: ['Change', 'What', 'Detail', 'Lines (from → to)'],
        rows: im.diff.map((d) => [{ text: d.change }, { text: d.what }, { text: d.detail }, { text: `${d.from ? traceText(d.from) : '—'} → ${d.to ? traceText(d.to) : '—'}` }]),
      },
    });
  return {
    title: `Impact of ${im.to.file} on ${im.from.jurisdiction === im.to.jurisdiction ? im.from.jurisdiction : `${im.from.jurisdiction} → ${im.to.jurisdiction}`}`,
    blocks,
    csv: {
      columns: ['case', 'offence', 'category', 'disposition', 'relief', 'from', 'to', 'direction', 'provision', 'check', 'side', 'line', 'text'],
      rows: im.changes.map((c) => [c.case, c.offence, c.category, c.disposition ?? '', c.relief, c.from, c.to, c.direction, c.madeBy?.provision ?? '', c.madeBy?.check ?? '', c.madeBy?.side ?? '', c.madeBy ? traceText(c.madeBy.trace) : '', c.madeBy?.line ?? '']),
    },
  };
}
