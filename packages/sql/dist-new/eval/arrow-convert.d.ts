import * as arrow from 'apache-arrow';
import { type DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
export { vecFromValues, vecToValues, toSlot, fromSlot, type ToValuesOptions } from './values.js';
/** An Arrow vector or data chunk as a Vec of its Spark type (or of `type`, when given and compatible). */
export declare function vecFromArrow(source: arrow.Vector | arrow.Data, type?: DataType): Vec;
/** Null mask (1 = null) of an Arrow Data, or null when it has no nulls. */
export declare function unpackNulls(d: arrow.Data): Uint8Array | null;
/** A Vec as an Arrow vector of its Spark type's Arrow type (for output batches). */
export declare function vecToArrow(v: Vec): arrow.Vector;
/**
 * A string Vec from UTF-8 bytes and offsets (nulls: 1 = null), for kernels that produce bytes: its Arrow form
 * is those bytes (no JS strings on the way to an Arrow batch), and its JS strings are decoded only if read.
 */
export declare function utf8Vec(type: DataType, offsets: Int32Array, bytes: Uint8Array, nulls: Uint8Array | null): Vec;
/** Whether the Vec carries its own Arrow form (its buffers are its own). */
export declare function hasArrowForm(v: Vec): boolean;
export declare function vecToData(v: Vec): arrow.Data;
/** A record batch's columns as Vecs. */
export declare function vecsFromRecordBatch(rb: arrow.RecordBatch): Vec[];
//# sourceMappingURL=arrow-convert.d.ts.map