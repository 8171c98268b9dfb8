#!/usr/bin/env node
// Build step: every shipped law validated once, and written as JSON to dist/laws/, keyed by its own text
// and the rules it was validated against. At run time a shipped law is read from here when neither has
// changed (no YAML parsing, no validation: that is most of a cold start); otherwise from the YAML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JURISDICTIONS_DIR, PREPARED_DIR, RULES_DIR, catalogueKey, listJurisdictionIds, loadJurisdictionFile, preparedKey, readCatalogueRules } from '../dist/load/files.js';
import { formatProblem, InputError } from '../dist/load/problems.js';

mkdirSync(PREPARED_DIR, { recursive: true });
let cat;
try {
  // The rules catalogue, validated from its YAML (never from an earlier prepared form), and kept the same way.
  const rules = readCatalogueRules(RULES_DIR);
  cat = { ...rules, jurisdictions: listJurisdictionIds(JURISDICTIONS_DIR) };
  writeFileSync(join(PREPARED_DIR, '_rules.json'), JSON.stringify({ key: catalogueKey(RULES_DIR), value: rules }));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  process.stderr.write(e.problems.map(formatProblem).join('\n') + '\n');
  process.exit(2);
}
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
