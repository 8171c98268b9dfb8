/**
 * `nonpunishment scenario demo ID`: the classroom mode. Step by step in a terminal — space or enter for the
 * next step, b to go back, q to quit; `--auto` advances by itself; `--quiz` asks the room to predict each
 * outcome before it is shown and keeps the score. The keys and the quiz are @inquirer prompts. Not a
 * terminal, or `--no-pause`: everything is printed at once.
 */
import { clearScreenDown, cursorTo } from 'node:readline';
import { createPrompt, isBackspaceKey, isEnterKey, isSpaceKey, useEffect, useKeypress, useState } from '@inquirer/core';
import { select } from '@inquirer/prompts';
import type { Law } from '../law.js';
import { loadScenario } from '../load/scenarios.js';
import { demoSteps, OUTCOME_MARK, stepText, type DemoStep } from '../report/demo-steps.js';
import { painter } from '../report/scenario-text.js';
import { runScenario } from '../scenario/run.js';
import { OUTCOMES, type Outcome } from '../vocabulary.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export interface DemoOptions {
  jurisdiction?: string[];
  all?: boolean;
  quiz?: boolean;
  auto?: string;
  pause?: boolean;
}

type Move = 'next' | 'back' | 'quit';

/** Waits for one key: space, enter, n or → for next; b, backspace or ← for back; q or escape to quit. With `auto`, moves on by itself. */
const waitForKey = createPrompt<Move, { message: string; auto?: number }>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const finish = (m: Move) => {
    setStatus('done');
    done(m);
  };
  useEffect(() => {
    if (!config.auto) return;
    const t = setTimeout(() => finish('next'), config.auto * 1000);
    return () => clearTimeout(t);
  }, []);
  useKeypress((key) => {
    if (isEnterKey(key) || isSpaceKey(key) || key.name === 'n' || key.name === 'right') finish('next');
    else if (key.name === 'b' || key.name === 'left' || isBackspaceKey(key)) finish('back');
    else if (key.name === 'q' || key.name === 'escape') finish('quit');
  });
  return status === 'done' ? '' : config.message;
});

function tally(steps: DemoStep[], answered: Map<number, Outcome[]>): { right: number; asked: number } {
  let right = 0;
  let asked = 0;
  for (const [i, guesses] of answered)
    guesses.forEach((g, k) => {
      asked++;
      if (g === steps[i]!.quiz[k]!.answer) right++;
    });
  return { right, asked };
}

const isExit = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

export async function scenarioDemo(ref: string, law: Law, io: CliIO, opts: DemoOptions): Promise<number> {
  let auto: number | undefined;
  if (opts.auto !== undefined) {
    auto = Number(opts.auto);
    if (!/^\d+(\.\d+)?$/.test(opts.auto) || !(auto > 0 && auto <= 600)) throw new UsageError(`--auto takes a number of seconds between 0 and 600, got "${opts.auto}"`);
  }
  if (opts.all && opts.jurisdiction?.length) throw new UsageError('use either --jurisdiction or --all, not both');
  if (opts.jurisdiction?.length) law.getAll(opts.jurisdiction);
  const scenario = loadScenario(ref, law);
  const run = await runScenario(scenario, law, { jurisdictions: opts.jurisdiction, all: opts.all });
  const term = io.terminal;
  const width = term?.columns ? term.columns - 2 : 78;
  const steps = demoSteps(run, { color: io.color, width });
  const { c, outcome } = painter(io.color);

  if (!term || opts.pause === false) {
    const out: string[] = [];
    steps.forEach((step, i) => {
      out.push(stepText(step, i + 1, steps.length, { color: io.color, width, withReveal: false }));
      for (const q of step.quiz) if (opts.quiz) out.push(`  Predict: ${q.question}\n`);
      if (step.reveal.length) out.push(step.reveal.join('\n') + '\n');
    });
    out.push('\nEnd of the demo.\n');
    io.stdout(out.join(''));
    return EXIT.ok;
  }

  const ctx = { input: term.input, output: term.output };
  const write = (s: string) => void term.output.write(s);
  const answered = new Map<number, Outcome[]>();
  let i = 0;
  try {
    while (i < steps.length) {
      const step = steps[i]!;
      cursorTo(term.output, 0, 0);
      clearScreenDown(term.output);
      write(stepText(step, i + 1, steps.length, { color: io.color, width, withReveal: false }));
      if (opts.quiz && step.quiz.length && !answered.has(i)) {
        const guesses: Outcome[] = [];
        for (const q of step.quiz) {
          write('\n');
          guesses.push(
            await select<Outcome>(
              {
                message: q.question,
                choices: OUTCOMES.map((o) => ({ name: `${OUTCOME_MARK[o]} ${o}`, value: o })),
                theme: { indexMode: 'number' },
              },
              ctx,
            ),
          );
        }
        answered.set(i, guesses);
      }
      if (step.reveal.length) write(step.reveal.join('\n') + '\n');
      // The room's predictions last, where they stay on screen beside the answer.
      const guesses = answered.get(i);
      if (guesses)
        step.quiz.forEach((q, k) => {
          const g = guesses[k]!;
          write(g === q.answer ? `\n  ${c.green.bold('✓ Predicted right')}: ${outcome[q.answer](q.answer)}` : `\n  ${c.red.bold('✗ Predicted')} ${g}; the outcome is ${outcome[q.answer](q.answer)}`);
        });
      const right = tally(steps, answered);
      const score = opts.quiz ? ` · score ${right.right}/${right.asked}` : '';
      const help = auto ? `next in ${auto}s · space: now · b: back · q: quit` : 'space/enter: next · b: back · q: quit';
      write('\n');
      const move = await waitForKey({ message: c.dim(`[${i + 1}/${steps.length}] ${help}${score}`), auto }, ctx);
      if (move === 'quit') break;
      i = move === 'back' ? Math.max(0, i - 1) : i + 1;
    }
  } catch (e) {
    if (!isExit(e)) throw e;
  }
  const { right, asked } = tally(steps, answered);
  write(`\n${c.bold('End of the demo.')}${opts.quiz ? ` Score: ${right} of ${asked} predicted right.` : ''}\n`);
  return EXIT.ok;
}
