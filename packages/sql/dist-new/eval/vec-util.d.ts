import type { DataType } from '../types/data-types.js';
import { type Kind } from './types.js';
import type { Vec } from './vec.js';
/**
 * Building blocks for column kernels. Value slots by type (see vec.ts): tinyint Int8Array, smallint Int16Array,
 * int Int32Array, bigint BigInt64Array, float Float32Array, double Float64Array, boolean Uint8Array (0/1),
 * date Int32Array (days since 1970-01-01), timestamp BigInt64Array (microseconds since the epoch, UTC),
 * decimal plain array of bigint unscaled values, string plain array of strings, binary plain array of
 * Uint8Array, void plain array of null. Nested values ("internal values") use the same slot form for their
 * elements: an array is a JS array of element slots (null for a null element), a struct a JS array of field
 * slots in field order, a map `{ keys, values }` (parallel arrays, see MapValue).
 */
export interface MapValue {
    keys: unknown[];
    values: unknown[];
}
export type TypedCtor = Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | BigInt64ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;
export declare function typedCtorOf(k: Kind): TypedCtor | null;
/** A fresh value buffer for `n` rows of `type` (zeroed typed array, or an array of nulls). */
export declare function allocValues(type: DataType, n: number): any;
export declare function makeVec(type: DataType, values: Vec['values'], nulls: Uint8Array | null, length?: number): Vec;
export declare function hasAnyNull(nulls: Uint8Array, n: number): boolean;
/** A column of `n` copies of one slot value (null: all rows null). */
export declare function constVec(type: DataType, value: unknown, n: number): Vec;
export declare function nullVec(type: DataType, n: number): Vec;
/** Null mask of a row-wise function of several columns: null where any input is null. */
export declare function unionNulls(vecs: readonly Vec[], n: number): Uint8Array | null;
/** A writable copy of a null mask (all zero when none). */
export declare function copyNulls(nulls: Uint8Array | null, n: number): Uint8Array;
/** Rows `idx` of `v`, in that order. */
export declare function takeVec(v: Vec, idx: ArrayLike<number>): Vec;
/** Rows of `sub` (computed on the selected rows `idx`) written back into `out` and `outNulls` at those rows. */
export declare function scatterInto(sub: Vec, idx: ArrayLike<number>, out: any, outNulls: Uint8Array): void;
/** Slot value of row i, or null. */
export declare function slotAt(v: Vec, i: number): any;
/** Builds a column from slot values (null marks a null row). */
export declare function vecFromSlots(type: DataType, slots: ArrayLike<unknown>): Vec;
//# sourceMappingURL=vec-util.d.ts.map