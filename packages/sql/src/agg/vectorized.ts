import type { Bound } from '../eval/bound.js';
import { SqlError } from '../eval/errors.js';
import type { Vec } from '../eval/vec.js';
import { parseType } from '../types/parse-type.js';
import { buildVec, TYPED } from '../exec/vec-ops.js';
import type { PendingGather } from '../exec/pending-gather.js';

/**
 * The columnar form of an aggregate: states of all groups in typed arrays indexed by group id, updated by one
 * loop per batch. Partial states cross the shuffle as columns of an Arrow batch (`stateTypes`), and the final
 * aggregate merges them with the same kind of loop.
 */
export interface VectorAggregate {
  /** Spark type strings of the partial state columns. */
  readonly stateTypes: string[];
  /** Makes room for groups 0..n-1. */
  reserve(n: number): void;
  /** Folds rows 0..n-1 of a batch into their groups (`gids[r]`); `args` are the evaluated argument columns. */
  update(gids: Int32Array, n: number, args: Vec[]): void;
  /**
   * As update, for rows read through an index vector: row sel[i] of the argument columns goes to group gids[i], for
   * i < n. A filter that keeps most rows hands them over this way instead of gathering every argument column.
   */
  updateAt?(gids: Int32Array, sel: Int32Array, n: number, args: Vec[]): void;
  /**
   * Folds rows 0..n-1 all into group 0 (an aggregate without grouping keys), as `update` with every gid 0 would:
   * the state stays in a local, not a store and a load per row through the group's slot.
   */
  updateAll?(n: number, args: Vec[]): void;
  /** As updateAll, for a one-argument aggregate whose argument is rows idx[0..n) of a double column (-1: NULL). */
  updateAllAt?(g: PendingGather): void;
  /** Folds partial state rows (columns as `states` lists them) into the groups `gids[r]`. */
  merge(gids: Int32Array, n: number, states: Vec[]): void;
  /** The state columns of the groups `order`. */
  states(order: ArrayLike<number>): Vec[];
  /** The results of the groups `order`, typed as the aggregate's return type. */
  finish(order: ArrayLike<number>): Vec;
}

/** What an AggregateFunction's optional `vectorize` returns: which argument columns to evaluate, and the states. */
export interface Vectorized {
  args: Bound[];
  create(): VectorAggregate;
}

export const sumOverflow = (): SqlError =>
  new SqlError('ARITHMETIC_OVERFLOW', 'long overflow in sum. Use try_sum, or cast the column to decimal or double first.', { sqlState: '22003' });

const TWO32 = 4294967296;
/** A small-integer sum spills into its exact hi/lo form past this (each row adds < 2^31, so acc stays below 2^53). */
const SPILL_AT = 2 ** 52;
const INTEGRAL = new Set(['tinyint', 'smallint', 'int', 'bigint']);
const SMALL_INT = new Set(['tinyint', 'smallint', 'int', 'date', 'boolean']);

