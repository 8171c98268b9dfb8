#!/usr/bin/env node
/**
 * Writes MUTATION.md from Stryker's JSON report (reports/mutation/<scope>.json): per mutated file, the
 * mutants killed, timed out, survived and not covered, the score, and every surviving mutant by line, with
 * the commit the run measured. Run by the `npm run mutation*` scripts after Stryker.
 *
 * MUTATION.md keeps one section per scope: rerunning a scope replaces its own section and leaves the others,
 * each with the commit it was measured at. Files of the full mutated set that no section measures are listed.
 *
 * Usage: node scripts/mutation-report.mjs [scope]   (default: $MUTATION_SCOPE, else "all")
 *        MUTATION_COMMIT=<sha> names the commit the run started from, if commits were made during it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const scope = process.argv[2] ?? process.env.MUTATION_SCOPE ?? 'all';
const reportFile = join(ROOT, 'reports', 'mutation', `${scope}.json`);
const OUT = join(ROOT, 'MUTATION.md');

if (!existsSync(reportFile)) {
  process.stderr.write(`mutation-report: no Stryker report at ${relative(ROOT, reportFile)}; run \`MUTATION_SCOPE=${scope} npx stryker run\` first\n`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
// The commit the run measured: HEAD, or MUTATION_COMMIT when commits were made while Stryker ran (a long run
// copies the tree when it starts). Mutated files that differ from that commit make the figure describe code
// nobody can check out: uncommitted changes to them, or changes between that commit and HEAD.
const commit = git('rev-parse', process.env.MUTATION_COMMIT ?? 'HEAD');
const mutated = Object.keys(report.files ?? {}).map((k) => relative(ROOT, join(ROOT, k)).split('\\').join('/'));
const dirty =
  mutated.length > 0 && (git('status', '--porcelain', '--', ...mutated).length > 0 || git('diff', '--name-only', commit, 'HEAD', '--', ...mutated).length > 0);

/** Stryker's definitions: detected = killed + timeout; undetected = survived + no coverage; errors and ignored mutants do not count. */
function tally(mutants) {
  const n = (s) => mutants.filter((m) => m.status === s).length;
  const killed = n('Killed');
  const timeout = n('Timeout');
  const survived = n('Survived');
  const noCoverage = n('NoCoverage');
  const errors = n('CompileError') + n('RuntimeError');
  const ignored = n('Ignored');
  const valid = killed + timeout + survived + noCoverage;
  return { killed, timeout, survived, noCoverage, errors, ignored, valid, score: valid ? ((killed + timeout) / valid) * 100 : null };
}
const pct = (x) => (x === null ? 'n/a' : `${x.toFixed(1)}%`);
const row = (name, t) => `| ${name} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.errors} | ${t.ignored} | ${pct(t.score)} |`;

const files = Object.entries(report.files ?? {})
  .map(([path, f]) => [relative(ROOT, join(ROOT, path)).split('\\').join('/'), f])
  .sort(([a], [b]) => (a < b ? -1 : 1));
const all = files.flatMap(([, f]) => f.mutants);
const lines = [
  `## Scope \`${scope}\``,
  '',
  `Measured at commit \`${commit}\`${dirty ? ' **with src/ changed since** (the figure may not match that commit)' : ''}, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| File | Killed | Timeout | Survived | No coverage | Errors | Ignored | Score |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...files.map(([path, f]) => row(`\`${path}\``, tally(f.mutants))),
  row('**all files**', tally(all)),
  '',
];
// Survivors argued equivalent (no test could tell them apart), keyed by file, mutator and the replacement text
// (not by line, which moves), with the argument: scripts/mutation-equivalent.json. A replacement as common as
// `true` or `false` also names `line`: text of the source line it stands on, so the argument covers that one.
const equivalentFile = join(ROOT, 'scripts', 'mutation-equivalent.json');
const equivalent = existsSync(equivalentFile) ? JSON.parse(readFileSync(equivalentFile, 'utf8')) : [];
const sourceLine = (path, m) => String(report.files[Object.keys(report.files).find((k) => relative(ROOT, join(ROOT, k)).split('\\').join('/') === path)]?.source ?? '').split('\n')[m.location.start.line - 1] ?? '';
// `original` narrows further, to the text the mutant replaces: one word of a list on one line.
const originalText = (path, m) => {
  const lines = String(report.files[Object.keys(report.files).find((k) => relative(ROOT, join(ROOT, k)).split('\\').join('/') === path)]?.source ?? '').split('\n');
  const { start, end } = m.location;
  if (start.line !== end.line) return null;
  return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
};
const argued = (path, m) =>
  equivalent.find(
    (e) =>
      e.file === path &&
      e.mutator === m.mutatorName &&
      e.replacement === String(m.replacement ?? '').replace(/\s+/g, ' ') &&
      (e.line === undefined || sourceLine(path, m).includes(e.line)) &&
      (e.original === undefined || originalText(path, m) === e.original),
  );
