// Columnar sorting: each sort key becomes dense integer ranks in its requested order (ascending/descending, nulls
// first/last), so a row's position depends on small integers only. Several keys combine into one number, and the
// sort is the engine's native numeric sort of (combined code * n + row) in a Float64Array: no comparator calls,
// no per-row objects. When the combination does not fit in 2^53 a comparator over the rank columns is used.
import { KeyMap, compareKeys } from '@kindling/core';
import type { Vec } from '../eval/vec.js';

export interface KeyOrder {
  ascending: boolean;
  nullsFirst: boolean;
}

/** A key column as ranks: equal values (by compareKeys: NaN = NaN, -0 = 0) share a rank, ranks follow the order. */
export interface RankCodes {
  codes: Int32Array;
  /** Number of distinct ranks (a null rank included). */
  card: number;
}

const EXACT = 2 ** 53;

/** Integer columns whose values span a small range are ranked through a presence table instead of a Map. */
function smallRangeRanks(values: ArrayLike<number>, nulls: Uint8Array | null, n: number): { ids: Int32Array; rankOfId: Int32Array; d: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const x = values[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === Infinity) return { ids: new Int32Array(n), rankOfId: new Int32Array(1), d: 0 };
  const range = max - min + 1;
  if (range > Math.max(65536, 2 * n)) return null;
  const seen = new Int32Array(range);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const k = values[i]! - min;
    ids[i] = k;
    seen[k] = 1;
  }
  let d = 0;
  for (let k = 0; k < range; k++) seen[k] = seen[k] ? d++ : -1;
  return { ids, rankOfId: seen, d };
}

const isIntArray = (v: unknown): v is Int32Array | Int16Array | Int8Array | Uint8Array =>
  v instanceof Int32Array || v instanceof Int16Array || v instanceof Int8Array || v instanceof Uint8Array;

/**
 * Ranks of floating-point values without a Map: the non-null values sorted natively (NaN last), made distinct
 * (-0 and 0 are one value, NaN another), and each row's rank found by binary search.
 */
function floatRanks(values: Float64Array | Float32Array, nulls: Uint8Array | null, n: number): { ids: Int32Array; rankOfId: Int32Array; d: number } {
  let m = 0;
  const uniq = new Float64Array(n);
  for (let i = 0; i < n; i++) if (nulls === null || nulls[i] !== 1) uniq[m++] = values[i]!;
  const sorted = uniq.subarray(0, m).sort();
  let d = 0;
  let hasNaN = false;
  for (let k = 0; k < m; k++) {
    const x = sorted[k]!;
    if (x !== x) {
      hasNaN = true;
      break;
    }
    if (d === 0 || x !== sorted[d - 1]) sorted[d++] = x;
  }
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const x = values[i]!;
    if (x !== x) {
      ids[i] = d;
      continue;
    }
    let lo = 0;
    let hi = d;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    ids[i] = lo;
  }
  const total = d + (hasNaN ? 1 : 0);
  const rankOfId = new Int32Array(total);
  for (let k = 0; k < total; k++) rankOfId[k] = k;
  return { ids, rankOfId, d: total };
}

/**
 * Distinct values of the non-null rows: a provisional id per row (first-seen order) and, per id, its rank in
 * ascending order (ids whose values compare equal share a rank).
 */
