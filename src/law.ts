/**
 * The law in use: the rules catalogue plus the jurisdiction files, loaded and compiled on demand.
 * This is the I/O edge of the library; the engine below it only sees parsed data.
 *
 * Drafts: `files` (the CLI's `--law FILE`, repeatable) are jurisdiction files outside the package,
 * validated like the shipped ones; each adds its id, or replaces the shipped file of that id, for the
 * life of this `Law`. Two drafts with one id are refused.
 */
import { resolve } from 'node:path';
import { compileJurisdiction, type CompiledJurisdiction } from './engine/evaluate.js';
import {
  JURISDICTIONS_DIR,
  RULES_DIR,
  jurisdictionFile,
  loadCatalogue,
  loadJurisdictionFile,
  loadShippedJurisdiction,
  packageVersion,
  rulesDigest,
} from './load/files.js';
import { InputError, type Problem } from './load/problems.js';
import type { Source } from './load/source.js';
import type { Catalogue } from './schema/catalogue.js';
import type { JurisdictionFile } from './schema/jurisdiction.js';

export interface LawOptions {
  rulesDir?: string;
  jurisdictionsDir?: string;
  /** Jurisdiction files outside the package (drafts): each adds or replaces its id for this Law. */
  files?: readonly string[];
}

/** One loaded law file: compiled, with the file it came from and its source positions (for traces). */
export interface LoadedLaw {
  compiled: CompiledJurisdiction;
  text: string;
  /** The path it was read from, as given. */
  path: string;
  /** Source positions: `source.locate(['provisions', 0, 'nexus']).line` is the line that holds the nexus. */
  source: Source;
  /** A file given with --law (outside the package), not a shipped one. */
  draft: boolean;
}

export class Law {
  readonly catalogue: Catalogue;
  readonly rulesDir: string;
  readonly jurisdictionsDir: string;
  private readonly loaded = new Map<string, LoadedLaw>();
  private readonly drafts = new Map<string, LoadedLaw>();
  private readonly rulesInfoBySet = new Map<string, { version: string; digest: string }>();

  constructor(opts: LawOptions = {}) {
    this.rulesDir = opts.rulesDir ?? RULES_DIR;
    this.jurisdictionsDir = opts.jurisdictionsDir ?? JURISDICTIONS_DIR;
    const shipped = loadCatalogue(this.rulesDir, this.jurisdictionsDir);
    const problems: Problem[] = [];
    for (const path of opts.files ?? []) {
      let l: LoadedLaw;
      try {
        l = this.read(path, shipped);
      } catch (e) {
        if (e instanceof InputError) {
          problems.push(...e.problems);
          continue;
        }
        throw e;
      }
      const id = l.compiled.file.id;
      const before = this.drafts.get(id);
      if (before) {
        const at = l.source.locate(['id']);
        problems.push({ file: path, line: at.line, col: at.col, path: 'id', code: 'ref.duplicate-law', message: `--law ${before.path} already gives id "${id}"; one draft per id in a run` });
        continue;
      }
      this.drafts.set(id, l);
    }
    if (problems.length) throw new InputError(problems);
    const ids = [...new Set([...shipped.jurisdictions, ...this.drafts.keys()])].sort();
    this.catalogue = this.drafts.size ? { ...shipped, jurisdictions: ids } : shipped;
  }

  /** Ids of every available jurisdiction file, drafts included. */
  ids(): string[] {
    return [...this.catalogue.jurisdictions];
  }

  /** The loaded file of an id: a draft given for it, else the shipped file. Unknown ids and bad files throw InputError. */
  entry(id: string): LoadedLaw {
    const draft = this.drafts.get(id);
    if (draft) return draft;
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const path = jurisdictionFile(id, this.catalogue, this.jurisdictionsDir);
    const { value, text, source } = loadShippedJurisdiction(path, this.catalogue, this.rulesDir);
    // Positions are read from the YAML only when asked for (a trace to a line), not to evaluate.
    let positions = source;
    const catalogue = this.catalogue;
    const l: LoadedLaw = {
      compiled: compileJurisdiction(value),
      text,
      path,
      get source(): Source {
        return (positions ??= loadJurisdictionFile(path, catalogue).source);
      },
      draft: false,
    };
    this.loaded.set(id, l);
    return l;
  }

  /**
   * Read a jurisdiction file from anywhere (a draft), validated like the shipped ones but with any id,
   * without adding it to this Law. `impact --to FILE` compares such a file with a law of the same id.
   */
  read(path: string, catalogue: Catalogue = this.catalogue): LoadedLaw {
    const { value, text, source } = loadJurisdictionFile(path, catalogue, true);
    return { compiled: compileJurisdiction(value), text, path, source, draft: true };
  }

  /** Load (once) and compile a jurisdiction. */
  get(id: string): CompiledJurisdiction {
    return this.entry(id).compiled;
  }

  file(id: string): JurisdictionFile {
    return this.get(id).file;
  }

  /** Whether an id is served by a --law draft in this run. */
  isDraft(id: string): boolean {
    return this.drafts.has(id);
  }

  /** The drafts given to this Law, by id. */
  draftPaths(): Map<string, string> {
    return new Map([...this.drafts].map(([id, l]) => [id, resolve(l.path)]));
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
    // Hashed once per set of laws: a caseload asks for the same digest on every case.
    const key = [...new Set(ids)].sort().join('\u0000');
    let info = this.rulesInfoBySet.get(key);
    if (!info) {
      const texts = new Map<string, string>();
      for (const id of ids) texts.set(id, this.entry(id).text);
      info = { version: packageVersion(), digest: rulesDigest(texts, this.rulesDir) };
      this.rulesInfoBySet.set(key, info);
    }
    return { ...info };
  }
}
