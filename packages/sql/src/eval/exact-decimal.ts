import type { DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';

/**
 * The exact form of a decimal column: its unscaled values as doubles in a Float64Array, chosen per batch when
 * every value is an integer of magnitude at most 2^53 - 1, so that each is exactly a double. TPC-H's money
 * columns are decimal(15, 2) whose values are below 10^9, and even products such as
 * extendedprice * (1 - discount) * (1 + tax) (typed decimal(38, 6) by Spark's rules) stay far below 2^53; in
 * this form conversion from Arrow, `+ - *`, comparisons and sums run over typed arrays without a bigint per
 * value and operation.
 *
 * A Vec in exact form is an ordinary decimal Vec whose `values` (bigint unscaled values, null at null rows, as
 * eval/vec.ts says) are built from the doubles the first time something reads them. Kernels that know the form
 * ask `exactOf(v)` and never touch `values`; everything else sees the bigint form, so the exact form is an
 * optimization no other code has to know about. The form is kept in a WeakMap, not on the Vec: a Vec copied
 * with spread or rebuilt with other values is not mistaken for one whose doubles still match.
 *
 * The slots of null rows hold 0 in the doubles (some producers leave any exact integer there; readers skip them).
 */

/** The largest magnitude of an exact-form value: 2^53 - 1 (every integer up to it is a double). */
export const MAX_EXACT = 9007199254740991;

/** Powers of ten that are exact doubles and keep products checkable (10^0 .. 10^15; 10^15 < 2^53). */
export const MAX_EXACT_POW = 15;
export const POW10_NUM: readonly number[] = Array.from({ length: MAX_EXACT_POW + 1 }, (_, i) => 10 ** i);

const forms = new WeakMap<Vec, Float64Array>();

/** The doubles of a decimal Vec in exact form, or null when it holds bigints only. */
export function exactOf(v: Vec): Float64Array | null {
  return forms.get(v) ?? null;
}

/** A decimal Vec in exact form (`exact` holds `n` exact integers, |x| <= MAX_EXACT, at rows not null). */
export function exactDecimalVec(type: DataType, exact: Float64Array, nulls: Uint8Array | null, n: number): Vec {
  let big: (bigint | null)[] | null = null;
  const v: Vec = {
    type,
    length: n,
    nulls,
    get values() {
      return (big ??= bigintsOf(exact, nulls, n));
    },
  };
  forms.set(v, exact);
  return v;
}

function bigintsOf(exact: Float64Array, nulls: Uint8Array | null, n: number): (bigint | null)[] {
  const out = new Array<bigint | null>(n);
  for (let i = 0; i < n; i++) out[i] = nulls !== null && nulls[i] === 1 ? null : BigInt(exact[i]!);
  return out;
}

/**
 * The doubles of a decimal Vec: its exact form, or one made from its bigints when all non-null values fit
 * (Number of a bigint allocates nothing); null when some value is too large.
 */
export function toExact(v: Vec, n: number): Float64Array | null {
  const e = forms.get(v);
  if (e) return e;
  const src = v.values as ArrayLike<bigint | null>;
  const nulls = v.nulls;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const x = src[i];
    if (typeof x !== 'bigint') return null;
    const d = Number(x);
    if (d > MAX_EXACT || d < -MAX_EXACT) return null;
    out[i] = d;
  }
  return out;
}

/** The same column under another type of the same kind (a no-op cast), keeping the exact form. */
export function retype(v: Vec, type: DataType): Vec {
  const e = forms.get(v);
  if (e) return exactDecimalVec(type, e, v.nulls, v.length);
  return { type, length: v.length, values: v.values, nulls: v.nulls };
}

/** Whether all non-null entries of `a` are within ±MAX_EXACT. */
export function allExact(a: ArrayLike<number>, nulls: Uint8Array | null, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    if ((x > MAX_EXACT || x < -MAX_EXACT) && !(nulls !== null && nulls[i] === 1)) return false;
  }
  return true;
}

/**
 * HALF_UP division of an exact integer by 10^k (k <= MAX_EXACT_POW), as BigDecimal.setScale(s, HALF_UP):
 * `%` of doubles is exact, so is the subtraction of the remainder and the division of the multiple that remains.
 */
export function divPow10HalfUp(v: number, d: number): number {
  const r = v % d;
  const q = (v - r) / d;
  if (r === 0) return q;
  return 2 * (r < 0 ? -r : r) >= d ? (v < 0 ? q - 1 : q + 1) : q;
}
