/**
 * The command line. Thin: parses arguments with commander, calls the library, prints. `run` never exits
 * the process, so tests drive it in-process; bin/nonpunishment.js maps its result to the exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { Law } from '../law.js';
import { packageVersion } from '../load/files.js';
import { InputError, formatProblem, sortProblems } from '../load/problems.js';
import { caseSchema } from '../schema/case.js';
import { jurisdictionSchema } from '../schema/jurisdiction.js';
import { reportSchema } from '../schema/report.js';
import { EvaluationError } from '../engine/evaluate.js';
import { OUTCOMES } from '../vocabulary.js';
import { checkCommand, FORMATS } from './check.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { jurisdictionsCommand } from './jurisdictions.js';
import { validateCommand } from './validate.js';
import { compareCommand } from './compare.js';
import { impactCommand } from './impact.js';
import { lawFor, lawOption } from './law-option.js';
import { scoreCommand } from './score.js';
import { VIEW_FORMATS } from '../report/render.js';
import { compareOutputSchema, impactOutputSchema, scoreOutputSchema } from '../schema/drafting.js';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  let law: Law | undefined;
  // One command per run: the Law of its --law drafts (none for commands that read no law file).
  const getLaw = (opts: { law?: string[] } = {}) => (law ??= lawFor(opts));
  const program = new Command()
    .name('nonpunishment')
    .description('Non-punishment, defences and record relief for trafficking survivors, offence by offence, with citations.')
    .version(readVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => undefined })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  $ nonpunishment check examples/drug-courier.yaml --jurisdiction gb-ew
  $ nonpunishment check case.yaml --all --format json
  $ nonpunishment validate jurisdictions/gb-ew.yaml my-case.yaml
  $ nonpunishment jurisdictions show gb-ew
  $ nonpunishment compare gb-ew gb-sct gb-nir
  $ nonpunishment score --card a79-322
  $ nonpunishment impact --from gb-ew --to examples/drafts/gb-ew-sch4-without-trafficking.yaml

Exit codes: 0 done; 1 done and --fail-on matched; 2 bad input or usage; 3 internal error.
Case facts never leave this machine: the tool makes no network access.`,
    );

  program
    .command('check')
    .description('Evaluate case files: per offence, the outcome, each relief with its provision and citation, why, and what is still to establish.')
    .argument('<case...>', 'case files (YAML or JSON)')
    .addOption(new Option('-j, --jurisdiction <id...>', 'evaluate every offence under these jurisdictions (default: each offence under its own)'))
    .option('--all', 'evaluate under every jurisdiction and instrument')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--as-of <date>', 'date of evaluation, YYYY-MM-DD (default: the case as_of, else today)')
    .addOption(new Option('--fail-on <outcome...>', 'exit 1 if any offence has one of these outcomes').choices(OUTCOMES))
    .addOption(lawOption())
    .addHelpText(
      'after',
      `
Examples:
  $ nonpunishment check examples/drug-courier.yaml --jurisdiction gb-ew
  $ nonpunishment check examples/child-cannabis-grow.yaml -j gb-ew --format markdown > memo.md
  $ nonpunishment check case.yaml --as-of 2024-01-01 --fail-on undetermined`,
    )
    .action(async (files: string[], opts) => {
      code = await checkCommand(files, { jurisdiction: opts.jurisdiction, all: opts.all, format: opts.format, asOf: opts.asOf, failOn: opts.failOn }, getLaw(opts), io);
    });

  program
    .command('validate')
    .description('Check jurisdiction, case and scenario files; every problem with file, line, column and field path.')
    .argument('[file...]', 'files to check (default: every shipped jurisdiction file)')
    .addOption(lawOption())
    .addHelpText('after', `
Examples:
  $ nonpunishment validate
  $ nonpunishment validate jurisdictions/gb-ew.yaml examples/drug-courier.yaml
  $ nonpunishment validate --law my-draft.yaml`)
    .action(async (files: string[], opts) => {
      code = await validateCommand(files, getLaw(opts), io);
    });

  program
    .command('jurisdictions')
    .description('List the jurisdictions and instruments, or show one with its provisions, exceptions and verification marks.')
    .argument('[action]', 'list (default) or show')
    .argument('[id]', 'jurisdiction id, for show')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(lawOption())
    .addHelpText('after', `
Examples:
  $ nonpunishment jurisdictions
  $ nonpunishment jurisdictions show gb-ew
  $ nonpunishment jurisdictions show gb-ew --law examples/drafts/gb-ew-sch4-without-trafficking.yaml`)
    .action((action: string | undefined, id: string | undefined, opts) => {
      code = jurisdictionsCommand(action, id, getLaw(opts), io, opts.format);
    });

  const viewFormat = () => new Option('-f, --format <format>', 'output format').choices(VIEW_FORMATS).default('text');
  program
    .command('compare')
    .description('Laws side by side, one row per feature, each cell with its citation and the line of the file; or, with --cases, the outcome of each case under each law.')
    .argument('<id...>', 'jurisdiction ids (a --law draft counts under its own id)')
    .option('--cases <dir|file.ndjson>', 'run these cases under each law: the case x law matrix of outcomes')
    .option('--only-differences', 'show only the rows whose values differ between the laws')
    .option('--as-of <date>', 'read the laws as in force on this date, YYYY-MM-DD (default today)')
    .addOption(viewFormat())
    .addOption(lawOption())
    .addHelpText('after', `
Examples:
  $ nonpunishment compare gb-ew gb-sct gb-nir
  $ nonpunishment compare gb-ew gb-sct gb-nir --only-differences --format html > uk.html
  $ nonpunishment compare gb-ew gb-sct us-ny --cases tests/golden/gb-ew`)
    .action(async (ids: string[], opts) => {
      code = await compareCommand(ids, { cases: opts.cases, onlyDifferences: opts.onlyDifferences, format: opts.format, asOf: opts.asOf }, getLaw(opts), io);
    });

  program
    .command('score')
    .description('Score laws against a scorecard (rules/scorecards): per criterion the points, the evidence with its citation and line, and what the file does not encode.')
    .argument('[id...]', 'jurisdiction ids (default: every one)')
    .option('--card <card>', 'a79-322 or us-record-relief')
    .option('--as-of <date>', 'read the laws as in force on this date, YYYY-MM-DD (default today)')
    .addOption(viewFormat())
    .addOption(lawOption())
    .addHelpText('after', `
Examples:
  $ nonpunishment score --card a79-322
  $ nonpunishment score us-ca us-fl us-ny --card us-record-relief --format markdown`)
    .action((ids: string[], opts) => {
      code = scoreCommand(ids, { card: opts.card, format: opts.format, asOf: opts.asOf }, getLaw(opts), io);
    });

  program
    .command('impact')
    .description('The same cases under two versions of a law: every outcome that changes, with the provision and the line that made the difference; counts; the structural diff.')
    .option('--from <id|file>', 'the law as it is: an id, or a file')
    .option('--to <file>', 'the draft')
    .option('--cases <dir|file.ndjson>', 'the cases (default: the golden scenarios in tests/golden)')
    .option('--generate <n>', 'N generated cases instead (seeded, the same on every machine)')
    .option('--seed <s>', 'seed for --generate (default 1)')
    .option('--as-of <date>', 'date of evaluation for cases that give none (default today)')
    .addOption(viewFormat())
    .addOption(lawOption())
    .addHelpText('after', `
Examples:
  $ nonpunishment impact --from gb-ew --to examples/drafts/gb-ew-sch4-without-trafficking.yaml
  $ nonpunishment impact --from us-ny --to examples/drafts/us-ny-vacatur-without-nexus.yaml --generate 500 --seed 7
  $ nonpunishment impact --from gb-ew --to my-draft.yaml --cases caseload.ndjson --format csv`)
    .action(async (opts) => {
      code = await impactCommand({ from: opts.from, to: opts.to, cases: opts.cases, generate: opts.generate, seed: opts.seed, format: opts.format, asOf: opts.asOf }, getLaw(opts), io);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of a case file, a jurisdiction file or the JSON report, for editors and other tools.')
    .argument('<which>', 'case, jurisdiction, report, compare, score or impact')
    .addHelpText('after', `
Examples:
  $ nonpunishment schema case > case.schema.json`)
    .action((which: string) => {
      const l = getLaw();
      const schemas = {
        case: caseSchema(l.catalogue),
        jurisdiction: jurisdictionSchema(l.catalogue),
        report: reportSchema,
        compare: compareOutputSchema,
        score: scoreOutputSchema,
        impact: impactOutputSchema,
      } as const;
      if (!Object.hasOwn(schemas, which)) throw new UsageError(`unknown schema "${which}" (expected ${Object.keys(schemas).join(', ')})`);
      io.stdout(JSON.stringify(z.toJSONSchema(schemas[which as keyof typeof schemas], { unrepresentable: 'any' }), null, 2) + '\n');
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      io.stderr(`nonpunishment: ${e.message.replace(/^error: /, '')}\n`);
      return EXIT.input;
    }
    if (e instanceof InputError) {
      io.stderr(sortProblems(e.problems).map(formatProblem).join('\n') + '\n');
      return EXIT.input;
    }
    if (e instanceof UsageError || (e instanceof EvaluationError && e.code !== 'eval.engines-disagree')) {
      io.stderr(`nonpunishment: ${e.message}\n`);
      return EXIT.input;
    }
    io.stderr(`nonpunishment: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.internal;
  }
}

function readVersion(): string {
  return packageVersion();
}
