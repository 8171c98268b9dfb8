/**
 * The classroom demo in a real terminal: tmux runs the built binary in a pseudo-terminal of fixed size;
 * the test sends keys and reads the screen. Its own tmux server (a private socket), killed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from './run-binary.js';
import { ROOT } from '../helpers.js';

const SOCKET = `np-demo-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = (s: string, escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', s);

/** Poll the screen until it shows `what` (no blind sleeps); fail with the screen if it never does. */
async function waitFor(s: string, what: string | RegExp, timeoutMs = 15_000, escapes = false): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen(s, escapes);
    if (typeof what === 'string' ? last.includes(what) : what.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screen of ${s} never showed ${String(what)}; it shows:\n${last}`);
}
const keys = (s: string, ...k: string[]) => tmux('send-keys', '-t', s, ...k);

function start(name: string, args: string[], env: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  // The pane stays after the program ends, so its last screen can be read.
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '45', '-c', ROOT, `${env} ${quoted}; echo "[exit $?]"; sleep 60`);
}

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    /* already gone */
  }
});

describe('scenario demo in a terminal', () => {
  it('space moves on, b goes back, the quiz is answered with the keys and scored, q quits', async () => {
    start('quiz', ['scenario', 'demo', 'cannabis-grow-boy-17', '--quiz', '-j', 'gb-ew'], 'NO_COLOR=1');
    await waitFor('quiz', '[1/5]  A boy of 17 in a cannabis grow');
    expect(screen('quiz')).toContain('space/enter: next · b: back · q: quit');
    keys('quiz', 'Space');
    await waitFor('quiz', '[2/5]  The facts');
    keys('quiz', 'b');
    await waitFor('quiz', '[1/5]  A boy of 17');
    keys('quiz', 'Enter');
    await waitFor('quiz', '[2/5]  The facts');
    keys('quiz', 'Space');
    // The prediction is asked before the requirements are shown: the choices are numbered.
    const ask = await waitFor('quiz', 'what is the outcome for o1');
    expect(ask).toMatch(/1\. ✓ eligible\n.*2\. \? undetermined\n.*3\. ✗ excluded\n.*4\. ✗ not-eligible/);
    expect(ask).not.toContain('Outcome under gb-ew');
    keys('quiz', '1', 'Enter'); // typed
    const answered = await waitFor('quiz', '[3/5] space/enter: next · b: back · q: quit · score 1/1');
    expect(answered).toContain('✓ Predicted right');
    expect(answered).toContain('Outcome under gb-ew: ✓ ELIGIBLE');
    keys('quiz', 'Space');
    await waitFor('quiz', 'Now, under gb-ew, what is the outcome for o1?');
    keys('quiz', 'Down', 'Down', 'Down', 'Enter'); // picked with the arrow keys: not-eligible
    const wrong = await waitFor('quiz', '[4/5] space/enter: next · b: back · q: quit · score 1/2');
    expect(wrong).toContain('✗ Predicted not-eligible; the outcome is eligible');
    expect(wrong).toContain('Only this changes — person.birth_date: 2007-02-20 → 2006-02-20');
    keys('quiz', 'q');
    const end = await waitFor('quiz', '[exit 0]');
    expect(end).toContain('End of the demo. Score: 1 of 2 predicted right.');
    expect(screen('quiz', true)).not.toMatch(/\u001b\[3[1-7]m/); // NO_COLOR: no colour
  });

  it('--auto moves on by itself; colour in a terminal, never the only sign of an outcome', async () => {
    start('auto', ['scenario', 'demo', 'border-courier-family-threats', '-j', 'un-model', '--auto', '2'], 'env -u NO_COLOR');
    await waitFor('auto', '[1/6]');
    await waitFor('auto', '[2/6]  The facts', 10_000);
    const law = await waitFor('auto', 'Outcome under un-model', 10_000, true);
    // Green, and the mark and the word carry the meaning without it.
    expect(law).toMatch(/Outcome under un-model: \u001b\[1m\u001b\[32m✓ ELIGIBLE|Outcome under un-model: \u001b\[32m\u001b\[1m✓ ELIGIBLE|Outcome under un-model: \u001b\[(1;32|32;1)m✓ ELIGIBLE/);
    keys('auto', 'q');
    await waitFor('auto', '[exit 0]');
  });
});