function distinctRanks(v: Vec, n: number): { ids: Int32Array; rankOfId: Int32Array; d: number } {
  const { values, nulls } = v;
  if (isIntArray(values)) {
    const small = smallRangeRanks(values, nulls, n);
    if (small) return small;
  }
  if (values instanceof Float64Array || values instanceof Float32Array) return floatRanks(values, nulls, n);
  const ids = new Int32Array(n);
  const distinct: unknown[] = [];
  let first: unknown = undefined;
  for (let i = 0; i < n && first === undefined; i++) if (nulls === null || nulls[i] !== 1) first = values[i];
  const primitive = values instanceof Float64Array || values instanceof Float32Array || isIntArray(values) || values instanceof BigInt64Array;
  // Values with identity equality key a Map directly; nested values go through KeyMap's structural keys.
  const map: { get(k: unknown): number | undefined; set(k: unknown, v: number): unknown } =
    primitive || typeof first === 'string' || typeof first === 'bigint' || typeof first === 'number' ? new Map<unknown, number>() : new KeyMap<number>();
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) continue;
    const x = values[i];
    let id = map.get(x);
    if (id === undefined) {
      id = distinct.length;
      map.set(x, id);
      distinct.push(x);
    }
    ids[i] = id;
  }
  const d = distinct.length;
  const byValue = new Int32Array(d);
  for (let k = 0; k < d; k++) byValue[k] = k;
  if (values instanceof Float64Array || values instanceof Float32Array) {
    // Numbers: NaN sorts last (as Spark orders doubles), which the plain comparison below gives after the NaN test.
    const dv = Float64Array.from(distinct as number[]);
    byValue.sort((a, b) => {
      const x = dv[a]!;
      const y = dv[b]!;
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : x !== x ? (y !== y ? 0 : 1) : -1;
    });
  } else if (typeof first === 'string' && distinct.every((s) => typeof s === 'string')) {
    byValue.sort((a, b) => {
      const x = distinct[a] as string;
      const y = distinct[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  } else byValue.sort((a, b) => compareKeys(distinct[a], distinct[b]));
  const rankOfId = new Int32Array(d);
  let r = -1;
  for (let k = 0; k < d; k++) {
    if (k === 0 || compareKeys(distinct[byValue[k - 1]!], distinct[byValue[k]!]) !== 0) r++;
    rankOfId[byValue[k]!] = r;
  }
  return { ids, rankOfId, d: r + 1 };
}

/** Rank codes of a key column in order `o` (Spark's rules: nulls first ascending, last descending by default). */
export function rankCodes(v: Vec, n: number, o: KeyOrder): RankCodes {
  const { ids, rankOfId, d } = distinctRanks(v, n);
  const nulls = v.nulls;
  let hasNull = false;
  if (nulls !== null) for (let i = 0; i < n && !hasNull; i++) hasNull = nulls[i] === 1;
  const codes = new Int32Array(n);
  const shift = hasNull && o.nullsFirst ? 1 : 0;
  const nullCode = o.nullsFirst ? 0 : d;
  for (let i = 0; i < n; i++) {
    if (hasNull && nulls![i] === 1) codes[i] = nullCode;
    else {
      const r = rankOfId[ids[i]!]!;
      codes[i] = (o.ascending ? r : d - 1 - r) + shift;
    }
  }
  return { codes, card: d + (hasNull ? 1 : 0) };
}

/**
 * One code per row combining several keys (the first key most significant), or null when the combination could
 * exceed 2^53 / `headroom`. Equal combined codes mean equal keys.
 */
export function combineCodes(keys: RankCodes[], n: number, headroom = 1): Float64Array | null {
  let product = 1;
  for (const k of keys) product *= Math.max(1, k.card);
  if (product * headroom >= EXACT) return null;
  const out = new Float64Array(n);
  for (const k of keys) {
    const c = k.codes;
    const m = Math.max(1, k.card);
    for (let i = 0; i < n; i++) out[i] = out[i]! * m + c[i]!;
  }
  return out;
}

/** Row indices 0..n-1 sorted by the keys (lexicographically, first key first); ties keep their input order. */
export function sortedOrder(keys: RankCodes[], n: number): Int32Array {
  const order = new Int32Array(n);
  if (keys.length === 0 || n <= 1) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const combined = combineCodes(keys, n, n);
  if (combined) {
    // code * n + row is exact below 2^53, so the native numeric sort orders rows by code, then by input position.
    for (let i = 0; i < n; i++) combined[i] = combined[i]! * n + i;
    combined.sort();
    for (let i = 0; i < n; i++) order[i] = combined[i]! % n;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const cols = keys.map((k) => k.codes);
  order.sort((a, b) => {
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]![a]! - cols[k]![b]!;
      if (c !== 0) return c;
    }
    return a - b;
  });
  return order;
}

/** Whether rows a and b have equal codes in every key. */
export function sameCodes(keys: RankCodes[], a: number, b: number): boolean {
  for (let k = 0; k < keys.length; k++) if (keys[k]!.codes[a] !== keys[k]!.codes[b]) return false;
  return true;
}

/** Compares rows a and b on one key's values in its order (nulls by nullsFirst, values by compareKeys). */
function compareAt(v: Vec, o: KeyOrder, a: number, b: number): number {
  const na = v.nulls !== null && v.nulls[a] === 1;
  const nb = v.nulls !== null && v.nulls[b] === 1;
  if (na || nb) return na === nb ? 0 : na === o.nullsFirst ? -1 : 1;
  const c = compareKeys(v.values[a], v.values[b]);
  return o.ascending ? c : -c;
}

/**
 * Row order for a sort on several keys. When the first key leaves only short runs of ties (256 rows on average), ranking the later keys over every
 * row (a Map and a sort of their distinct values) costs more than breaking the few ties: the rows are sorted on
 * the first key's codes, then each run of equal first keys by comparing the later keys' values.
 */
export function sortRows(keys: Vec[], orders: KeyOrder[], n: number): Int32Array {
  if (keys.length === 0) return sortedOrder([], n);
  const first = rankCodes(keys[0]!, n, orders[0]!);
  if (keys.length === 1 || n > first.card * 256) return sortedOrder([first, ...keys.slice(1).map((k, i) => rankCodes(k, n, orders[i + 1]!))], n);
  const order = sortedOrder([first], n);
  const c = first.codes;
  const rest = keys.slice(1);
  const restOrders = orders.slice(1);
  const cmp = (a: number, b: number): number => {
    for (let k = 0; k < rest.length; k++) {
      const r = compareAt(rest[k]!, restOrders[k]!, a, b);
      if (r !== 0) return r;
    }
    return a - b;
  };
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && c[order[e]!] === c[order[s]!]) e++;
    if (e - s > 1) order.subarray(s, e).sort(cmp);
    s = e;
  }
  return order;
}
