import * as arrow from 'apache-arrow';
import type { Vec } from '../eval/vec.js';
import { vecFromArrow, vecToArrow } from '../eval/arrow-convert.js';
import { decodeBatches, encodeBatch } from './batch-codec.js';

/** A batch while a task computes on it: columns as Vecs, with their names. */
export interface ColumnarBatch {
  names: string[];
  columns: Vec[];
  length: number;
}

export function fromRecordBatch(rb: arrow.RecordBatch): ColumnarBatch {
  return {
    names: rb.schema.fields.map((f) => f.name),
    columns: rb.schema.fields.map((_, i) => vecFromArrow(rb.getChildAt(i)!)),
    length: rb.numRows,
  };
}

/** An Arrow record batch; duplicate column names are allowed (Spark allows them after joins). */
export function toRecordBatch(b: ColumnarBatch): arrow.RecordBatch {
  const vectors = b.columns.map((c) => vecToArrow(c));
  const fields = vectors.map((v, i) => new arrow.Field(b.names[i]!, v.type, true));
  const struct = new arrow.Struct(fields);
  const data = arrow.makeData({ type: struct, length: b.length, nullCount: 0, children: vectors.map((v) => v.data[0]!) });
  return new arrow.RecordBatch(new arrow.Schema(fields), data);
}

export function decode(bytes: Uint8Array): ColumnarBatch[] {
  return decodeBatches(bytes).map(fromRecordBatch);
}

export function encode(b: ColumnarBatch): Uint8Array {
  return encodeBatch(toRecordBatch(b));
}
