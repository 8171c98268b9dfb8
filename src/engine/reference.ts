/**
 * json-rules-engine as the reference semantics. Each provision compiles into two rules — its requirements
 * (all checks) and its exception (any entry matching) — and each rule set is run twice: once with unknown
 * facts read as false (pessimistic), once as true (optimistic). For and/or over atoms the pair of runs
 * gives the exact Kleene value.
 */
import { Engine } from 'json-rules-engine';
import { atoms, type AtomKind } from './atoms.js';
import { fromRuns, type TV } from './kleene.js';
import type { CompiledProvision, FactName } from './provisions.js';

export interface ReferenceEngines {
  pessimistic: Engine;
  optimistic: Engine;
}

export function buildReferenceEngines(provisions: readonly CompiledProvision[]): ReferenceEngines {
  const make = (mode: 'pessimistic' | 'optimistic') => {
    const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
    for (const name of Object.keys(atoms) as AtomKind[]) {
      const atom = atoms[name] as (fact: unknown, value: unknown) => TV;
      engine.addOperator(`np:${name}`, (fact: unknown, value: unknown) =>
        mode === 'pessimistic' ? atom(fact, value) === 'T' : atom(fact, value) !== 'F',
      );
    }
    for (const cp of provisions) {
      const id = cp.provision.id;
      engine.addRule({
        name: `${id}#requirements`,
        conditions: { all: cp.checks.map((c) => ({ fact: c.fact, operator: `np:${c.atom}`, value: c.value ?? true })) },
        event: { type: 'requirements', params: { provision: id } },
      });
      if (cp.entries.length)
        engine.addRule({
          name: `${id}#exception`,
          conditions: {
            any: cp.entries.map((e) => ({ fact: 'entryFacts' satisfies FactName, operator: 'np:entryMatches', value: e.rule as unknown as Record<string, unknown> })),
          },
          event: { type: 'exception', params: { provision: id } },
        });
    }
    return engine;
  };
  return { pessimistic: make('pessimistic'), optimistic: make('optimistic') };
}

/** Kleene value of every provision's requirements (R) and exception (E), by provision id. */
export async function runReference(
  engines: ReferenceEngines,
  facts: Record<FactName, unknown>,
): Promise<Map<string, { R: TV; E: TV }>> {
  const [pess, opt] = await Promise.all([engines.pessimistic.run({ ...facts }), engines.optimistic.run({ ...facts })]);
  const success = (r: typeof pess) => new Set(r.results.map((x) => x.name as string));
  const all = (r: typeof pess) => [...r.results, ...r.failureResults].map((x) => x.name as string);
  const p = success(pess);
  const o = success(opt);
  const out = new Map<string, { R: TV; E: TV }>();
  for (const name of all(pess)) {
    const [id, part] = name.split('#') as [string, string];
    const tv = fromRuns(p.has(name), o.has(name));
    const cur = out.get(id) ?? { R: 'F' as TV, E: 'F' as TV };
    if (part === 'requirements') cur.R = tv;
    else cur.E = tv;
    out.set(id, cur);
  }
  return out;
}
