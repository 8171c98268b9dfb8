/**
 * `nonpunishment batch`: a caseload, streamed. NDJSON (one case per line) or CSV (one offence per row,
 * grouped by a case-id column through a mapping) in; one report line per case, or CSV rows, out, in input
 * order. Memory stays bounded whatever the input size: records are read, evaluated in chunks (in worker
 * threads with --jobs) and written as they come, with a bounded number of chunks in flight.
 */
import { closeSync, createReadStream, existsSync, fstatSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { parse as parseCsv } from 'csv-parse';
import type { Law } from '../law.js';
import { isIsoDate } from '../law/dates.js';
import { readText } from '../load/files.js';
import { InputError, type Problem } from '../load/problems.js';
import { parseSource } from '../load/source.js';
import { OUTCOMES } from '../vocabulary.js';
import { evaluateChunk, type BatchRecord, type BatchSettings, type ChunkResult } from '../batch/chunk.js';
import { checkHeader, CsvCases, DEFAULT_MAPPING, MAX_RECORD_CHARS, validateMapping, type CsvMapping } from '../batch/input.js';
import { CSV_HEADER, csvLine, emptySummary, mergeSummary, renderSummary } from '../batch/output.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export interface BatchOptions {
  jurisdiction?: string[];
  all?: boolean;
  format: string;
  input?: string;
  map?: string;
  asOf?: string;
  jobs?: string;
  shard?: string;
  summary?: boolean;
  failOn?: string[];
  referenceEngine?: boolean;
  /** Records per chunk sent to a worker (tests use small chunks). */
  chunk?: number;
}

/** Cases per chunk: enough to keep a worker busy between messages, few enough that the chunks in flight stay small (a report line is tens of kilobytes). */
const CHUNK = 64;

/** FNV-1a over the case id: the same id always falls in the same shard, on every machine. */
export function shardOf(id: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}

function parseShard(s: string | undefined): { k: number; n: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(s);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard takes K/N with 1 <= K <= N (e.g. 2/8), got "${s}"`);
  return { k: k - 1, n };
}

/** The input as a stream of text: a regular file, or standard input for "-". Anything else is refused, located. */
function openInput(file: string, io: CliIO): { stream: Readable; size: number | undefined } {
  if (file === '-') {
    if (!io.stdin) throw new UsageError('no standard input to read');
    return { stream: io.stdin, size: undefined };
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ file, line: 1, col: 1, path: '', code: 'input.unreadable', message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})` }]);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new InputError([{ file, line: 1, col: 1, path: '', code: 'input.not-a-file', message: 'not a regular file (only regular files, or - for standard input, are read)' }]);
  }
  return { stream: createReadStream(file, { fd, encoding: 'utf8', highWaterMark: 1 << 16 }), size: st.size };
}

/** Lines of a text stream, each capped: a line longer than the cap becomes a problem record, not a huge string. */
async function* lines(stream: Readable, file: string, onBytes: (n: number) => void): AsyncGenerator<BatchRecord> {
  let buf = '';
  let lineNo = 0;
  let skipping = false;
  for await (const chunk of stream as AsyncIterable<string>) {
    onBytes(Buffer.byteLength(chunk));
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      const piece = chunk.slice(start, nl < 0 ? undefined : nl);
      if (!skipping) buf += piece;
      if (!skipping && buf.length > MAX_RECORD_CHARS) {
        skipping = true;
        buf = '';
      }
      if (nl < 0) break;
      lineNo++;
      if (skipping) yield { kind: 'problem', line: lineNo, problems: [{ file, line: lineNo, col: 1, path: '', code: 'input.too-large', message: `line is too long (more than ${MAX_RECORD_CHARS} characters)` }] };
      else if (buf.trim()) yield { kind: 'json', line: lineNo, text: buf.replace(/\r$/, '') };
      buf = '';
      skipping = false;
      start = nl + 1;
    }
  }
  lineNo++;
  if (skipping) yield { kind: 'problem', line: lineNo, problems: [{ file, line: lineNo, col: 1, path: '', code: 'input.too-large', message: `line is too long (more than ${MAX_RECORD_CHARS} characters)` }] };
  else if (buf.trim()) yield { kind: 'json', line: lineNo, text: buf.replace(/\r$/, '') };
}

