import { canonicalKey } from '../keys/canonical.js';
import { compareKeys } from '../keys/compare.js';
import { hashKey } from '../keys/hash.js';

// Streaming k-way merges of sorted runs, for external aggregation (runs sorted by key hash, then key) and external
// sorting (runs sorted by the sort key). Each run is read through a cursor that holds one decoded frame.

/** Frames of a run: `next()` returns the next frame's array, or null at the end of the run. */
export type FrameSource = () => unknown[] | null;

/** A cursor over one run, for the heap. */
interface Cursor {
  /** The run's position: ties are broken by it, so earlier runs come first (values keep their order). */
  readonly order: number;
  advance(): boolean;
}

/** Records of a sorted run, one at a time; `key` is the sort key of `head`. */
export class RecordCursor implements Cursor {
  head: any = undefined;
  key: any = undefined;
  private records: unknown[] = [];
  private i = -1;

  constructor(
    private readonly nextFrame: FrameSource,
    readonly order: number,
    private readonly keyOf: (record: any) => any,
  ) {}

  advance(): boolean {
    this.i++;
    while (this.i >= this.records.length) {
      const f = this.nextFrame();
      if (!f) {
        this.head = undefined;
        this.records = [];
        return false;
      }
      this.records = f;
      this.i = 0;
    }
    this.head = this.records[this.i];
    this.key = this.keyOf(this.head);
    return true;
  }
}

/**
 * Pairs of an aggregation run, stored flat in each frame ([k0, c0, k1, c1, ...]: fewer objects to serialize and
 * to rebuild than [k, c] arrays), with the key's hash.
 */
export class PairCursor implements Cursor {
  k: unknown = undefined;
  c: unknown = undefined;
  hash = 0;
  private flat: unknown[] = [];
  private i = -2;

  constructor(
    private readonly nextFrame: FrameSource,
    readonly order: number,
  ) {}

  advance(): boolean {
    this.i += 2;
    while (this.i >= this.flat.length) {
      const f = this.nextFrame();
      if (!f) {
        this.k = this.c = undefined;
        this.flat = [];
        return false;
      }
      this.flat = f;
      this.i = 0;
    }
    this.k = this.flat[this.i];
    this.c = this.flat[this.i + 1];
    this.hash = hashKey(this.k);
    return true;
  }
}

/** A frame source over an array already in memory. */
export function arrayFrames(records: unknown[]): FrameSource {
  let done = records.length === 0;
  return () => {
    if (done) return null;
    done = true;
    return records;
  };
}

/** A binary min-heap of cursors; `advanceTop` moves the smallest cursor on and restores the heap. */
export class CursorHeap<C extends Cursor> {
  private readonly items: C[] = [];

  constructor(
    cursors: C[],
    private readonly less: (a: C, b: C) => boolean,
  ) {
    for (const c of cursors) if (c.advance()) this.push(c);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): C {
    return this.items[0]!;
  }

  private push(c: C): void {
    const a = this.items;
    a.push(c);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  advanceTop(): void {
    const a = this.items;
    if (!a[0]!.advance()) {
      const last = a.pop()!;
      if (a.length === 0) return;
      a[0] = last;
    }
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const m = r < a.length && this.less(a[r]!, a[l]!) ? r : l;
      if (!this.less(a[m]!, a[i]!)) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}

function secondary(k: unknown): string {
  return typeof k === 'object' && k !== null ? 'o' + canonicalKey(k) : typeof k;
}

/**
 * A total order whose ties are exactly the keys equal by value (keyEquals). compareKeys alone ties 1 and 1n (and
 * objects holding them), which are different keys; those ties are broken by kind and canonical form.
 */
export function groupCompare(a: unknown, b: unknown): number {
  const c = compareKeys(a, b);
  if (c !== 0) return c;
  if (typeof a !== 'object' && typeof a === typeof b) return 0;
  const x = secondary(a);
  const y = secondary(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The positions 0 .. n-1 ordered by (partition, key hash as a signed 32-bit integer), stably: an LSD radix sort,
 * linear in n. Keys with equal hashes are then ordered by `groupCompare`, so equal keys end up adjacent.
 */
export function hashOrder(hashes: Int32Array, parts: Int32Array | null, numParts: number, keys: unknown[]): Uint32Array {
  const n = hashes.length;
  let src = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  let dst = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  const pass = (digit: (i: number) => number, buckets: number) => {
    counts.fill(0, 0, buckets);
    for (let i = 0; i < n; i++) counts[digit(i)]!++;
    let sum = 0;
    for (let b = 0; b < buckets; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = src[j]!;
      dst[counts[digit(i)]!++] = i;
    }
    [src, dst] = [dst, src];
  };
  // Flipping the sign bit makes unsigned order equal signed order.
  pass((i) => hashes[i]! & 0xffff, 1 << 16);
  pass((i) => ((hashes[i]! ^ 0x80000000) >>> 16) & 0xffff, 1 << 16);
  if (parts && numParts > 1) pass((i) => parts[i]!, numParts);
  // Equal (partition, hash): order by key, so equal keys are adjacent.
  for (let j = 0; j < n; ) {
    const i = src[j]!;
    let e = j + 1;
    while (e < n && hashes[src[e]!] === hashes[i] && (!parts || parts[src[e]!] === parts[i])) e++;
    if (e - j > 1) {
      const group = Array.from(src.subarray(j, e)).sort((a, b) => groupCompare(keys[a], keys[b]) || a - b);
      src.set(group, j);
    }
    j = e;
  }
  return src;
}

/** Merges flat runs of (key, combiner) sorted by (hash, key), combining equal keys in run order. */
export function* mergeCombining(cursors: PairCursor[], mergeCombiners: (a: any, b: any) => any): Generator<[unknown, unknown]> {
  const heap = new CursorHeap(cursors, (a, b) => {
    if (a.hash !== b.hash) return a.hash < b.hash;
    const c = groupCompare(a.k, b.k);
    return c !== 0 ? c < 0 : a.order < b.order;
  });
  while (heap.size) {
    const top = heap.peek();
    const k = top.k;
    const h = top.hash;
    let c = top.c;
    heap.advanceTop();
    while (heap.size) {
      const t = heap.peek();
      if (t.hash !== h || groupCompare(t.k, k) !== 0) break;
      c = mergeCombiners(c, t.c);
      heap.advanceTop();
    }
    yield [k, c];
  }
}

/** Merges runs sorted by `cursor.key` (in direction `dir`), stable across runs. */
export function* mergeSorted(cursors: RecordCursor[], dir: 1 | -1): Generator<unknown> {
  const heap = new CursorHeap(cursors, (a, b) => {
    const c = dir * compareKeys(a.key, b.key);
    return c !== 0 ? c < 0 : a.order < b.order;
  });
  while (heap.size) {
    const top = heap.peek();
    const r = top.head;
    heap.advanceTop();
    yield r;
  }
}
