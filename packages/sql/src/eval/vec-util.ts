import type { DataType } from '../types/data-types.js';
import { kindOf, type Kind } from './types.js';
import type { Vec } from './vec.js';
import { exactDecimalVec, exactOf, MAX_EXACT } from './exact-decimal.js';

/**
 * Building blocks for column kernels. Value slots by type (see vec.ts): tinyint Int8Array, smallint Int16Array,
 * int Int32Array, bigint BigInt64Array, float Float32Array, double Float64Array, boolean Uint8Array (0/1),
 * date Int32Array (days since 1970-01-01), timestamp BigInt64Array (microseconds since the epoch, UTC),
 * decimal plain array of bigint unscaled values, string plain array of strings, binary plain array of
 * Uint8Array, void plain array of null. Nested values ("internal values") use the same slot form for their
 * elements: an array is a JS array of element slots (null for a null element), a struct a JS array of field
 * slots in field order, a map `{ keys, values }` (parallel arrays, see MapValue).
 */

export interface MapValue {
  keys: unknown[];
  values: unknown[];
}

export type TypedCtor =
  | Int8ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | BigInt64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | Uint8ArrayConstructor;

export function typedCtorOf(k: Kind): TypedCtor | null {
  switch (k) {
    case 'byte':
      return Int8Array;
    case 'short':
      return Int16Array;
    case 'int':
    case 'date':
    case 'interval_ym':
      return Int32Array;
    case 'long':
    case 'timestamp':
    case 'interval_dt':
      return BigInt64Array;
    case 'float':
      return Float32Array;
    case 'double':
      return Float64Array;
    case 'boolean':
      return Uint8Array;
    default:
      return null;
  }
}

/** A fresh value buffer for `n` rows of `type` (zeroed typed array, or an array of nulls). */
export function allocValues(type: DataType, n: number): any {
  const C = typedCtorOf(kindOf(type));
  return C ? new C(n) : new Array(n).fill(null);
}

export function makeVec(type: DataType, values: Vec['values'], nulls: Uint8Array | null, length = values.length): Vec {
  return { type, length, values, nulls: nulls && hasAnyNull(nulls, length) ? nulls : null };
}

export function hasAnyNull(nulls: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (nulls[i] === 1) return true;
  return false;
}

/** A column of `n` copies of one slot value (null: all rows null). */
export function constVec(type: DataType, value: unknown, n: number): Vec {
  if (value === null || value === undefined) return nullVec(type, n);
  const k = kindOf(type);
  if (k === 'decimal' && typeof value === 'bigint') {
    const d = Number(value);
    // A decimal constant small enough is in exact form, so that arithmetic with exact columns stays there.
    if (d <= MAX_EXACT && d >= -MAX_EXACT) return exactDecimalVec(type, new Float64Array(n).fill(d), null, n);
  }
  const C = typedCtorOf(k);
  if (C) {
    const arr = new C(n) as any;
    arr.fill(value);
    return { type, length: n, values: arr, nulls: null };
  }
  return { type, length: n, values: new Array(n).fill(value), nulls: null };
}

export function nullVec(type: DataType, n: number): Vec {
  return { type, length: n, values: allocValues(type, n), nulls: new Uint8Array(n).fill(1) };
}

/** Null mask of a row-wise function of several columns: null where any input is null. */
export function unionNulls(vecs: readonly Vec[], n: number): Uint8Array | null {
  let out: Uint8Array | null = null;
  let owned = false;
  for (const v of vecs) {
    if (!v.nulls) continue;
    if (!out) {
      out = v.nulls;
      continue;
    }
    if (!owned) {
      out = out.slice(0, n);
      owned = true;
    }
    const b = v.nulls;
    for (let i = 0; i < n; i++) out[i]! |= b[i]!;
  }
  return out;
}

/** A writable copy of a null mask (all zero when none). */
export function copyNulls(nulls: Uint8Array | null, n: number): Uint8Array {
  return nulls ? nulls.slice(0, n) : new Uint8Array(n);
}

/** Rows `idx` of `v`, in that order. */
export function takeVec(v: Vec, idx: ArrayLike<number>): Vec {
  const n = idx.length;
  const exact = exactOf(v);
  const src = exact ?? v.values;
  const values = ArrayBuffer.isView(src) ? new (src.constructor as any)(n) : new Array(n);
  for (let i = 0; i < n; i++) values[i] = src[idx[i]!];
  let nulls: Uint8Array | null = null;
  if (v.nulls) {
    nulls = new Uint8Array(n);
    const sn = v.nulls;
    for (let i = 0; i < n; i++) nulls[i] = sn[idx[i]!]!;
  }
  if (exact) return exactDecimalVec(v.type, values, nulls && hasAnyNull(nulls, n) ? nulls : null, n);
  return makeVec(v.type, values, nulls, n);
}

/** Rows of `sub` (computed on the selected rows `idx`) written back into `out` and `outNulls` at those rows. */
export function scatterInto(sub: Vec, idx: ArrayLike<number>, out: any, outNulls: Uint8Array): void {
  const sv = sub.values;
  const sn = sub.nulls;
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j]!;
    if (sn && sn[j] === 1) outNulls[i] = 1;
    else {
      out[i] = sv[j];
      outNulls[i] = 0;
    }
  }
}

/** Slot value of row i, or null. */
export function slotAt(v: Vec, i: number): any {
  return v.nulls !== null && v.nulls[i] === 1 ? null : v.values[i];
}

/** Builds a column from slot values (null marks a null row). */
export function vecFromSlots(type: DataType, slots: ArrayLike<unknown>): Vec {
  const n = slots.length;
  const values = allocValues(type, n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const s = slots[i];
    if (s === null || s === undefined) (nulls ??= new Uint8Array(n))[i] = 1;
    else values[i] = s;
  }
  return { type, length: n, values, nulls };
}