/** CSV rows grouped into cases; the header is checked against the mapping first. */
async function* csvRecords(stream: Readable, file: string, mapping: CsvMapping, explicit: boolean, onHeader: (h: string[]) => void, onBytes: (n: number) => void): AsyncGenerator<BatchRecord> {
  let header: string[] | undefined;
  const parser = parseCsv({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS });
  stream.on('data', (d: string | Buffer) => onBytes(typeof d === 'string' ? Buffer.byteLength(d) : d.length));
  stream.pipe(parser);
  const cases = new CsvCases(mapping.case_id);
  const held: BatchRecord[] = [];
  const record = (c: { id: string; rows: { line: number; cells: Record<string, string> }[] }): BatchRecord => ({ kind: 'csv', line: c.rows[0]!.line, caseId: c.id, rows: c.rows });
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = item.record.map((h) => h.trim());
        const problems = checkHeader(file, header, mapping, explicit);
        if (problems.length) throw new InputError(problems);
        onHeader(header);
        continue;
      }
      const cells: Record<string, string> = Object.create(null) as Record<string, string>;
      header.forEach((h, i) => (cells[h] = item.record[i] ?? ''));
      const r = cases.push({ line: item.info.lines, cells });
      // A row that cannot be placed is reported after the case it interrupts, so records stay in the order their cases start.
      if (r.complete) yield record(r.complete);
      if (r.complete || !cases.pending()) for (const p of held.splice(0)) yield p;
      if (r.problem) {
        const p: BatchRecord = { kind: 'problem', line: r.problem.line, problems: [{ ...r.problem, file }] };
        if (cases.pending()) held.push(p);
        else yield p;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { message?: string; lines?: number };
    throw new InputError([{ file, line: err.lines ?? 1, col: 1, path: '', code: 'csv.syntax', message: (err.message ?? 'CSV syntax error').replace(/^Invalid [^:]*: /, '') }]);
  }
  if (!header) throw new InputError([{ file, line: 1, col: 1, path: '', code: 'csv.header', message: 'no header row: the first row names the columns' }]);
  const last = cases.flush();
  if (last) yield record(last);
  for (const p of held) yield p;
}