export function growF64(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
export function growU8(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** `a` grown to n entries or more (as growF64), the new ones -0.0. */
function growNegZero(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  b.fill(-0, a.length);
  return b;
}

const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;

/** [lo, hi] pairs for n groups or more (growing as growF64), new pairs [0, -0.0]. */
function growPairs(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (2 * n <= a.length) return a;
  const b = new Float64Array(Math.max(2 * n, a.length * 2));
  b.set(a);
  for (let i = a.length + 1; i < b.length; i += 2) b[i] = -0;
  return b;
}

const DOUBLE = parseType('double');
const LONG = parseType('bigint');

/** A double column of the groups `order`, null where `has` is 0 (when given). */
function f64Vec(src: Float64Array, order: ArrayLike<number>, has: Uint8Array | null): Vec {
  const n = order.length;
  const values = new Float64Array(n);
  let nulls: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const g = order[i]!;
    if (has !== null && has[g] === 0) (nulls ??= new Uint8Array(n))[i] = 1;
    else values[i] = src[g]!;
  }
  return { type: DOUBLE, length: n, values, nulls };
}

/** The evaluated argument without a widening cast from a small integer type to bigint (the sum adds exactly). */
function peelLongCast(b: Bound): Bound {
  if (b.kind === 'cast' && b.type === 'bigint' && ['tinyint', 'smallint', 'int'].includes(b.child.type)) return b.child;
  return b;
}

/** count(args): rows where every argument is non-null. */
export function vectorCount(args: Bound[]): Vectorized {
  const live = args.filter((a) => !(a.kind === 'literal' && a.value !== null));
  return {
    args: live,
    create() {
      let c = new Float64Array(1024);
      const add = (gids: Int32Array, n: number, args: Vec[]) => {
        if (args.length === 0) {
          for (let r = 0; r < n; r++) c[gids[r]!]++;
          return;
        }
        for (let r = 0; r < n; r++) {
          let ok = true;
          for (const a of args) if (a.nulls !== null && a.nulls[r] === 1) ok = false;
          if (ok) c[gids[r]!]++;
        }
      };
      return {
        stateTypes: ['double'],
        reserve: (n) => void (c = growF64(c, n)),
        update: add,
        updateAt(gids, sel, n, args) {
          if (args.length === 0) return add(gids, n, args);
          for (let i = 0; i < n; i++) {
            const r = sel[i]!;
            let ok = true;
            for (const a of args) if (a.nulls !== null && a.nulls[r] === 1) ok = false;
            if (ok) c[gids[i]!]++;
          }
        },
        updateAll(n, args) {
          let k = n;
          for (const a of args) {
            const nulls = a.nulls;
            if (nulls === null) continue;
            k = 0;
            for (let r = 0; r < n; r++) {
              let ok = true;
              for (const b of args) if (b.nulls !== null && b.nulls[r] === 1) ok = false;
              if (ok) k++;
            }
            break;
          }
          c[0] += k;
        },
        updateAllAt({ nulls, idx, n }) {
          let k = 0;
          for (let i = 0; i < n; i++) {
            const r = idx[i]!;
            if (r >= 0 && (nulls === null || nulls[r] === 0)) k++;
          }
          c[0] += k;
        },
        merge(gids, n, [s]) {
          const v = s!.values as Float64Array;
          for (let r = 0; r < n; r++) c[gids[r]!] += v[r]!;
        },
        states: (order) => [f64Vec(c, order, null)],
        finish(order) {
          const out = new BigInt64Array(order.length);
          const w = new Int32Array(out.buffer);
          for (let i = 0; i < order.length; i++) {
            const x = c[order[i]!]!;
            w[2 * i] = x % TWO32;
            w[2 * i + 1] = Math.floor(x / TWO32);
          }
          return { type: LONG, length: order.length, values: out, nulls: null };
        },
      };
    },
  };
}

/**
 * sum of integral values into bigint, exactly: each group's running sum is hi * 2^32 + lo with lo in [0, 2^32),
 * so every addition is exact and an overflow past 64 bits is detected (ANSI). Small integers first add into a
 * plain double `acc` (exact below 2^53), which spills into hi/lo only when it passes 2^52: one addition per row.
 * The exact form exists only once something needs it (a spill, bigint rows, merging partial states): a partial
 * aggregate of small integers keeps only acc, and its states come from it directly.
 */
export function vectorSumLong(args: Bound[]): Vectorized | null {
  const arg = peelLongCast(args[0]!);
  if (!INTEGRAL.has(arg.type)) return null;
  return {
    args: [arg],
    create() {
      // acc starts at -0.0 and stays -0.0 until a row adds into it (-0 + 0 is +0, and integer sums that come back
      // to zero are +0): whether a group has a row costs no second array or store per row. spill moves acc into
      // the exact form.
      let acc = growNegZero(new Float64Array(0), 1024);
      // The exact form: [lo, hi] of group g at 2g, 2g + 1, hi starting at -0.0 like acc (every addition to it adds
      // an integer word, so it leaves -0.0 at the group's first addition and never comes back to it): whether the
      // group has a value needs no array of its own, and a merged row touches one cache line.
      let wide = false;
      let hl = new Float64Array(0);
      const widen = () => {
        if (wide) return;
        wide = true;
        hl = growPairs(hl, acc.length);
      };
      const add = (g: number, l: number, h: number) => {
        const i = 2 * g;
        let L = hl[i]! + l;
        let H = hl[i + 1]! + h;
        if (L >= TWO32) {
          L -= TWO32;
          H += 1;
        }
        if (H > 2147483647 || H < -2147483648) throw sumOverflow();
        hl[i] = L;
        hl[i + 1] = H;
      };
      const spill = (g: number) => {
        const a = acc[g]!;
        if (isNegZero(a)) return;
        widen();
        acc[g] = -0;
        const ah = Math.floor(a / TWO32);
        add(g, a - ah * TWO32, ah);
      };
      const spillAll = (order: ArrayLike<number>) => {
        for (let i = 0; i < order.length; i++) spill(order[i]!);
      };
      return {
        stateTypes: ['double', 'double'],
        reserve(n) {
          acc = growNegZero(acc, n);
          if (wide) hl = growPairs(hl, n);
        },
        update(gids, n, [v]) {
          const nulls = v!.nulls;
          if (v!.values instanceof BigInt64Array) {
            widen();
            // bigints are added as their two words, read through an Int32 view (no BigInt per row).
            const w = new Int32Array(v!.values.buffer, v!.values.byteOffset, n * 2);
            for (let r = 0; r < n; r++) if (nulls === null || nulls[r] === 0) add(gids[r]!, w[2 * r]! >>> 0, w[2 * r + 1]!);
            return;
          }
          const x = v!.values as Int32Array;
          const a = acc;
          for (let r = 0; r < n; r++) {
            if (nulls !== null && nulls[r] === 1) continue;
            const g = gids[r]!;
            const y = a[g]! + x[r]!;
            a[g] = y;
            if (y > SPILL_AT || y < -SPILL_AT) spill(g);
          }
        },
        updateAt(gids, sel, n, [v]) {
          const nulls = v!.nulls;
          if (v!.values instanceof BigInt64Array) {
            widen();
            const w = new Int32Array(v!.values.buffer, v!.values.byteOffset, v!.length * 2);
            for (let i = 0; i < n; i++) {
              const r = sel[i]!;
              if (nulls === null || nulls[r] === 0) add(gids[i]!, w[2 * r]! >>> 0, w[2 * r + 1]!);
            }
            return;
          }
          const x = v!.values as Int32Array;
          const a = acc;
          for (let i = 0; i < n; i++) {
            const r = sel[i]!;
            if (nulls !== null && nulls[r] === 1) continue;
            const g = gids[i]!;
            const y = a[g]! + x[r]!;
            a[g] = y;
            if (y > SPILL_AT || y < -SPILL_AT) spill(g);
          }
        },
        updateAll(n, [v]) {
          if (v!.values instanceof BigInt64Array) {
            widen();
            const w = new Int32Array(v!.values.buffer, v!.values.byteOffset, n * 2);
            const nulls = v!.nulls;
            for (let r = 0; r < n; r++) if (nulls === null || nulls[r] === 0) add(0, w[2 * r]! >>> 0, w[2 * r + 1]!);
            return;
          }
          const x = v!.values as Int32Array;
          const nulls = v!.nulls;
          // from acc's -0.0 mark, the first row added leaves it (as in update)
          let y = acc[0]!;
          for (let r = 0; r < n; r++) {
            if (nulls !== null && nulls[r] === 1) continue;
            y += x[r]!;
            if (y > SPILL_AT || y < -SPILL_AT) {
              acc[0] = y;
              spill(0);
              y = acc[0]!;
            }
          }
          acc[0] = y;
        },
        merge(gids, n, [h, l]) {
          widen();
          const hv = h!.values as Float64Array;
          const lv = l!.values as Float64Array;
          for (let r = 0; r < n; r++) if (h!.nulls === null || h!.nulls[r] === 0) add(gids[r]!, lv[r]!, hv[r]!);
        },
        states(order) {
          if (wide) {
            spillAll(order);
            const n = order.length;
            const hv = new Float64Array(n);
            const lv = new Float64Array(n);
            let nulls: Uint8Array | null = null;
            for (let i = 0; i < n; i++) {
              const g = 2 * order[i]!;
              if (isNegZero(hl[g + 1]!)) (nulls ??= new Uint8Array(n))[i] = 1;
              else {
                lv[i] = hl[g]!;
                hv[i] = hl[g + 1]!;
              }
            }
            return [
              { type: DOUBLE, length: n, values: hv, nulls },
              { type: DOUBLE, length: n, values: lv, nulls: null },
            ];
          }
          // Only acc: |acc| < 2^53, so its high and low words are exact doubles.
          const n = order.length;
          const hv = new Float64Array(n);
          const lv = new Float64Array(n);
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) {
            const a = acc[order[i]!]!;
            if (isNegZero(a)) {
              (nulls ??= new Uint8Array(n))[i] = 1;
              continue;
            }
            const ah = Math.floor(a / TWO32);
            hv[i] = ah;
            lv[i] = a - ah * TWO32;
          }
          return [
            { type: DOUBLE, length: n, values: hv, nulls },
            { type: DOUBLE, length: n, values: lv, nulls: null },
          ];
        },
        finish(order) {
          widen();
          spillAll(order);
          const n = order.length;
          const out = new BigInt64Array(n);
          const w = new Int32Array(out.buffer);
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) {
            const g = 2 * order[i]!;
            if (isNegZero(hl[g + 1]!)) (nulls ??= new Uint8Array(n))[i] = 1;
            else {
              w[2 * i] = hl[g]!;
              w[2 * i + 1] = hl[g + 1]!;
            }
          }
          return { type: LONG, length: n, values: out, nulls };
        },
      };
    },
  };
}

