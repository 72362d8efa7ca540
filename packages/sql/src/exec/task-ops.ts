// Functions that run inside tasks (worker threads or inline). The planner references them by module URL and export
// name (core's moduleFunction), and passes each its part of the plan as plain data.
import { compareKeys } from '@kindling/core';
import '../functions/index.js';
import '../agg/builtin.js';
import type { AggCall, SortKey } from '../analysis/resolved.js';
import { compileBound, compileShared } from '../eval/evaluate.js';
import { vecToValues } from '../eval/arrow-convert.js';
import { parseType } from '../types/parse-type.js';
import { decode, encode, fromRecordBatch, toRecordBatch, type ColumnarBatch } from './columnar-batch.js';
import { runSteps, type Step } from './pipeline.js';
import { buildVec, concatVecs, gather, slice as sliceVec, valueAt } from './vec-ops.js';
import { readPartitionedSplit, readSplit } from './scan.js';
import type { FileSplit, SourceOptions } from '../sources/file-source.js';
import { writeTask } from '../sources/index.js';
import { decodeBatches, readBatches } from './batch-codec.js';
import { cacheBlocks, plainBatch } from './dictionary-encode.js';
import { HashAggregation } from './hash-agg/hash-aggregate.js';
import type { DictionaryDelta } from './hash-agg/key-encoders.js';
import { ShippedKeys } from './hash-agg/shipped-keys.js';
import { iota } from './hash-agg/int-arrays.js';
import { randomUUID } from 'node:crypto';
import { JoinTable } from './hash-join/join-table.js';
import { HashJoiner, type JoinSpec } from './hash-join/hash-join.js';
import { concatBatches, takeRows } from './hash-join/take.js';
import { KeyWords } from './hash-agg/key-words.js';
import { fmix } from './hash-agg/hashing.js';
import { sortRows } from './sort-codes.js';
import type { Vec } from '../eval/vec.js';
export { windowPartition } from './window-ops.js';
export { windowGroupLimit } from './window-group-limit.js';
export { expandRows } from './expand-ops.js';

const iterable = <T>(it: Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: () => it });

/**
 * IPC batches in, batches out. A join feeding a consumer in the same task (see joinedOut) hands over its batches
 * as objects: those pass through as they are.
 */
function* decodeAll(input: Iterable<Uint8Array | ColumnarBatch>): Generator<ColumnarBatch> {
  for (const x of input) {
    // Batch by batch: a cached block holds a partition's batches.
    if (x instanceof Uint8Array) for (const rb of readBatches(x)) yield fromRecordBatch(rb);
    else yield x;
  }
}

function* mapIter<A, B>(xs: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const x of xs) yield f(x);
}

function* flatIter<A, B>(xs: Iterable<A>, f: (a: A) => Iterable<B>): Generator<B> {
  for (const x of xs) yield* f(x);
}

function* encodeAll(batches: Iterable<ColumnarBatch>): Generator<Uint8Array> {
  for (const b of batches) yield encode(b);
}

/**
 * What a cached DataFrame stores: its batches with low-cardinality string columns dictionary-encoded. Its input is
 * IPC batches or (spec.scan set) file splits read here, the stage's steps applied. Once a partition's blocks are
 * all out, their byte total is added to `spec.stored` (the planner sizes joins by it).
 */
export function cacheEncode(spec: { steps: Step[]; scan?: ScanSpec; stored?: { add(bytes: number): void } }, it: Iterator<any>): Iterable<Uint8Array> {
  function* gen(): Generator<Uint8Array> {
    const blocks = spec.scan || spec.steps.length ? cacheBlocks(mapIter(stageInput(spec, it), toRecordBatch)) : cacheBlocks(flatIter(iterable(it), readBatches));
    let bytes = 0;
    for (const b of blocks) {
      bytes += b.byteLength;
      yield b;
    }
    spec.stored?.add(bytes);
  }
  return gen();
}

/** Batches in (IPC bytes), steps applied, batches out. */
export function mapBatches(spec: { steps: Step[] }, it: Iterator<Uint8Array>): Iterable<Uint8Array> {
  return encodeAll(stageInput(spec, it));
}

const RANGE_BATCH = 1 << 16;

