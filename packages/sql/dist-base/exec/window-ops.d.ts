import '../functions/index.js';
import '../agg/builtin.js';
import type { SortKey, WindowCall } from '../analysis/resolved.js';
import type { Bound } from '../eval/bound.js';
export interface WindowSpec {
    partitionBy: Bound[];
    orderBy: SortKey[];
    windowExprs: WindowCall[];
    /** Output column names: the input's, then one per window expression. */
    names: string[];
}
/** Computes window expressions for the rows of one task: [bucket, batch] pairs from the shuffle, or batches. */
export declare function windowPartition(spec: WindowSpec, it: Iterator<[number, Uint8Array] | Uint8Array>): Iterable<Uint8Array>;
//# sourceMappingURL=window-ops.d.ts.map