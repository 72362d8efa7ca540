import type { Bound } from '../eval/bound.js';
import { exactDecimalVec, exactOf, MAX_EXACT } from '../eval/exact-decimal.js';
import type { Vec } from '../eval/vec.js';
import { DecimalType } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
import { growF64, growU8, selfMerging, type Vectorized } from './vectorized.js';

/**
 * min / max of decimals (Spark: the argument's own type). Each group's extreme is a double while it is an exact
 * integer (|x| <= 2^53 - 1; input in exact form, or bigints that small), else a bigint; `<` and `>` between a
 * number and a bigint compare their exact values, so the two mix without conversions. The result is in exact form
 * when no group holds a bigint.
 */
export function vectorExtremeDecimal(sign: 1 | -1) {
  return (args: Bound[]): Vectorized | null => {
    const type = parseType(args[0]!.type);
    if (!(type instanceof DecimalType)) return null;
    return {
      args,
      create() {
        let m = new Float64Array(1024);
        let has = new Uint8Array(1024);
        // Groups whose extreme is past 2^53 (undefined elsewhere); `anyBig` skips clearing it while none is.
        const big: (bigint | undefined)[] = [];
        let anyBig = false;
        const offer = (g: number, y: number) => {
          if (has[g] === 0) has[g] = 1;
          else {
            const cur = anyBig ? (big[g] ?? m[g]!) : m[g]!;
            if (sign > 0 ? !(y > cur) : !(y < cur)) return;
          }
          m[g] = y;
          if (anyBig) big[g] = undefined;
        };
        const offerBig = (g: number, x: bigint) => {
          if (has[g] === 1) {
            const cur = big[g] ?? m[g]!;
            if (sign > 0 ? !(x > cur) : !(x < cur)) return;
          }
          has[g] = 1;
          big[g] = x;
          anyBig = true;
        };
        const fold = (gids: Int32Array, n: number, v: Vec) => {
          const nulls = v.nulls;
          const e = exactOf(v);
          if (e !== null) {
            for (let r = 0; r < n; r++) if (nulls === null || nulls[r] === 0) offer(gids[r]!, e[r]!);
            return;
          }
          const x = v.values as ArrayLike<bigint>;
          for (let r = 0; r < n; r++) {
            if (nulls !== null && nulls[r] === 1) continue;
            const b = x[r]!;
            const d = Number(b);
            if (d <= MAX_EXACT && d >= -MAX_EXACT) offer(gids[r]!, d);
            else offerBig(gids[r]!, b);
          }
        };
        const out = (order: ArrayLike<number>): Vec => {
          const n = order.length;
          let nulls: Uint8Array | null = null;
          for (let i = 0; i < n; i++) if (has[order[i]!] === 0) (nulls ??= new Uint8Array(n))[i] = 1;
          if (!anyBig || Array.from(order).every((g) => big[g] === undefined)) {
            const values = new Float64Array(n);
            for (let i = 0; i < n; i++) values[i] = m[order[i]!]!;
            return exactDecimalVec(type, values, nulls, n);
          }
          const values = new Array<bigint | null>(n);
          for (let i = 0; i < n; i++) {
            const g = order[i]!;
            values[i] = has[g] === 0 ? null : (big[g] ?? BigInt(m[g]!));
          }
          return { type, length: n, values, nulls };
        };
        const reserve = (n: number) => {
          m = growF64(m, n);
          has = growU8(has, n);
        };
        return selfMerging(type.simpleString(), reserve, fold, out);
      },
    };
  };
}