/** range(): partition descriptors in, `id` batches out (bigint ids). */
export function scanRange(
  spec: { steps: Step[] },
  it: Iterator<{ start: number; step: number; from: number; to: number }>,
): Iterable<Uint8Array> {
  function* gen(): Generator<ColumnarBatch> {
    for (const d of iterable(it)) {
      for (let i = d.from; i < d.to; i += RANGE_BATCH) {
        const n = Math.min(RANGE_BATCH, d.to - i);
        const values = new BigInt64Array(n);
        for (let j = 0; j < n; j++) values[j] = BigInt(d.start + (i + j) * d.step);
        yield { names: ['id'], columns: [{ type: parseType('bigint'), length: n, values, nulls: null }], length: n };
      }
    }
  }
  return encodeAll(runSteps(spec.steps, gen()));
}

/** What a file scan reads: the planner's `files` source. */
export interface ScanSpec {
  format: string;
  schema: string;
  columns: string[];
  options: SourceOptions;
  partitionColumns?: { name: string; type: string }[];
}

function* splitBatches(scan: ScanSpec, it: Iterator<FileSplit & { partitionValues?: unknown[] }>): Generator<ColumnarBatch> {
  for (const split of iterable(it)) {
    if (scan.partitionColumns) yield* readPartitionedSplit(scan.format, split, scan.schema, scan.columns, scan.options, scan.partitionColumns);
    else yield* readSplit(scan.format, split, scan.schema, scan.columns, scan.options);
  }
}

/**
 * The batches a task function works on, its fused steps applied: decoded from the IPC bytes of its input, or, when
 * the planner fused a file scan into it (`scan` set), read from the file splits of its input — batches that never
 * cross a thread are then never encoded and decoded.
 */
function stageInput(spec: { steps: Step[]; scan?: ScanSpec }, it: Iterator<any>): Generator<ColumnarBatch> {
  return runSteps(spec.steps, spec.scan ? splitBatches(spec.scan, it) : decodeAll(iterable(it)));
}

/** File scans: splits in, batches of the needed columns out. */
export function scanFiles(spec: ScanSpec & { steps: Step[] }, it: Iterator<FileSplit & { partitionValues?: unknown[] }>): Iterable<Uint8Array> {
  return encodeAll(runSteps(spec.steps, splitBatches(spec, it)));
}

interface AggSpec {
  steps: Step[];
  groupBy: AggCall['args'];
  aggs: AggCall[];
  numPartitions: number;
  /** Adaptive partial aggregation (see partialAggregate); absent: always aggregate. */
  partialSkip?: PartialSkip;
}

/**
 * When a partial aggregate stops aggregating: once it has folded `minRows` rows, if it holds more than `ratio`
 * groups per row, it barely reduces its input, and the rest of its rows go to the shuffle as groups of their own
 * (as Trino's adaptive partial aggregation does). Decided once per task, at the first batch past minRows.
 */
export interface PartialSkip {
  minRows: number;
  ratio: number;
}

type PartialOut = [number, { batch: Uint8Array; generic: unknown[][]; dicts?: (DictionaryDelta | null)[] }];

/**
 * Map side of an aggregation (exec/hash-agg): group ids per batch in columnar loops, states in typed arrays;
 * out go the partial states per reduce partition, as Arrow batches of [keys..., states...]. A task whose first
 * rows are nearly all distinct keys (h2o q10) hands out its groups so far and passes its other rows through.
 */
