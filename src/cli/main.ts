/**
 * The command line. Thin: parses arguments with commander, calls the library, prints. `run` never exits
 * the process, so tests drive it in-process; bin/nonpunishment.js maps its result to the exit code.
 */
import { Command, CommanderError, Option } from 'commander';
// Only what defining the commands needs is imported here; each command's code is loaded when it runs, so
// `--version`, `--help` and a bad argument start as fast as Node itself allows.
import { EvaluationError } from '../engine/errors.js';
import type { Law } from '../law.js';
import { packageVersion } from '../load/version.js';
import { InputError, formatProblem, sortProblems } from '../load/problems.js';
import { plain } from '../report/neutralise.js';
import { OUTCOMES } from '../vocabulary.js';
import { FORMATS, SCENARIO_FORMATS, VIEW_FORMATS } from '../report/formats.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { lawFor, lawOption } from './law-option.js';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  let law: Law | undefined;
  // One command per run: the Law of its --law drafts (none for commands that read no law file).
  const getLaw = async (opts: { law?: string[] } = {}): Promise<Law> => (law ??= await lawFor(opts));
  const program = new Command()
    .name('nonpunishment')
    .description('Non-punishment, defences and record relief for trafficking survivors, offence by offence, with citations.')
    .version(readVersion(), '-V, --version')
    .exitOverride()
    // An extra positional argument is a usage error, never silently dropped (inherited by every command below).
    .allowExcessArguments(false)
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
  $ nonpunishment scenario demo cannabis-grow-boy-17 --quiz
  $ nonpunishment compare gb-ew gb-sct gb-nir
  $ nonpunishment score --card a79-322
  $ nonpunishment impact --from gb-ew --to examples/drafts/gb-ew-sch4-without-trafficking.yaml

