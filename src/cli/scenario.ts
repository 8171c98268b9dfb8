/** `nonpunishment scenario list|show|run|new`: the trainers' library. `demo` is in demo.ts. */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Document } from 'yaml';
import { evaluate } from '../evaluate.js';
import type { Law } from '../law.js';
import { ageOn } from '../law/dates.js';
import { InputError } from '../load/problems.js';
import { loadLibrary, loadScenario, readCaseOrScenario } from '../load/scenarios.js';
import { renderHandout } from '../report/handout.js';
import { renderList, renderRun, renderShow } from '../report/scenario-text.js';
import { renderSlides } from '../report/slides.js';
import { runScenario, type ScenarioRun } from '../scenario/run.js';
import { EXIT, UsageError, type CliIO } from './io.js';

import { SCENARIO_FORMATS } from '../report/formats.js';
export { SCENARIO_FORMATS };

export interface ScenarioOptions {
  jurisdiction?: string[];
  all?: boolean;
  format?: string;
}

function lawsFor(opts: ScenarioOptions, law: Law): { jurisdictions?: string[]; all?: boolean } {
  if (opts.all && opts.jurisdiction?.length) throw new UsageError('use either --jurisdiction or --all, not both');
  if (opts.jurisdiction?.length) law.getAll(opts.jurisdiction);
  return { jurisdictions: opts.jurisdiction, all: opts.all };
}

function format(opts: ScenarioOptions, allowed: readonly string[]): string {
  const f = opts.format ?? 'text';
  if (!allowed.includes(f)) throw new UsageError(`unknown format "${f}" (expected one of: ${allowed.join(', ')})`);
  return f;
}

export function scenarioList(law: Law, io: CliIO, opts: ScenarioOptions): number {
  const f = format(opts, ['text', 'json']);
  const laws = lawsFor(opts, law);
  // With --jurisdiction, only the scenarios written for one of those laws.
  const all = loadLibrary(law).filter((s) => !laws.jurisdictions?.length || s.jurisdictions.some((j) => laws.jurisdictions!.includes(j)));
  if (f === 'json')
    io.stdout(JSON.stringify(all.map((s) => ({ id: s.id, title: s.title, pattern: s.pattern, age_group: s.age_group, paragraphs: s.paragraphs, jurisdictions: s.jurisdictions, variations: s.variations.map((v) => v.id) })), null, 2) + '\n');
  else io.stdout(renderList(all, { color: io.color }));
  return EXIT.ok;
}

function runJson(run: ScenarioRun) {
  return {
    scenario: run.scenario.id,
    matches: run.matches,
    rules: run.rules,
    rows: run.rows.map((r) => ({
      variation: r.variation?.id ?? null,
      change: r.variation ? { path: r.variation.change.path, before: r.variation.before, value: r.variation.change.value } : null,
      cells: r.cells.map((c) => ({ jurisdiction: c.jurisdiction, offence: c.offence, outcome: c.result.outcome, byRelief: c.result.byRelief, expected: c.expected ?? null, differences: c.differences })),
    })),
  };
}

export async function scenarioShow(ref: string, law: Law, io: CliIO, opts: ScenarioOptions): Promise<number> {
  const f = format(opts, SCENARIO_FORMATS);
  const laws = lawsFor(opts, law);
  const s = loadScenario(ref, law);
  if (f === 'text') io.stdout(renderShow(s, { color: io.color }));
  else if (f === 'json') {
    const { variations, ...rest } = s;
    io.stdout(JSON.stringify({ ...rest, variations: variations.map(({ case: _c, ...v }) => v) }, null, 2) + '\n');
  } else {
    const run = await runScenario(s, law, laws);
    io.stdout(f === 'html' ? renderHandout(run) : renderSlides(run));
  }
  return EXIT.ok;
}

