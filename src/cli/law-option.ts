/**
 * `--law FILE` (repeatable) for every command that reads laws: a jurisdiction file outside the package,
 * validated like the shipped ones, that adds its id or replaces the shipped file of that id for the run.
 */
import { Option } from 'commander';
import { Law } from '../law.js';

export function lawOption(): Option {
  return new Option('--law <file>', 'a jurisdiction file outside the package (a draft): adds its id, or replaces that id, for this run; repeatable').argParser(
    (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
  );
}

/** The Law for a command's options: the shipped files plus its --law drafts (every problem located, exit 2). */
export function lawFor(opts: { law?: string[] }): Law {
  return new Law({ files: opts.law ?? [] });
}
