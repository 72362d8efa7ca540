import type { Bound } from '../eval/bound.js';
import { divHalfUp, fitsPrecision, pow10 } from '../eval/decimal.js';
import { arithmeticOverflow } from '../eval/errors.js';
import { exactDecimalVec, exactOf } from '../eval/exact-decimal.js';
import type { Vec } from '../eval/vec.js';
import { DecimalType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import type { VectorAggregate, Vectorized } from './vectorized.js';

// Columnar sum and avg of decimals. Decimal values are bigint unscaled numbers; adding them as bigints allocates a
// new bigint per row. Each group's sum is instead held as an exact double while it stays a safe integer (below
// 2^53 in magnitude: every addition of two such integers whose result is also below 2^53 is exact), plus a
// bigint part that the double is moved into when the next addition would leave that range. TPC-H's money sums
// (cents, tens of millions of rows) stay in the double.

const SAFE = 9007199254740992; // 2^53
/** Up to this many groups, `fold` adds in lanes (see foldInLanes). */
const LANE_GROUPS = 16;
const DOUBLE = parseType('double');

/**
 * Rows 0..n-1 of e into lanes 4g..4g+3 of their groups g = gids[r] (lane r mod 4), counting them in `cnt`; false
 * when a lane's sum would leave the doubles' exact range.
 */
function addInLanes(lane: Float64Array, cnt: Float64Array, gids: Int32Array, n: number, e: Float64Array): boolean {
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const g0 = gids[r]! << 2;
    const g1 = (gids[r + 1]! << 2) | 1;
    const g2 = (gids[r + 2]! << 2) | 2;
    const g3 = (gids[r + 3]! << 2) | 3;
    const t0 = lane[g0]! + e[r]!;
    const t1 = lane[g1]! + e[r + 1]!;
    const t2 = lane[g2]! + e[r + 2]!;
    const t3 = lane[g3]! + e[r + 3]!;
    if (!(t0 < SAFE && t0 > -SAFE && t1 < SAFE && t1 > -SAFE && t2 < SAFE && t2 > -SAFE && t3 < SAFE && t3 > -SAFE)) return false;
    lane[g0] = t0;
    lane[g1] = t1;
    lane[g2] = t2;
    lane[g3] = t3;
    cnt[g0]! += 1;
    cnt[g1]! += 1;
    cnt[g2]! += 1;
    cnt[g3]! += 1;
  }
  for (; r < n; r++) {
    const g = gids[r]! << 2;
    const t = lane[g]! + e[r]!;
    if (!(t < SAFE && t > -SAFE)) return false;
    lane[g] = t;
    cnt[g]! += 1;
  }
  return true;
}

/**
 * addInLanes of rows sel[0..n) of e (row sel[i] into group gids[i]). Its own loop: reading rows through an index
 * vector where none is needed costs addInLanes a sixth of its time.
 */
function addInLanesAt(lane: Float64Array, cnt: Float64Array, gids: Int32Array, n: number, e: Float64Array, sel: Int32Array): boolean {
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const g0 = gids[r]! << 2;
    const g1 = (gids[r + 1]! << 2) | 1;
    const g2 = (gids[r + 2]! << 2) | 2;
    const g3 = (gids[r + 3]! << 2) | 3;
    const t0 = lane[g0]! + e[sel[r]!]!;
    const t1 = lane[g1]! + e[sel[r + 1]!]!;
    const t2 = lane[g2]! + e[sel[r + 2]!]!;
    const t3 = lane[g3]! + e[sel[r + 3]!]!;
    if (!(t0 < SAFE && t0 > -SAFE && t1 < SAFE && t1 > -SAFE && t2 < SAFE && t2 > -SAFE && t3 < SAFE && t3 > -SAFE)) return false;
    lane[g0] = t0;
    lane[g1] = t1;
    lane[g2] = t2;
    lane[g3] = t3;
    cnt[g0]! += 1;
    cnt[g1]! += 1;
    cnt[g2]! += 1;
    cnt[g3]! += 1;
  }
  for (; r < n; r++) {
    const g = gids[r]! << 2;
    const t = lane[g]! + e[sel[r]!]!;
    if (!(t < SAFE && t > -SAFE)) return false;
    lane[g] = t;
    cnt[g]! += 1;
  }
  return true;
}

/** `values` at rows sel[0..n), written into `into` (grown when too short, else reused). */
function gatherF64(into: Float64Array, values: Float64Array, sel: Int32Array, n: number): Float64Array {
  const out = into.length >= n ? into : new Float64Array(Math.max(n, 2 * into.length));
  for (let i = 0; i < n; i++) out[i] = values[sel[i]!]!;
  return out;
}

function gatherU8(into: Uint8Array, values: Uint8Array, sel: Int32Array, n: number): Uint8Array {
  const out = into.length >= n ? into : new Uint8Array(Math.max(n, 2 * into.length));
  for (let i = 0; i < n; i++) out[i] = values[sel[i]!]!;
  return out;
}

