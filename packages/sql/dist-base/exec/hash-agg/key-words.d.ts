import type { Bound } from '../../eval/bound.js';
import type { Vec } from '../../eval/vec.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { type KeyEncoder, type KeySource } from './key-encoders.js';
/**
 * The key columns of a hash operator (aggregate, join, hash partitioning) as rows of fixed-width words plus a
 * row hash, batch by batch; the encoders (and their string dictionaries) live as long as the operator.
 */
export declare class KeyWords {
    readonly keys: Bound[];
    readonly encoders: KeyEncoder[];
    readonly offsets: number[];
    readonly width: number;
    words: Int32Array<ArrayBuffer>;
    h: Int32Array<ArrayBuffer>;
    private readonly evals;
    constructor(keys: Bound[], evals: ((b: ColumnarBatch) => Vec)[]);
    /** The same encoders (and dictionaries) over other key expressions of the same types (a join's other side). */
    withKeys(keys: Bound[], evals: ((b: ColumnarBatch) => Vec)[]): KeyWords;
    /** A single string (or other dictionary-coded) key: its codes are dense ids, no table needed. */
    get dense(): boolean;
    sources(b: ColumnarBatch): KeySource[];
    /** Encodes the keys of n rows into `words` and `h` (valid until the next call). */
    encode(sources: KeySource[], n: number): void;
    /** Rows with a NULL in any key column (1), for joins, where NULL never matches. */
    static nullRows(sources: KeySource[], n: number): Uint8Array | null;
}
//# sourceMappingURL=key-words.d.ts.map