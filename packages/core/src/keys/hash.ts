import { keyKind } from './kind.js';

// Hashes must agree with keyEquals: equal keys hash equally, on every thread. So hashing is defined on the
// value (never on object identity or insertion order) and uses no per-process seed.

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h ^ s.length);
}

export function hashNumber(n: number): number {
  if ((n | 0) === n) return fmix32(n === 0 ? 0 : n); // -0 and 0 are equal keys
  if (Number.isNaN(n)) return 0x7ff80000;
  f64[0] = n;
  return fmix32(i32[0]! ^ Math.imul(i32[1]!, 0x9e3779b1));
}

function combine(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) + 0x9e3779b9;
}

/** Hash of a key by value. Throws KeyError for keys that cannot be compared by value. */
export function hashKey(key: unknown): number {
  if (typeof key === 'string') return hashString(key);
  if (typeof key === 'number') return hashNumber(key);
  switch (keyKind(key)) {
    case 'nullish':
      return key === null ? 0x1f3d5b79 : 0x2e4c6a88;
    case 'boolean':
      return key ? 0x3a5c7e91 : 0x4b6d8fa2;
    case 'bigint':
      return fmix32(combine(0x5c7e90b3, hashString((key as bigint).toString(36))));
    case 'date':
      return fmix32(combine(0x6d8fa1c4, hashNumber((key as Date).getTime())));
    case 'array': {
      let h = 0x7e90b2d5;
      for (const el of key as unknown[]) h = combine(h, hashKey(el));
      return fmix32(h);
    }
    case 'object': {
      const obj = key as Record<string, unknown>;
      const names = Object.keys(obj).sort();
      let h = 0x8fa1c3e6;
      for (const name of names) h = combine(combine(h, hashString(name)), hashKey(obj[name]));
      return fmix32(h);
    }
    default:
      return 0;
  }
}

/** Non-negative partition index of a key under hash partitioning. */
export function hashPartition(key: unknown, numPartitions: number): number {
  const h = hashKey(key) % numPartitions;
  return h < 0 ? h + numPartitions : h;
}
