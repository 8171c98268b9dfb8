/** Runs the command line in this process (`run`), as the binary would off a terminal: 80 columns, no colour. */
import { run } from '../../src/cli/main.js';

export async function runIn(args: string[], opts: { input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    color: false,
    columns: 80,
    stdinIsTTY: false,
    readStdin: async () => opts.input ?? '',
  });
  return { code, stdout, stderr };
}
