/**
 * `nonpunishment interview`: builds a case file by asking, after what every evaluation needs, only the
 * questions whose answers can still change an outcome, most decisive first; stops when none is left.
 * At a terminal it asks with @inquirer/prompts (plain text prompts, "I don't know" everywhere, "back" and
 * "stop"); otherwise it reads `fact=value` lines from standard input, so it can be scripted.
 * Writes only the file named by --save, atomically; Ctrl-C saves nothing.
 */
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { input, search, select, confirm } from '@inquirer/prompts';
import { stringify } from 'yaml';
import { evaluate } from '../evaluate.js';
import type { Law } from '../law.js';
import { isIsoDate, today } from '../law/dates.js';
import { parseCase } from '../load/case.js';
import { readCase } from '../load/files.js';
import { InputError, type Problem } from '../load/problems.js';
import type { CaseFile } from '../schema/case.js';
import { categoryById } from '../schema/catalogue.js';
import { renderText, wrap } from '../report/text.js';
import { plain } from '../report/neutralise.js';
import { DISPOSITIONS } from '../vocabulary.js';
import { factSpecs, getFact, keyString, parseKey, parseValue, setFact, type FactKey, type FactSpec } from '../interview/facts.js';
import { Planner, type Question } from '../interview/next-question.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export interface InterviewOptions {
  jurisdiction?: string[];
  from?: string;
  save?: string;
  force?: boolean;
  asOf?: string;
  width?: number;
}

/** Exit code when the person at the keyboard stops the interview with Ctrl-C (the shell's convention for SIGINT). */
export const EXIT_INTERRUPTED = 130;

const DONT_KNOW = Symbol('dont-know');
const BACK = Symbol('back');
const STOP = Symbol('stop');
type Answer = { value: unknown } | typeof DONT_KNOW | typeof BACK | typeof STOP;

const WORDS: Record<string, string> = {
  investigation: 'under investigation (suspect, not charged)',
  charged: 'charged (prosecution pending)',
  convicted: 'convicted',
  'arrest-record': 'arrest or charge on record, no conviction',
  penalty: 'administrative, civil or immigration penalty, or detention',
  compelled: 'compelled to commit it',
  'direct-consequence': 'a direct consequence of the trafficking',
  'result-of': 'a result of the trafficking',
  connected: 'only connected with the trafficking',
  none: 'no link',
};

