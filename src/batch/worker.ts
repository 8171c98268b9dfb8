/** A worker thread of `batch --jobs N`: loads the law once, then evaluates the chunks it is sent, in turn. */
import { parentPort, workerData } from 'node:worker_threads';
import { Law } from '../law.js';
import { evaluateChunk, type BatchRecord, type BatchSettings } from './chunk.js';

const settings = workerData as BatchSettings;
const law = new Law();
parentPort!.on('message', (msg: { seq: number; records: BatchRecord[] }) => {
  evaluateChunk(msg.records, settings, law).then(
    (result) => parentPort!.postMessage({ seq: msg.seq, ...result }),
    (e: unknown) => parentPort!.postMessage({ seq: msg.seq, fatal: e instanceof Error ? e.message : String(e) }),
  );
});
