import type { Bound } from '../eval/bound.js';
import type { Vec } from '../eval/vec.js';
import { parseType } from '../types/parse-type.js';
import type { Vectorized } from './vectorized.js';

/** A co-moment state [n, meanX, meanY, ck, mkX, mkY], as agg/correlation.ts keeps it per group. */
export type CoMoment = [n: number, mx: number, my: number, ck: number, mkx: number, mky: number];

const DOUBLE = parseType('double');

function grow(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The columnar form of corr / covar_pop / covar_samp: the six co-moment numbers of every group in typed arrays,
 * updated per row where both values are non-null with the same streaming formulas as the row-at-a-time
 * aggregate and merged with the same pairwise ones, so both paths give the same bits.
 */
export function vectorCoMoment(finish: (s: CoMoment) => number | null) {
  return (args: Bound[]): Vectorized | null => {
    if (args.length !== 2 || args[0]!.type !== 'double' || args[1]!.type !== 'double') return null;
    return {
      args,
      create() {
        // s[0..5][g]: n, meanX, meanY, ck, mkX, mkY.
        const s: Float64Array[] = Array.from({ length: 6 }, () => new Float64Array(1024));
        return {
          stateTypes: ['double', 'double', 'double', 'double', 'double', 'double'],
          reserve(n) {
            for (let k = 0; k < 6; k++) s[k] = grow(s[k]!, n);
          },
          update(gids, n, [xv, yv]) {
            const [cn, cmx, cmy, cck, cmkx, cmky] = s as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
            const xs = xv!.values as Float64Array;
            const ys = yv!.values as Float64Array;
            const xn = xv!.nulls;
            const yn = yv!.nulls;
            for (let r = 0; r < n; r++) {
              if ((xn !== null && xn[r] === 1) || (yn !== null && yn[r] === 1)) continue;
              const g = gids[r]!;
              const x = xs[r]!;
              const y = ys[r]!;
              const c = cn[g]! + 1;
              const dx = x - cmx[g]!;
              const dy = y - cmy[g]!;
              const mx = cmx[g]! + dx / c;
              const my = cmy[g]! + dy / c;
              cn[g] = c;
              cmx[g] = mx;
              cmy[g] = my;
              cck[g] += dx * (y - my);
              cmkx[g] += dx * (x - mx);
              cmky[g] += dy * (y - my);
            }
          },
          merge(gids, n, states) {
            const b = states.map((v) => v.values as Float64Array);
            const [cn, cmx, cmy, cck, cmkx, cmky] = s as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
            for (let r = 0; r < n; r++) {
              const nb = b[0]![r]!;
              if (nb === 0) continue;
              const g = gids[r]!;
              const na = cn[g]!;
              if (na === 0) {
                for (let k = 0; k < 6; k++) s[k]![g] = b[k]![r]!;
                continue;
              }
              const c = na + nb;
              const dx = b[1]![r]! - cmx[g]!;
              const dy = b[2]![r]! - cmy[g]!;
              const w = (na * nb) / c;
              cn[g] = c;
              cmx[g] = cmx[g]! + (dx * nb) / c;
              cmy[g] = cmy[g]! + (dy * nb) / c;
              cck[g] = cck[g]! + b[3]![r]! + dx * dy * w;
              cmkx[g] = cmkx[g]! + b[4]![r]! + dx * dx * w;
              cmky[g] = cmky[g]! + b[5]![r]! + dy * dy * w;
            }
          },
          states(order) {
            return s.map((a): Vec => {
              const values = new Float64Array(order.length);
              for (let i = 0; i < order.length; i++) values[i] = a[order[i]!]!;
              return { type: DOUBLE, length: order.length, values, nulls: null };
            });
          },
          finish(order) {
            const n = order.length;
            const values = new Float64Array(n);
            let nulls: Uint8Array | null = null;
            for (let i = 0; i < n; i++) {
              const g = order[i]!;
              const st: CoMoment = [s[0]![g]!, s[1]![g]!, s[2]![g]!, s[3]![g]!, s[4]![g]!, s[5]![g]!];
              const v = st[0] === 0 ? null : finish(st);
              if (v === null) (nulls ??= new Uint8Array(n))[i] = 1;
              else values[i] = v;
            }
            return { type: DOUBLE, length: n, values, nulls };
          },
        };
      },
    };
  };
}