export async function batchCommand(opts: BatchOptions, law: Law, io: CliIO): Promise<number> {
  const format = opts.format as 'ndjson' | 'csv';
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError(`unknown format "${opts.format}" (expected ndjson or csv)`);
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, got "${opts.asOf}"`);
  if (opts.all && opts.jurisdiction?.length) throw new UsageError('use either --jurisdiction or --all, not both');
  for (const o of opts.failOn ?? []) if (!(OUTCOMES as readonly string[]).includes(o)) throw new UsageError(`--fail-on takes outcomes (${OUTCOMES.join(', ')}), got "${o}"`);
  const jobs = opts.jobs === undefined ? availableParallelism() : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, got "${opts.jobs}"`);
  const shard = parseShard(opts.shard);
  if (opts.jurisdiction?.length) law.getAll(opts.jurisdiction); // unknown ids: exit 2 before any record is read
  if (opts.all) law.getAll(law.ids());

  const file = opts.input ?? '-';
  const inputKind = opts.map || /\.csv$/i.test(file) ? 'csv' : 'ndjson';
  let mapping: CsvMapping = DEFAULT_MAPPING;
  if (opts.map) {
    const read = readText(opts.map);
    if (!read.ok) throw new InputError(read.problems);
    const parsed = parseSource(opts.map, read.text);
    if (!parsed.ok) throw new InputError(parsed.problems);
    const m = validateMapping(parsed.source);
    if (!m.ok) throw new InputError(m.problems);
    mapping = m.value;
  }
  const { stream, size } = openInput(file, io);
  const settings: BatchSettings = {
    file: file === '-' ? '<stdin>' : file,
    format,
    jurisdictions: opts.jurisdiction,
    all: opts.all,
    asOf: opts.asOf,
    engine: opts.referenceEngine ? 'reference' : 'fast',
    failOn: opts.failOn ?? [],
    mapping,
  };

  // Progress on a terminal only; nothing extra otherwise.
  let bytes = 0;
  let records = 0;
  const started = Date.now();
  const progress = io.progress?.(size);
  const onBytes = (n: number) => (bytes += n);
  const tick = () => progress?.update(bytes, records, Date.now() - started);

  const source =
    inputKind === 'csv'
      ? csvRecords(stream, settings.file, mapping, Boolean(opts.map), (h) => (settings.header = h), onBytes)
      : lines(stream, settings.file, onBytes);

  const total = emptySummary();
  let bad = 0;
  let failOnHits = 0;
  if (format === 'csv') io.stdout(csvLine(CSV_HEADER));
  const collect = (r: ChunkResult) => {
    io.stdout(r.out);
    mergeSummary(total, r.summary);
    bad += r.bad;
    failOnHits += r.failOnHits;
  };

  const chunkSize = opts.chunk ?? CHUNK;
  const workers = jobs > 1 ? startWorkers(jobs, settings) : undefined;
  const pending = new Map<number, ChunkResult>();
  let nextToWrite = 0;
  let seq = 0;
  const inFlight = new Set<Promise<void>>();
  const flush = () => {
    while (pending.has(nextToWrite)) {
      collect(pending.get(nextToWrite)!);
      pending.delete(nextToWrite++);
    }
    tick();
  };
  const dispatch = async (chunk: BatchRecord[]) => {
    const mine = seq++;
    records += chunk.length;
    if (!workers) {
      pending.set(mine, await evaluateChunk(chunk, settings, law));
      flush();
      await io.drain?.();
      return;
    }
    const p: Promise<void> = workers
      .run(mine, chunk)
      .then((r) => {
        pending.set(mine, r);
        flush();
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    // Bounded memory: at most a few chunks per worker wait in flight, and what is written waits for a slow reader.
    if (inFlight.size >= jobs * 3) await Promise.race(inFlight);
    await io.drain?.();
  };
  let chunk: BatchRecord[] = [];
  try {
    for await (const rec of source) {
      if (shard && rec.kind !== 'problem') {
        const id = rec.kind === 'csv' ? rec.caseId : caseIdOf(rec.text);
        if (id !== undefined && shardOf(id, shard.n) !== shard.k) continue;
      }
      chunk.push(rec);
      if (chunk.length >= chunkSize) {
        await dispatch(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await dispatch(chunk);
    await Promise.all(inFlight);
    flush();
  } finally {
    await workers?.stop();
    progress?.stop();
  }
  if (opts.summary) io.stderr(renderSummary(total));
  if (bad) return EXIT.input;
  return failOnHits ? EXIT.failOn : EXIT.ok;
}

/** The case id of an NDJSON line, for sharding, without validating it (a bad line is sharded by its line, which has none: kept). */
function caseIdOf(text: string): string | undefined {
  try {
    const v = JSON.parse(text) as { id?: unknown };
    return typeof v?.id === 'string' ? v.id : undefined;
  } catch {
    return undefined;
  }
}

/** A small pool: each chunk goes to the worker with the fewest chunks in hand. */
function startWorkers(n: number, settings: BatchSettings) {
  // The bundled worker beside the bundled command line (dist/bundle/worker.js), else the module (dist/batch/worker.js).
  const bundled = new URL('./worker.js', import.meta.url);
  const url = existsSync(fileURLToPath(bundled)) ? bundled : new URL('../batch/worker.js', import.meta.url);
  const pool = Array.from({ length: n }, () => ({ worker: new Worker(url, { workerData: settings }), busy: 0, waiting: new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>() }));
  for (const w of pool) {
    w.worker.on('message', (m: ChunkResult & { seq: number; fatal?: string }) => {
      const p = w.waiting.get(m.seq)!;
      w.waiting.delete(m.seq);
      w.busy--;
      if (m.fatal) p.reject(new Error(m.fatal));
      else p.resolve(m);
    });
    w.worker.on('error', (e) => {
      for (const p of w.waiting.values()) p.reject(e);
      w.waiting.clear();
    });
  }
  return {
    run(seq: number, records: BatchRecord[]): Promise<ChunkResult> {
      const w = pool.reduce((a, b) => (b.busy < a.busy ? b : a));
      w.busy++;
      const p = new Promise<ChunkResult>((resolve, reject) => w.waiting.set(seq, { resolve, reject }));
      w.worker.postMessage({ seq, records });
      return p;
    },
    async stop() {
      await Promise.all(pool.map((w) => w.worker.terminate()));
    },
  };
}

export type { Problem };