export async function interviewCommand(opts: InterviewOptions, law: Law, io: CliIO): Promise<number> {
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, got "${opts.asOf}"`);
  if (opts.save && existsSync(opts.save) && !opts.force) throw new UsageError(`${opts.save} exists; use --force to replace it, or --save another file`);
  if (opts.jurisdiction?.length) law.getAll(opts.jurisdiction);
  let draft: CaseFile = { id: 'client', offences: [] } as unknown as CaseFile;
  if (opts.from) {
    const r = readCase(opts.from, law.catalogue);
    if (!r.ok) throw new InputError(r.problems);
    draft = r.value;
  }
  const asOf = opts.asOf ?? draft.as_of ?? today();
  draft = setFact(draft, { fact: 'case.as_of' }, asOf);
  // One law named: the case's own default, so that `check FILE` alone gives the same result.
  if (opts.jurisdiction?.length === 1 && !draft.jurisdiction) draft = setFact(draft, { fact: 'case.jurisdiction' }, opts.jurisdiction[0]);
  const scripted = !io.stdinIsTTY;
  if (scripted) return scriptedInterview(draft, asOf, opts, law, io);
  try {
    return await terminalInterview(draft, asOf, opts, law, io);
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
      io.stderr('\nInterview stopped: nothing was saved.\n');
      return EXIT_INTERRUPTED;
    }
    throw e;
  }
}

/** Checks a draft against the case file's rules; the first problem, as a reason, or null. */
function draftProblem(c: CaseFile, law: Law): string | null {
  if (!c.offences.length) return null;
  const r = parseCase('answer', JSON.stringify(c), law.catalogue);
  return r.ok ? null : r.problems.map((p) => `${p.path ? p.path + ': ' : ''}${p.message}`).join('; ');
}

function plannerFor(draft: CaseFile, asOf: string, opts: InterviewOptions, law: Law): Planner {
  const ids = opts.jurisdiction?.length ? opts.jurisdiction : [...new Set(draft.offences.map((o) => o.jurisdiction ?? draft.jurisdiction).filter((x): x is string => !!x))];
  return new Planner({ catalogue: law.catalogue, laws: law.getAll(ids), jurisdictions: opts.jurisdiction?.length ? opts.jurisdiction : undefined, asOf });
}

const valid = (law: Law) => (c: CaseFile) => draftProblem(c, law) === null;

// ---------------------------------------------------------------- scripted: fact=value lines

async function scriptedInterview(start: CaseFile, asOfGiven: string, opts: InterviewOptions, law: Law, io: CliIO): Promise<number> {
  const text = io.readStdin ? await io.readStdin() : '';
  // A case.as_of line sets the date every other answer is checked against (unless --as-of says otherwise).
  const asOfLine = /^\s*case\.as_of\s*=\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(text)?.[1];
  const asOf = !opts.asOf && asOfLine && isIsoDate(asOfLine) ? asOfLine : asOfGiven;
  const specs = factSpecs(law.catalogue);
  const problems: Problem[] = [];
  const at = (line: number, col: number, path: string, message: string) => problems.push({ file: '<stdin>', line, col, path, code: 'interview.answer', message });
  const lines = text.split(/\r?\n/);
  // Offences named on any line exist from the start, so that a line may name a fact of a later one.
  const offenceIds = [...start.offences.map((o) => o.id)];
  for (const l of lines) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9-]*):offence\./.exec(l);
    if (m && !offenceIds.includes(m[1]!)) offenceIds.push(m[1]!);
  }
  let draft = start;
  const skip = new Set<string>();
  const lineOf = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) return at(i + 1, 1, '', `expected FACT=VALUE, got "${plain(line).slice(0, 60)}"`);
    const k = parseKey(line.slice(0, eq), specs, offenceIds);
    if (!k.ok) return at(i + 1, 1, plain(line.slice(0, eq).trim()), k.reason);
    if (k.key.offence && !draft.offences.some((o) => o.id === k.key.offence) && k.key.fact !== 'offence.category')
      return at(i + 1, 1, keyString(k.key), `offence "${k.key.offence}" has no category yet: give ${k.key.offence}:offence.category=… first`);
    const v = parseValue(k.spec, line.slice(eq + 1), asOf);
    if (!v.ok) return at(i + 1, eq + 2, keyString(k.key), v.reason);
    if (v.value === undefined) skip.add(keyString(k.key));
    draft = setFact(draft, k.key, v.value);
    lineOf.set(keyString(k.key), i + 1);
  });
  draft = setFact(draft, { fact: 'case.as_of' }, asOf); // --as-of wins over a case.as_of line
  if (!problems.length && !draft.offences.length) at(1, 1, '', 'no offence: give at least one line OFFENCE:offence.category=CATEGORY (e.g. o1:offence.category=theft)');
  if (!problems.length) {
    const r = parseCase('<stdin>', JSON.stringify(draft), law.catalogue);
    if (!r.ok) for (const p of r.problems) at(1, 1, p.path, p.message);
  }
  if (problems.length) throw new InputError(problems);
  noLawProblem(draft, opts);
  const planner = plannerFor(draft, asOf, opts, law);
  const left = await planner.all(draft, skip, setFact, valid(law));
  await showResult(draft, asOf, opts, law, io);
  if (left.length) {
    io.stdout(`\nStill worth asking, most decisive first (answer with FACT=VALUE lines):\n`);
    for (const q of left) {
      io.stdout(wrap(`${keyString(q.key)}  ${plain(q.question)}`, opts.width ?? 80, 4, 2).map((l, i) => (i ? '    ' : '  ') + l).join('\n') + '\n');
      io.stdout(wrap(plain(q.why), opts.width ?? 80, 6, 4).map((l, i) => (i ? '      ' : '    ') + l).join('\n') + '\n');
    }
  } else io.stdout('\nNothing left unknown can change any outcome.\n');
  return saveIfAsked(draft, opts, io);
}

function noLawProblem(draft: CaseFile, opts: InterviewOptions): void {
  if (opts.jurisdiction?.length) return;
  const without = draft.offences.filter((o) => !(o.jurisdiction ?? draft.jurisdiction)).map((o) => o.id);
  if (without.length) throw new UsageError(`offence(s) ${without.join(', ')} have no law: give --jurisdiction ID, or a case.jurisdiction=ID line`);
}

// ---------------------------------------------------------------- at a terminal

async function terminalInterview(start: CaseFile, asOf: string, opts: InterviewOptions, law: Law, io: CliIO): Promise<number> {
  let draft = start;
  const say = (s: string) => io.stdout(s + '\n');
  say('nonpunishment interview. Answers stay on this machine.');
  say('Where a fact is not known, choose "I don\'t know" or leave the answer empty: it stays unknown and is listed as still to establish.');
  if (!draft.offences.length) draft = await basics(draft, asOf, opts, law, io);
  noLawProblem(draft, opts);
  const planner = plannerFor(draft, asOf, opts, law);
  const skip = new Set<string>();
  const history: { key: FactKey; before: unknown; dontKnow: boolean }[] = [];
  let n = 0;
  for (;;) {
    const q = await planner.next(draft, skip, setFact, valid(law));
    if (!q) {
      say(`\nNothing left to ask can change an outcome${skip.size ? ` (answered "I don't know", still to establish: ${[...skip].join(', ')})` : ''}.`);
      break;
    }
    n += 1;
    say('');
    const w = io.columns ?? 80;
    say(wrap(`Question ${n}${q.key.offence ? ` (offence ${plain(q.key.offence)}${offenceLabel(draft, q.key.offence)})` : ''}: ${plain(q.question)}`, w, 2, 0).join('\n  '));
    say(wrap(plain(q.why), w, 2, 0).join('\n  '));
    const a = await ask(q, draft, asOf, law, history.length > 0);
    if (a === STOP) {
      say('Stopped: the result below is as the facts now stand.');
      break;
    }
    if (a === BACK) {
      const last = history.pop()!;
      draft = setFact(draft, last.key, last.before);
      skip.delete(keyString(last.key));
      n -= 2;
      say(`Back to the previous question (${keyString(last.key)}).`);
      continue;
    }
    const before = getFact(draft, q.key);
    // The same answer again (a statute code listed only in part, confirmed as it is) adds nothing: as "I don't know".
    if (a === DONT_KNOW || JSON.stringify(a.value) === JSON.stringify(before)) {
      skip.add(keyString(q.key));
      history.push({ key: q.key, before, dontKnow: true });
    } else {
      draft = setFact(draft, q.key, a.value);
      history.push({ key: q.key, before, dontKnow: false });
    }
  }
  await showResult(draft, asOf, opts, law, io);
  return saveIfAsked(draft, opts, io);
}

function offenceLabel(c: CaseFile, id: string): string {
  const o = c.offences.find((x) => x.id === id);
  return o?.label ? `, ${plain(o.label)}` : '';
}

const EXTRA = (back: boolean) => [
  { name: "I don't know", value: DONT_KNOW, description: 'The fact stays unknown and is listed as still to establish.' },
  ...(back ? [{ name: 'Back: change the previous answer', value: BACK }] : []),
  { name: 'Stop: show the result as the facts now stand', value: STOP },
];

async function ask(q: Question, c: CaseFile, asOf: string, law: Law, back: boolean): Promise<Answer> {
  const spec = q.spec;
  const short = spec.label;
  if (spec.kind === 'boolean') {
    const v = await select<unknown>({ message: `Answer (${short}):`, choices: [{ name: 'Yes', value: true }, { name: 'No', value: false }, ...EXTRA(back)] });
    return typeof v === 'symbol' ? (v as Answer) : { value: v };
  }
  if (spec.kind === 'enum') {
    const v = await select<unknown>({ message: `${short}:`, choices: [...spec.values!.map((x) => ({ name: WORDS[x] ? `${x}: ${WORDS[x]}` : x, value: x })), ...EXTRA(back)], pageSize: 12 });
    return typeof v === 'symbol' ? (v as Answer) : { value: v };
  }
  if (spec.kind === 'code') return askCode(q, c, law, back);
  const hint =
    spec.kind === 'list'
      ? `one or more of ${spec.values!.join(', ')} (comma-separated), or "none"`
      : spec.kind === 'end-date'
        ? 'YYYY-MM-DD, or "ongoing"'
        : 'YYYY-MM-DD';
  const raw = await input({
    message: `${short} — ${hint}; empty for "I don't know"${back ? ', "back" to change the previous answer' : ''}, "stop" to finish:`,
    validate: (t) => {
      const w = t.trim().toLowerCase();
      if (w === 'stop' || (w === 'back' && back)) return true;
      const v = parseValue(spec, t, asOf);
      if (!v.ok) return v.reason;
      if (v.value === undefined) return true;
      return draftProblem(setFact(c, q.key, v.value), law) ?? true;
    },
  });
  const w = raw.trim().toLowerCase();
  if (w === 'stop') return STOP;
  if (w === 'back') return BACK;
  const v = parseValue(spec, raw, asOf);
  return v.ok && v.value !== undefined ? { value: v.value } : DONT_KNOW;
}

/** The statute code: the law's offence table and the codes its lists name, searchable, or typed as is. */
async function askCode(q: Question, c: CaseFile, law: Law, back: boolean): Promise<Answer> {
  const o = c.offences.find((x) => x.id === q.key.offence);
  const rows: { name: string; value: string }[] = [];
  const laws = [o?.jurisdiction ?? c.jurisdiction].filter((x): x is string => !!x);
  for (const id of laws.length ? laws : law.ids()) {
    const f = law.file(id);
    for (const r of f.offences ?? []) rows.push({ name: `${r.code}: ${plain(r.label)}`, value: r.code });
    for (const l of f.exception_lists ?? []) for (const e of l.entries) for (const code of [...(e.codes ?? []), ...(e.ambiguous_codes ?? [])]) rows.push({ name: `${code}: ${plain(e.label)}`, value: code });
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.value) && seen.add(r.value));
  const v = await search<unknown>({
    message: 'Statute code (type to search; choose or type it exactly):',
    source: (term) => {
      const t = (term ?? '').trim().toLowerCase();
      const hits = unique.filter((r) => !t || r.name.toLowerCase().includes(t)).slice(0, 30);
      const typed = t && /^[a-z0-9][a-z0-9-]*$/.test(t) && !seen.has(t) ? [{ name: `${t} (as typed)`, value: t }] : [];
      return [...typed, ...hits, ...EXTRA(back)];
    },
    pageSize: 10,
  });
  return typeof v === 'symbol' ? (v as Answer) : { value: v };
}

/** What every evaluation needs first: the reference, the law, the birth date, the offences. */
async function basics(start: CaseFile, asOf: string, opts: InterviewOptions, law: Law, io: CliIO): Promise<CaseFile> {
  let c = start;
  const id = await input({ message: 'Case reference (letters, digits and dashes):', default: 'client', validate: (t) => { const v = parseValue({ fact: 'case.id', scope: 'case', kind: 'id', label: '' }, t, asOf); return !v.ok ? v.reason : v.value === undefined ? 'a case reference is needed' : true; } });
  c = setFact(c, { fact: 'case.id' }, id.trim());
  if (!opts.jurisdiction?.length) {
    const j = await select({ message: 'Under which law?', choices: law.ids().map((x) => ({ name: `${x}: ${plain(law.file(x).name)}`, value: x })), pageSize: 14 });
    c = setFact(c, { fact: 'case.jurisdiction' }, j);
  }
  const birthSpec: FactSpec = { fact: 'person.birth_date', scope: 'case', kind: 'date', label: 'date of birth' };
  const birth = await input({ message: "The person's date of birth (YYYY-MM-DD; empty for \"I don't know\"):", validate: (t) => { const v = parseValue(birthSpec, t, asOf); return v.ok ? true : v.reason; } });
  const b = parseValue(birthSpec, birth, asOf);
  if (b.ok && b.value !== undefined) c = setFact(c, { fact: 'person.birth_date' }, b.value);
  const lawIds = opts.jurisdiction?.length ? opts.jurisdiction : [c.jurisdiction!];
  const table = lawIds.flatMap((x) => (law.file(x).offences ?? []).map((r) => ({ ...r, law: x })));
  for (let i = 1; ; i++) {
    const oid = `o${i}`;
    io.stdout(`\nOffence ${i}\n`);
    const kind = await search<{ category: string; code?: string; label?: string; statute?: string }>({
      message: 'What offence? (type to search the offence table and the offence kinds)',
      source: (term) => {
        const t = (term ?? '').trim().toLowerCase();
        const rows = table.map((r) => ({ name: `${plain(r.label)} [${r.code}]`, value: { category: r.category, code: r.code, label: r.label, ...(r.statute ? { statute: r.statute } : {}) } }));
        const cats = law.catalogue.categories.map((x) => ({ name: `${x.id}: ${plain(x.label)}`, value: { category: x.id } }));
        // Best matches first: the kind itself, then names that start with the words typed, then any that contain them.
        const rank = (name: string) => {
          const n = name.toLowerCase();
          return n.startsWith(`${t}:`) ? 0 : n.startsWith(t) ? 1 : new RegExp(`\\b${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(n) ? 2 : 3;
        };
        const all = [...rows, ...cats]
          .filter((x) => !t || x.name.toLowerCase().includes(t))
          .map((x, i) => ({ x, i, r: t ? rank(x.name) : 0 }))
          .sort((a, b) => a.r - b.r || a.i - b.i)
          .map((y) => y.x);
        return [...all.slice(0, 40), { name: "I don't know (other)", value: { category: 'other' } }];
      },
      pageSize: 10,
    });
    c = setFact(c, { fact: 'offence.category', offence: oid }, kind.category);
    for (const f of ['code', 'statute'] as const) if (kind[f]) c = setFact(c, { fact: `offence.${f}`, offence: oid }, kind[f]);
    const label = await input({ message: `In a few words, what happened (optional${kind.label ? '' : `; the kind is "${plain(categoryById(law.catalogue, kind.category)?.label ?? kind.category)}"`}):`, ...(kind.label ? { default: kind.label } : {}) });
    if (label.trim()) c = setFact(c, { fact: 'offence.label', offence: oid }, plain(label.trim()).slice(0, 500));
    const dateSpec: FactSpec = { fact: 'offence.date', scope: 'offence', kind: 'date', label: 'date of the offence' };
    const date = await input({
      message: 'When was it committed? (YYYY-MM-DD; empty for "I don\'t know")',
      validate: (t) => {
        const v = parseValue(dateSpec, t, asOf);
        if (!v.ok) return v.reason;
        return v.value === undefined ? true : (draftProblem(setFact(c, { fact: 'offence.date', offence: oid }, v.value), law) ?? true);
      },
    });
    const d = parseValue(dateSpec, date, asOf);
    if (d.ok && d.value !== undefined) c = setFact(c, { fact: 'offence.date', offence: oid }, d.value);
    const stage = await select<unknown>({ message: 'At what stage is it?', choices: [...DISPOSITIONS.map((x) => ({ name: `${x}: ${WORDS[x]}`, value: x })), { name: "I don't know", value: DONT_KNOW }] });
    if (typeof stage === 'string') c = setFact(c, { fact: 'offence.disposition', offence: oid }, stage);
    if (!(await confirm({ message: 'Another offence?', default: false }))) break;
  }
  return c;
}