export function partialAggregate(spec: AggSpec, it: Iterator<Uint8Array>): Iterable<PartialOut> {
  const evalOf = (e: AggCall['args'][number]) => {
    const f = compileBound(e);
    return (b: ColumnarBatch) => f(b.columns, b.length);
  };
  const agg = new HashAggregation(spec.groupBy, spec.aggs, spec.groupBy.map(evalOf), true);
  // the arguments of all aggregates compiled together: a subexpression two of them share runs once per batch
  const shared = compileShared(agg.slots.flatMap((s) => s.args));
  let at = 0;
  const argFns = agg.slots.map((s) =>
    s.args.map(() => {
      const f = shared[at++]!;
      return (b: ColumnarBatch) => f(b.columns, b.length);
    }),
  );
  const task = randomUUID();
  // One dictionary per reduce partition for the string keys of this map output, shared by the table's groups and
  // the passed-through rows that follow them.
  const shipped = Array.from({ length: spec.numPartitions }, (_, p) => agg.shippedFor(`${task}:${p}`));
  const skip = spec.partialSkip && agg.canPassThrough ? spec.partialSkip : null;
  // Chunks are encoded one at a time as the shuffle writer frames them: with ~a group per row (h2o q10) an array
  // of all encoded chunks would hold a second copy of the partial output.
  function* groups(): Generator<PartialOut> {
    const parts = agg.byPartition(spec.numPartitions);
    for (let p = 0; p < parts.length; p++) {
      for (const { batch, generic, dicts } of agg.partialChunks(parts[p]!, shipped[p]!)) yield [p, { batch: encode(batch), generic, dicts }];
    }
  }
  function* chunks(): Generator<PartialOut> {
    let rows = 0;
    let decided = skip === null;
    let passing = false;
    for (const b of stageInput(spec, it)) {
      if (passing) {
        for (const [p, { batch, generic, dicts }] of agg.passThrough(b, argFns, shipped)) yield [p, { batch: encode(batch), generic, dicts }];
        continue;
      }
      agg.update(b, argFns);
      rows += b.length;
      if (!decided && rows >= skip!.minRows) {
        decided = true;
        if (agg.count > skip!.ratio * rows) {
          passing = true;
          yield* groups();
          agg.release();
        }
      }
    }
    if (!passing) yield* groups();
    agg.dispose();
  }
  return chunks();
}

/** Reduce side: merges partial states per key and produces [keys..., results...] batches. */
export function finalAggregate(spec: AggSpec & { keyTypes: string[]; names: string[] }, it: Iterator<PartialOut>): Iterable<Uint8Array> {
  // Partial batches hold the keys as their first columns.
  const agg = new HashAggregation(
    spec.groupBy.map((k, c) => ({ kind: 'input', ordinal: c, type: k.type, nullable: true })),
    spec.aggs,
    spec.groupBy.map((_, c) => (b: ColumnarBatch) => b.columns[c]!),
  );
  const shipped = new ShippedKeys();
  for (const [, part] of iterable(it)) {
    shipped.add(part.dicts);
    for (const b of decode(part.batch)) agg.merge(shipped.batch(b, part.dicts), part.generic);
  }
  if (agg.count === 0) {
    agg.dispose();
    return [];
  }
  return (function* () {
    yield* encodeAll(agg.resultChunks(iota(agg.count), spec.names));
    agg.dispose();
  })();
}

interface SortSpec {
  steps: Step[];
  orders: SortKey[];
}

/** Compares two rows' sort keys: per key ascending/descending, nulls first or last (Spark's defaults per direction). */
export function compareRows(a: unknown[], b: unknown[], orders: { ascending: boolean; nullsFirst: boolean }[]): number {
  for (let i = 0; i < orders.length; i++) {
    const x = a[i];
    const y = b[i];
    const o = orders[i]!;
    if (x === null || y === null) {
      if (x === y) continue;
      return (x === null) === o.nullsFirst ? -1 : 1;
    }
    const c = compareKeys(x, y);
    if (c !== 0) return o.ascending ? c : -c;
  }
  return 0;
}

/**
 * What the sample job of a global sort learns about one partition: evenly spaced rows' sort keys (for the range
 * bounds), and the partition's batches themselves (IPC bytes, its steps applied) when they encode to at most
 * `keepBytes` (-1: never), else null. When every partition's batches come back, the planner sorts them in one task
 * instead of computing the input a second time to range-partition it (a small sort is all fixed cost).
 */
export function sampleSortKeys(spec: SortSpec & { perPartition: number; keepBytes: number }, it: Iterator<Uint8Array>): Iterable<SortSample> {
  const keyFns = spec.orders.map((o) => compileBound(o.expr));
  const perBatch: Vec[][] = [];
  let kept: Uint8Array[] | null = spec.keepBytes >= 0 ? [] : null;
  let keptBytes = 0;
  // Batches to keep are encoded a group at a time: a join's output comes in many small batches, and each IPC
  // stream costs a writer and a schema message however few its rows.
  let pending: ColumnarBatch[] = [];
  let pendingRows = 0;
  const flush = () => {
    if (kept && pending.length) {
      const bytes = encode(concatBatches(pending, []));
      keptBytes += bytes.byteLength;
      if (keptBytes <= spec.keepBytes) kept.push(bytes);
      else kept = null;
    }
    pending = [];
    pendingRows = 0;
  };
  let total = 0;
  for (const b of stageInput(spec, it)) {
    if (b.length === 0) continue;
    perBatch.push(keyFns.map((f) => f(b.columns, b.length)));
    total += b.length;
    if (kept) {
      pending.push(b);
      pendingRows += b.length;
      if (pendingRows >= KEEP_GROUP_ROWS) flush();
    }
  }
  flush();
  const take = Math.min(total, spec.perPartition);
  const stride = total / Math.max(1, take);
  const keys: unknown[][] = [];
  let base = 0;
  let bi = 0;
  for (let i = 0; i < take; i++) {
    const at = take === total ? i : Math.floor(i * stride);
    while (base + perBatch[bi]![0]!.length <= at) base += perBatch[bi++]![0]!.length;
    keys.push(perBatch[bi]!.map((k) => valueAt(k, at - base)));
  }
  return [{ keys, batches: kept }];
}