class DecimalSums {
  acc = new Float64Array(1024);
  big: (bigint | undefined)[] = [];
  count = new Float64Array(1024);

  /** Groups so far (reserve's argument): every group id folded is below it. */
  private groups = 0;
  private lanes = new Float64Array(0);
  private laneCounts = new Float64Array(0);
  /** The rows a filter kept, gathered for `fold` (see there). */
  private kept: Float64Array = new Float64Array(0);
  private keptNulls: Uint8Array = new Uint8Array(0);

  reserve(n: number): void {
    this.groups = n;
    if (n <= this.acc.length) return;
    const m = Math.max(n, this.acc.length * 2);
    const a = new Float64Array(m);
    a.set(this.acc);
    this.acc = a;
    const c = new Float64Array(m);
    c.set(this.count);
    this.count = c;
  }

  /** Adds `x` (unscaled, as bigint) and `weight` rows to group g. */
  add(g: number, x: bigint, weight: number): void {
    const d = Number(x);
    const t = this.acc[g]! + d;
    if (d < SAFE && d > -SAFE && t < SAFE && t > -SAFE) this.acc[g] = t;
    else {
      this.big[g] = (this.big[g] ?? 0n) + BigInt(this.acc[g]!) + x;
      this.acc[g] = 0;
    }
    this.count[g]! += weight;
  }

  /** Moves group g's double and the exact double `d` into its bigint part (their sum would pass 2^53). */
  spill(g: number, d: number): void {
    this.big[g] = (this.big[g] ?? 0n) + BigInt(this.acc[g]!) + BigInt(d);
    this.acc[g] = 0;
  }

  /**
   * Folds rows of `v` into their groups: row r into gids[r], or, with `sel`, row sel[i] into gids[i] for i < n (the
   * rows a filter kept, read through its index vector). `counts`: merged partial counts (never with `sel`).
   */
  fold(gids: Int32Array, n: number, v: Vec, counts: Vec | null, sel: Int32Array | null = null): void {
    let nulls = v.nulls;
    const c = counts ? (counts.values as Float64Array) : null;
    let e = exactOf(v);
    if (e !== null && nulls === null && c === null && this.groups <= LANE_GROUPS && this.foldInLanes(gids, n, e, sel)) return;
    if (sel !== null && e !== null) {
      // The kept rows' doubles, copied into arrays this aggregate reuses batch after batch (no garbage), then folded
      // as rows 0..n-1.
      [e, nulls] = [(this.kept = gatherF64(this.kept, e, sel, n)), nulls === null ? null : (this.keptNulls = gatherU8(this.keptNulls, nulls, sel, n))];
      sel = null;
    }
    if (e !== null) {
      // As `add`, without a bigint: an exact double (|d| <= 2^53 - 1) added to the group's double.
      const acc = this.acc;
      const count = this.count;
      for (let r = 0; r < n; r++) {
        if (nulls !== null && nulls[r] === 1) continue;
        const g = gids[r]!;
        const d = e[r]!;
        const t = acc[g]! + d;
        if (t < SAFE && t > -SAFE) acc[g] = t;
        else this.spill(g, d);
        count[g]! += c === null ? 1 : c[r]!;
      }
      return;
    }
    const x = v.values as ArrayLike<bigint>;
    for (let i = 0; i < n; i++) {
      const r = sel === null ? i : sel[i]!;
      if (nulls !== null && nulls[r] === 1) continue;
      this.add(gids[i]!, x[r]!, c === null ? 1 : c[r]!);
    }
  }

  /**
   * `fold` for a few groups (TPC-H Q01's four): consecutive rows mostly hit the same group, so each addition waits
   * for the one before (store, then load of the same slot). Four rows at a time go to four lanes per group, whose
   * chains run side by side, and the lanes are added into the groups at the end. False, with nothing changed, when
   * a lane's sum would leave the doubles' exact range (the caller's loop then takes the batch).
   */
  private foldInLanes(gids: Int32Array, n: number, e: Float64Array, sel: Int32Array | null): boolean {
    const G = this.groups;
    if (this.lanes.length < 4 * G) [this.lanes, this.laneCounts] = [new Float64Array(4 * LANE_GROUPS), new Float64Array(4 * LANE_GROUPS)];
    const lane = this.lanes;
    const cnt = this.laneCounts;
    lane.fill(0, 0, 4 * G);
    cnt.fill(0, 0, 4 * G);
    if (!(sel === null ? addInLanes(lane, cnt, gids, n, e) : addInLanesAt(lane, cnt, gids, n, e, sel))) return false;
    const acc = this.acc;
    for (let at = 0; at < 4 * G; at++) {
      const d = lane[at]!;
      const g = at >> 2;
      const t = acc[g]! + d;
      if (t < SAFE && t > -SAFE) acc[g] = t;
      else this.spill(g, d);
      this.count[g]! += cnt[at]!;
    }
    return true;
  }

  total(g: number): bigint {
    const b = this.big[g];
    return b === undefined ? BigInt(this.acc[g]!) : b + BigInt(this.acc[g]!);
  }

