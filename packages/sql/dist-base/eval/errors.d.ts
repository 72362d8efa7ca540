import { KindlingError } from '@kindling/core';
import type { DataType } from '../types/data-types.js';
/**
 * An error raised by SQL typing or evaluation, with Spark 4's error class as `code` ("DIVIDE_BY_ZERO",
 * "CAST_INVALID_INPUT", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE") and its SQLSTATE where Spark has one. The
 * message says what went wrong and what to do instead. Messages follow Spark's wording, minus the advice to turn
 * off `spark.sql.ansi.enabled`: Kindling always evaluates with ANSI semantics; the `try_*` forms return NULL.
 */
export declare class SqlError extends KindlingError {
    readonly sqlState: string | undefined;
    constructor(code: string, message: string, options?: {
        sqlState?: string;
        cause?: unknown;
    });
}
export declare const divideByZero: () => SqlError;
/** Overflow of int or bigint arithmetic: "[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' ...". */
export declare function arithmeticOverflow(what: string, op?: string): SqlError;
/** Overflow of tinyint or smallint arithmetic, naming the operands as Spark does ("127S + 1S caused overflow"). */
export declare function binaryArithmeticOverflow(left: number, op: string, right: number): SqlError;
export declare function castInvalidInput(sqlValue: string, from: DataType, to: DataType): SqlError;
export declare function castOverflow(sqlValue: string, from: DataType, to: DataType): SqlError;
export declare function numericValueOutOfRange(value: string, precision: number, scale: number): SqlError;
export declare function cannotParseTimestamp(detail: string, fn?: string): SqlError;
export declare function invalidArrayIndex(index: number, size: number, inElementAt: boolean): SqlError;
export declare const invalidIndexOfZero: () => SqlError;
export declare const nullMapKey: () => SqlError;
export declare const duplicatedMapKey: (key: string) => SqlError;
/** An analysis-time type error: DATATYPE_MISMATCH.<sub> "Cannot resolve <expr> due to data type mismatch: ...". */
export declare function datatypeMismatch(sub: string, what: string, detail: string): SqlError;
/** A function argument of the wrong type: "The second parameter requires the "INT" type, however ... has the type ...". */
export declare function unexpectedInputType(fn: string, argIndex: number, required: string, actual: DataType): SqlError;
export declare function wrongNumArgs(fn: string, expected: string, actual: number): SqlError;
export declare function invalidParameterValue(sub: string, parameter: string, fn: string, detail: string): SqlError;
export declare const unsupported: (what: string, instead?: string) => SqlError;
export declare function ordinal(n: number): string;
//# sourceMappingURL=errors.d.ts.map