// The task side of the Window operator (re-exported by task-ops.ts, where workers find task functions). Each task
// gets the rows of some window partitions (shuffled by the hash of the PARTITION BY keys), sorts them by partition
// and order keys, and computes every window expression over its frame.
import { compareKeys } from '@kindling/core';
import '../functions/index.js';
import '../agg/builtin.js';
import { lookupAggregate, type AggregateFunction } from '../agg/aggregate-function.js';
import type { SortKey, WindowCall } from '../analysis/resolved.js';
import type { Bound } from '../eval/bound.js';
import { compileBound } from '../eval/evaluate.js';
import type { Vec } from '../eval/vec.js';
import type { DataType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { decode, encode, type ColumnarBatch } from './columnar-batch.js';
import { buildVec, concatVecs, gather, valueAt } from './vec-ops.js';
import { rankCodes, sameCodes, sortedOrder, type RankCodes } from './sort-codes.js';
import { groupIds, groupLimitRows, type RankLike } from './window-group-limit.js';

export interface WindowSpec {
  partitionBy: Bound[];
  orderBy: SortKey[];
  windowExprs: WindowCall[];
  /** Output column names: the input's, then one per window expression. */
  names: string[];
  /**
   * Set when a WindowGroupLimit sits under this Window (its Final mode, after the shuffle): only the rows that can
   * rank within the limit in their partition are sorted; the others would be dropped by the filter above anyway.
   */
  groupLimit?: { rankFunction: RankLike; limit: number };
}

const iterable = <T>(it: Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: () => it });

/** Sort order of rows: ascending/descending with nulls first or last (the same rules as sortPartition). */
function compare(x: unknown, y: unknown, o: { ascending: boolean; nullsFirst: boolean }): number {
  if (x === null || y === null) {
    if (x === y) return 0;
    return (x === null) === o.nullsFirst ? -1 : 1;
  }
  const c = compareKeys(x, y);
  return o.ascending ? c : -c;
}

const ASC = { ascending: true, nullsFirst: true };

/** codes[rows[i]] for each i (a key's rank codes stay valid ranks for a subset of its rows). */
function pick(codes: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = codes[rows[i]!]!;
  return out;
}

/** Results that are arrays (collect_list) are copied: a running aggregate keeps growing its state afterwards. */
const snapshot = (v: unknown): unknown => (Array.isArray(v) ? v.slice() : v);

/** One partition's window computations over its sorted rows (positions s..e-1 of `order`). */
class PartitionFrame {
  constructor(
    readonly s: number,
    readonly e: number,
    /** For each position, the first position of its peer group (equal order keys) and one past its last. */
    readonly peerStart: Int32Array,
    readonly peerEnd: Int32Array,
  ) {}
}

/** Computes window expressions for the rows of one task: [bucket, batch] pairs from the shuffle, or batches. */
export function windowPartition(spec: WindowSpec, it: Iterator<[number, Uint8Array] | Uint8Array>): Iterable<Uint8Array> {
  const batches: ColumnarBatch[] = [];
  for (const item of iterable(it)) batches.push(...decode(Array.isArray(item) ? item[1] : item));
  const nonEmpty = batches.filter((b) => b.length > 0);
  if (nonEmpty.length === 0) return [];
  let columns = nonEmpty[0]!.columns.map((_, c) => concatVecs(nonEmpty.map((b) => b.columns[c]!)));
  let n = columns[0]?.length ?? nonEmpty.reduce((s, b) => s + b.length, 0);

  let ok = spec.orderBy.map((o) => compileBound(o.expr)(columns, n));
  let pCodes = spec.partitionBy.map((b) => rankCodes(compileBound(b)(columns, n), n, ASC));
  if (spec.groupLimit) {
    const rows = groupLimitRows(groupIds(pCodes, n), ok, spec.orderBy, n, spec.groupLimit.rankFunction, spec.groupLimit.limit);
    if (rows) {
      columns = columns.map((c) => gather(c, rows));
      ok = ok.map((v) => gather(v, rows));
      pCodes = pCodes.map((k): RankCodes => ({ codes: pick(k.codes, rows), card: k.card }));
      n = rows.length;
    }
  }
  // Rows in (partition keys, order keys) order, sorted on rank codes (exec/sort-codes.ts); ties keep input order.
  const oCodes = ok.map((v, k) => rankCodes(v, n, spec.orderBy[k]!));
  const order = sortedOrder([...pCodes, ...oCodes], n);
  // The first order key's values, for RANGE frames with offsets (the only frames that compare values).
  const firstKey = ok.length && spec.windowExprs.some(needsKeyValues) ? Array.from({ length: n }, (_, r) => valueAt(ok[0]!, r)) : null;

  const peerStart = new Int32Array(n);
  const peerEnd = new Int32Array(n);
  const partitions: PartitionFrame[] = [];
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && sameCodes(pCodes, order[s]!, order[e]!)) e++;
    for (let g = s; g < e; ) {
      let h = g + 1;
      while (h < e && sameCodes(oCodes, order[g]!, order[h]!)) h++;
      for (let p = g; p < h; p++) (peerStart[p] = g), (peerEnd[p] = h);
      g = h;
    }
    partitions.push(new PartitionFrame(s, e, peerStart, peerEnd));
    s = e;
  }

  const results = spec.windowExprs.map((w) => {
    const type = parseType(w.type);
    const ranked = rankingInto(w, type, partitions, n);
    if (ranked) return ranked;
    const out = new Array<unknown>(n);
    const args = w.args.map((a) => compileBound(a)(columns, n));
    for (const part of partitions) computeWindow(w, part, order, args, firstKey, spec.orderBy[0] ?? null, out);
    return buildVec(type, out);
  });

  const outColumns: Vec[] = [...columns.map((c) => gather(c, order)), ...results];
  return [encode({ names: spec.names, columns: outColumns, length: n })];
}

