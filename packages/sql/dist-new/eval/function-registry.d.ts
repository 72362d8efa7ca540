import type { DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
/**
 * A scalar function under its Spark SQL name: how it types (for the analyzer, on the driver) and how it computes
 * a column from argument columns (in tasks). Both sides use the same entry, so typing and evaluation cannot drift.
 */
export interface ScalarFunction {
    name: string;
    /**
     * Result type for these argument types, and the types the arguments must be cast to first (implicit casts).
     * Throws SqlError (DATATYPE_MISMATCH.*, WRONG_NUM_ARGS.*) for arguments the function does not take.
     * `literals[i]` is argument i's value when it is a literal (undefined otherwise): a few functions type by it,
     * e.g. round(decimal, 2) or named_struct('a', x). Callers that cannot tell may omit it.
     */
    resolve(argTypes: DataType[], literals?: readonly unknown[]): {
        returnType: DataType;
        argTypes: DataType[];
    };
    /** Computes the result for `length` rows. Args are already cast to `resolve(...).argTypes`. */
    evaluate(args: Vec[], length: number, returnType: DataType): Vec;
    /** Deterministic functions may be constant-folded; current_date and rand are not. */
    deterministic?: boolean;
}
export declare function registerFunction(f: ScalarFunction, ...aliases: string[]): void;
export declare function lookupFunction(name: string): ScalarFunction | undefined;
export declare function functionNames(): string[];
//# sourceMappingURL=function-registry.d.ts.map