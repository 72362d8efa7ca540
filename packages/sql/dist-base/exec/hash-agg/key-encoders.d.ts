import type { Bound } from '../../eval/bound.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import type { DataType } from '../../types/data-types.js';
import type { Vec } from '../../eval/vec.js';
/**
 * A group-by key column as it reaches the aggregate: a Vec, or (for a string column read straight from an Arrow
 * batch) its UTF-8 bytes and offsets, hashed without making JS strings.
 */
export interface KeySource {
    vec: () => Vec;
    utf8: {
        offsets: Int32Array;
        bytes: Uint8Array;
        nulls: Uint8Array | null;
    } | null;
    /** A dictionary-encoded string column (cached DataFrames): codes per row into the dictionary's bytes. */
    dict?: {
        indices: Int32Array;
        offsets: Int32Array;
        bytes: Uint8Array;
        size: number;
        nulls: Uint8Array | null;
    };
}
/**
 * Turns one key column into fixed-width 32-bit words per row (equal keys, equal words; Spark's key equality: NULL
 * is a group of its own, NaN equals NaN, -0.0 equals 0.0) and mixes a value hash into each row's hash.
 * Numbers are their own words (a null flag word first); strings and other values become codes of a dictionary
 * kept for the whole task, so `dense` encoders' codes can serve directly as group ids of a one-column key.
 */
export interface KeyEncoder {
    readonly width: number;
    readonly dense: boolean;
    /** Number of codes handed out (dense encoders). */
    readonly size: number;
    encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void;
    /** The key values stored in `words` for the groups `order`, as a Vec of the column's type. */
    decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec;
}
/** A key column's source in a batch: Arrow UTF-8 bytes when the key is a plain string column read from Arrow. */
export declare function keySource(b: ColumnarBatch, key: Bound, eval_: (b: ColumnarBatch) => Vec): KeySource;
export declare function keyEncoder(type: DataType): KeyEncoder;
//# sourceMappingURL=key-encoders.d.ts.map