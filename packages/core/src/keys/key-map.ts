import { canonicalKey } from './canonical.js';

/**
 * A Map whose keys compare by value. Primitive keys go straight into a JS Map (SameValueZero already treats
 * -0/0 and NaN/NaN as equal); composite keys are looked up by their canonical string. Iteration follows first
 * insertion, which keeps shuffle output deterministic.
 */
export class KeyMap<V> {
  private readonly prims = new Map<unknown, V>();
  private readonly composite = new Map<string, [unknown, V]>();

  get size(): number {
    return this.prims.size + this.composite.size;
  }

  get(key: unknown): V | undefined {
    if (typeof key !== 'object' || key === null) return this.prims.get(key);
    return this.composite.get(canonicalKey(key))?.[1];
  }

  set(key: unknown, value: V): void {
    if (typeof key !== 'object' || key === null) {
      this.prims.set(key, value);
      return;
    }
    const c = canonicalKey(key);
    const entry = this.composite.get(c);
    if (entry) entry[1] = value;
    else this.composite.set(c, [key, value]);
  }

  has(key: unknown): boolean {
    if (typeof key !== 'object' || key === null) return this.prims.has(key);
    return this.composite.has(canonicalKey(key));
  }

  *entries(): IterableIterator<[unknown, V]> {
    yield* this.prims.entries();
    for (const e of this.composite.values()) yield [e[0], e[1]];
  }

  forEach(fn: (value: V, key: unknown) => void): void {
    this.prims.forEach(fn);
    for (const e of this.composite.values()) fn(e[1], e[0]);
  }
}