/**
 * sum of doubles (NaN and infinities propagate as in Spark): the sum and a flag that a row was added, side by side
 * (group g at 2g, 2g + 1).
 */
export function vectorSumDouble(args: Bound[]): Vectorized | null {
  if (args[0]!.type !== 'double') return null;
  return {
    args,
    create() {
      let sh = new Float64Array(2048);
      const fold = (gids: Int32Array, n: number, v: Vec) => {
        const x = v.values as Float64Array;
        const nulls = v.nulls;
        const a = sh;
        for (let r = 0; r < n; r++) {
          if (nulls !== null && nulls[r] === 1) continue;
          const g = 2 * gids[r]!;
          a[g] += x[r]!;
          a[g + 1] = 1;
        }
      };
      const out = (order: ArrayLike<number>): Vec => {
        const n = order.length;
        const values = new Float64Array(n);
        let nulls: Uint8Array | null = null;
        for (let i = 0; i < n; i++) {
          const g = 2 * order[i]!;
          if (sh[g + 1] === 0) (nulls ??= new Uint8Array(n))[i] = 1;
          else values[i] = sh[g]!;
        }
        return { type: DOUBLE, length: n, values, nulls };
      };
      return {
        stateTypes: ['double'],
        reserve(n) {
          sh = growF64(sh, 2 * n);
        },
        update: (gids, n, [v]) => fold(gids, n, v!),
        updateAt(gids, sel, n, [v]) {
          const x = v!.values as Float64Array;
          const nulls = v!.nulls;
          const a = sh;
          for (let i = 0; i < n; i++) {
            const r = sel[i]!;
            if (nulls !== null && nulls[r] === 1) continue;
            const g = 2 * gids[i]!;
            a[g] += x[r]!;
            a[g + 1] = 1;
          }
        },
        updateAll(n, [v]) {
          const x = v!.values as Float64Array;
          const nulls = v!.nulls;
          // Added in row order from the group's sum, so the result is the same double as row by row.
          let a = sh[0]!;
          let any = 0;
          if (nulls === null) {
            for (let r = 0; r < n; r++) a += x[r]!;
            any = n;
          } else
            for (let r = 0; r < n; r++) {
              if (nulls[r] === 1) continue;
              a += x[r]!;
              any = 1;
            }
          sh[0] = a;
          if (any) sh[1] = 1;
        },
        updateAllAt({ src, nulls, idx, n }) {
          let a = sh[0]!;
          let any = 0;
          for (let i = 0; i < n; i++) {
            const r = idx[i]!;
            if (r < 0 || (nulls !== null && nulls[r] === 1)) continue;
            a += src[r]!;
            any = 1;
          }
          sh[0] = a;
          if (any) sh[1] = 1;
        },
        merge: (gids, n, [v]) => fold(gids, n, v!),
        states: (order) => [out(order)],
        finish: out,
      };
    },
  };
}

