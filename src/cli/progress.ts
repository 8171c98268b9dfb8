/** The progress bar `batch` shows on standard error when it is a terminal: records, rate, elapsed, and an ETA from the input size. */
import cliProgress from 'cli-progress';
import type { Progress } from './io.js';

export function terminalProgress(total: number | undefined, stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: total ? '{bar} {percentage}% | {records} records | {rate}/s | {duration_formatted} elapsed | ETA {eta_formatted}' : '{records} records | {rate}/s | {duration_formatted} elapsed',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 1, 0, { records: 0, rate: 0 });
  return {
    update(bytes, records, ms) {
      bar.update(total ? Math.min(bytes, total) : 0, { records, rate: ms > 0 ? Math.round((records * 1000) / ms) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