/** Window expressions whose frames compare order-key values (RANGE frames with a numeric offset). */
function needsKeyValues(w: WindowCall): boolean {
  const { type, lower, upper } = w.frame;
  return type === 'range' && ((lower !== null && lower !== 0) || (upper !== null && upper !== 0));
}

/**
 * row_number, rank and dense_rank straight into an int column (they depend only on positions and peer groups);
 * null for other functions, which computeWindow handles through JS values.
 */
function rankingInto(w: WindowCall, type: DataType, partitions: PartitionFrame[], n: number): Vec | null {
  if ((w.name !== 'row_number' && w.name !== 'rank' && w.name !== 'dense_rank') || type.simpleString() !== 'int') return null;
  const out = new Int32Array(n);
  for (const { s, e, peerStart } of partitions) {
    if (w.name === 'row_number') for (let p = s; p < e; p++) out[p] = p - s + 1;
    else if (w.name === 'rank') for (let p = s; p < e; p++) out[p] = peerStart[p]! - s + 1;
    else {
      let r = 0;
      for (let p = s; p < e; p++) {
        if (peerStart[p] === p) r++;
        out[p] = r;
      }
    }
  }
  return { type, length: n, values: out, nulls: null };
}

function computeWindow(
  w: WindowCall,
  part: PartitionFrame,
  order: ArrayLike<number>,
  args: Vec[],
  firstKey: unknown[] | null,
  firstOrder: SortKey | null,
  out: unknown[],
): void {
  const { s, e, peerStart, peerEnd } = part;
  const len = e - s;
  switch (w.name) {
    case 'row_number':
      for (let p = s; p < e; p++) out[p] = p - s + 1;
      return;
    case 'rank':
      for (let p = s; p < e; p++) out[p] = peerStart[p]! - s + 1;
      return;
    case 'dense_rank': {
      let r = 0;
      for (let p = s; p < e; p++) {
        if (peerStart[p] === p) r++;
        out[p] = r;
      }
      return;
    }
    case 'percent_rank':
      for (let p = s; p < e; p++) out[p] = len === 1 ? 0 : (peerStart[p]! - s) / (len - 1);
      return;
    case 'cume_dist':
      for (let p = s; p < e; p++) out[p] = (peerEnd[p]! - s) / len;
      return;
    case 'ntile': {
      // Spark's NTile: buckets of size len / n, the first len % n of them one row larger.
      const buckets = w.n!;
      const size = Math.floor(len / buckets);
      const rem = len % buckets;
      const big = rem * (size + 1);
      for (let p = s; p < e; p++) {
        const k = p - s;
        out[p] = k < big ? Math.floor(k / (size + 1)) + 1 : rem + Math.floor((k - big) / size) + 1;
      }
      return;
    }
    case 'lag':
    case 'lead': {
      const [input, dflt] = args as [Vec, Vec];
      for (let p = s; p < e; p++) {
        const t = p + w.n!;
        out[p] = t >= s && t < e ? valueAt(input, order[t]!) : valueAt(dflt, order[p]!);
      }
      return;
    }
  }
  if (w.name === 'nth_value') return nthValue(w, part, order, args, firstKey, firstOrder, out);
  const f = lookupAggregate(w.name);
  if (!f) throw new Error(`internal: unknown window function ${w.name}`);
  aggregateOverFrames(f, w, part, order, args, firstKey, firstOrder, out);
}

