/**
 * The drafting commands end to end through the real binary: compare, score and impact in every format,
 * their JSON against the schemas `schema compare|score|impact` prints, --law on the commands that read
 * laws, and the traces: every figure's file:line points at a line that holds what it claims.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonSchema, impactOutputSchema, matrixSchema, scoreOutputSchema } from '../../src/schema/drafting.js';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { cli as binary } from './run-binary.js';

/**
 * Most runs go through `run` in-process (the same code the binary calls; a spawn costs seconds on a
 * loaded machine); the tests marked "binary" spawn the real executable.
 */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false });
  return { code, stdout, stderr };
}

const AS_OF = ['--as-of', '2026-11-28'];
const EW_DRAFT = 'examples/drafts/gb-ew-sch4-without-trafficking.yaml';
const NY_DRAFT = 'examples/drafts/us-ny-vacatur-without-nexus.yaml';

async function json<T>(args: string[]): Promise<T> {
  const r = await cli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/**
 * An independent reading of a trace: parse the file again, walk the field path, and give the line where
 * that field's key (or list item) starts. The trace must name that line.
 */
const files = new Map<string, { lc: LineCounter; root: Node | null; lines: string[] }>();
function lineOfPath(file: string, path: string): number {
  const abs = isAbsolute(file) ? file : join(ROOT, file);
  let f = files.get(abs);
  if (!f) {
    const text = readFileSync(abs, 'utf8');
    const lc = new LineCounter();
    f = { lc, root: parseDocument(text, { lineCounter: lc }).contents as Node | null, lines: text.split('\n') };
    files.set(abs, f);
  }
  const segs = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  let node: Node | null = f.root;
  let offset = node?.range?.[0] ?? 0;
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) throw new Error(`${file}: no ${path}`);
      offset = (pair.key as Node).range![0];
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node;
      offset = node.range![0];
    } else throw new Error(`${file}: cannot follow ${path}`);
  }
  return f.lc.linePos(offset).line;
}

function lineText(file: string, line: number): string {
  lineOfPath(file, '');
  return files.get(isAbsolute(file) ? file : join(ROOT, file))!.lines[line - 1]!;
}

