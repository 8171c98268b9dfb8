/**
 * A memo for work a caseload repeats (the same statute text, the same unknown code): a map that forgets
 * everything once it holds `limit` entries, so that a million distinct inputs cost no more memory than
 * `limit` of them. Only ever a saving: a forgotten entry is worked out again, the same.
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();
  constructor(readonly limit: number) {}
  get size(): number {
    return this.#entries.size;
  }
  get(key: K): V | undefined {
    return this.#entries.get(key);
  }
  set(key: K, value: V): void {
    if (this.#entries.size >= this.limit) this.#entries.clear();
    this.#entries.set(key, value);
  }
}