/** The first position in [lo, hi) whose value satisfies `pred` (a predicate false then true along the range). */
function firstWhere(lo: number, hi: number, pred: (p: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function addOffset(v: unknown, off: number): unknown {
  if (v === null) return null;
  return typeof v === 'bigint' ? v + BigInt(off) : (v as number) + off;
}

/**
 * An aggregate over each row's frame. Frames that start at the partition's start grow with the row: one running
 * state, updated with the rows that enter. Other frames are recomputed from their rows (as Spark's sliding frames
 * do), except when a row's frame equals the previous row's (peers in a RANGE frame, or a whole-partition frame).
 */
function aggregateOverFrames(
  f: AggregateFunction,
  w: WindowCall,
  part: PartitionFrame,
  order: ArrayLike<number>,
  args: Vec[],
  firstKey: unknown[] | null,
  firstOrder: SortKey | null,
  out: unknown[],
): void {
  const { s, e } = part;
  const { lower, upper } = w.frame;
  const rowArgs = (p: number) => args.map((a) => valueAt(a, order[p]!));
  const { lowerOf, upperOf } = frameBounds(w, part, order, firstKey, firstOrder);

  if (lower === null) {
    let state = f.init();
    let upTo = s - 1;
    let last: unknown = undefined;
    for (let p = s; p < e; p++) {
      const hi = upperOf(p);
      if (hi > upTo || last === undefined) {
        while (upTo < hi) state = f.update(state, rowArgs(++upTo));
        last = f.finish(state);
      }
      out[p] = snapshot(last);
    }
    return;
  }
  if (upper === null && !ORDER_DEPENDENT.has(w.name)) {
    // Frames ending at the partition's end grow as the row moves back: fold rows in from the end, for aggregates
    // whose result does not depend on the order of their input (a floating sum may differ in its last bits from
    // Spark's, which refolds such frames front to back).
    let state = f.init();
    let from = e;
    for (let p = e - 1; p >= s; p--) {
      const lo = lowerOf(p);
      while (from > lo) state = f.update(state, rowArgs(--from));
      out[p] = snapshot(f.finish(state));
    }
    return;
  }
  // Otherwise each frame is folded in row order (as Spark's sliding frames recompute), reusing the previous
  // frame's state when the frame only grew at its end.
  let prevLo = -1;
  let prevHi = -2;
  let state: unknown = null;
  let last: unknown = null;
  for (let p = s; p < e; p++) {
    const lo = lowerOf(p);
    const hi = upperOf(p);
    if (p === s || lo !== prevLo || hi < prevHi) {
      state = f.init();
      for (let j = lo; j <= hi; j++) state = f.update(state, rowArgs(j));
      last = f.finish(state);
    } else if (hi > prevHi) {
      for (let j = Math.max(prevHi + 1, lo); j <= hi; j++) state = f.update(state, rowArgs(j));
      last = f.finish(state);
    }
    prevLo = lo;
    prevHi = hi;
    out[p] = snapshot(last);
  }
}

/** Frame of position p as [lowerOf(p), upperOf(p)], inclusive (empty when upper < lower). */
function frameBounds(w: WindowCall, part: PartitionFrame, order: ArrayLike<number>, firstKey: unknown[] | null, firstOrder: SortKey | null) {
  const { s, e, peerStart, peerEnd } = part;
  const { type, lower, upper } = w.frame;
  const keyAt = (p: number) => firstKey![order[p]!];
  const lowerOf = (p: number): number => {
    if (lower === null) return s;
    if (type === 'rows') return Math.max(s, p + lower);
    if (lower === 0) return peerStart[p]!;
    const o = firstOrder!;
    const b = addOffset(keyAt(p), o.ascending ? lower : -lower);
    return firstWhere(s, e, (j) => compare(keyAt(j), b, o) >= 0);
  };
  const upperOf = (p: number): number => {
    if (upper === null) return e - 1;
    if (type === 'rows') return Math.min(e - 1, p + upper);
    if (upper === 0) return peerEnd[p]! - 1;
    const o = firstOrder!;
    const b = addOffset(keyAt(p), o.ascending ? upper : -upper);
    return firstWhere(s, e, (j) => compare(keyAt(j), b, o) > 0) - 1;
  };
  return { lowerOf, upperOf };
}

/**
 * nth_value(col, n, ignoreNulls) over each row's frame: the frame's n-th row, or with ignoreNulls its n-th non-null
 * value (found through the positions of the partition's non-null values).
 */
function nthValue(w: WindowCall, part: PartitionFrame, order: ArrayLike<number>, args: Vec[], firstKey: unknown[] | null, firstOrder: SortKey | null, out: unknown[]): void {
  const { s, e } = part;
  const [input, ignore] = args as [Vec, Vec];
  const ignoreNulls = valueAt(ignore, 0) === true || valueAt(ignore, 0) === 1;
  const n = w.n!;
  const { lowerOf, upperOf } = frameBounds(w, part, order, firstKey, firstOrder);
  const nonNull: number[] = [];
  const before = new Int32Array(e - s + 1); // non-null values at positions s..s+i-1
  for (let p = s; p < e; p++) {
    before[p - s + 1] = before[p - s]!;
    if (valueAt(input, order[p]!) !== null) {
      nonNull.push(p);
      before[p - s + 1]!++;
    }
  }
  for (let p = s; p < e; p++) {
    const lo = Math.min(e, Math.max(s, lowerOf(p)));
    const hi = upperOf(p);
    let at = -1;
    if (!ignoreNulls) at = lo + n - 1;
    else at = nonNull[before[lo - s]! + n - 1] ?? -1;
    out[p] = at >= lo && at <= hi ? valueAt(input, order[at]!) : null;
  }
}

/** Aggregates whose result depends on the order of their input rows. */
const ORDER_DEPENDENT = new Set(['first', 'last', 'collect_list', 'collect_set']);