/**
 * The argument without a cast to double from a small integer type: every such value is a double exactly, so
 * folding the integers as they are gives the same sums without a converted column per batch.
 */
function peelDoubleCast(b: Bound): Bound {
  if (b.kind === 'cast' && b.type === 'double' && ['tinyint', 'smallint', 'int'].includes(b.child.type)) return b.child;
  return b;
}

/**
 * avg: double sum and count (as the row-at-a-time avg), side by side in one array (group g at 2g, 2g + 1: a row
 * touches one cache line of a large table, not two).
 */
export function vectorAvg(args: Bound[]): Vectorized | null {
  if (args[0]!.type !== 'double') return null;
  return {
    args: [peelDoubleCast(args[0]!)],
    create() {
      let sc = new Float64Array(2048);
      return {
        stateTypes: ['double', 'double'],
        reserve(n) {
          sc = growF64(sc, 2 * n);
        },
        updateAt(gids, sel, n, [v]) {
          const x = v!.values as Float64Array | Int32Array;
          const nulls = v!.nulls;
          const a = sc;
          for (let i = 0; i < n; i++) {
            const r = sel[i]!;
            if (nulls !== null && nulls[r] === 1) continue;
            const g = 2 * gids[i]!;
            a[g] += x[r]!;
            a[g + 1]++;
          }
        },
        update(gids, n, [v]) {
          const x = v!.values as Float64Array | Int32Array;
          const nulls = v!.nulls;
          const a = sc;
          if (nulls === null) {
            for (let r = 0; r < n; r++) {
              const g = 2 * gids[r]!;
              a[g] += x[r]!;
              a[g + 1]++;
            }
            return;
          }
          for (let r = 0; r < n; r++) {
            if (nulls[r] === 1) continue;
            const g = 2 * gids[r]!;
            a[g] += x[r]!;
            a[g + 1]++;
          }
        },
        updateAll(n, [v]) {
          const x = v!.values as Float64Array | Int32Array;
          const nulls = v!.nulls;
          let a = sc[0]!;
          let k = 0;
          for (let r = 0; r < n; r++) {
            if (nulls !== null && nulls[r] === 1) continue;
            a += x[r]!;
            k++;
          }
          sc[0] = a;
          sc[1] += k;
        },
        updateAllAt({ src, nulls, idx, n }) {
          let a = sc[0]!;
          let k = 0;
          for (let i = 0; i < n; i++) {
            const r = idx[i]!;
            if (r < 0 || (nulls !== null && nulls[r] === 1)) continue;
            a += src[r]!;
            k++;
          }
          sc[0] = a;
          sc[1] += k;
        },
        merge(gids, n, [vs, vc]) {
          const xs = vs!.values as Float64Array;
          const xc = vc!.values as Float64Array;
          const a = sc;
          for (let r = 0; r < n; r++) {
            const g = 2 * gids[r]!;
            a[g] += xs[r]!;
            a[g + 1] += xc[r]!;
          }
        },
        states(order) {
          const n = order.length;
          const s = new Float64Array(n);
          const c = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            const g = 2 * order[i]!;
            s[i] = sc[g]!;
            c[i] = sc[g + 1]!;
          }
          return [
            { type: DOUBLE, length: n, values: s, nulls: null },
            { type: DOUBLE, length: n, values: c, nulls: null },
          ];
        },
        finish(order) {
          const n = order.length;
          const values = new Float64Array(n);
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) {
            const g = 2 * order[i]!;
            if (sc[g + 1] === 0) (nulls ??= new Uint8Array(n))[i] = 1;
            else values[i] = sc[g]! / sc[g + 1]!;
          }
          return { type: DOUBLE, length: n, values, nulls };
        },
      };
    },
  };
}

