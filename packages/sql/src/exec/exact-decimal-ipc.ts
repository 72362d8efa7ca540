import * as arrow from 'apache-arrow';
import { unpackNulls, vecToData } from '../eval/arrow-convert.js';
import { exactDecimalVec, exactOf } from '../eval/exact-decimal.js';
import type { Vec } from '../eval/vec.js';
import { DecimalType, DoubleType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';

/*
 * A decimal column whose batch is in exact form (eval/exact-decimal.ts) crosses threads and sits in the cache as
 * an Arrow Float64 column, its field's metadata naming the decimal type: 8 bytes a value instead of Decimal128's
 * 16, and the reader takes the doubles in place instead of checking four 32-bit words per value. Inside the
 * engine only: batches that leave it (toArrow(), writers) go out as Decimal128 (plainBatch).
 */
export const EXACT_DECIMAL_KEY = 'kindling.exactDecimal';

/**
 * The Float64 data and field metadata of a decimal column in exact form; null for any other column. `used`: the
 * arrays other columns of the batch went out with (Arrow's IPC writer mis-sizes a body holding one view twice),
 * copied if met again.
 */
export function exactColumn(v: Vec, used: Set<unknown>): { data: arrow.Data; metadata: Map<string, string> } | null {
  if (!(v.type instanceof DecimalType)) return null;
  let exact = exactOf(v);
  if (exact === null) return null;
  if (used.has(exact)) exact = exact.slice(0, v.length);
  used.add(exact);
  const data = vecToData({ type: DoubleType, length: v.length, values: exact, nulls: v.nulls });
  return { data, metadata: new Map([[EXACT_DECIMAL_KEY, v.type.simpleString()]]) };
}

/** Whether a field holds a decimal column in exact form. */
export function isExactField(f: arrow.Field): boolean {
  return f.metadata.has(EXACT_DECIMAL_KEY);
}

/** The decimal Vec (exact form, viewing the doubles in place) of a column read from an exact field; else null. */
export function exactColumnVec(f: arrow.Field, d: arrow.Data): Vec | null {
  const t = f.metadata.get(EXACT_DECIMAL_KEY);
  if (t === undefined) return null;
  const values = (d.values as Float64Array).subarray(d.offset, d.offset + d.length);
  return exactDecimalVec(parseType(t), values, unpackNulls(d), d.length);
}