/** The outcome matrix checked against the expected outcomes: exit 1 when any differs. */
export async function scenarioRun(ref: string, law: Law, io: CliIO, opts: ScenarioOptions): Promise<number> {
  const f = format(opts, SCENARIO_FORMATS);
  const laws = lawsFor(opts, law);
  const s = loadScenario(ref, law);
  const run = await runScenario(s, law, laws);
  if (f === 'json') io.stdout(JSON.stringify(runJson(run), null, 2) + '\n');
  else if (f === 'html') io.stdout(renderHandout(run));
  else if (f === 'markdown') io.stdout(renderSlides(run));
  else io.stdout(renderRun(run, { color: io.color }));
  return run.matches ? EXIT.ok : EXIT.failOn;
}

const TODO = 'TODO:';

/** A scenario file scaffolded from a case: today's outcomes as the expected ones, placeholders for the words. */
export async function scenarioNew(from: string, law: Law, io: CliIO, opts: ScenarioOptions & { save?: string }): Promise<number> {
  const r = readCaseOrScenario(from, law);
  if (!r.ok) throw new InputError(r.problems);
  const c = r.value;
  const own = [...new Set([c.jurisdiction, ...c.offences.map((o) => o.jurisdiction)].filter((x): x is string => !!x))];
  const jurisdictions = opts.all ? law.ids() : opts.jurisdiction?.length ? [...new Set(opts.jurisdiction)] : r.jurisdictions ?? own;
  if (!jurisdictions.length) throw new UsageError('the case names no jurisdiction: give the laws the scenario is meant for with --jurisdiction ID...');
  law.getAll(jurisdictions);
  if (opts.save !== undefined && existsSync(opts.save)) throw new UsageError(`${opts.save} already exists; choose another file (nothing was written)`);
  const report = await evaluate(c, law, { jurisdictions, engine: 'fast' });
  const expect: Record<string, Record<string, unknown>> = {};
  for (const res of report.results) {
    expect[res.jurisdiction] = {};
    for (const o of res.offences) {
      const cites = o.provisions.filter((p) => p.outcome === o.outcome).map((p) => p.citation);
      expect[res.jurisdiction]![o.offence] = {
        outcome: o.outcome,
        byRelief: o.byRelief,
        reason: `${TODO} why, in one line, citing the subsection${cites.length ? ` (the tool relied on: ${[...new Set(cites)].join('; ')})` : ''}`,
      };
    }
  }
  const birth = c.person?.birth_date;
  const ages = birth ? c.offences.filter((o) => o.date).map((o) => ageOn(birth, o.date!)) : [];
  const age_group = ages.length && ages.every((a) => a < 18) ? 'child' : ages.length && ages.every((a) => a >= 18) ? 'adult' : 'child-and-adult';
  const doc = new Document({
    id: c.id,
    title: `${TODO} a title in a few words`,
    pattern: 'unclassified',
    paragraphs: ['57'],
    age_group,
    narrative: `${TODO} a few paragraphs telling the story. No real names; no real case retold. The survivor is the subject: no sensational detail.`,
    points: [`${TODO} what the room should take away`],
    jurisdictions,
    case: c,
    expect,
    variations: [],
  });
  doc.commentBefore =
    ` Training scenario scaffolded from ${from.replace(/[^\x20-\x7e]/g, '?')}: the expected outcomes are today's, as the tool reads the law.\n` +
    ' Replace every TODO, check each outcome against the text of the law, and add up to three variations, e.g.\n' +
    '   variations:\n     - id: a-month-older\n       title: The same girl, a month older\n' +
    '       change: { path: person.birth_date, value: 2006-01-01 }   # null makes a fact unknown\n' +
    '       point: What the change teaches\n       expect: { gb-ew: { o1: { outcome: undetermined, reason: "s.45(1)(a): ..." } } }\n' +
    ' Then: nonpunishment validate FILE, and nonpunishment scenario run FILE.';
  const text = doc.toString({ lineWidth: 110 });
  if (opts.save === undefined) io.stdout(text);
  else {
    const tmp = `${opts.save}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text, { flag: 'wx' });
      renameSync(tmp, opts.save);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new UsageError(`cannot write ${opts.save} (${(e as NodeJS.ErrnoException).code ?? 'error'}); nothing was written`);
    }
    io.stdout(`wrote ${opts.save}\n`);
  }
  return EXIT.ok;
}
