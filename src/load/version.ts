/** The package's version, read from its own package.json (a file of ours, not input), without loading anything else. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  try {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
