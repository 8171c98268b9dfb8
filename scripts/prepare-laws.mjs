#!/usr/bin/env node
// Build step: every shipped law validated once, and written as JSON to dist/laws/, keyed by its own text
// and the rules it was validated against. At run time a shipped law is read from here when neither has
// changed (no YAML parsing, no validation: that is most of a cold start); otherwise from the YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JURISDICTIONS_DIR, PREPARED_DIR, RULES_DIR, loadCatalogue, loadJurisdictionFile, preparedKey } from '../dist/load/files.js';
import { formatProblem, InputError } from '../dist/load/problems.js';

const cat = loadCatalogue();
mkdirSync(PREPARED_DIR, { recursive: true });
for (const id of cat.jurisdictions) {
  try {
    const { value, text } = loadJurisdictionFile(join(JURISDICTIONS_DIR, `${id}.yaml`), cat);
    writeFileSync(join(PREPARED_DIR, `${id}.json`), JSON.stringify({ key: preparedKey(text, RULES_DIR), categories: cat.categories.map((c) => c.id).join(','), value }));
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(e.problems.map(formatProblem).join('\n') + '\n');
      process.exit(2);
    }
    throw e;
  }
}