interface T {
  file: string;
  line: number;
  path: string;
}
function expectTrace(t: T, claims?: string) {
  expect(t.line, `${t.file}:${t.line} ${t.path}`).toBe(lineOfPath(t.file, t.path));
  if (claims !== undefined) expect(lineText(t.file, t.line), `${t.file}:${t.line}`).toContain(claims);
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and newlines; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

describe('compare', () => {
  let c: ReturnType<typeof comparisonSchema.parse>;
  beforeAll(async () => {
    c = comparisonSchema.parse(await json(['compare', 'gb-ew', 'gb-sct', 'gb-nir', ...AS_OF]));
  });
  it('one column per law, one row per feature, with differences marked', async () => {
    expect(c.laws.map((l) => l.jurisdiction)).toEqual(['gb-ew', 'gb-sct', 'gb-nir']);
    const row = (f: string) => c.rows.find((r) => r.feature === f)!;
    expect(row('nexus').differs).toBe(true);
    expect(row('nexus').cells[0]!.value).toBe('defence: compelled | defence: direct-consequence | non-prosecution: direct-consequence | appeal: direct-consequence');
    expect(row('coercive-control').cells.map((x) => x.value)).toEqual(['no', 'no', 'no']);
    expect(row('coercive-control').differs).toBe(false);
    expect(row('excluded').cells[0]!.parts[0]!.value).toBe('157 excluded');
    expect(row('excluded').cells[2]!.parts[0]!.value).toBe('21 excluded');
    expect(row('excluded-often').cells[0]!.parts.map((p) => p.value)).toEqual([
      'Slavery, servitude and forced or compulsory labour (Modern Slavery Act 2015, s.1) (human-trafficking)',
      'Human trafficking (Modern Slavery Act 2015, s.2) (human-trafficking)',
    ]);
  });
  it('every figure traces to the line of the law file that holds it', async () => {
    let n = 0;
    for (const r of c.rows)
      for (const cell of r.cells)
        for (const p of cell.parts)
          for (const t of p.traces) {
            expectTrace(t);
            n++;
          }
    expect(n).toBeGreaterThan(300);
    const nexus = c.rows.find((r) => r.feature === 'nexus')!.cells[0]!.parts[0]!.traces[0]!;
    expectTrace(nexus, 'nexus: compelled');
  });
  it('--only-differences hides the rows that agree, in every format', async () => {
    const all = parseCsv((await cli(['compare', 'gb-ew', 'gb-sct', 'gb-nir', ...AS_OF, '--format', 'csv'])).stdout);
    const diff = parseCsv((await cli(['compare', 'gb-ew', 'gb-sct', 'gb-nir', ...AS_OF, '--format', 'csv', '--only-differences'])).stdout);
    expect(diff.length).toBe(1 + c.rows.filter((r) => r.differs).length);
    expect(all.length).toBe(1 + c.rows.length);
    expect(diff.slice(1).map((r) => r[2])).toEqual(diff.slice(1).map(() => 'yes'));
    expect(diff[0]!.slice(0, 4)).toEqual(['feature', 'label', 'differs', 'gb-ew']);
  });
  it('text fits 100 columns; markdown is a table; no colour when not a terminal', async () => {
    const t = binary(['compare', 'gb-ew', 'gb-sct', 'gb-nir', ...AS_OF]).stdout; // binary
    expect(Math.max(...t.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(t).toMatch(/│ ≠ Nexus standard/);
    expect(t).not.toMatch(/\u001b\[/);
    const md = (await cli(['compare', 'gb-ew', 'gb-sct', 'gb-nir', ...AS_OF, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/^# Laws side by side/);
    expect(md).toContain('| **≠ Nexus standard** |');
  });
  it('--cases: the same cases under each law', async () => {
    const m = matrixSchema.parse((await json(['compare', 'gb-ew', 'gb-sct', 'us-ny', '--cases', 'tests/golden/gb-ew', ...AS_OF])));
    const robbery = m.rows.find((r) => r.case === 'ew-robbery')!;
    // Sch 4 removes the s.45 defence, the CPS route remains; Scotland's presumption turns on serious harm (unknown); New York's defence excludes robbery.
    expect(robbery.cells.map((x) => [x.jurisdiction, x.outcome, x.provision])).toEqual([
      ['gb-ew', 'eligible', 'cps-four-stage-non-prosecution'],
      ['gb-sct', 'undetermined', 'htesa-2015-s8-adult'],
      ['us-ny', 'excluded', 'ny-pl-230-01-defence'],
    ]);
    expect(robbery.cells[0]!.byRelief).toEqual({ defence: 'excluded', 'non-prosecution': 'eligible' });
    for (const r of m.rows) for (const x of r.cells) if (x.trace) expectTrace(x.trace, `id: ${x.provision}`);
  });
});

describe('score', () => {
  it('A/79/322: un-model full marks; every law of the fourteen scored, with what is not encoded counted', async () => {
    const r = binary(['score', '--card', 'a79-322', ...AS_OF, '--format', 'json']); // binary
    expect(r.code, r.stderr).toBe(0);
    const s = scoreOutputSchema.parse(JSON.parse(r.stdout));
    expect(s.laws).toHaveLength(14);
    const un = s.laws.find((l) => l.jurisdiction === 'un-model')!;
    expect([un.points, un.max, un.notEncoded]).toEqual([130, 130, 0]);
    const ew = s.laws.find((l) => l.jurisdiction === 'gb-ew')!;
    expect([ew.points, ew.notEncoded]).toEqual([52.5, 1]);
    expect(ew.criteria.find((c) => c.criterion === 'training')).toMatchObject({ encoded: false, level: null, points: 0 });
    for (const l of s.laws) for (const c of l.criteria) for (const e of c.evidence) expectTrace(e.trace);
    for (const c of s.criteria) expectTrace(c.trace, `- id: ${c.id}`);
    const aid = ew.criteria.find((c) => c.criterion === 'legal-aid')!.evidence[0]!;
    expectTrace(aid.trace, 'legal_aid:');
  });
  it('the US card, with its weights declared ours', async () => {
    const s = scoreOutputSchema.parse((await json(['score', 'us-ca', 'us-fl', 'us-ny', '--card', 'us-record-relief', ...AS_OF])));
    expect(s.laws.map((l) => [l.jurisdiction, l.points, l.notEncoded])).toEqual([['us-ca', 65, 1], ['us-fl', 62.5, 1], ['us-ny', 75, 1]]);
    expect(s.card.weights).toMatch(/this project's own/);
    const text = (await cli(['score', 'us-ny', '--card', 'us-record-relief', ...AS_OF])).stdout;
    expect(text.replace(/\s+/g, ' ')).toContain("this project's own. Confidentiality is not among the categories that could be read");
    expect(text).toMatch(/Hearing requirement[^\n]*│ not encoded/);
  });
  it('csv cells never start a formula', async () => {
    const csv = parseCsv((await cli(['score', 'gb-ew', '--card', 'a79-322', ...AS_OF, '--format', 'csv'])).stdout);
    expect(csv).toHaveLength(1 + 13);
    for (const row of csv) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('impact', () => {
  it('England and Wales without Sch 4 para 36: a recruiter charged with a trafficking offence may now have the defence; the line is the removed entry', async () => {
    const im = impactOutputSchema.parse((await json(['impact', '--from', 'gb-ew', '--to', EW_DRAFT, ...AS_OF])));
    expect(im.sameJurisdiction).toBe(true);
    expect(im.diff.map((d) => `${d.change} ${d.what} ${d.id}`)).toEqual(['removed entry sch4-msa-2015-s1', 'removed entry sch4-msa-2015-s2']);
    // Golden cases of a recruiter known only by the kind of offence: excluded while every trafficking offence
    // was in Sch 4; with ss.1-2 out, which offence it is decides (the others stay listed).
    expect(im.changes.map((c) => [c.case, c.offence, c.relief, c.from, c.to, c.direction])).toEqual([
      ['unm-forced-recruiter', 'o1', 'defence', 'excluded', 'undetermined', 'better'],
      ['ny-table-trafficking-category', 'o1', 'defence', 'excluded', 'undetermined', 'better'],
    ]);
    for (const c of im.changes) {
      expect(c.madeBy).toMatchObject({ provision: 'msa-2015-s45-adult', check: 'exception', side: 'from', line: '- id: sch4-msa-2015-s1' });
      expectTrace(c.madeBy!.trace, 'id: sch4-msa-2015-s1');
    }
    for (const d of im.diff) for (const t of [d.from, d.to]) if (t) expectTrace(t);
  });
  it('New York without the nexus limb: better for some, worse for none; the line is the nexus', async () => {
    const im = impactOutputSchema.parse((await json(['impact', '--from', 'us-ny', '--to', NY_DRAFT, '--generate', '200', '--seed', '7'])));
    expect(im.cases.count).toBe(200);
    expect(im.counts.offences.worse).toBe(0);
    expect(im.counts.offences.better).toBeGreaterThan(5);
    expect(Object.keys(im.counts.byRelief)).toEqual(['vacatur']);
    for (const c of im.changes) {
      expect(c.madeBy).toMatchObject({ provision: 'ny-cpl-440-10-1-i-start', check: 'nexus', side: 'to' });
      expectTrace(c.madeBy!.trace, 'nexus: none');
    }
    expect(im.diff.map((d) => `${d.change} ${d.what} ${d.id}`)).toEqual([
      'changed field ny-cpl-440-10-1-i-start.nexus',
      'removed field ny-cpl-440-10-1-i-start.nexus_words',
      'removed field ny-cpl-440-10-1-i-start.presumptions',
      'removed limb ny-cpl-440-10-1-i-start.limbs.nexus',
    ]);
  });
  it('--generate is the same on every run (seeded), and differs by seed', async () => {
    const a = (await cli(['impact', '--from', 'us-ny', '--to', NY_DRAFT, '--generate', '50', '--seed', '3', '--format', 'csv'])).stdout;
    expect((await cli(['impact', '--from', 'us-ny', '--to', NY_DRAFT, '--generate', '50', '--seed', '3', '--format', 'csv'])).stdout).toBe(a);
    expect((await cli(['impact', '--from', 'us-ny', '--to', NY_DRAFT, '--generate', '50', '--seed', '4', '--format', 'csv'])).stdout).not.toBe(a);
  });
  it('between laws of different jurisdictions: allowed, and said', async () => {
    const r = (await cli(['impact', '--from', 'gb-ew', '--to', NY_DRAFT, '--cases', 'tests/golden/gb-ew', ...AS_OF]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('nonpunishment: note: --from is gb-ew and --to is us-ny: comparing laws of different jurisdictions\n');
    expect(r.stdout).toContain('Note: --from is gb-ew and --to is us-ny: these are laws of different jurisdictions');
  });
});

describe('--law on the commands that read laws', () => {
  it('check runs a case under the draft, which replaces the shipped gb-ew for the run', async () => {
    const c = 'scenarios/woman-made-to-recruit.yaml';
    const shipped = (await cli(['validate', c]));
    expect(shipped.code).toBe(0);
    const withDraft = json<{ results: { offences: { byRelief: Record<string, string> }[] }[] }>(['jurisdictions', 'show', 'gb-ew', '--law', EW_DRAFT]);
    expect(JSON.stringify(withDraft)).not.toContain('sch4-msa-2015-s2');
  });
  it('a draft with a new id is listed beside the shipped laws and can be compared', async () => {
    const r = (await cli(['compare', 'gb-ew', 'gb-ew-test', '--law', 'tests/cli/fixtures/gb-ew-test.yaml', ...AS_OF, '--only-differences', '--format', 'csv']));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('feature,label,differs,gb-ew,gb-ew citations,gb-ew lines,gb-ew-test,gb-ew-test citations,gb-ew-test lines');
    expect(r.stdout).toMatch(/tests\/cli\/fixtures\/gb-ew-test\.yaml:\d+/);
    const v = await cli(['validate', '--law', 'tests/cli/fixtures/gb-ew-test.yaml']);
    expect(v.stdout).toMatch(/ok {2}\S*tests\/cli\/fixtures\/gb-ew-test\.yaml {2}\(jurisdiction\)\n15 file\(s\) valid\n$/);
    expect((await cli(['jurisdictions', '--law', 'tests/cli/fixtures/gb-ew-test.yaml'])).stdout).toMatch(/^gb-ew-test +jurisdiction +England and Wales \(test copy\)/m);
  });
});

describe('validate', () => {
  it('checks the scorecards too, every problem located', async () => {
    expect((await cli(['validate', 'rules/scorecards/a79-322.yaml', 'rules/scorecards/us-record-relief.yaml'])).stdout).toBe(
      'ok  rules/scorecards/a79-322.yaml  (scorecard)\nok  rules/scorecards/us-record-relief.yaml  (scorecard)\n2 file(s) valid\n',
    );
  });
});

describe('schema', () => {
  it('compare, score and impact print JSON Schemas', async () => {
    for (const which of ['compare', 'score', 'impact']) {
      const r = which === 'impact' ? binary(['schema', which]) : await cli(['schema', which]); // one through the binary
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveProperty('$schema');
    }
  });
});
