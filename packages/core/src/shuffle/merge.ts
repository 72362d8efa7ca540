import { canonicalKey } from '../keys/canonical.js';
import { compareKeys } from '../keys/compare.js';
import { hashKey } from '../keys/hash.js';

// Streaming k-way merges of sorted runs, for external aggregation (runs sorted by key hash, then key) and external
// sorting (runs sorted by the sort key). Each run is read through a cursor that holds one decoded frame.

/** A run read record by record: `next` returns the records of its next frame, or null at its end. */
export class RecordCursor {
  head: any = undefined;
  /** hashKey(head[0]) for aggregation merges; the sort key of head for sort merges. */
  key: any = undefined;
  private records: unknown[] = [];
  private i = -1;

  constructor(
    private readonly nextFrame: () => unknown[] | null,
    /** The run's position: ties are broken by it, so earlier runs come first (values keep their order). */
    readonly order: number,
    private readonly keyOf: (record: any) => any,
  ) {}

  /** Moves to the next record; false at the end of the run. */
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

/** A cursor over records already in memory, in order. */
export function arrayFrames(records: unknown[]): () => unknown[] | null {
  let done = records.length === 0;
  return () => {
    if (done) return null;
    done = true;
    return records;
  };
}

/** A binary min-heap of cursors; `advanceTop` moves the smallest cursor on and restores the heap. */
export class CursorHeap {
  private readonly items: RecordCursor[] = [];

  constructor(
    cursors: RecordCursor[],
    private readonly less: (a: RecordCursor, b: RecordCursor) => boolean,
  ) {
    for (const c of cursors) if (c.advance()) this.push(c);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): RecordCursor {
    return this.items[0]!;
  }

  private push(c: RecordCursor): void {
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

/** Order of records [key, combiner] in aggregation runs (within one partition): key hash, then key. */
export function compareHashed(ha: number, ka: unknown, hb: number, kb: unknown): number {
  return ha !== hb ? ha - hb : groupCompare(ka, kb);
}

const hashOfRecord = (r: [unknown, unknown]) => hashKey(r[0]);

export function hashedCursor(nextFrame: () => unknown[] | null, order: number): RecordCursor {
  return new RecordCursor(nextFrame, order, hashOfRecord);
}

/** Merges runs of [key, combiner] sorted by (hash, key), combining equal keys in run order. */
export function* mergeCombining(cursors: RecordCursor[], mergeCombiners: (a: any, b: any) => any): Generator<[unknown, unknown]> {
  const heap = new CursorHeap(cursors, (a, b) => {
    const c = compareHashed(a.key, a.head[0], b.key, b.head[0]);
    return c !== 0 ? c < 0 : a.order < b.order;
  });
  while (heap.size) {
    const top = heap.peek();
    const k = top.head[0];
    const h = top.key;
    let c = top.head[1];
    heap.advanceTop();
    while (heap.size) {
      const t = heap.peek();
      if (t.key !== h || groupCompare(t.head[0], k) !== 0) break;
      c = mergeCombiners(c, t.head[1]);
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
