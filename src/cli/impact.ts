import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateCases, GENERATED_AS_OF } from '../drafting/generate.js';
import { measureImpact } from '../drafting/impact.js';
import { tracedLaw } from '../drafting/trace.js';
import type { Law, LoadedLaw } from '../law.js';
import { isIsoDate, today } from '../law/dates.js';
import { readCaseSet, type CaseSet } from '../load/case-sets.js';
import { PACKAGE_ROOT, packageVersion, rulesDigest } from '../load/files.js';
import { impactDocument } from '../report/drafting.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { checkViewFormat, printView } from './view-output.js';

export interface ImpactOptions {
  from?: string;
  to?: string;
  cases?: string;
  generate?: string;
  seed?: string;
  format: string;
  asOf?: string;
}

/** An id of the law in use, or a file path (anything with a slash or a .yaml/.yml/.json ending). */
function fromLaw(value: string, law: Law): LoadedLaw {
  return /[\\/]|\.(ya?ml|json)$/.test(value) ? law.read(value) : law.entry(value);
}

function count(name: string, v: string, max: number): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`${name} takes a whole number from 1 to ${max}, got "${v}"`);
  return Number(v);
}

export async function impactCommand(opts: ImpactOptions, law: Law, io: CliIO): Promise<number> {
  const format = checkViewFormat(opts.format);
  if (!opts.from || !opts.to) throw new UsageError('impact needs --from ID|FILE and --to FILE');
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, got "${opts.asOf}"`);
  if (opts.cases && opts.generate) throw new UsageError('use either --cases or --generate, not both');
  if (opts.seed !== undefined && !opts.generate) throw new UsageError('--seed goes with --generate N');
  const a = fromLaw(opts.from, law);
  const b = law.read(opts.to);
  let set: CaseSet;
  if (opts.generate) {
    const n = count('--generate', opts.generate, 100_000);
    const seed = opts.seed === undefined ? 1 : count('--seed', opts.seed, 2 ** 31 - 1);
    set = { source: `${n} generated case(s), seed ${seed}, evaluated on ${GENERATED_AS_OF}`, cases: generateCases(n, seed, [a.compiled.file, b.compiled.file], law.catalogue) };
  } else if (opts.cases) {
    set = readCaseSet(opts.cases, law.catalogue);
  } else {
    const golden = join(PACKAGE_ROOT, 'tests', 'golden');
    if (!existsSync(golden)) throw new UsageError('no golden scenarios here (tests/golden): give --cases DIR|FILE.ndjson or --generate N --seed S');
    set = readCaseSet(golden, law.catalogue, 'the golden scenarios (tests/golden)');
  }
  if (!set.cases.length) throw new UsageError(`no cases in ${opts.cases ?? 'the case set'}: give a directory of case or scenario files, an .ndjson file, or --generate N`);
  const asOf = opts.asOf ?? today();
  const im = await measureImpact({
    from: { law: tracedLaw(a, asOf), compiled: a.compiled },
    to: { law: tracedLaw(b, asOf), compiled: b.compiled },
    cases: set.cases,
    source: set.source,
    catalogue: law.catalogue,
    asOf,
    // Both files are hashed, under 'from:' and 'to:', since they may share an id.
    rules: { version: packageVersion(), digest: rulesDigest(new Map([[`from:${a.compiled.file.id}`, a.text], [`to:${b.compiled.file.id}`, b.text]]), law.rulesDir) },
  });
  if (!im.sameJurisdiction) io.stderr(`nonpunishment: note: --from is ${im.from.jurisdiction} and --to is ${im.to.jurisdiction}: comparing laws of different jurisdictions\n`);
  printView(io, format, im, () => impactDocument(im));
  return EXIT.ok;
}
