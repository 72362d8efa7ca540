import type { Bound } from '../eval/bound.js';
import type { Vec } from '../eval/vec.js';
import { parseType } from '../types/parse-type.js';
import type { Vectorized } from './vectorized.js';

const DOUBLE = parseType('double');
const BINARY = parseType('binary');

/** The k-th smallest (0-based) of a[0..m), reordering a (Hoare quickselect, median-of-three pivot). */
function select(a: Float64Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value.
    let x = a[lo]!;
    let y = a[mid]!;
    let z = a[hi]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z;
    const pivot = x > y ? x : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Spark's exact percentile of one group's values (reordered in place): the value at position (n - 1) * p of the
 * sorted values, interpolated linearly between the two closest ranks; NaN sorts above every number.
 */
export function percentileOf(a: Float64Array, p: number): number {
  const total = a.length;
  // NaNs to the end: the first m values are numbers.
  let m = total;
  for (let i = 0; i < m; ) {
    if (a[i] !== a[i]) {
      m--;
      a[i] = a[m]!;
      a[m] = Number.NaN;
    } else i++;
  }
  const pos = (total - 1) * p;
  const lower = Math.floor(pos);
  const higher = Math.ceil(pos);
  const lo = lower < m ? select(a, m, lower) : Number.NaN;
  if (lower === higher) return lo;
  let hi = Number.NaN;
  if (higher < m) {
    // After selecting `lower`, everything to its right is >= it: the next rank is their minimum.
    hi = Infinity;
    for (let i = lower + 1; i < m; i++) if (a[i]! < hi) hi = a[i]!;
  }
  return (higher - pos) * lo + (pos - lower) * hi;
}

function growF64(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
function growI32(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** The doubles packed in a binary state value (a view when aligned, else a copy). */
function doublesOf(b: Uint8Array): Float64Array {
  if (b.byteOffset % 8 === 0) return new Float64Array(b.buffer, b.byteOffset, b.byteLength >>> 3);
  return new Float64Array(b.slice().buffer);
}

/**
 * The columnar form of median(x) and percentile(x, p) with a literal p (no frequency): every non-null value is
 * appended with its group id to two typed arrays; the partial state of a group crosses the shuffle as one binary
 * value holding its doubles; the result groups the values by id (a counting sort) and selects the one or two ranks
 * it needs with quickselect instead of sorting each group.
 */
export function vectorPercentile(fixedP: number | null) {
  return (args: Bound[]): Vectorized | null => {
    const x = args[0];
    if (!x || x.type !== 'double') return null;
    let p = fixedP;
    if (p === null) {
      const a = args[1];
      if (args.length !== 2 || !a || a.kind !== 'literal' || typeof a.value !== 'number' || !(a.value >= 0 && a.value <= 1)) return null;
      p = a.value;
    } else if (args.length !== 1) return null;
    const pct = p;
    return {
      args: [x],
      create() {
        let vals: Float64Array = new Float64Array(1024);
        let gs: Int32Array = new Int32Array(1024);
        let len = 0;
        let groups = 0;
        // The values grouped by id (valid until the next update or merge): group g owns sorted[start[g]..start[g+1]).
        let grouped: { sorted: Float64Array; start: Int32Array } | null = null;
        const push = (g: number, v: number) => {
          if (len === vals.length) {
            vals = growF64(vals, len + 1);
            gs = growI32(gs, len + 1);
          }
          vals[len] = v;
          gs[len++] = g;
        };
        const group = () => {
          if (grouped) return grouped;
          const start = new Int32Array(groups + 1);
          for (let i = 0; i < len; i++) start[gs[i]! + 1]++;
          for (let g = 0; g < groups; g++) start[g + 1] += start[g]!;
          const at = start.slice(0, groups);
          const sorted = new Float64Array(len);
          for (let i = 0; i < len; i++) sorted[at[gs[i]!]!++] = vals[i]!;
          return (grouped = { sorted, start });
        };
        return {
          stateTypes: ['binary'],
          reserve(n) {
            if (n > groups) groups = n;
          },
          update(gids, n, [v]) {
            grouped = null;
            const xs = v!.values as Float64Array;
            const nulls = v!.nulls;
            for (let r = 0; r < n; r++) if (nulls === null || nulls[r] !== 1) push(gids[r]!, xs[r]!);
          },
          merge(gids, n, [st]) {
            grouped = null;
            const parts = st!.values as (Uint8Array | null)[];
            for (let r = 0; r < n; r++) {
              const b = parts[r];
              if (!b || b.byteLength === 0) continue;
              const d = doublesOf(b);
              const g = gids[r]!;
              for (let i = 0; i < d.length; i++) push(g, d[i]!);
            }
          },
          states(order) {
            const { sorted, start } = group();
            const values = Array.from(order, (g) => new Uint8Array(sorted.buffer, start[g]! * 8, (start[g + 1]! - start[g]!) * 8));
            return [{ type: BINARY, length: order.length, values, nulls: null } as Vec];
          },
          finish(order) {
            const { sorted, start } = group();
            const n = order.length;
            const values = new Float64Array(n);
            let nulls: Uint8Array | null = null;
            for (let i = 0; i < n; i++) {
              const g = order[i]!;
              const s = start[g]!;
              const e = start[g + 1]!;
              if (e === s) (nulls ??= new Uint8Array(n))[i] = 1;
              else values[i] = percentileOf(sorted.subarray(s, e), pct);
            }
            return { type: DOUBLE, length: n, values, nulls };
          },
        };
      },
    };
  };
}
