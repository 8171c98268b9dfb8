/**
 * A variation's change: one fact of a case, named by a path, given a new value. The path reads like the
 * case file: `person.birth_date`, `trafficking.means`, `offences[o1].nexus`, `offences[o1].answers.
 * no-realistic-alternative` (an offence is named by its id, never by its position). A value of null
 * removes the fact, which makes it unknown. No I/O; the changed case is validated by the caller.
 */

/** One step of a path: a field name, or `offences[id]`. */
export type Step = { field: string } | { offence: string };

const SEGMENT = /^(?:offences\[([A-Za-z0-9][A-Za-z0-9-]*)\]|([a-z][a-z0-9_-]*))$/;
export const CHANGE_PATH = /^(?:offences\[[A-Za-z0-9][A-Za-z0-9-]*\]|[a-z][a-z0-9_-]*)(?:\.(?:offences\[[A-Za-z0-9][A-Za-z0-9-]*\]|[a-z][a-z0-9_-]*))*$/;

export function parseChangePath(path: string): Step[] | undefined {
  if (!CHANGE_PATH.test(path)) return undefined;
  return path.split('.').map((seg) => {
    const m = SEGMENT.exec(seg)!;
    return m[1] !== undefined ? { offence: m[1] } : { field: m[2]! };
  });
}

export type Changed = { ok: true; value: Record<string, unknown>; before: unknown } | { ok: false; code: string; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The case with the fact at `path` set to `value` (or removed, for null); the input is not modified. */
export function applyChange(caseValue: unknown, path: string, value: unknown): Changed {
  const steps = parseChangePath(path);
  if (!steps) return { ok: false, code: 'scenario.bad-path', message: `"${path}" is not a fact path (e.g. person.birth_date, trafficking.means, offences[o1].nexus)` };
  if (!isRecord(caseValue)) return { ok: false, code: 'scenario.bad-path', message: 'the case is not a mapping' };
  const root = structuredClone(caseValue);
  let here: Record<string, unknown> = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    if ('offence' in step) {
      const list = here.offences;
      const found = Array.isArray(list) ? list.find((o) => isRecord(o) && o.id === step.offence) : undefined;
      if (!isRecord(found)) return { ok: false, code: 'scenario.unknown-offence', message: `"${path}" names offence "${step.offence}", which is not in the case` };
      if (last) return { ok: false, code: 'scenario.bad-path', message: `"${path}" names a whole offence; change one of its facts (e.g. offences[${step.offence}].nexus)` };
      here = found;
      continue;
    }
    if (step.field === 'offences' || step.field === 'id')
      return { ok: false, code: 'scenario.bad-path', message: `"${path}": a variation changes one fact of an offence (offences[id].field), not the case's ${step.field === 'id' ? 'id' : 'list of offences'}` };
    if (last) {
      const before = Object.prototype.hasOwnProperty.call(here, step.field) ? here[step.field] : undefined;
      if (value === null) delete here[step.field];
      else here[step.field] = structuredClone(value);
      return { ok: true, value: root, before: before === undefined ? null : before };
    }
    const next = Object.prototype.hasOwnProperty.call(here, step.field) ? here[step.field] : undefined;
    if (next === undefined) here = here[step.field] = {};
    else if (isRecord(next)) here = next;
    else return { ok: false, code: 'scenario.bad-path', message: `"${path}": ${step.field} is not a group of facts` };
  }
  /* c8 ignore next */
  return { ok: false, code: 'scenario.bad-path', message: `"${path}" is empty` };
}
