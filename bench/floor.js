#!/usr/bin/env node
// The floor for `batch`: read each input line, parse it, write an output line of the given size — no
// evaluation. `batch` end to end is measured against this in the same run (npm run bench).
//   node bench/floor.js INPUT.ndjson --size BYTES > out
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [file, , size] = process.argv.slice(2);
const line = 'x'.repeat(Math.max(0, Number(size ?? 100) - 1)) + '\n';
let buf = '';
for await (const l of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (!l) continue;
  JSON.parse(l);
  buf += line;
  if (buf.length > 1 << 20) {
    if (!process.stdout.write(buf)) await new Promise((r) => process.stdout.once('drain', r));
    buf = '';
  }
}
process.stdout.write(buf);
