import type { DataType } from '../types/data-types.js';
import { type ScalarFunction } from '../eval/function-registry.js';
import type { Vec } from '../eval/vec.js';
/** Shared plumbing of the function library: arity and argument checks, row-wise evaluation. */
export interface FunctionSpec {
    name: string;
    aliases?: string[];
    /** Allowed argument counts (inclusive); max Infinity for varargs. */
    args: [number, number];
    resolve(argTypes: DataType[], literals: readonly unknown[]): {
        returnType: DataType;
        argTypes: DataType[];
    };
    evaluate(args: Vec[], length: number, returnType: DataType): Vec;
    deterministic?: boolean;
}
export declare function define(spec: FunctionSpec): ScalarFunction;
/** Implicit cast of argument `i` to `expected`, or DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. */
export declare function expectArg(fn: string, i: number, actual: DataType, expected: DataType, requiredText?: string): DataType;
export declare function typeMismatch(fn: string, i: number, required: string, actual: DataType): import("../eval/errors.js").SqlError;
/**
 * Row-wise evaluation with Spark's usual null rule (any NULL argument → NULL result): `fn` gets the slot values
 * of one row and returns the result slot, or null for NULL.
 */
export declare function mapRows(args: Vec[], n: number, returnType: DataType, fn: (...slots: any[]) => unknown): Vec;
/** True when the string holds UTF-16 surrogates (characters beyond U+FFFF), where code points ≠ code units. */
export declare function hasSurrogates(s: string): boolean;
/** Number of code points (Spark counts characters, not UTF-16 units). */
export declare function codePointLength(s: string): number;
/** Substring by code point indices [start, end). */
export declare function cpSlice(s: string, start: number, end?: number): string;
//# sourceMappingURL=helpers.d.ts.map