const KEEP_GROUP_ROWS = 1 << 16;

export interface SortSample {
  keys: unknown[][];
  batches: Uint8Array[] | null;
}

/** Bucket of a row among the range bounds: the first bound not below it (compared without building the row). */
function rangeBucketOf(bounds: unknown[][], keys: Vec[], r: number, orders: SortKey[]): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const bound = bounds[mid]!;
    let c = 0;
    for (let i = 0; i < orders.length && c === 0; i++) {
      const x = bound[i];
      const y = valueAt(keys[i]!, r);
      const o = orders[i]!;
      if (x === null || y === null) c = x === y ? 0 : (x === null) === o.nullsFirst ? -1 : 1;
      else c = o.ascending ? compareKeys(x, y) : -compareKeys(x, y);
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits each batch's rows by the range bounds: [partition, batch] pairs for the sort shuffle. */
export function rangeBucketize(spec: SortSpec & { bounds: unknown[][] }, it: Iterator<Uint8Array>): Iterable<[number, Uint8Array]> {
  const keyFns = spec.orders.map((o) => compileBound(o.expr));
  const out: [number, Uint8Array][] = [];
  const nb = spec.bounds.length + 1;
  for (const b of stageInput(spec, it)) {
    if (nb === 1) {
      if (b.length) out.push([0, encode(b)]);
      continue;
    }
    const keys = keyFns.map((f) => f(b.columns, b.length));
    const byBucket: number[][] = Array.from({ length: nb }, () => []);
    for (let r = 0; r < b.length; r++) byBucket[rangeBucketOf(spec.bounds, keys, r, spec.orders)]!.push(r);
    byBucket.forEach((idx, bucket) => {
      if (idx.length) out.push([bucket, encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length })]);
    });
  }
  return out;
}

/**
 * Sorts one partition's rows (all its batches together; stable): the sort keys become rank codes and one numeric
 * sort gives the row order (exec/sort-codes.ts), then every column is gathered in that order.
 */
export function sortPartition(spec: SortSpec, it: Iterator<[number, Uint8Array] | Uint8Array | ColumnarBatch>): Iterable<Uint8Array> {
  const batches: ColumnarBatch[] = [];
  const input = mapIter(iterable(it), (item) => (Array.isArray(item) ? item[1] : item));
  for (const b of stageInput(spec, input)) if (b.length > 0) batches.push(b);
  if (batches.length === 0) return [];
  const first = batches[0]!;
  const n = batches.reduce((s, b) => s + b.length, 0);
  const columns = first.columns.map((_, c) => concatVecs(batches.map((b) => b.columns[c]!)));
  const order = sortRows(spec.orders.map((o) => compileBound(o.expr)(columns, n)), spec.orders, n);
  return [encode({ names: first.names, columns: columns.map((c) => gather(c, order)), length: n })];
}

/**
 * The first `limit` rows of a partition in sort order (Spark's TakeOrderedAndProject, per partition and then once
 * more over every partition's rows in one task): its steps applied, its rows sorted (stable), the rest dropped.
 */
