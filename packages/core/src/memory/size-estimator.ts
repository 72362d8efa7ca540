// A cheap estimate of the heap bytes a value occupies, for memory accounting (Spark's SizeEstimator, much
// simplified). It walks the value's structure with V8's 64-bit object layouts in mind, samples long arrays and
// objects with many properties, and stops at a depth limit, so it costs a few nanoseconds for the small records
// of a shuffle. It is an estimate: shared substructure is counted once per reference, hidden classes are ignored.

/** A pointer-sized slot in an array, object or map entry. */
export const SLOT = 8;
const STRING_HEADER = 16;
const HEAP_NUMBER = 16;
const ARRAY_HEADER = 32 + 16; // JSArray + its FixedArray backing store
const OBJECT_HEADER = 24;
const DATE = 48;
const MAX_DEPTH = 6;
/** Arrays longer than this are estimated from an evenly spaced sample of this many elements. */
const SAMPLE = 32;

function stringSize(s: string): number {
  // Strings with only Latin-1 characters take one byte per character; guess from the first characters.
  let wide = false;
  for (let i = 0, n = Math.min(s.length, 16); i < n; i++) {
    if (s.charCodeAt(i) > 0xff) {
      wide = true;
      break;
    }
  }
  return (STRING_HEADER + (wide ? 2 : 1) * s.length + 7) & ~7;
}

/** Estimated heap bytes of `v`, not counting the slot that refers to it. */
export function estimateSize(v: unknown, depth = 0): number {
  switch (typeof v) {
    case 'string':
      return stringSize(v);
    case 'number':
      return (v | 0) === v ? 0 : HEAP_NUMBER; // small integers live in the slot itself
    case 'bigint':
      return 16 + 8 * Math.ceil(Math.max(1, (v < 0n ? -v : v).toString(16).length) / 16);
    case 'object':
      break;
    default:
      return 0; // booleans, undefined, symbols: immediates; functions are not data
  }
  if (v === null) return 0;
  if (depth >= MAX_DEPTH) return OBJECT_HEADER;
  if (Array.isArray(v)) {
    const n = v.length;
    let sum = ARRAY_HEADER + SLOT * n;
    if (n <= SAMPLE) {
      for (let i = 0; i < n; i++) sum += estimateSize(v[i], depth + 1);
      return sum;
    }
    let sampled = 0;
    const step = n / SAMPLE;
    for (let i = 0; i < SAMPLE; i++) sampled += estimateSize(v[Math.floor(i * step)], depth + 1);
    return sum + Math.round((sampled * n) / SAMPLE);
  }
  if (v instanceof Date) return DATE;
  if (ArrayBuffer.isView(v)) return 64 + (v.buffer instanceof SharedArrayBuffer ? 0 : v.byteLength);
  if (v instanceof Map || v instanceof Set) {
    let sampled = 0;
    let i = 0;
    if (v instanceof Map) {
      for (const [k, x] of v) {
        if (i++ >= SAMPLE) break;
        sampled += estimateSize(k, depth + 1) + estimateSize(x, depth + 1);
      }
    } else {
      for (const x of v) {
        if (i++ >= SAMPLE) break;
        sampled += estimateSize(x, depth + 1);
      }
    }
    const n = v.size;
    return 64 + 5 * SLOT * n + (n ? Math.round((sampled * n) / Math.min(n, SAMPLE)) : 0);
  }
  let sum = OBJECT_HEADER;
  let i = 0;
  for (const k in v as Record<string, unknown>) {
    sum += SLOT + estimateSize((v as Record<string, unknown>)[k], depth + 1);
    if (++i >= 64) {
      sum += (Object.keys(v as object).length - i) * (SLOT + 16);
      break;
    }
  }
  return sum;
}
