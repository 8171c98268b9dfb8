/** Three-valued (Kleene) logic: a condition on an unknown fact is unknown. */
export type TV = 'T' | 'F' | 'U';

export function and3(values: Iterable<TV>): TV {
  let out: TV = 'T';
  for (const v of values) {
    if (v === 'F') return 'F';
    if (v === 'U') out = 'U';
  }
  return out;
}
export function or3(values: Iterable<TV>): TV {
  let out: TV = 'F';
  for (const v of values) {
    if (v === 'T') return 'T';
    if (v === 'U') out = 'U';
  }
  return out;
}
export function not3(v: TV): TV {
  return v === 'T' ? 'F' : v === 'F' ? 'T' : 'U';
}
export function bool3(v: boolean | null | undefined): TV {
  return v === null || v === undefined ? 'U' : v ? 'T' : 'F';
}
/**
 * A Kleene value seen through two-valued runs: the pessimistic run reads unknown as false, the optimistic
 * run as true. For conditions built with and/or over atoms, this pair is exact.
 */
export function fromRuns(pessimistic: boolean, optimistic: boolean): TV {
  return pessimistic ? 'T' : optimistic ? 'U' : 'F';
}