// ---------------------------------------------------------------- result and saving

async function showResult(c: CaseFile, asOf: string, opts: InterviewOptions, law: Law, io: CliIO): Promise<void> {
  const report = await evaluate(c, law, { jurisdictions: opts.jurisdiction, asOf });
  const laws = new Map(report.results.map((r) => [r.jurisdiction, law.file(r.jurisdiction)]));
  io.stdout('\n' + renderText(report, { color: io.color, width: opts.width, caseFile: c, laws, order: opts.jurisdiction }));
}

function saveIfAsked(c: CaseFile, opts: InterviewOptions, io: CliIO): number {
  const again = opts.jurisdiction?.length && !(opts.jurisdiction.length === 1 && c.jurisdiction === opts.jurisdiction[0]) ? ` --jurisdiction ${opts.jurisdiction.join(' ')}` : '';
  if (!opts.save) {
    io.stdout(`\nNot saved (give --save FILE to keep the case file).\n`);
    return EXIT.ok;
  }
  saveAtomically(opts.save, caseYaml(c), Boolean(opts.force));
  io.stdout(`\nSaved ${opts.save}. The same result again: nonpunishment check ${opts.save}${again}\n`);
  return EXIT.ok;
}

/** The case file as YAML, keys in the order of the format. */
export function caseYaml(c: CaseFile): string {
  const ordered = (o: object, keys: readonly string[]) => Object.fromEntries([...keys.filter((k) => k in o), ...Object.keys(o).filter((k) => !keys.includes(k))].map((k) => [k, (o as Record<string, unknown>)[k]]));
  const doc = {
    ...ordered(c, ['id', 'as_of', 'jurisdiction', 'person', 'trafficking', 'offences']),
    offences: c.offences.map((o) => ordered(o, ['id', 'label', 'category', 'statute', 'code', 'jurisdiction', 'domain', 'date', 'conviction_date', 'disposition', 'nexus', 'answers'])),
  };
  return `# Written by nonpunishment interview. A fact left out is unknown, never false.\n${stringify(doc, { lineWidth: 0 })}`;
}

/** Write a whole file or nothing: a temporary file beside it, then a rename (or a link, which refuses to replace a file). */
export function saveAtomically(path: string, text: string, force: boolean): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    throw new UsageError(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    if (force) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} exists; use --force to replace it`);
        throw new UsageError(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}
