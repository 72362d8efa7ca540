import { type DataType, StructType } from '../../types/data-types.js';
import type { DateTimeOptions } from '../datetime.js';
/** A syntax error in JSON text: `pos` is the offset in the text. */
export declare class JsonSyntaxError extends Error {
    readonly pos: number;
    constructor(message: string, pos: number);
}
/**
 * A JSON reader over a string, in two flavours: `inferValue` returns the Spark type of the next value
 * (JsonInferSchema's rules); `parseValue(type)` converts the next value to a target type in the conventions of
 * columns.ts, recording a type mismatch in `mismatch` (the value becomes null). Keys and syntax follow RFC 8259.
 */
export declare class JsonReader {
    private readonly dt;
    s: string;
    i: number;
    /** The first type mismatch of the current record ("cannot convert ... to int for field 'a'"), if any. */
    mismatch: string | null;
    constructor(dt: DateTimeOptions);
    reset(s: string, i?: number): void;
    fail(what: string): never;
    ws(): void;
    /** The next non-space character code, not consumed. */
    peek(): number;
    atEnd(): boolean;
    private expectWord;
    string(): string;
    /** Scans a number; returns its text and whether it is integral. */
    number(): [string, boolean];
    /** Skips one value (checking its syntax); returns its source text's start. */
    skip(): number;
    /** Infers the next value's type and merges it into `acc` (returns the merged accumulator). */
    inferInto(acc: Acc | null): Acc;
    /** A struct or array met a different type: skip the value; the result is string. */
    private conflict;
    /** Scans a number without building its text; true when integral. */
    scanNumber(): boolean;
    /** The Spark type of the next value (used by tests and one-off callers). */
    inferValue(): DataType;
    private mismatchOf;
    parseValue(t: DataType, field: string): unknown;
    /** An object as an array of its fields' values, in the struct's field order. */
    parseObject(t: StructType, index?: Map<string, number>): unknown[];
}
export declare const A_NULL = 0;
/** A type being inferred: merged in place as records are read. */
export interface Acc {
    k: number;
    /** decimal precision and scale */
    p: number;
    s: number;
    fields: Map<string, Acc> | null;
    elem: Acc | null;
}
/** Merges two accumulators (records' root structs). */
export declare function mergeAcc(a: Acc | null, b: Acc | null): Acc | null;
export declare function isStructAcc(a: Acc | null): boolean;
export declare function isArrayOfStructAcc(a: Acc | null): boolean;
/** The Spark type of an accumulator (struct fields sorted by name; null stays NullType until canonicalize). */
export declare function accType(a: Acc | null): DataType;
/** Spark's JsonInferSchema.compatibleType. */
export declare function mergeTypes(a: DataType, b: DataType): DataType;
/** Spark's canonicalizeType: null → string, empty structs dropped (undefined). */
export declare function canonicalize(t: DataType): DataType | undefined;
//# sourceMappingURL=parser.d.ts.map