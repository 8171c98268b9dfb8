#!/usr/bin/env node
// The executable: thin. All behaviour is in dist/bundle/main.js: src/cli/main.ts, bundled (scripts/bundle-cli.mjs).

// A reader that stops early (`| head`, quitting a pager) closes the pipe: stop quietly, not with a stack trace.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Output into a closed pipe (`nonpunishment check … | head -1`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(0);
    throw e;
  });

// `--version` alone needs nothing but the package's version: it is answered before the command line is loaded
// (the same line commander prints for it).
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  const { packageVersion } = await import('../dist/load/version.js');
  process.stdout.write(`${packageVersion()}\n`);
} else await main();

async function main() {
  const io = {
    stdout: (s) => process.stdout.write(s),
    drain: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    stderr: (s) => process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    stdin: process.stdin,
    // The progress bar's library is loaded only where a bar can be shown: standard error is a terminal.
    progress: process.stderr.isTTY ? ((m) => (total) => m.terminalProgress(total, process.stderr))(await import('../dist/bundle/progress.js')) : undefined,
    terminal: process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout, columns: process.stdout.columns } : undefined,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    columns: process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  const { run } = await import('../dist/bundle/main.js');
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`nonpunishment: internal error: ${e && e.message ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