export function takeOrdered(spec: SortSpec & { limit: number; bucket?: true; scan?: ScanSpec }, it: Iterator<any>): Iterable<Uint8Array | [number, Uint8Array]> {
  const batches: ColumnarBatch[] = [];
  for (const b of stageInput(spec, it)) if (b.length > 0) batches.push(b);
  if (batches.length === 0 || spec.limit <= 0) return [];
  const first = batches[0]!;
  const n = batches.reduce((s, b) => s + b.length, 0);
  const columns = first.columns.map((_, c) => concatVecs(batches.map((b) => b.columns[c]!)));
  const order = sortRows(spec.orders.map((o) => compileBound(o.expr)(columns, n)), spec.orders, n);
  const kept = order.length > spec.limit ? order.subarray(0, spec.limit) : order;
  const bytes = encode({ names: first.names, columns: columns.map((c) => gather(c, kept)), length: kept.length });
  // `bucket`: the rows go to the single partition of the shuffle that brings every task's rows together
  return [spec.bucket ? [0, bytes] : bytes];
}

/** Writes one partition's batches as this task's part file(s) of a write job. */
export function writePartition(
  spec: { job: import('../sources/index.js').WriteJob },
  index: number,
  it: Iterator<Uint8Array>,
): Iterable<import('../sources/index.js').TaskWriteResult> {
  function* batches() {
    for (const bytes of iterable(it)) for (const rb of decodeBatches(bytes)) yield plainBatch(rb);
  }
  return [writeTask(spec.job, index, batches())];
}

/** Rows split by the hash of their key values into [partition, batch] pairs (the shuffle side of a hash join). */
export function hashBucketize(
  spec: { steps: Step[]; keys: AggCall['args']; numPartitions: number; scan?: ScanSpec },
  it: Iterator<any>,
): Iterable<[number, Uint8Array]> {
  const n = spec.numPartitions;
  const kw = new KeyWords(
    spec.keys,
    spec.keys.map((k) => {
      const f = compileBound(k);
      return (b: ColumnarBatch) => f(b.columns, b.length);
    }),
  );
  const out: [number, Uint8Array][] = [];
  const counts = new Int32Array(n + 1);
  for (const b of stageInput(spec, it)) {
    if (n === 1) {
      out.push([0, encode(b)]);
      continue;
    }
    // The partition comes from the high bits of the key hash (hash tables after the shuffle use the low bits);
    // rows are grouped by partition with a counting sort, then each partition's rows gathered column by column.
    const m = b.length;
    kw.encode(kw.sources(b), m);
    const h = kw.h;
    const part = new Int32Array(m);
    counts.fill(0);
    for (let r = 0; r < m; r++) {
      const p = Math.floor(((fmix(h[r]!) >>> 0) / 4294967296) * n);
      part[r] = p;
      counts[p + 1]!++;
    }
    for (let p = 0; p < n; p++) counts[p + 1]! += counts[p]!;
    const order = new Int32Array(m);
    const fill = counts.slice(0, n);
    for (let r = 0; r < m; r++) order[fill[part[r]!]!++] = r;
    for (let p = 0; p < n; p++) {
      const s = counts[p]!;
      const e = counts[p + 1]!;
      if (e > s) out.push([p, encode(takeRows(b, order.subarray(s, e), e - s))]);
    }
  }
  return out;
}

type PostSpec = JoinSpec & { post?: Step[]; inTask?: boolean };

/**
 * Joined batches through the steps fused after the join (projections, filters), then encoded; or, with
 * `inTask` (the planner's promise that the next operator runs in this same task: an aggregate, a shuffle's map
 * side, another join's streamed side), handed over as batch objects, so that no IPC encode and decode separates
 * the join from its consumer and output columns are gathered only if the consumer reads them.
 */
function joinedOut(spec: PostSpec, batches: Iterable<ColumnarBatch>): Iterable<Uint8Array | ColumnarBatch> {
  const out = runSteps(spec.post ?? [], batches);
  return spec.inTask ? out : encodeAll(out);
}

/** Streams `stream` through a joiner and yields its output, the build side's unmatched rows last. */
function* joinStream(joiner: HashJoiner, stream: Iterable<ColumnarBatch>): Generator<ColumnarBatch> {
  for (const b of stream) {
    const j = joiner.probe(b);
    if (j) yield j;
  }
  joiner.release();
  const rest = joiner.finish();
  if (rest) yield rest;
}

/**
 * The reduce side of a shuffled hash join: [partition, [leftBatches, rightBatches]] from core's cogroup. The right
 * side is built (the left for inner joins when it has fewer rows), the other streamed batch by batch.
 */
