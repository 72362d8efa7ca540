import { type DataType, StructType } from '../../types/data-types.js';
import type { CsvOptions } from './options.js';
import { NL, type ScanConfig } from './scanner.js';
/**
 * CSV schema inference as Spark's CSVInferSchema: each value is typed as the first of int, bigint, decimal (for
 * integers beyond bigint), double, date (matching dateFormat exactly), timestamp, boolean that parses it, else
 * string; the types of a column merge across rows (int+bigint → bigint, numbers+double → double,
 * date+timestamp → timestamp, anything else → string); nulls (empty or nullValue) do not vote, and an all-null
 * column is string.
 */
export declare const T_NULL = 0;
export declare const T_INT = 1;
export declare const T_LONG = 2;
export declare const T_DECIMAL = 3;
export declare const T_DOUBLE = 4;
export declare const T_DATE = 5;
export declare const T_TIMESTAMP = 6;
export declare const T_BOOLEAN = 7;
export declare const T_STRING = 8;
/** Merges two inferred types (Spark's compatibleType for CSV); decimal precision travels separately. */
export declare function mergeCode(a: number, b: number): number;
export declare class CsvTypeInferrer {
    private readonly o;
    codes: Uint8Array;
    precisions: Uint8Array;
    constructor(n: number, o: CsvOptions);
    ensure(n: number): void;
    /** Types one field's bytes and merges the type into column i. */
    add(i: number, buf: Uint8Array, s: number, e: number, flags: number, cfg: ScanConfig): void;
    types(n: number): DataType[];
}
/** Spark's CSVUtils.makeSafeHeader: empty or null names become _c<i>, case-insensitive duplicates get their index. */
export declare function safeHeader(names: (string | null)[], nullValue: string): string[];
/** The first record (for the header) of a buffer of whole lines, skipping blank and comment lines. */
export declare function firstRecord(buf: Uint8Array, limit: number, o: CsvOptions, cfg: ScanConfig): string[] | null;
export declare function inferredSchema(names: string[], types: DataType[]): StructType;
export { NL };
//# sourceMappingURL=infer.d.ts.map