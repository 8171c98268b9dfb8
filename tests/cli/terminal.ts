/**
 * A real pseudo-terminal for end-to-end tests of the interview: a tmux session of fixed size on a tmux
 * server of this test's own (its own socket), driven with send-keys and read with capture-pane.
 */
import { spawnSync } from 'node:child_process';
import { BIN } from './run-binary.js';
import { ROOT } from '../helpers.js';

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private readonly socket: string;
  constructor(
    readonly name: string,
    args: string[],
    opts: { width?: number; height?: number; cwd?: string } = {},
  ) {
    this.socket = `np-test-${process.pid}-${name}`;
    // The shell prints the exit code after the command and then waits, so the test can read it.
    const cmd = `cd ${sh(opts.cwd ?? ROOT)} && NO_COLOR=1 ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}; echo "EXIT=$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', name, '-x', String(opts.width ?? 100), '-y', String(opts.height ?? 40), cmd);
  }

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
    return r.stdout;
  }

  /** Everything on the screen and in its scrollback. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name, '-S', '-5000');
  }

  /** Keys by tmux name (Enter, Down, Up, C-c). */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Text typed literally. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Wait until the screen matches (text after the `after` mark, when given). */
  async waitFor(re: RegExp, timeoutMs = 30_000, after = 0): Promise<string> {
    const end = Date.now() + timeoutMs;
    let s = '';
    while (Date.now() < end) {
      s = this.screen();
      if (re.test(s.slice(after))) return s;
      await new Promise((r) => setTimeout(r, 60));
    }
    throw new Error(`timed out waiting for ${re} on the screen:\n${s}`);
  }

  /** Type an answer (optional) after some keys (optional), press Enter, and wait until the next prompt (or the end) stands still. */
  async answer(text: string | null, keys: string[] = [], ready?: RegExp): Promise<string> {
    const before = this.screen();
    if (keys.length) this.keys(...keys);
    if (text !== null) this.type(text);
    if (ready) await this.waitFor(ready);
    this.keys('Enter');
    return this.settle(before);
  }

  /** Wait until the screen differs from `before`, ends in a prompt or the exit line, and stays the same for a moment. */
  async settle(before: string, timeoutMs = 45_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 80));
      const s = this.screen();
      const tail = s.trimEnd().split('\n').slice(-3).join('\n');
      if (s !== before && s === last && /(^|\n)\? |↑↓ navigate|EXIT=\d+/.test(tail)) return s;
      last = s;
    }
    throw new Error(`the screen did not settle on a prompt:\n${this.screen()}`);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
  }
}
