import '../functions/index.js';
import '../agg/builtin.js';
import type { AggCall, SortKey } from '../analysis/resolved.js';
import { type Step } from './pipeline.js';
import type { FileSplit, SourceOptions } from '../sources/file-source.js';
export { windowPartition } from './window-ops.js';
export { expandRows } from './expand-ops.js';
/** What a cached DataFrame stores: its batches with low-cardinality string columns dictionary-encoded. */
export declare function cacheEncode(_spec: unknown, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/** Batches in (IPC bytes), steps applied, batches out. */
export declare function mapBatches(spec: {
    steps: Step[];
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/** range(): partition descriptors in, `id` batches out (bigint ids). */
export declare function scanRange(spec: {
    steps: Step[];
}, it: Iterator<{
    start: number;
    step: number;
    from: number;
    to: number;
}>): Iterable<Uint8Array>;
/** File scans: splits in, batches of the needed columns out. */
export declare function scanFiles(spec: {
    format: string;
    schema: string;
    columns: string[];
    options: SourceOptions;
    steps: Step[];
    partitionColumns?: {
        name: string;
        type: string;
    }[];
}, it: Iterator<FileSplit & {
    partitionValues?: unknown[];
}>): Iterable<Uint8Array>;
interface AggSpec {
    steps: Step[];
    groupBy: AggCall['args'];
    aggs: AggCall[];
    numPartitions: number;
}
type PartialOut = [number, {
    batch: Uint8Array;
    generic: unknown[][];
}];
/**
 * Map side of an aggregation (exec/hash-agg): group ids per batch in columnar loops, states in typed arrays;
 * out go the partial states per reduce partition, as Arrow batches of [keys..., states...].
 */
export declare function partialAggregate(spec: AggSpec, it: Iterator<Uint8Array>): Iterable<PartialOut>;
/** Reduce side: merges partial states per key and produces [keys..., results...] batches. */
export declare function finalAggregate(spec: AggSpec & {
    keyTypes: string[];
    names: string[];
}, it: Iterator<PartialOut>): Iterable<Uint8Array>;
interface SortSpec {
    steps: Step[];
    orders: SortKey[];
}
/** Compares two rows' sort keys: per key ascending/descending, nulls first or last (Spark's defaults per direction). */
export declare function compareRows(a: unknown[], b: unknown[], orders: {
    ascending: boolean;
    nullsFirst: boolean;
}[]): number;
/** A sample of sort keys from one partition (for the range bounds of a global sort). */
export declare function sampleSortKeys(spec: SortSpec & {
    perPartition: number;
}, it: Iterator<Uint8Array>): Iterable<unknown[]>;
/** Splits each batch's rows by the range bounds: [partition, batch] pairs for the sort shuffle. */
export declare function rangeBucketize(spec: SortSpec & {
    bounds: unknown[][];
}, it: Iterator<Uint8Array>): Iterable<[number, Uint8Array]>;
/** Sorts one partition's rows (all its batches together; stable). */
export declare function sortPartition(spec: SortSpec, it: Iterator<[number, Uint8Array] | Uint8Array>): Iterable<Uint8Array>;
/** Writes one partition's batches as this task's part file(s) of a write job. */
export declare function writePartition(spec: {
    job: import('../sources/index.js').WriteJob;
}, index: number, it: Iterator<Uint8Array>): Iterable<import('../sources/index.js').TaskWriteResult>;
/** Rows split by the hash of their key values into [partition, batch] pairs (the shuffle side of a hash join). */
export declare function hashBucketize(spec: {
    steps: Step[];
    keys: AggCall['args'];
    numPartitions: number;
}, it: Iterator<Uint8Array>): Iterable<[number, Uint8Array]>;
interface JoinSpec {
    how: 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';
    leftKeys: AggCall['args'];
    rightKeys: AggCall['args'];
    residual: AggCall['args'][number] | null;
    leftTypes: string[];
    rightTypes: string[];
    names: string[];
}
/** The reduce side of a shuffled hash join: [partition, [leftBatches, rightBatches]] from core's cogroup. */
export declare function joinBuckets(spec: JoinSpec, it: Iterator<[number, [Uint8Array[], Uint8Array[]]]>): Iterable<Uint8Array>;
/** A join with no equality keys: pairs of (left partition, right partition) batches from core's cartesian. */
export declare function joinPairs(spec: JoinSpec, it: Iterator<[Uint8Array[], Uint8Array[]]>): Iterable<Uint8Array>;
/** Rows dealt round-robin over n partitions from a per-partition start (repartition without columns). */
export declare function roundRobin(spec: {
    steps: Step[];
    numPartitions: number;
}, index: number, it: Iterator<Uint8Array>): Iterable<[number, Uint8Array]>;
/** Skips the first n rows of the (single) partition: a global OFFSET after the rows are gathered in order. */
export declare function skipRows(spec: {
    n: number;
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/**
 * A broadcast hash join: the small side arrives once per worker (a core broadcast variable holding its batches);
 * the other side streams through, batch by batch, without a shuffle.
 */
export declare function broadcastJoin(spec: JoinSpec & {
    steps: Step[];
    buildSide: 'left' | 'right';
}, build: {
    value: Uint8Array[];
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/** Repeats each row `count` times (intersectAll/exceptAll multiplicities); the count column is dropped. */
export declare function replicateRows(spec: {
    countOrdinal: number;
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/**
 * Keeps each row with probability in [lower, upper) of a seeded uniform draw (or a Poisson count of copies with
 * replacement). The generator is seeded per partition, so every split of randomSplit sees the same draws.
 */
export declare function sampleRows(spec: {
    steps: Step[];
    withReplacement: boolean;
    lower: number;
    upper: number;
    seed: number;
}, index: number, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/** explode / posexplode (and _outer): one row per element of an array, or per entry of a map. */
export declare function generateRows(spec: {
    steps: Step[];
    generator: AggCall['args'][number];
    outer: boolean;
    position: boolean;
    isMap: boolean;
    names: string[];
    genTypes: string[];
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
/** Batches to row objects, for df.rdd(). */
export declare function batchToRows(spec: {
    names: string[];
}, it: Iterator<Uint8Array>): Iterable<Record<string, unknown>>;
//# sourceMappingURL=task-ops.d.ts.map