#!/usr/bin/env node
// Runs the CLI in this process (worker threads included) with its output written to a file as it comes,
// then prints the peak resident memory of the whole process, for the benchmark's memory rows.
//   node bench/rss.js OUT-FILE -- nonpunishment arguments...
import { closeSync, openSync, writeSync } from 'node:fs';
import { run } from '../dist/cli/main.js';

const [out, , ...args] = process.argv.slice(2);
const fd = openSync(out, 'w');
const code = await run(args, { stdout: (s) => void writeSync(fd, s), stderr: () => undefined, color: false });
closeSync(fd);
process.stdout.write(JSON.stringify({ code, maxRSSKB: process.resourceUsage().maxRSS }) + '\n');
