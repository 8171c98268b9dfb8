/**
 * `--law FILE` (repeatable) for every command that reads laws: a jurisdiction file outside the package,
 * validated like the shipped ones, that adds its id or replaces the shipped file of that id for the run.
 */
import { Option } from 'commander';
import type { Law } from '../law.js';

export function lawOption(): Option {
  return new Option('--law <file>', 'a jurisdiction file outside the package (a draft): adds its id, or replaces that id, for this run; repeatable').argParser(
    (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
  );
}

/** The Law for a command's options: the shipped files plus its --law drafts (every problem located, exit 2). Loaded when a command runs. */
export async function lawFor(opts: { law?: string[] }): Promise<Law> {
  const { Law: LawClass } = await import('../law.js');
  return new LawClass({ files: opts.law ?? [] });
}