export function joinBuckets(spec: PostSpec, it: Iterator<[number, [Uint8Array[], Uint8Array[]]]>): Iterable<Uint8Array | ColumnarBatch> {
  function* gen(): Generator<ColumnarBatch> {
    for (const [, [ls, rs]] of iterable(it)) {
      const left = ls.flatMap(decode);
      const right = rs.flatMap(decode);
      const rows = (bs: ColumnarBatch[]) => bs.reduce((t, b) => t + b.length, 0);
      const buildLeft = (spec.how === 'inner' || spec.how === 'cross') && rows(left) < rows(right);
      if (buildLeft) yield* joinStream(new HashJoiner(spec, 'left', concatBatches(left, spec.leftTypes)), right);
      else yield* joinStream(new HashJoiner(spec, 'right', concatBatches(right, spec.rightTypes)), left);
    }
  }
  return joinedOut(spec, gen());
}

/** A join with no equality keys: pairs of (left partition, right partition) batches from core's cartesian. */
export function joinPairs(spec: PostSpec, it: Iterator<[Uint8Array[], Uint8Array[]]>): Iterable<Uint8Array | ColumnarBatch> {
  function* gen(): Generator<ColumnarBatch> {
    for (const [ls, rs] of iterable(it)) {
      yield* joinStream(new HashJoiner(spec, 'right', concatBatches(rs.flatMap(decode), spec.rightTypes)), ls.flatMap(decode));
    }
  }
  return joinedOut(spec, gen());
}

/** Rows dealt round-robin over n partitions from a per-partition start (repartition without columns). */
export function roundRobin(spec: { steps: Step[]; numPartitions: number }, index: number, it: Iterator<Uint8Array>): Iterable<[number, Uint8Array]> {
  const n = spec.numPartitions;
  let next = (index * 7919) % n;
  const out: [number, Uint8Array][] = [];
  for (const b of stageInput(spec, it)) {
    const byBucket: number[][] = Array.from({ length: n }, () => []);
    for (let r = 0; r < b.length; r++) {
      byBucket[next]!.push(r);
      next = (next + 1) % n;
    }
    byBucket.forEach((idx, p) => {
      if (idx.length) out.push([p, encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length })]);
    });
  }
  return out;
}

/** Skips the first n rows of the (single) partition: a global OFFSET after the rows are gathered in order. */
export function skipRows(spec: { n: number }, it: Iterator<Uint8Array>): Iterable<Uint8Array> {
  let left = spec.n;
  const out: Uint8Array[] = [];
  for (const b of decodeAll(iterable(it))) {
    if (left >= b.length) {
      left -= b.length;
      continue;
    }
    const from = left;
    left = 0;
    out.push(encode({ names: b.names, columns: b.columns.map((c) => sliceVec(c, from, b.length)), length: b.length - from }));
  }
  return out;
}

/** Each worker thread's hash tables of broadcast sides, by the thread's copy of the broadcast value and join keys. */
const builtBroadcasts = new WeakMap<object, Map<string, { small: ColumnarBatch; table: JoinTable | null }>>();

/**
 * A broadcast hash join: the small side arrives once per worker (a core broadcast variable holding its batches)
 * and its hash table is built once per worker thread (kept for the thread's later tasks); the other side streams
 * through, batch by batch, without a shuffle.
 */
export function broadcastJoin(
  spec: PostSpec & { steps: Step[]; buildSide: 'left' | 'right'; scan?: ScanSpec },
  build: { value: Uint8Array[] },
  it: Iterator<any>,
): Iterable<Uint8Array | ColumnarBatch> {
  const right = spec.buildSide === 'right';
  const [types, buildKeys, probeKeys] = right ? [spec.rightTypes, spec.rightKeys, spec.leftKeys] : [spec.leftTypes, spec.leftKeys, spec.rightKeys];
  let byKeys = builtBroadcasts.get(build.value);
  if (!byKeys) builtBroadcasts.set(build.value, (byKeys = new Map()));
  const key = JSON.stringify([spec.buildSide, buildKeys, probeKeys]);
  let built = byKeys.get(key);
  if (!built) {
    const small = concatBatches(build.value.flatMap(decode), types);
    // Without keys (a broadcast nested-loop join) there is no table: every pair is a candidate.
    built = { small, table: buildKeys.length ? new JoinTable(buildKeys, probeKeys, small) : null };
    byKeys.set(key, built);
  }
  const joiner = new HashJoiner(spec, spec.buildSide, built.small, built.table);
  return joinedOut(spec, joinStream(joiner, stageInput(spec, it)));
}

