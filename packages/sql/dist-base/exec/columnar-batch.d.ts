import * as arrow from 'apache-arrow';
import type { Vec } from '../eval/vec.js';
/** A batch while a task computes on it: columns as Vecs, with their names. */
export interface ColumnarBatch {
    names: string[];
    columns: Vec[];
    length: number;
    /**
     * The Arrow data of each column (undefined where a column was computed), while the batch is still as read
     * from Arrow: kernels that can work on Arrow buffers directly (string group keys) read them from here.
     */
    arrow?: (arrow.Data | undefined)[];
}
/**
 * Columns computed on first access: a batch read from Arrow converts (and decodes strings of) only the columns
 * an operator touches, so a query over a cached wide table pays for the columns it uses.
 */
export declare function lazyColumns(n: number, make: (i: number) => Vec): Vec[];
export declare function fromRecordBatch(rb: arrow.RecordBatch): ColumnarBatch;
/** An Arrow record batch (duplicate column names, which Spark allows after joins, get a \\u0001n suffix). */
export declare function toRecordBatch(b: ColumnarBatch): arrow.RecordBatch;
export declare function decode(bytes: Uint8Array): ColumnarBatch[];
export declare function encode(b: ColumnarBatch): Uint8Array;
//# sourceMappingURL=columnar-batch.d.ts.map