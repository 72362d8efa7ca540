import type { DataType } from '../types/data-types.js';
/**
 * A column while an operator computes on it: one value slot per row plus a null mask. Numbers live in typed
 * arrays (LongType in BigInt64Array, timestamps as microseconds in BigInt64Array, dates as days in Int32Array,
 * booleans as 0/1 in Uint8Array, decimals as bigint unscaled values in an array), strings and nested values in
 * plain arrays. `nulls[i] === 1` marks row i null (its value slot is then meaningless); `nulls === null` means no
 * nulls. Conversion from and to Arrow happens at batch boundaries (eval/arrow-convert.ts).
 */
export interface Vec {
    readonly type: DataType;
    readonly length: number;
    readonly values: ArrayLike<any> & {
        [i: number]: any;
    };
    readonly nulls: Uint8Array | null;
}
export declare function isNullAt(v: Vec, i: number): boolean;
//# sourceMappingURL=vec.d.ts.map