/** Repeats each row `count` times (intersectAll/exceptAll multiplicities); the count column is dropped. */
export function replicateRows(spec: { countOrdinal: number }, it: Iterator<Uint8Array>): Iterable<Uint8Array> {
  const out: Uint8Array[] = [];
  for (const b of decodeAll(iterable(it))) {
    const counts = b.columns[spec.countOrdinal]!;
    const idx: number[] = [];
    for (let r = 0; r < b.length; r++) {
      const n = Number(valueAt(counts, r) ?? 0);
      for (let k = 0; k < n; k++) idx.push(r);
    }
    if (!idx.length) continue;
    const keep = b.columns.filter((_, c) => c !== spec.countOrdinal);
    out.push(encode({ names: b.names.filter((_, c) => c !== spec.countOrdinal), columns: keep.map((c) => gather(c, idx)), length: idx.length }));
  }
  return out;
}

/**
 * Keeps each row with probability in [lower, upper) of a seeded uniform draw (or a Poisson count of copies with
 * replacement). The generator is seeded per partition, so every split of randomSplit sees the same draws.
 */
export function sampleRows(
  spec: { steps: Step[]; withReplacement: boolean; lower: number; upper: number; seed: number },
  index: number,
  it: Iterator<Uint8Array>,
): Iterable<Uint8Array> {
  let s = (Math.imul(spec.seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: Uint8Array[] = [];
  for (const b of stageInput(spec, it)) {
    const idx: number[] = [];
    for (let r = 0; r < b.length; r++) {
      if (spec.withReplacement) {
        const limit = Math.exp(-spec.upper);
        let k = 0;
        for (let p = next(); p > limit; p *= next()) k++;
        for (let j = 0; j < k; j++) idx.push(r);
      } else {
        const u = next();
        if (u >= spec.lower && u < spec.upper) idx.push(r);
      }
    }
    if (idx.length) out.push(encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length }));
  }
  return out;
}

/** explode / posexplode (and _outer): one row per element of an array, or per entry of a map. */
export function generateRows(
  spec: { steps: Step[]; generator: AggCall['args'][number]; outer: boolean; position: boolean; isMap: boolean; names: string[]; genTypes: string[] },
  it: Iterator<Uint8Array>,
): Iterable<Uint8Array> {
  const gen = compileBound(spec.generator);
  const types = spec.genTypes.map(parseType);
  const out: Uint8Array[] = [];
  for (const b of stageInput(spec, it)) {
    const g = gen(b.columns, b.length);
    const idx: number[] = [];
    const pos: (number | null)[] = [];
    const first: unknown[] = [];
    const second: unknown[] = [];
    for (let r = 0; r < b.length; r++) {
      const v = valueAt(g, r) as unknown[] | Map<unknown, unknown> | null;
      const items: [unknown, unknown][] = v == null ? [] : v instanceof Map ? [...v.entries()] : spec.isMap ? Object.entries(v as object) : (v as unknown[]).map((x) => [x, undefined]);
      if (items.length === 0 && spec.outer) {
        idx.push(r);
        pos.push(null);
        first.push(null);
        second.push(null);
      }
      items.forEach(([a, c], k) => {
        idx.push(r);
        pos.push(k);
        first.push(a ?? null);
        second.push(c ?? null);
      });
    }
    if (!idx.length) continue;
    const generated = [
      ...(spec.position ? [buildVec(parseType('int'), pos)] : []),
      buildVec(types[spec.position ? 1 : 0]!, first),
      ...(spec.isMap ? [buildVec(types[spec.position ? 2 : 1]!, second)] : []),
    ];
    out.push(encode({ names: spec.names, columns: [...b.columns.map((c) => gather(c, idx)), ...generated], length: idx.length }));
  }
  return out;
}

/** Batches to row objects, for df.rdd(). */
export function batchToRows(spec: { names: string[] }, it: Iterator<Uint8Array>): Iterable<Record<string, unknown>> {
  const rows: Record<string, unknown>[] = [];
  for (const b of decodeAll(iterable(it))) {
    const cols = b.columns.map((c) => vecToValues(c));
    for (let r = 0; r < b.length; r++) {
      const row: Record<string, unknown> = {};
      spec.names.forEach((n, c) => (row[n] = cols[c]![r] ?? null));
      rows.push(row);
    }
  }
  return rows;
}
