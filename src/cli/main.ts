/**
 * The command line. Thin: parses arguments with commander, calls the library, prints. `run` never exits
 * the process, so tests drive it in-process; bin/nonpunishment.js maps its result to the exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { Law } from '../law.js';
import { packageVersion } from '../load/files.js';
import { InputError, formatProblem, sortProblems } from '../load/problems.js';
import { caseJsonSchema } from '../schema/case-json-schema.js';
import { jurisdictionSchema } from '../schema/jurisdiction.js';
import { reportSchema } from '../schema/report.js';
import { EvaluationError } from '../engine/evaluate.js';
import { OUTCOMES } from '../vocabulary.js';
import { checkCommand, FORMATS } from './check.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { interviewCommand } from './interview.js';
import { jurisdictionsCommand } from './jurisdictions.js';
import { validateCommand } from './validate.js';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  let law: Law | undefined;
  const getLaw = () => (law ??= new Law());
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
    .option('--explain <offence>', 'the whole derivation of one offence: every check, the words it encodes, the facts it read, how the result was combined, each exception entry, the engines')
    .option('-v, --verbose', 'show every provision in full, also those that do not apply to this person')
    .addHelpText(
      'after',
      `
Examples:
  $ nonpunishment check examples/drug-courier.yaml --jurisdiction gb-ew
  $ nonpunishment check examples/child-cannabis-grow.yaml -j gb-ew --format markdown > memo.md
  $ nonpunishment check examples/unknown-facts.yaml --format html > memo.html
  $ nonpunishment check examples/drug-courier.yaml --explain o1
  $ nonpunishment check case.yaml --as-of 2024-01-01 --fail-on undetermined`,
    )
    .action(async (files: string[], opts) => {
      code = await checkCommand(files, { jurisdiction: opts.jurisdiction, all: opts.all, format: opts.format, asOf: opts.asOf, failOn: opts.failOn, explain: opts.explain, verbose: opts.verbose }, getLaw(), io);
    });

  program
    .command('interview')
    .description('Build a case file by answering only the questions that can still change an outcome, most decisive first.')
    .addOption(new Option('-j, --jurisdiction <id...>', 'the laws to read the case under (default: ask, or the case file\'s)'))
    .option('--from <case>', 'resume from a case file: ask only what is still missing')
    .option('--save <file>', 'write the case file here when the interview ends (never half-written)')
    .option('--force', 'let --save replace an existing file')
    .option('--as-of <date>', 'date of evaluation, YYYY-MM-DD (default: the case as_of, else today)')
    .addHelpText(
      'after',
      `
At a terminal it asks with plain text prompts; "I don't know" is always a choice (or leave the answer
empty), "back" changes the previous answer, "stop" ends it. Ctrl-C ends it without saving (exit 130).

When standard input is not a terminal it reads FACT=VALUE lines instead (OFFENCE:FACT=VALUE for a fact
of one offence; "?" for "I don't know"), shows the result and lists the questions still worth asking.

Examples:
  $ nonpunishment interview --jurisdiction gb-ew --save client.yaml
  $ nonpunishment interview --from client.yaml --save client.yaml --force
  $ printf 'o1:offence.category=theft\\no1:offence.disposition=charged\\n' | nonpunishment interview -j gb-ew`,
    )
    .action(async (opts) => {
      code = await interviewCommand({ jurisdiction: opts.jurisdiction, from: opts.from, save: opts.save, force: opts.force, asOf: opts.asOf, width: io.columns ?? 80 }, getLaw(), io);
    });

  program
    .command('validate')
    .description('Check jurisdiction, case and scenario files; every problem with file, line, column and field path.')
    .argument('[file...]', 'files to check (default: every shipped jurisdiction file)')
    .addHelpText('after', `
Examples:
  $ nonpunishment validate
  $ nonpunishment validate jurisdictions/gb-ew.yaml examples/drug-courier.yaml`)
    .action(async (files: string[]) => {
      code = await validateCommand(files, getLaw(), io);
    });

  program
    .command('jurisdictions')
    .description('List the jurisdictions and instruments, or show one with its provisions, exceptions and verification marks.')
    .argument('[action]', 'list (default) or show')
    .argument('[id]', 'jurisdiction id, for show')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Examples:
  $ nonpunishment jurisdictions
  $ nonpunishment jurisdictions show gb-ew`)
    .action((action: string | undefined, id: string | undefined, opts) => {
      code = jurisdictionsCommand(action, id, getLaw(), io, opts.format);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of a case file, a jurisdiction file or the JSON report, for editors and other tools.')
    .argument('<which>', 'case, jurisdiction or report')
    .addHelpText('after', `
Examples:
  $ nonpunishment schema case > case.schema.json`)
    .action((which: string) => {
      const l = getLaw();
      const schemas = { jurisdiction: jurisdictionSchema(l.catalogue), report: reportSchema } as const;
      if (which !== 'case' && !(which in schemas)) throw new UsageError(`unknown schema "${which}" (expected case, jurisdiction or report)`);
      const json = which === 'case' ? caseJsonSchema(l.catalogue) : z.toJSONSchema(schemas[which as keyof typeof schemas], { unrepresentable: 'any' });
      io.stdout(JSON.stringify(json, null, 2) + '\n');
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
