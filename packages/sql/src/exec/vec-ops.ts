import type { Vec } from '../eval/vec.js';
import { exactDecimalVec, exactOf } from '../eval/exact-decimal.js';

type Values = Vec['values'];

function allocLike(values: Values, n: number): any {
  const C = (values as any).constructor;
  return Array.isArray(values) ? new Array(n) : new C(n);
}

/** Rows `indices` of `v`, in that order. */
export function gather(v: Vec, indices: ArrayLike<number>): Vec {
  const n = indices.length;
  const exact = exactOf(v);
  const src = exact ?? v.values;
  const values = allocLike(src, n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) values[i] = src[indices[i]!];
  if (v.nulls) {
    nulls = new Uint8Array(n);
    for (let i = 0; i < n; i++) nulls[i] = v.nulls[indices[i]!]!;
  }
  if (exact) return exactDecimalVec(v.type, values, nulls, n);
  return { type: v.type, length: n, values, nulls };
}

/** Rows [start, end). */
export function slice(v: Vec, start: number, end: number): Vec {
  const exact = exactOf(v);
  if (exact) return exactDecimalVec(v.type, exact.subarray(start, end), v.nulls ? v.nulls.subarray(start, end) : null, end - start);
  const values = Array.isArray(v.values) ? v.values.slice(start, end) : (v.values as any).subarray(start, end);
  return { type: v.type, length: end - start, values, nulls: v.nulls ? v.nulls.subarray(start, end) : null };
}

/** The value of row i as a JS value (null for SQL NULL), as aggregation and sorting see it. */
export function valueAt(v: Vec, i: number): unknown {
  return v.nulls !== null && v.nulls[i] === 1 ? null : v.values[i];
}

/** Appends rows into growable JS arrays (for building output batches of unknown size). */
export class VecBuilder {
  readonly values: unknown[] = [];
  readonly nulls: number[] = [];
  private hasNull = false;
  push(v: unknown): void {
    if (v === null || v === undefined) {
      this.values.push(null);
      this.nulls.push(1);
      this.hasNull = true;
    } else {
      this.values.push(v);
      this.nulls.push(0);
    }
  }
  nullMask(): Uint8Array | null {
    return this.hasNull ? Uint8Array.from(this.nulls) : null;
  }
}

export const TYPED: Record<string, new (n: number) => any> = {
  tinyint: Int8Array,
  smallint: Int16Array,
  int: Int32Array,
  date: Int32Array,
  bigint: BigInt64Array,
  timestamp: BigInt64Array,
  float: Float32Array,
  double: Float64Array,
  boolean: Uint8Array,
};

/**
 * A Vec from values in the internal representation (see eval/vec.ts: days for dates, microseconds for
 * timestamps, 0/1 for booleans, bigint for bigint), null for SQL NULL.
 */
export function buildVec(type: import('../types/data-types.js').DataType, values: ArrayLike<unknown>): Vec {
  const n = values.length;
  const C = TYPED[type.simpleString()];
  const out: any = C ? new C(n) : new Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      nulls ??= new Uint8Array(n);
      nulls[i] = 1;
      if (!C) out[i] = null;
    } else {
      out[i] = C === Uint8Array ? (v ? 1 : 0) : v;
    }
  }
  return { type, length: n, values: out, nulls };
}

/** One Vec holding the rows of several, in order (same type). */
export function concatVecs(vecs: Vec[]): Vec {
  if (vecs.length === 1) return vecs[0]!;
  const type = vecs[0]!.type;
  const n = vecs.reduce((s, v) => s + v.length, 0);
  if (vecs.every((v) => exactOf(v) !== null)) {
    const out = new Float64Array(n);
    const nulls = vecs.some((v) => v.nulls) ? new Uint8Array(n) : null;
    let at = 0;
    for (const v of vecs) {
      out.set(exactOf(v)!.subarray(0, v.length), at);
      if (nulls && v.nulls) nulls.set(v.nulls.subarray(0, v.length), at);
      at += v.length;
    }
    return exactDecimalVec(type, out, nulls, n);
  }
  const values = allocLike(vecs[0]!.values, n);
  const anyNulls = vecs.some((v) => v.nulls);
  const nulls = anyNulls ? new Uint8Array(n) : null;
  let at = 0;
  for (const v of vecs) {
    if (Array.isArray(values)) for (let i = 0; i < v.length; i++) values[at + i] = v.values[i];
    else values.set(v.values as ArrayLike<number>, at);
    if (nulls && v.nulls) nulls.set(v.nulls.subarray(0, v.length), at);
    at += v.length;
  }
  return { type, length: n, values, nulls };
}

/** Like gather, but index -1 gives a null row (the missing side of an outer join). */
export function gatherOrNull(v: Vec, indices: ArrayLike<number>): Vec {
  const n = indices.length;
  const exact = exactOf(v);
  const src = exact ?? v.values;
  const values = allocLike(src, n);
  const nulls = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j < 0 || (v.nulls !== null && v.nulls[j] === 1)) {
      nulls[i] = 1;
      any = true;
      if (Array.isArray(values)) values[i] = null;
    } else values[i] = src[j];
  }
  if (exact) return exactDecimalVec(v.type, values, any ? nulls : null, n);
  return { type: v.type, length: n, values, nulls: any ? nulls : null };
}

/** An all-null column of a type (an empty side of a join). */
export function nullVec(type: import('../types/data-types.js').DataType, n: number): Vec {
  const v = buildVec(type, new Array(n).fill(null));
  return v;
}