const describe = (path, m) => `\`${path}:${m.location.start.line}:${m.location.start.column}\` ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no test covers it)' : ''}: \`${String(m.replacement ?? '').replace(/\s+/g, ' ').replace(/`/g, "'").slice(0, 120)}\``;
const surviving = files.flatMap(([path, f]) =>
  f.mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((m) => ({ path, m, why: argued(path, m) })),
);
const open = surviving.filter((x) => !x.why).map((x) => `- ${describe(x.path, x.m)}`);
const equal = surviving.filter((x) => x.why).map((x) => `- ${describe(x.path, x.m)} — ${x.why.why}`);
lines.push(open.length ? `Surviving mutants not argued equivalent (${open.length}), each to be killed by a test:` : 'Every surviving mutant is argued equivalent below.', '', ...(open.length ? [...open, ''] : []));
if (equal.length) lines.push(`Surviving mutants argued equivalent (${equal.length}; scripts/mutation-equivalent.json):`, '', ...equal, '');
// Mutants Stryker did not run (ignoreStatic): module-level values, computed once when the module loads. Each
// is listed with why it was left, so that the score's denominator hides nothing.
const SHARED_MODULES = ['engine', 'loaders'];
const staticWhy = SHARED_MODULES.includes(scope)
  ? 'this scope shares modules between test files (vitest.mutation.config.ts), so a module-level mutant would be judged by tests that loaded the module under another mutant; the `all` scope, where each test file loads its modules afresh, measures them'
  : 'left out of this run with --ignoreStatic: without per-test coverage each costs a whole run of the scope\'s tests';
const ignored = files.flatMap(([path, f]) =>
  f.mutants
    .filter((m) => m.status === 'Ignored')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((m) => ({ path, m, reason: String(m.statusReason ?? '') })),
);
const isStatic = (x) => /static/i.test(x.reason);
const statics = ignored.filter(isStatic);
const others = ignored.filter((x) => !isStatic(x));
// One line per source line: a list of twenty words is twenty mutants on the same line.
const byLine = (xs) => {
  const groups = new Map();
  for (const x of xs) {
    const k = `${x.path}:${x.m.location.start.line}`;
    groups.set(k, [...(groups.get(k) ?? []), x]);
  }
  return [...groups].map(([k, g]) => `- \`${k}\` (${g.length}): ${[...new Set(g.map((x) => x.m.mutatorName))].join(', ')} — \`${sourceLine(g[0].path, g[0].m).trim().replace(/`/g, "'").slice(0, 100)}\``);
};
if (statics.length) lines.push(`Static mutants not run (${statics.length}): ${staticWhy}.`, '', ...byLine(statics), '');
if (others.length) lines.push(`Other mutants not run (${others.length}):`, '', ...others.map((x) => `- ${describe(x.path, x.m)} — ${x.reason}`), '');
const section = lines.join('\n');

// Keep the sections of other scopes; replace this one.
const HEAD = '# Mutation score';
const INTRO = [
  HEAD,
  '',
  'Written by `scripts/mutation-report.mjs` after each `npm run mutation*` run, from Stryker\'s JSON report',
  '(see `stryker.config.mjs` for what each scope mutates and which tests judge it). Each section names the',
  'commit it was measured at; a file missing from every section was not measured.',
  '',
].join('\n');
const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
const sections = new Map();
for (const part of old.split(/^(?=## Scope `)/m).slice(1)) {
  const m = /^## Scope `([^`]+)`/.exec(part);
  if (m && m[1] !== scope && !part.startsWith('## Not measured')) sections.set(m[1], part.split(/^## Not measured/m)[0].trimEnd() + '\n');
}
sections.set(scope, section);

// Which files of the full mutated set no section covers.
const measured = new Set();
for (const s of sections.values()) for (const m of s.matchAll(/^\| `([^`]+)` \|/gm)) measured.add(m[1]);
const everything = git('ls-files', 'src/engine', 'src/load', 'src/law/dates.ts', 'src/vocabulary.ts')
  .split('\n')
  .filter((f) => f.endsWith('.ts'));
const missing = everything.filter((f) => !measured.has(f));
const order = ['all', 'engine', 'compile', 'loaders', 'vocabulary'];
const body = [...sections]
  .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : 1))
  .map(([, s]) => s.trimEnd())
  .join('\n\n');
const notMeasured = missing.length
  ? `## Not measured\n\nFiles of the mutated set that no section above measured:\n\n${missing.map((f) => `- \`${f}\``).join('\n')}\n`
  : '';
const text = `${INTRO}\n${body}\n\n${notMeasured}`;
const tmp = `${OUT}.tmp`;
writeFileSync(tmp, text.trimEnd() + '\n');
renameSync(tmp, OUT);
process.stdout.write(`MUTATION.md: scope ${scope}, ${files.length} file(s), score ${pct(tally(all).score)}\n`);
