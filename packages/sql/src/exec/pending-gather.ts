import type { Vec } from '../eval/vec.js';
import { lazyNotes } from './columnar-batch.js';

/**
 * A double column a join output has not gathered yet: its rows are src[idx[k]] for k < n (idx -1: a NULL row, the
 * missing side of an outer join). A global aggregate reads such a column through the index vector
 * (VectorAggregate.updateAllAt) instead of having it gathered into a new array first: h2o's join questions
 * sum two columns of ~9 M joined rows, and the gathers and their garbage were a third of a worker's time.
 */
export interface PendingGather {
  src: Float64Array;
  nulls: Uint8Array | null;
  idx: Int32Array;
  n: number;
}

const gathers = lazyNotes<PendingGather>();

/** Registers how columns of a lazy column array (lazyColumns) would be gathered. */
export const deferGathers = gathers.note;

/** Column c of `cols` as a pending gather, or null (not a deferred double column, or already read). */
export const pendingGather = gathers.of;

/** A double Vec's parts when they can be read through an index vector. */
export function gatherSource(v: Vec, idx: Int32Array, n: number): PendingGather | null {
  return v.values instanceof Float64Array && v.type.typeName === 'double' ? { src: v.values, nulls: v.nulls, idx, n } : null;
}
