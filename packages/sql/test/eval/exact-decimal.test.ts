import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { vecFromArrow, vecToArrow } from '../../src/eval/arrow-convert.js';
import { exactOf } from '../../src/eval/exact-decimal.js';
import { SqlError } from '../../src/eval/errors.js';
import { vecFromSlots } from '../../src/eval/vec-util.js';
import type { Vec } from '../../src/eval/vec.js';
import { DecimalType } from '../../src/types/data-types.js';
import { gather, concatVecs, slice } from '../../src/exec/vec-ops.js';
import { bin, cast, col, un } from './helpers.js';

// Decimal columns whose unscaled values fit in 53 bits run in an exact double form (eval/exact-decimal.ts); the
// rest stay bigints. Each case builds the same values twice through Arrow: alone (the batch converts to the exact
// form) and followed by one value past 2^53 (the whole batch stays bigints), and checks both against a BigInt
// oracle of Spark's rules (HALF_UP rescaling, precision overflow).

const MAX = 2n ** 53n - 1n;
const HUGE = 2n ** 60n;

function decVec(p: number, s: number, slots: (bigint | null)[]): Vec {
  // Through Arrow Decimal128, as batches arrive from scans and shuffles.
  return vecFromArrow(vecToArrow(vecFromSlots(new DecimalType(p, s), slots)), new DecimalType(p, s));
}

function slotsOf(v: Vec, n = v.length): (bigint | null)[] {
  const out: (bigint | null)[] = [];
  for (let i = 0; i < n; i++) out.push(v.nulls && v.nulls[i] === 1 ? null : (v.values[i] as bigint));
  return out;
}

function halfUp(v: bigint, k: number): bigint {
  if (k <= 0) return v * 10n ** BigInt(-k);
  const d = 10n ** BigInt(k);
  const q = v / d;
  const r = v % d;
  const twice = (r < 0n ? -r : r) * 2n;
  return twice >= d ? (v < 0n ? q - 1n : q + 1n) : q;
}

/** Deterministic pseudo-random unscaled values of magnitude below `bound`, some null, some negative. */
function values(seed: number, n: number, bound: bigint): (bigint | null)[] {
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const out: (bigint | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (next() % 11 === 0) out.push(null);
    else {
      const v = ((BigInt(next()) << 32n) | BigInt(next())) % bound;
      out.push(next() % 2 === 0 ? -v : v);
    }
  }
  return out;
}

const errorOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof SqlError) return `${e.code}: ${e.message}`;
    throw e;
  }
};

