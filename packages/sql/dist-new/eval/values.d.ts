import type { DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
/** The converter from JS row values of type `t` to slot values (null stays null). */
export declare function toSlot(t: DataType): (v: unknown) => unknown;
export interface ToValuesOptions {
    /** How decimals come out: 'number' (default, nearest double), 'string' (exact text) or 'bigint' (unscaled). */
    decimal?: 'number' | 'string' | 'bigint';
    /** How timestamps come out: 'date' (default, a Date, to the millisecond) or 'micros' (bigint). */
    timestamp?: 'date' | 'micros';
}
/** The converter from slot values of type `t` to JS row values. */
export declare function fromSlot(t: DataType, opts?: ToValuesOptions): (v: any) => unknown;
/** A column from JS row values (see the module comment for the accepted forms). */
export declare function vecFromValues(type: DataType, values: ArrayLike<unknown>): Vec;
/** A column's rows as JS row values (null for NULL). */
export declare function vecToValues(vec: Vec, opts?: ToValuesOptions): unknown[];
//# sourceMappingURL=values.d.ts.map