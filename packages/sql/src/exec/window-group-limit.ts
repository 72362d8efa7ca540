// The map side of a rank limit under a window (Spark 3.5's WindowGroupLimitExec, Partial mode): before the rows of a
// task are shuffled to the Window, keep per window partition only the rows whose rank-like value (row_number, rank or
// dense_rank in the window's order) can still be <= the limit. A row's rank over all rows is at least its rank over
// this task's rows, so no row the filter above the Window would keep is dropped, and every row ranked before a kept
// row is kept too (the Window recomputes the same ranks). Columnar: group ids and order values in typed arrays, one
// small sorted buffer of the best `limit` order values per group, no sort of the whole task.
import type { SortKey } from '../analysis/resolved.js';
import type { Bound } from '../eval/bound.js';
import { compileBound } from '../eval/evaluate.js';
import type { Vec } from '../eval/vec.js';
import { decode, encode, type ColumnarBatch } from './columnar-batch.js';
import { runSteps, type Step } from './pipeline.js';
import { combineCodes, rankCodes, type RankCodes } from './sort-codes.js';
import { concatVecs, gather } from './vec-ops.js';

export type RankLike = 'row_number' | 'rank' | 'dense_rank';

export interface GroupLimitSpec {
  steps: Step[];
  partitionBy: Bound[];
  orderBy: SortKey[];
  rankFunction: RankLike;
  limit: number;
}

const iterable = <T>(it: Iterator<T>): Iterable<T> => ({ [Symbol.iterator]: () => it });
const ASC = { ascending: true, nullsFirst: true };

/** Dense group ids 0..count-1 of the rows by their partition keys' rank codes (all 0 without keys). */
export function groupIds(keys: RankCodes[], n: number): { gids: Int32Array; count: number } {
  if (keys.length === 0) return { gids: new Int32Array(n), count: n > 0 ? 1 : 0 };
  if (keys.length === 1) return { gids: keys[0]!.codes, count: keys[0]!.card };
  const combined = combineCodes(keys, n);
  const gids = new Int32Array(n);
  const ids = new Map<number, number>();
  if (combined) {
    for (let i = 0; i < n; i++) {
      let g = ids.get(combined[i]!);
      if (g === undefined) ids.set(combined[i]!, (g = ids.size));
      gids[i] = g;
    }
    return { gids, count: ids.size };
  }
  // Too many key combinations for one number: densify pairwise.
  let acc = keys[0]!;
  for (let k = 1; k < keys.length; k++) {
    const next = groupIds([acc, keys[k]!], n);
    acc = { codes: next.gids, card: next.count };
  }
  return { gids: acc.codes, count: acc.card };
}

/**
 * Group ids of the map side's rows: a single integer key over a small range is its own id (value - min, nulls one
 * more id), with no rank codes; other keys through their rank codes. Ids of empty groups only cost buffer space.
 */
