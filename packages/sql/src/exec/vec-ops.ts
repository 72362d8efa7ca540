import type { Vec } from '../eval/vec.js';

type Values = Vec['values'];

function allocLike(values: Values, n: number): any {
  const C = (values as any).constructor;
  return Array.isArray(values) ? new Array(n) : new C(n);
}

/** Rows `indices` of `v`, in that order. */
export function gather(v: Vec, indices: ArrayLike<number>): Vec {
  const n = indices.length;
  const values = allocLike(v.values, n);
  let nulls: Uint8Array | null = null;
  const src = v.values;
  for (let i = 0; i < n; i++) values[i] = src[indices[i]!];
  if (v.nulls) {
    nulls = new Uint8Array(n);
    for (let i = 0; i < n; i++) nulls[i] = v.nulls[indices[i]!]!;
  }
  return { type: v.type, length: n, values, nulls };
}

/** Rows [start, end). */
export function slice(v: Vec, start: number, end: number): Vec {
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

const TYPED: Record<string, new (n: number) => any> = {
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