describe('exact (double) form of decimals agrees with the bigint form', () => {
  test('Arrow round trip: negatives, ±(2^53 - 1), nulls; a value past 2^53 keeps the batch in bigints', () => {
    const slots = [0n, 1n, -1n, MAX, -MAX, null, 4294967296n, -4294967296n, -4294967297n, 123456789012n];
    const v = decVec(38, 6, slots);
    expect(exactOf(v)).not.toBeNull();
    expect(slotsOf(v)).toEqual(slots);
    const back = vecFromArrow(vecToArrow(v), new DecimalType(38, 6));
    expect(exactOf(back)).not.toBeNull();
    expect(slotsOf(back)).toEqual(slots);
    const wide = decVec(38, 6, [...slots, MAX + 1n]);
    expect(exactOf(wide)).toBeNull();
    expect(slotsOf(wide)).toEqual([...slots, MAX + 1n]);
    const minus = decVec(38, 6, [-(MAX + 1n)]);
    expect(exactOf(minus)).toBeNull();
    expect(slotsOf(minus)).toEqual([-(MAX + 1n)]);
  });

  test('gather, slice and concat keep the form and the values', () => {
    const slots = [5n, null, -7n, MAX];
    const v = decVec(20, 2, slots);
    const g = gather(v, [3, 1, 0]);
    expect(exactOf(g)).not.toBeNull();
    expect(slotsOf(g)).toEqual([MAX, null, 5n]);
    expect(slotsOf(slice(v, 1, 3))).toEqual([null, -7n]);
    const c = concatVecs([v, v]);
    expect(exactOf(c)).not.toBeNull();
    expect(slotsOf(c)).toEqual([...slots, ...slots]);
  });

  // [left type, right type, op, bound of the values, rows set near 2^53, whether the batch stays exact]: no
  // rounding, rounding HALF_UP (precision loss), mixed scales, sums and products at and past 2^53.
  const cases: [string, string, '+' | '-' | '*', bigint, [bigint, bigint][], boolean][] = [
    ['decimal(15,2)', 'decimal(15,2)', '+', 10n ** 15n, [], true],
    ['decimal(15,2)', 'decimal(12,4)', '-', 10n ** 12n, [], true],
    ['decimal(15,2)', 'decimal(16,2)', '*', 10n ** 7n, [], true],
    // Ties at the 14 dropped digits: 0.0005 * 0.001 = 5e-7 rounds to 0.000001, away from zero.
    ['decimal(38,10)', 'decimal(38,10)', '*', 10n ** 7n, [[MAX, 1n], [-MAX, -1n], [5_000_000n, 10_000_000n], [-5_000_000n, 10_000_000n], [15_000_000n, 10_000_000n], [4_999_999n, 10_000_000n]], true],
    ['decimal(20,10)', 'decimal(20,10)', '*', 10n ** 7n, [[MAX, 1n], [MAX - 5n, 5n]], false],
    ['decimal(38,0)', 'decimal(38,20)', '+', 10n ** 15n, [], false],
    ['decimal(38,6)', 'decimal(38,6)', '+', 10n ** 15n, [[MAX, -1n], [MAX - 5n, 5n], [-MAX, 0n]], true],
    ['decimal(38,6)', 'decimal(38,6)', '-', 10n ** 15n, [[MAX, 1n], [-(MAX - 5n), 6n]], false],
    ['decimal(10,3)', 'decimal(10,3)', '*', 10n ** 7n, [], true],
  ];
  for (const [lt, rt, op, bound, near, staysExact] of cases) {
    test(`${lt} ${op} ${rt}`, () => {
      const n = 400;
      const a = values(lt.length * 7 + op.charCodeAt(0), n, bound);
      const b = values(rt.length * 13 + 1, n, bound);
      near.forEach(([x, y], i) => {
        a[3 + i] = x;
        b[3 + i] = y;
      });
      const e = bin(op, col(0, lt), col(1, rt));
      const rtype = e.type;
      const { precision, scale } = new DecimalType(...(rtype.match(/\d+/g)!.map(Number) as [number, number]));
      const lType = new DecimalType(...(lt.match(/\d+/g)!.map(Number) as [number, number]));
      const rType = new DecimalType(...(rt.match(/\d+/g)!.map(Number) as [number, number]));
      const oracle = a.map((x, i) => {
        const y = b[i]!;
        if (x === null || y === null) return null;
        let raw: bigint;
        let rawScale: number;
        if (op === '*') {
          raw = x * y;
          rawScale = lType.scale + rType.scale;
        } else {
          rawScale = Math.max(lType.scale, rType.scale);
          const xs = x * 10n ** BigInt(rawScale - lType.scale);
          const ys = y * 10n ** BigInt(rawScale - rType.scale);
          raw = op === '+' ? xs + ys : xs - ys;
        }
        return halfUp(raw, rawScale - scale);
      });
      for (const r of oracle) if (r !== null) expect(r < 10n ** BigInt(precision) && r > -(10n ** BigInt(precision))).toBe(true);

      const exactIn = [decVec(lType.precision, lType.scale, a), decVec(rType.precision, rType.scale, b)];
      const out = evaluate(e, exactIn, n);
      expect(exactOf(exactIn[0]!)).not.toBeNull();
      expect(exactOf(out) !== null).toBe(staysExact);
      expect(slotsOf(out)).toEqual(oracle);

      // The same rows followed by one past 2^53 (where the types allow it): the batch is in bigints throughout.
      if (lType.precision >= 19 && rType.precision >= 19) {
        const bigIn = [decVec(lType.precision, lType.scale, [...a, HUGE]), decVec(rType.precision, rType.scale, [...b, 1n])];
        expect(exactOf(bigIn[0]!)).toBeNull();
        const outBig = evaluate(e, bigIn, n + 1);
        expect(exactOf(outBig)).toBeNull();
        expect(slotsOf(outBig, n)).toEqual(oracle);
      }

      // Comparisons: exact against exact, and exact against bigints.
      const cmpT = lt === rt ? lt : null;
      if (cmpT) {
        const lessExact = evaluate(bin('<', col(0, lt), col(1, rt)), exactIn, n);
        const lessMixed = evaluate(bin('<', col(0, lt), col(1, rt)), [exactIn[0]!, decVec(rType.precision, rType.scale, [...b, HUGE])], n);
        const want = a.map((x, i) => (x === null || b[i] === null ? null : x < b[i]! ? 1 : 0));
        expect(slotsOf(lessExact)).toEqual(want);
        expect(slotsOf(lessMixed).slice(0, n)).toEqual(want);
      }
    });
  }

  test('a product past 2^53 sends the batch to bigints and stays exact', () => {
    const t = 'decimal(20,0)';
    const e = bin('*', col(0, t), col(1, t));
    const out = evaluate(e, [decVec(20, 0, [3n, 94906267n, -94906267n]), decVec(20, 0, [4n, 94906267n, 94906267n])], 3);
    expect(exactOf(out)).toBeNull();
    expect(slotsOf(out)).toEqual([12n, 94906267n ** 2n, -(94906267n ** 2n)]);
  });

  test('negation', () => {
    const v = decVec(10, 2, [5n, -7n, null, 0n]);
    const neg = evaluate(un('negate', col(0, 'decimal(10,2)')), [v], 4);
    expect(exactOf(neg)).not.toBeNull();
    expect(slotsOf(neg)).toEqual([-5n, 7n, null, 0n]);
  });

  test('casts: rescale HALF_UP, to double, and out-of-range raises NUMERIC_VALUE_OUT_OF_RANGE (NULL for try_cast)', () => {
    const slots = [12345n, -12345n, 12355n, -5n, 4n, null, 99949n, 9949n, 9950n, -9950n];
    for (const extra of [[], [HUGE]] as bigint[][]) {
      const v = decVec(38, 3, [...slots, ...extra]);
      expect(exactOf(v) === null).toBe(extra.length > 0);
      const n = slots.length + extra.length;
      const down = evaluate(cast(col(0, 'decimal(38,3)'), 'decimal(38,1)'), [v], n);
      expect(slotsOf(down, slots.length)).toEqual([123n, -123n, 124n, 0n, 0n, null, 999n, 99n, 100n, -100n]);
      const up = evaluate(cast(col(0, 'decimal(38,3)'), 'decimal(38,5)'), [v], n);
      expect(slotsOf(up, slots.length)).toEqual(slots.map((x) => (x === null ? null : x * 100n)));
      const dbl = evaluate(cast(col(0, 'decimal(38,3)'), 'double'), [v], n);
      expect(Array.from(dbl.values as Float64Array).slice(0, 5)).toEqual([12.345, -12.345, 12.355, -0.005, 0.004]);
      // 9.950 rounds to 10.0, past decimal(2,1).
      expect(errorOf(() => evaluate(cast(col(0, 'decimal(38,3)'), 'decimal(2,1)'), [gather(v, [7, 8])], 2))).toMatch(
        /^NUMERIC_VALUE_OUT_OF_RANGE.*9\.950 cannot be represented as Decimal\(2, 1\)/,
      );
      expect(slotsOf(evaluate(cast(col(0, 'decimal(38,3)'), 'decimal(2,1)'), [gather(v, [7, 3, 5])], 3))).toEqual([99n, 0n, null]);
      const tried = evaluate(cast(col(0, 'decimal(38,3)'), 'decimal(2,1)', false), [v], n);
      expect(slotsOf(tried, slots.length)).toEqual([null, null, null, 0n, 0n, null, null, 99n, null, null]);
    }
  });
});
