import type { VectorAggregate } from '../../agg/vectorized.js';
import type { AggCall } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import type { Vec } from '../../eval/vec.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { GenericStates } from './generic-states.js';
/** One aggregate of the query: columnar when its function has a vectorized form, else generic. */
interface Slot {
    args: Bound[];
    vec: VectorAggregate | null;
    generic: GenericStates | null;
    type: string;
}
/**
 * A hash aggregation in progress inside one task: group ids for each batch from the key columns (encoded to
 * words, then a typed-array hash table, or the dictionary codes of a single string key directly), and the
 * aggregates' states indexed by group id. The partial side folds input rows; the final side merges partial
 * states, which arrive as Arrow batches of [key columns..., state columns...] plus the generic states.
 */
export declare class HashAggregation {
    readonly keys: Bound[];
    private readonly kw;
    private readonly table;
    /** Group hashes when the single key's dictionary codes are the group ids (no table). */
    private denseHashes;
    private denseCount;
    readonly slots: Slot[];
    private gids;
    /** `keyEvals` compute the key columns of a batch (the final side reads them as columns 0..k-1). */
    constructor(keys: Bound[], aggs: AggCall[], keyEvals: ((b: ColumnarBatch) => Vec)[]);
    get count(): number;
    /** Group ids of the n rows of batch b. */
    private groupIds;
    private reserve;
    /** Partial side: folds the rows of a batch into the groups. */
    update(b: ColumnarBatch, argFns: ((b: ColumnarBatch) => Vec)[][]): void;
    /** Final side: merges a partial batch ([keys..., states...]) and its generic states. */
    merge(b: ColumnarBatch, generic: unknown[][]): void;
    private groupHash;
    private keyVecs;
    /** The groups split by reduce partition (by their hash's high bits; the tables use the low bits). */
    byPartition(numPartitions: number): Int32Array[];
    /** Partial states of the groups `order`, in chunks: [key columns..., state columns...] and the generic states. */
    partialChunks(order: Int32Array): Generator<{
        batch: ColumnarBatch;
        generic: unknown[][];
    }>;
    /** Final results of the groups `order` in chunks: [key columns..., aggregate results...]. */
    resultChunks(order: Int32Array, names: string[]): Generator<ColumnarBatch>;
}
export {};
//# sourceMappingURL=hash-aggregate.d.ts.map