/** min / max of numbers held as JS numbers (small integer types, dates, booleans, float, double; NaN is largest). */
export function vectorExtreme(sign: 1 | -1) {
  return (args: Bound[]): Vectorized | null => {
    const t = args[0]!.type;
    if (!SMALL_INT.has(t) && t !== 'float' && t !== 'double') return null;
    const type = parseType(t);
    const Typed = TYPED[t]!;
    return {
      args,
      create() {
        if (SMALL_INT.has(t)) return smallIntExtreme(sign, t, Typed);
        // The extreme and a flag that a row was seen, side by side (group g at 2g, 2g + 1): one cache line a row.
        let mh = new Float64Array(2048);
        // One loop per direction (no per-row test of the sign), over the array as it is at the call.
        const fold = (gids: Int32Array, n: number, v: Vec) => {
          const x = v.values as Float64Array;
          const nulls = v.nulls;
          const a = mh;
          if (sign > 0) {
            for (let r = 0; r < n; r++) {
              if (nulls !== null && nulls[r] === 1) continue;
              const g = 2 * gids[r]!;
              const y = x[r]!;
              if (a[g + 1] === 0) {
                a[g + 1] = 1;
                a[g] = y;
              } else {
                const cur = a[g]!;
                if (y > cur || (y !== y && cur === cur)) a[g] = y;
              }
            }
            return;
          }
          for (let r = 0; r < n; r++) {
            if (nulls !== null && nulls[r] === 1) continue;
            const g = 2 * gids[r]!;
            const y = x[r]!;
            if (a[g + 1] === 0) {
              a[g + 1] = 1;
              a[g] = y;
            } else {
              const cur = a[g]!;
              if (y < cur || (cur !== cur && y === y)) a[g] = y;
            }
          }
        };
        // Straight into the column's typed array (the values came from one: floats and 0/1 booleans convert back
        // exactly).
        const out = (order: ArrayLike<number>): Vec => {
          const n = order.length;
          const values = new Typed(n);
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) {
            const g = 2 * order[i]!;
            if (mh[g + 1] === 1) values[i] = mh[g]!;
            else (nulls ??= new Uint8Array(n))[i] = 1;
          }
          return { type, length: n, values, nulls };
        };
        const reserve = (n: number) => {
          mh = growF64(mh, 2 * n);
        };
        return selfMerging(t, reserve, fold, out);
      },
    };
  };
}

