import * as arrow from 'apache-arrow';
import { type DataType, StructField } from '../types/data-types.js';
/**
 * Growable column builders producing Arrow `Data` for Spark types, written directly into typed arrays (no Arrow JS
 * builder in the hot path). Values given to `append`:
 *   boolean → boolean; tinyint/smallint/int/float/double → number; bigint → number | bigint;
 *   decimal → bigint (the unscaled value); string → string; binary → Uint8Array;
 *   date → days since the epoch; timestamp → microseconds since the epoch (number | bigint);
 *   array → any[]; struct → any[] (by position) or object (by name); map → Map, [k, v][] or object.
 */
export interface ColumnBuilder {
    readonly type: DataType;
    readonly length: number;
    append(v: unknown): void;
    appendNull(): void;
    /** The Arrow data of everything appended; the builder is empty afterwards. */
    finish(): arrow.Data;
}
/** Packs one byte per row (1 = valid) into Arrow's validity bitmap. */
export declare function packBits(bytes: Uint8Array, n: number): Uint8Array;
/** Validity tracking shared by all builders: a byte per row, allocated at the first null. */
declare abstract class Base implements ColumnBuilder {
    readonly type: DataType;
    length: number;
    protected valid: Uint8Array | null;
    protected nulls: number;
    constructor(type: DataType);
    abstract append(v: unknown): void;
    abstract appendNull(): void;
    abstract finish(): arrow.Data;
    protected markNull(): void;
    protected markValid(): void;
    protected takeValidity(n: number): {
        nullCount: number;
        nullBitmap: Uint8Array | undefined;
    };
}
/** Writes an integral number (|v| < 2^53) or bigint into slot i of an Int32Array view of 64-bit integers. */
export declare function setInt64(words: Int32Array, i: number, v: number | bigint): void;
/** string and binary: int32 offsets plus a byte buffer. `appendBytes` copies UTF-8 bytes straight from a file. */
export declare class BytesBuilder extends Base {
    private offsets;
    private bytes;
    private used;
    private reserve;
    append(v: unknown): void;
    appendBytes(src: Uint8Array, start: number, end: number): void;
    appendNull(): void;
    finish(): arrow.Data;
}
export declare function makeColumnBuilder(type: DataType): ColumnBuilder;
/**
 * A record batch of the given Spark fields from finished column data (all of one length). The Arrow fields take
 * their types from the data, so a string column may be dictionary-encoded (Dictionary<Int32, Utf8>).
 */
export declare function makeBatch(fields: StructField[], columns: arrow.Data[], length: number): arrow.RecordBatch;
export {};
//# sourceMappingURL=columns.d.ts.map