/**
 * The big Int32 arrays of one thread's finished join tables and aggregates' key tables, kept for the next task to
 * reuse. On the machines measured
 * (bench/tpch/NOTES.md, *Page faults on this machine*) the first write to fresh memory costs more than the table's
 * own work on it — ~7 µs a 4 KiB page, ~60 ms for the 72 MB of arrays of a 6 M-row build — and big arrays are
 * fresh memory every time (the allocator maps and unmaps them). Arrays come back dirty: takers fill what they read.
 */

/** Bytes kept per thread: a 6 M-row build's head, chain and key arrays, with room. */
const MAX_POOLED = 128 << 20;
/** Smaller arrays come from the allocator's free lists without faults. */
const MIN_POOLED = 1 << 20;

/** Buffers given back, by size ascending. */
const free: ArrayBuffer[] = [];
let pooledBytes = 0;

/** A pooled buffer's Int32Array of n elements when one fits without wasting over half of it (dirty), else null. */
function fromPool(n: number): Int32Array | null {
  const bytes = 4 * n;
  if (bytes < MIN_POOLED) return null;
  const i = free.findIndex((b) => b.byteLength >= bytes);
  if (i < 0 || free[i]!.byteLength > 2 * bytes) return null;
  const [b] = free.splice(i, 1);
  pooledBytes -= b!.byteLength;
  return new Int32Array(b!, 0, n);
}

/** An Int32Array of n elements, of a pooled buffer when one fits; not zeroed. */
export function takeInt32(n: number): Int32Array {
  return fromPool(n) ?? new Int32Array(n);
}

/** takeInt32, zeroed (a fresh array already is). */
export function takeZeroedInt32(n: number): Int32Array {
  return fromPool(n)?.fill(0) ?? new Int32Array(n);
}

/** Gives `a`'s whole buffer back; the caller must hold no other view of it. */
export function giveInt32(a: Int32Array): void {
  const b = a.buffer;
  if (!(b instanceof ArrayBuffer) || b.byteLength < MIN_POOLED || pooledBytes + b.byteLength > MAX_POOLED || free.includes(b)) return;
  let i = 0;
  while (i < free.length && free[i]!.byteLength < b.byteLength) i++;
  free.splice(i, 0, b);
  pooledBytes += b.byteLength;
}