/**
 * min / max of small integers, dates and booleans: finite values, so a group starts at the infinity no value passes
 * (+Infinity for min, -Infinity for max) and keeps it while it has no rows: one array, one compare per row.
 */
function smallIntExtreme(sign: 1 | -1, t: string, Typed: new (n: number) => any): VectorAggregate {
  const type = parseType(t);
  const empty = sign > 0 ? -Infinity : Infinity;
  let m = new Float64Array(0);
  const reserve = (n: number) => {
    if (n <= m.length) return;
    const b = new Float64Array(Math.max(n, m.length * 2, 1024));
    b.set(m);
    b.fill(empty, m.length);
    m = b;
  };
  reserve(1024);
  const fold = (gids: Int32Array, n: number, v: Vec) => {
    const x = v.values as Int32Array;
    const nulls = v.nulls;
    const a = m;
    if (sign > 0) {
      for (let r = 0; r < n; r++) {
        if (nulls !== null && nulls[r] === 1) continue;
        const g = gids[r]!;
        const y = x[r]!;
        if (y > a[g]!) a[g] = y;
      }
      return;
    }
    for (let r = 0; r < n; r++) {
      if (nulls !== null && nulls[r] === 1) continue;
      const g = gids[r]!;
      const y = x[r]!;
      if (y < a[g]!) a[g] = y;
    }
  };
  const out = (order: ArrayLike<number>): Vec => {
    const n = order.length;
    const values = new Typed(n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const y = m[order[i]!]!;
      if (y === empty) (nulls ??= new Uint8Array(n))[i] = 1;
      else values[i] = y;
    }
    return { type, length: n, values, nulls };
  };
  return selfMerging(t, reserve, fold, out);
}

/**
 * An aggregate whose partial state is its result (min, max): update and merge fold a column of the same type the
 * same way.
 */
export function selfMerging(
  type: string,
  reserve: (n: number) => void,
  fold: (gids: Int32Array, n: number, v: Vec) => void,
  out: (order: ArrayLike<number>) => Vec,
): VectorAggregate {
  return {
    stateTypes: [type],
    reserve,
    update: (gids, n, [v]) => fold(gids, n, v!),
    merge: (gids, n, [v]) => fold(gids, n, v!),
    states: (order) => [out(order)],
    finish: out,
  };
}

