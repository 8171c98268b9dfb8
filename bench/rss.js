#!/usr/bin/env node
// Runs the CLI in this process (worker threads included) with its output written to a file as it comes
// (`/dev/null` to keep nothing), then prints the exit code, the bytes written and the peak resident memory
// of the whole process, for the benchmark's batch and memory rows.
//   node bench/rss.js OUT-FILE -- nonpunishment arguments...
import { closeSync, openSync, writeSync } from 'node:fs';
import { run } from '../dist/cli/main.js';

const [out, , ...args] = process.argv.slice(2);
const fd = openSync(out, 'w');
let bytes = 0;
const code = await run(args, {
  stdout: (s) => {
    bytes += Buffer.byteLength(s);
    writeSync(fd, s);
  },
  stderr: () => undefined,
  color: false,
});
closeSync(fd);
process.stdout.write(JSON.stringify({ code, bytes, maxRSSKB: process.resourceUsage().maxRSS }) + '\n');