  /**
   * Sums of the groups `order` as a decimal column (NULL for groups without rows). While no group's sum has left
   * the double, the column is in exact form (no bigint per group: q18's 1.5 M groups).
   */
  sums(order: ArrayLike<number>, type: DecimalType, check: boolean): Vec {
    const n = order.length;
    let nulls: Uint8Array | null = null;
    if (this.big.length === 0) {
      const exact = new Float64Array(n);
      // |sum| < 10^precision, checked on doubles: exact below 2^53, and every decimal(p >= 16) holds 2^53
      const lim = type.precision < 16 ? 10 ** type.precision : Infinity;
      for (let i = 0; i < n; i++) {
        const g = order[i]!;
        if (this.count[g] === 0) {
          (nulls ??= new Uint8Array(n))[i] = 1;
          continue;
        }
        const s = this.acc[g]!;
        if (check && !(s < lim && s > -lim)) throw arithmeticOverflow('Overflow in sum of decimals');
        exact[i] = s;
      }
      return exactDecimalVec(type, exact, nulls, n);
    }
    const values = new Array<bigint | null>(n).fill(null);
    for (let i = 0; i < n; i++) {
      const g = order[i]!;
      if (this.count[g] === 0) {
        (nulls ??= new Uint8Array(n))[i] = 1;
        continue;
      }
      const s = this.total(g);
      if (check && !fitsPrecision(s, type.precision)) throw arithmeticOverflow('Overflow in sum of decimals');
      values[i] = s;
    }
    return { type, length: n, values, nulls };
  }

  counts(order: ArrayLike<number>): Vec {
    const n = order.length;
    const values = new Float64Array(n);
    const count = this.count;
    for (let i = 0; i < n; i++) values[i] = count[order[i]!]!;
    return { type: DOUBLE, length: n, values, nulls: null };
  }
}

/** The argument under avg's widening cast to decimal(38, s + 4) (the sum is exact at the input's own scale). */
function peelAvgCast(b: Bound): Bound {
  if (b.kind !== 'cast') return b;
  const from = parseType(b.child.type);
  return from instanceof DecimalType && b.type === new DecimalType(38, Math.min(38, from.scale + 4)).simpleString() ? b.child : b;
}

/** sum(decimal(p, s)): decimal(min(38, p + 10), s); ANSI: a total past that precision is ARITHMETIC_OVERFLOW. */
export function vectorSumDecimal(args: Bound[]): Vectorized | null {
  const t = parseType(args[0]!.type);
  if (!(t instanceof DecimalType)) return null;
  const result = new DecimalType(Math.min(38, t.precision + 10), t.scale);
  const state = new DecimalType(38, t.scale);
  return {
    args,
    create(): VectorAggregate {
      const s = new DecimalSums();
      return {
        stateTypes: [state.simpleString(), 'double'],
        reserve: (n) => s.reserve(n),
        update: (gids, n, [v]) => s.fold(gids, n, v!, null),
        updateAt: (gids, sel, n, [v]) => s.fold(gids, n, v!, null, sel),
        merge: (gids, n, [v, c]) => s.fold(gids, n, v!, c!),
        states: (order) => [s.sums(order, state, true), s.counts(order)],
        finish: (order) => s.sums(order, result, true),
      };
    },
  };
}

/**
 * avg(decimal(p, s)): decimal(min(38, p + 4), min(38, s + 4)), the exact sum divided by the count at the result's
 * scale, HALF_UP (Spark's sum.divide(count, scale, HALF_UP)). Reads the argument at its own scale.
 */
export function vectorAvgDecimal(args: Bound[]): Vectorized | null {
  const arg = peelAvgCast(args[0]!);
  const t = parseType(arg.type);
  if (!(t instanceof DecimalType)) return null;
  const result = new DecimalType(Math.min(38, t.precision + 4), Math.min(38, t.scale + 4));
  const up = pow10(result.scale - t.scale);
  const state = new DecimalType(38, t.scale);
  return {
    args: [arg],
    create(): VectorAggregate {
      const s = new DecimalSums();
      return {
        stateTypes: [state.simpleString(), 'double'],
        reserve: (n) => s.reserve(n),
        update: (gids, n, [v]) => s.fold(gids, n, v!, null),
        updateAt: (gids, sel, n, [v]) => s.fold(gids, n, v!, null, sel),
        merge: (gids, n, [v, c]) => s.fold(gids, n, v!, c!),
        states: (order) => [s.sums(order, state, true), s.counts(order)],
        finish(order) {
          const n = order.length;
          const values = new Array<bigint | null>(n).fill(null);
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) {
            const g = order[i]!;
            const c = s.count[g]!;
            if (c === 0) (nulls ??= new Uint8Array(n))[i] = 1;
            else values[i] = divHalfUp(s.total(g) * up, BigInt(c));
          }
          return { type: result, length: n, values, nulls };
        },
      };
    },
  };
}