function partitionGroups(keys: Vec[], n: number, limit: number): { gids: Int32Array; count: number } {
  const x = keys.length === 1 ? keys[0]!.values : null;
  if (x instanceof Int32Array || x instanceof Int16Array || x instanceof Int8Array) {
    const nulls = keys[0]!.nulls;
    let min = 2 ** 31;
    let max = -(2 ** 31);
    for (let i = 0; i < n; i++) {
      if (nulls !== null && nulls[i] === 1) continue;
      const y = x[i]!;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    const range = max >= min ? max - min + 1 : 0;
    // Not when the ids would be too sparse for groupLimitSelection's buffers (it would then keep every row).
    if ((range + 1) * limit <= 4 * n + 4096) {
      const gids = new Int32Array(n);
      for (let i = 0; i < n; i++) gids[i] = nulls !== null && nulls[i] === 1 ? range : x[i]! - min;
      return { gids, count: range + 1 };
    }
  }
  return groupIds(keys.map((v) => rankCodes(v, n, ASC)), n);
}

/**
 * Order values where smaller sorts first: a single numeric key without nulls or NaN as its values (negated when
 * descending); otherwise the keys' combined rank codes. Null when the combination does not fit a double exactly.
 */
function orderValues(keys: Vec[], orders: SortKey[], n: number): Float64Array | null {
  if (keys.length === 1) {
    const v = keys[0]!;
    const x = v.values;
    const numeric = x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array || x instanceof Int16Array || x instanceof Int8Array;
    let clean = numeric && (v.nulls === null || v.nulls.indexOf(1) < 0);
    if (clean) {
      const out = new Float64Array(n);
      const sign = orders[0]!.ascending ? 1 : -1;
      for (let i = 0; i < n; i++) {
        const y = x[i] as number;
        if (y !== y) {
          clean = false;
          break;
        }
        out[i] = sign * y;
      }
      if (clean) return out;
    }
  }
  return combineCodes(keys.map((v, k) => rankCodes(v, n, orders[k]!)), n);
}

/**
 * The rows (indices, ascending) to keep of the n: per group, those whose rank-like value can be <= k. Null when
 * the groups are too many for the limit to shrink the task much. One pass keeps per group the best k order values
 * in a small sorted buffer, each with the first row that has it (an equal later value is not inserted before an
 * earlier one), so for row_number the buffers hold the kept rows: the first k by (value, input position).
 */
export function groupLimitSelection(gids: Int32Array, groups: number, vals: Float64Array, n: number, fn: RankLike, k: number): Int32Array | null {
  if (groups * k > 4 * n + 4096) return null; // groups this small cannot shrink the task much: keep every row
  const buf = new Float64Array(groups * k);
  const who = new Int32Array(groups * k);
  const cnt = new Int32Array(groups);
  const distinct = fn === 'dense_rank';
  for (let i = 0; i < n; i++) {
    const g = gids[i]!;
    const x = vals[i]!;
    const base = g * k;
    let c = cnt[g]!;
    if (c === k && x >= buf[base + k - 1]!) continue;
    // Insert x into the group's sorted buffer (dense_rank keeps distinct values only).
    if (distinct) {
      let seen = false;
      for (let t = base; t < base + c; t++) if (buf[t] === x) seen = true;
      if (seen) continue;
    }
    let j = c < k ? c : k - 1;
    while (j > 0 && buf[base + j - 1]! > x) {
      buf[base + j] = buf[base + j - 1]!;
      who[base + j] = who[base + j - 1]!;
      j--;
    }
    buf[base + j] = x;
    who[base + j] = i;
    if (c < k) cnt[g] = ++c;
  }
  if (fn === 'row_number') {
    let m = 0;
    for (let g = 0; g < groups; g++) m += cnt[g]!;
    const rows = new Int32Array(m);
    for (let g = 0, at = 0; g < groups; g++) for (let t = 0; t < cnt[g]!; t++) rows[at++] = who[g * k + t]!;
    return rows.sort();
  }
  // rank and dense_rank: every row whose value is at most its group's k-th (all rows of a group with fewer).
  const rows = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const g = gids[i]!;
    if (cnt[g]! < k || vals[i]! <= buf[g * k + k - 1]!) rows[m++] = i;
  }
  return rows.slice(0, m);
}

/**
 * The rows (indices, ascending) of a task that can rank within the limit in their window partition, or null when
 * the limit would keep (nearly) every row. `groups` are the rows' window partitions (dense ids), `orderKeys` the
 * ORDER BY values. Ties at the threshold of a row_number limit are kept in input order, which is also the order
 * the Window's stable sort gives them, so the kept rows of each partition are a prefix of its sorted rows.
 */
export function groupLimitRows(groups: { gids: Int32Array; count: number }, orderKeys: Vec[], orderBy: SortKey[], n: number, fn: RankLike, limit: number): Int32Array | null {
  const { gids, count } = groups;
  const vals = orderValues(orderKeys, orderBy, n);
  return vals ? groupLimitSelection(gids, count, vals, n, fn, limit) : null;
}

/** The Partial WindowGroupLimit of one task: its batches in, the kept rows of each batch out. */
export function windowGroupLimit(spec: GroupLimitSpec, it: Iterator<Uint8Array>): Iterable<Uint8Array> {
  const batches: ColumnarBatch[] = [];
  for (const b of runSteps(spec.steps, (function* () {
    for (const bytes of iterable(it)) yield* decode(bytes);
  })())) if (b.length > 0) batches.push(b);
  if (batches.length === 0) return [];
  const n = batches.reduce((s, b) => s + b.length, 0);
  const evalAll = (e: Bound) => {
    const f = compileBound(e);
    return concatVecs(batches.map((b) => f(b.columns, b.length)));
  };
  const groups = partitionGroups(spec.partitionBy.map(evalAll), n, spec.limit);
  const rows = groupLimitRows(groups, spec.orderBy.map((o) => evalAll(o.expr)), spec.orderBy, n, spec.rankFunction, spec.limit);
  if (!rows) return batches.map(encode);
  const out: Uint8Array[] = [];
  let at = 0;
  let j = 0;
  for (const b of batches) {
    const start = j;
    while (j < rows.length && rows[j]! < at + b.length) j++;
    const idx = rows.subarray(start, j).map((r) => r - at);
    at += b.length;
    if (idx.length) out.push(encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length }));
  }
  return out;
}
