/**
 * The law in use: the rules catalogue plus the jurisdiction files, loaded and compiled on demand.
 * This is the I/O edge of the library; the engine below it only sees parsed data.
 */
import { compileJurisdiction, type CompiledJurisdiction } from './engine/evaluate.js';
import {
  JURISDICTIONS_DIR,
  RULES_DIR,
  jurisdictionFile,
  loadCatalogue,
  loadJurisdictionFile,
  packageVersion,
  rulesDigest,
} from './load/files.js';
import { InputError, type Problem } from './load/problems.js';
import type { Catalogue } from './schema/catalogue.js';
import type { JurisdictionFile } from './schema/jurisdiction.js';

export interface LawOptions {
  rulesDir?: string;
  jurisdictionsDir?: string;
}

export class Law {
  readonly catalogue: Catalogue;
  readonly rulesDir: string;
  readonly jurisdictionsDir: string;
  private readonly loaded = new Map<string, { compiled: CompiledJurisdiction; text: string }>();

  constructor(opts: LawOptions = {}) {
    this.rulesDir = opts.rulesDir ?? RULES_DIR;
    this.jurisdictionsDir = opts.jurisdictionsDir ?? JURISDICTIONS_DIR;
    this.catalogue = loadCatalogue(this.rulesDir, this.jurisdictionsDir);
  }

  /** Ids of every available jurisdiction file. */
  ids(): string[] {
    return [...this.catalogue.jurisdictions];
  }

  /** Load (once) and compile a jurisdiction; unknown ids and bad files throw InputError with located problems. */
  get(id: string): CompiledJurisdiction {
    const hit = this.loaded.get(id);
    if (hit) return hit.compiled;
    const file = jurisdictionFile(id, this.catalogue, this.jurisdictionsDir);
    const { value, text } = loadJurisdictionFile(file, this.catalogue);
    const compiled = compileJurisdiction(value);
    this.loaded.set(id, { compiled, text });
    return compiled;
  }

  file(id: string): JurisdictionFile {
    return this.get(id).file;
  }

  /** Load several at once, gathering every problem before failing. */
  getAll(ids: readonly string[]): Map<string, CompiledJurisdiction> {
    const out = new Map<string, CompiledJurisdiction>();
    const problems: Problem[] = [];
    for (const id of ids) {
      try {
        out.set(id, this.get(id));
      } catch (e) {
        if (e instanceof InputError) problems.push(...e.problems);
        else throw e;
      }
    }
    if (problems.length) throw new InputError(problems);
    return out;
  }

  /** Version and digest of the rules and of the jurisdictions loaded so far. */
  rulesInfo(ids: readonly string[]): { version: string; digest: string } {
    const texts = new Map<string, string>();
    for (const id of ids) {
      this.get(id);
      texts.set(id, this.loaded.get(id)!.text);
    }
    return { version: packageVersion(), digest: rulesDigest(texts, this.rulesDir) };
  }
}