/** first / last (x, ignoreNulls) with a literal ignoreNulls: which row is first follows the input order. */
export function vectorFirstLast(takeLast: boolean) {
  return (args: Bound[]): Vectorized | null => {
    const flag = args[1];
    if (flag && flag.kind !== 'literal') return null;
    const ignoreNulls = !!(flag && flag.kind === 'literal' && flag.value);
    const t = args[0]!.type;
    const type = parseType(t);
    return {
      args: [args[0]!],
      create() {
        let vals: unknown[] = [];
        let has = new Uint8Array(1024);
        const take = (g: number, v: unknown) => {
          has[g] = 1;
          vals[g] = v;
        };
        return {
          stateTypes: [t, 'boolean'],
          reserve(n) {
            has = growU8(has, n);
          },
          update(gids, n, [v]) {
            const x = v!.values;
            const nulls = v!.nulls;
            for (let r = 0; r < n; r++) {
              const isNull = nulls !== null && nulls[r] === 1;
              if (ignoreNulls && isNull) continue;
              const g = gids[r]!;
              if (takeLast || has[g] === 0) take(g, isNull ? null : x[r]);
            }
          },
          merge(gids, n, [v, h]) {
            const x = v!.values;
            const hv = h!.values as Uint8Array;
            for (let r = 0; r < n; r++) {
              if (hv[r] !== 1) continue;
              const g = gids[r]!;
              if (takeLast || has[g] === 0) take(g, v!.nulls !== null && v!.nulls[r] === 1 ? null : x[r]);
            }
          },
          states: (order) => [
            buildVec(
              type,
              Array.from(order, (g) => (has[g] === 1 ? (vals[g] ?? null) : null)),
            ),
            { type: parseType('boolean'), length: order.length, values: Uint8Array.from(order, (g) => has[g]!), nulls: null },
          ],
          finish: (order) =>
            buildVec(
              type,
              Array.from(order, (g) => (has[g] === 1 ? (vals[g] ?? null) : null)),
            ),
        };
      },
    };
  };
}

/** Variance family: Welford's [n, mean, m2] per group, merged with Chan's formula. */
export function vectorMoment(finish: (n: number, m2: number) => number | null) {
  return (args: Bound[]): Vectorized | null => {
    if (args[0]!.type !== 'double') return null;
    return {
      args,
      create() {
        let cn = new Float64Array(1024);
        let mean = new Float64Array(1024);
        let m2 = new Float64Array(1024);
        return {
          stateTypes: ['double', 'double', 'double'],
          reserve(n) {
            cn = growF64(cn, n);
            mean = growF64(mean, n);
            m2 = growF64(m2, n);
          },
          update(gids, n, [v]) {
            const x = v!.values as Float64Array;
            const nulls = v!.nulls;
            for (let r = 0; r < n; r++) {
              if (nulls !== null && nulls[r] === 1) continue;
              const g = gids[r]!;
              const k = cn[g]! + 1;
              const d = x[r]! - mean[g]!;
              const mu = mean[g]! + d / k;
              m2[g] += d * (x[r]! - mu);
              mean[g] = mu;
              cn[g] = k;
            }
          },
          merge(gids, n, [vn, vm, vq]) {
            const bn = vn!.values as Float64Array;
            const bm = vm!.values as Float64Array;
            const bq = vq!.values as Float64Array;
            for (let r = 0; r < n; r++) {
              const g = gids[r]!;
              const nb = bn[r]!;
              if (nb === 0) continue;
              const na = cn[g]!;
              if (na === 0) {
                cn[g] = nb;
                mean[g] = bm[r]!;
                m2[g] = bq[r]!;
                continue;
              }
              const k = na + nb;
              const d = bm[r]! - mean[g]!;
              mean[g] = mean[g]! + (d * nb) / k;
              m2[g] = m2[g]! + bq[r]! + (d * d * na * nb) / k;
              cn[g] = k;
            }
          },
          states: (order) => [f64Vec(cn, order, null), f64Vec(mean, order, null), f64Vec(m2, order, null)],
          finish(order) {
            const n = order.length;
            const values = new Float64Array(n);
            let nulls: Uint8Array | null = null;
            for (let i = 0; i < n; i++) {
              const g = order[i]!;
              const r = cn[g] === 0 ? null : finish(cn[g]!, m2[g]!);
              if (r === null) (nulls ??= new Uint8Array(n))[i] = 1;
              else values[i] = r;
            }
            return { type: DOUBLE, length: n, values, nulls };
          },
        };
      },
    };
  };
}