Exit codes: 0 done; 1 done and --fail-on matched (or a scenario run differs); 2 bad input or usage; 3 internal error.
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
    .option('--explain <offence>', 'the whole derivation of one offence: every check, the words it encodes, the facts it read, how the result was combined, each exception entry, the engines')
    .option('-v, --verbose', 'show every provision in full, also those that do not apply to this person')
    .option('--reference-engine', 'evaluate with json-rules-engine (the reference semantics, slower), checked against the compiled path on every provision, for audits')
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
      code = await (await import('./check.js')).checkCommand(files, { jurisdiction: opts.jurisdiction, all: opts.all, format: opts.format, asOf: opts.asOf, failOn: opts.failOn, explain: opts.explain, verbose: opts.verbose, referenceEngine: opts.referenceEngine }, await getLaw(opts), io);
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
      code = await (await import('./interview.js')).interviewCommand({ jurisdiction: opts.jurisdiction, from: opts.from, save: opts.save, force: opts.force, asOf: opts.asOf, width: io.columns ?? 80 }, await getLaw(), io);
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
      code = await (await import('./validate.js')).validateCommand(files, await getLaw(opts), io);
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
    .action(async (action: string | undefined, id: string | undefined, opts) => {
      code = (await import('./jurisdictions.js')).jurisdictionsCommand(action, id, await getLaw(opts), io, opts.format);
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
      code = await (await import('./compare.js')).compareCommand(ids, { cases: opts.cases, onlyDifferences: opts.onlyDifferences, format: opts.format, asOf: opts.asOf }, await getLaw(opts), io);
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
    .action(async (ids: string[], opts) => {
      code = (await import('./score.js')).scoreCommand(ids, { card: opts.card, format: opts.format, asOf: opts.asOf }, await getLaw(opts), io);
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
      code = await (await import('./impact.js')).impactCommand({ from: opts.from, to: opts.to, cases: opts.cases, generate: opts.generate, seed: opts.seed, format: opts.format, asOf: opts.asOf }, await getLaw(opts), io);
    });

  const scenario = program
    .command('scenario')
    .description('Training scenarios: a library of cases drawn from the patterns of A/79/322, run across laws, with "what if" variations, a classroom demo and printable handouts.')
    .addHelpText('after', `
Examples:
  $ nonpunishment scenario list
  $ nonpunishment scenario demo cannabis-grow-boy-17
  $ nonpunishment scenario demo border-courier-family-threats --quiz
  $ nonpunishment scenario run girl-16-soliciting --format html > handout.html
  $ nonpunishment scenario new --from examples/drug-courier.yaml --jurisdiction gb-ew --save my-scenario.yaml`);
  const lawOptions = (cmd: Command) =>
    cmd
      .addOption(new Option('-j, --jurisdiction <id...>', "the laws to read it under (default: the scenario's own)"))
      .option('--all', 'every jurisdiction and instrument');
  lawOptions(
    scenario
      .command('list')
      .description('The scenarios, with their titles and tags (pattern, age group, A/79/322 paragraphs, laws); with --jurisdiction, those written for these laws.')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (opts) => {
    code = (await import('./scenario.js')).scenarioList(await getLaw(), io, opts);
  });
  lawOptions(
    scenario
      .command('show')
      .description('A scenario: the story, the facts, the variations and the learning points; as html, the printable handout; as markdown, slides.')
      .argument('<id>', 'a scenario id (see scenario list) or a scenario file')
      .addOption(new Option('-f, --format <format>', 'output format').choices(SCENARIO_FORMATS).default('text'))
      .addHelpText('after', `
Examples:
  $ nonpunishment scenario show woman-made-to-recruit
  $ nonpunishment scenario show woman-made-to-recruit --format html > handout.html`),
  ).action(async (id: string, opts) => {
    code = await (await import('./scenario.js')).scenarioShow(id, await getLaw(), io, opts);
  });
  lawOptions(
    scenario
      .command('run')
      .description('The outcome matrix (offences x laws, then each variation), checked against the expected outcomes. Exit 1 when one differs.')
      .argument('<id>', 'a scenario id (see scenario list) or a scenario file')
      .addOption(new Option('-f, --format <format>', 'output format').choices(SCENARIO_FORMATS).default('text'))
      .addHelpText('after', `
Examples:
  $ nonpunishment scenario run cannabis-grow-boy-17
  $ nonpunishment scenario run cannabis-grow-boy-17 --all
  $ nonpunishment scenario run cannabis-grow-boy-17 --format markdown > slides.md`),
  ).action(async (id: string, opts) => {
    code = await (await import('./scenario.js')).scenarioRun(id, await getLaw(), io, opts);
  });
  lawOptions(
    scenario
      .command('demo')
      .description('Classroom mode: the story, the facts, each law requirement by requirement, then each "what if". Keys: space/enter next, b back, q quit.')
      .argument('<id>', 'a scenario id (see scenario list) or a scenario file')
      .option('--quiz', 'ask the room to predict each outcome before it is shown, and keep the score')
      .option('--auto <seconds>', 'advance by itself every so many seconds')
      .option('--no-pause', 'print everything at once (also when the output is not a terminal)')
      .addHelpText('after', `
Examples:
  $ nonpunishment scenario demo cannabis-grow-boy-17
  $ nonpunishment scenario demo cannabis-grow-boy-17 --quiz -j gb-ew gb-sct
  $ nonpunishment scenario demo cannabis-grow-boy-17 --no-pause > script.txt`),
  ).action(async (id: string, opts) => {
    code = await (await import('./demo.js')).scenarioDemo(id, await getLaw(), io, opts);
  });
  lawOptions(
    scenario
      .command('new')
      .description("Scaffold a scenario file from a case file: today's outcomes as the expected ones, placeholders for the story and the points.")
      .requiredOption('--from <case>', 'the case file (YAML or JSON)')
      .option('--save <file>', 'write the scenario to this new file (default: standard output)')
      .addHelpText('after', `
Examples:
  $ nonpunishment scenario new --from examples/drug-courier.yaml --jurisdiction gb-ew un-model
  $ nonpunishment scenario new --from case.yaml -j gb-ew --save scenarios-of-my-own/courier.yaml`),
  ).action(async (opts) => {
    code = await (await import('./scenario.js')).scenarioNew(opts.from, await getLaw(), io, opts);
  });

  program
    .command('batch')
    .description('Screen a caseload: NDJSON (one case per line) or CSV (one offence per row, grouped by case id) in; one report per case (or CSV rows) out, in input order, streamed in bounded memory.')
    .argument('[file]', 'NDJSON or CSV file, or - for standard input', '-')
    .addOption(new Option('-j, --jurisdiction <id...>', 'evaluate every offence under these jurisdictions (default: each offence under its own)'))
    .option('--all', 'evaluate under every jurisdiction and instrument')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--map <mapping.yaml>', 'column mapping for CSV input (default: columns named after the case-file fields, grouped by case_id)')
    .option('--as-of <date>', 'date of evaluation, YYYY-MM-DD (default: each case as_of, else today)')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--shard <K/N>', 'only the cases whose id hashes to shard K of N (spread one caseload over N machines)')
    .option('--summary', 'print counts by jurisdiction and outcome, relief and category to standard error at the end')
    .addOption(new Option('--fail-on <outcome...>', 'exit 1 if any offence has one of these outcomes').choices(OUTCOMES))
    .option('--reference-engine', 'evaluate with json-rules-engine (the reference semantics, slower) instead of the compiled path')
    .addHelpText(
      'after',
      `
Examples:
  $ nonpunishment batch caseload.ndjson --jurisdiction gb-ew > reports.ndjson
  $ nonpunishment batch export.csv --map examples/batch/court-export.map.yaml --format csv --summary > screened.csv
  $ nonpunishment batch caseload.ndjson --all --shard 3/8 --jobs 2 > part-3.ndjson

A bad record never stops the run: it becomes an error record with its line and the located problem, and
the exit code is 2 at the end (1 when only --fail-on matched).`,
    )
    .action(async (file: string, opts) => {
      code = await (await import('./batch.js')).batchCommand(
        { input: file, jurisdiction: opts.jurisdiction, all: opts.all, format: opts.format, map: opts.map, asOf: opts.asOf, jobs: opts.jobs, shard: opts.shard, summary: opts.summary, failOn: opts.failOn, referenceEngine: opts.referenceEngine },
        await getLaw(),
        io,
      );
    });

  program
    .command('offences')
    .description("A law's offence table: the codes a case file can give, with statute, category, domain, penalty and dates.")
    .argument('<id>', 'jurisdiction id')
    .option('--category <category>', 'only offences of this category')
    .option('--search <text>', 'only offences whose code, label or statute contains this text (or cites the same section)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Examples:
  $ nonpunishment offences gb-nir --category theft
  $ nonpunishment offences us-ca --search "Penal Code § 211"`)
    .action(async (id: string, opts) => {
      code = (await import('./offences.js')).offencesCommand(id, { category: opts.category, search: opts.search, format: opts.format }, await getLaw(), io);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of a case file, a jurisdiction file or the JSON report, for editors and other tools.')
    .argument('<which>', 'case, jurisdiction, report, scenario, compare, score or impact')
    .addHelpText('after', `
Examples:
  $ nonpunishment schema case > case.schema.json`)
    .action(async (which: string) => {
      const l = await getLaw();
      const [{ z }, { jurisdictionSchema }, { reportSchema }, { trainingScenarioShape }, { caseSchema }, { compareOutputSchema, impactOutputSchema, scoreOutputSchema }, { caseJsonSchema }] = await Promise.all([
        import('zod'),
        import('../schema/jurisdiction.js'),
        import('../schema/report.js'),
        import('../scenario/file.js'),
        import('../schema/case.js'),
        import('../schema/drafting.js'),
        import('../schema/case-json-schema.js'),
      ]);
      const schemas = {
        jurisdiction: jurisdictionSchema(l.catalogue),
        report: reportSchema,
        scenario: trainingScenarioShape.extend({ case: caseSchema(l.catalogue) }),
        compare: compareOutputSchema,
        score: scoreOutputSchema,
        impact: impactOutputSchema,
      } as const;
      if (which !== 'case' && !Object.hasOwn(schemas, which)) throw new UsageError(`unknown schema "${which}" (expected case, ${Object.keys(schemas).join(', ')})`);
      // The case schema is documented for editors: a title and description on every property, each value explained.
      const json = which === 'case' ? caseJsonSchema(l.catalogue) : z.toJSONSchema(schemas[which as keyof typeof schemas], { unrepresentable: 'any' });
      io.stdout(JSON.stringify(json, null, 2) + '\n');
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      io.stderr(`nonpunishment: ${plain(e.message.replace(/^error: /, ''))}\n`);
      return EXIT.input;
    }
    if (e instanceof InputError) {
      io.stderr(sortProblems(e.problems).map(formatProblem).join('\n') + '\n');
      return EXIT.input;
    }
    if (e instanceof UsageError || (e instanceof EvaluationError && e.code !== 'eval.engines-disagree')) {
      io.stderr(`nonpunishment: ${plain(e.message)}\n`);
      return EXIT.input;
    }
    io.stderr(`nonpunishment: internal error: ${plain(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT.internal;
  }
}

function readVersion(): string {
  return packageVersion();
}
