import type { Vec } from '../eval/vec.js';
/** Rows `indices` of `v`, in that order. */
export declare function gather(v: Vec, indices: ArrayLike<number>): Vec;
/** Rows [start, end). */
export declare function slice(v: Vec, start: number, end: number): Vec;
/** The value of row i as a JS value (null for SQL NULL), as aggregation and sorting see it. */
export declare function valueAt(v: Vec, i: number): unknown;
/** Appends rows into growable JS arrays (for building output batches of unknown size). */
export declare class VecBuilder {
    readonly values: unknown[];
    readonly nulls: number[];
    private hasNull;
    push(v: unknown): void;
    nullMask(): Uint8Array | null;
}
/**
 * A Vec from values in the internal representation (see eval/vec.ts: days for dates, microseconds for
 * timestamps, 0/1 for booleans, bigint for bigint), null for SQL NULL.
 */
export declare function buildVec(type: import('../types/data-types.js').DataType, values: ArrayLike<unknown>): Vec;
/** One Vec holding the rows of several, in order (same type). */
export declare function concatVecs(vecs: Vec[]): Vec;
/** Like gather, but index -1 gives a null row (the missing side of an outer join). */
export declare function gatherOrNull(v: Vec, indices: ArrayLike<number>): Vec;
/** An all-null column of a type (an empty side of a join). */
export declare function nullVec(type: import('../types/data-types.js').DataType, n: number): Vec;
//# sourceMappingURL=vec-ops.d.ts.map