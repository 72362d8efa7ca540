import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, Window, col, functions as F } from '@kindling/sql';
import { percentileOf } from '../src/agg/vectorized-percentile.js';

// The columnar median / percentile and corr / covar states of the hash aggregate (agg/vectorized-percentile.ts,
// agg/vectorized-comoment.ts), checked against a sorting reference and against the same functions over a
// whole-partition window, which runs them row at a time (update/merge/finish).

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

/** Spark's percentile: sorted (NaN last), value at (n - 1) * p, linear interpolation between neighbours. */
function refPercentile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b));
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return lo === hi ? s[lo]! : (hi - pos) * s[lo]! + (pos - lo) * s[hi]!;
}

type R = { k: number; x: number | null; y: number | null };

/** Groups of every size 0..9 (group 10 has only nulls), with ties, a NaN group and integer-valued doubles. */
function rows(): R[] {
  const out: R[] = [];
  let seed = 11;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let k = 0; k < 10; k++) {
    for (let i = 0; i < k; i++) {
      const x = k === 7 && i === 2 ? Number.NaN : Math.round(rnd() * 20) / 4;
      out.push({ k, x: rnd() < 0.1 ? null : x, y: rnd() < 0.1 ? null : Math.round(rnd() * 40) - 20 });
    }
  }
  out.push({ k: 10, x: null, y: 1 }, { k: 10, x: null, y: null });
  // A large group across both map tasks.
  for (let i = 0; i < 3000; i++) out.push({ k: 11, x: Math.round(rnd() * 1000) / 10, y: i % 17 });
  return out;
}

describe('columnar percentile and co-moment aggregates', () => {
  const data = rows();
  const df = () => spark.createDataFrame(data, 'k int, x double, y double');

  it('median and percentile(x, p) by key equal the sorting reference (nulls skipped, NaN last, empty groups NULL)', async () => {
    const got = await df()
      .groupBy('k')
      .agg(F.median('x').alias('m'), F.percentile('x', 0.25).alias('p25'), F.percentile('x', 0.9).alias('p90'), F.percentile('x', 0).alias('p0'), F.percentile('x', 1).alias('p1'))
      .orderBy('k')
      .collect();
    const keys = [...new Set(data.map((r) => r.k))].filter((k) => k > 0);
    expect(got.map((r) => r.k)).toEqual(keys);
    for (const r of got) {
      const xs = data.filter((d) => d.k === r.k && d.x !== null).map((d) => d.x as number);
      expect([r.k, r.m, r.p25, r.p90, r.p0, r.p1]).toEqual([r.k, refPercentile(xs, 0.5), refPercentile(xs, 0.25), refPercentile(xs, 0.9), refPercentile(xs, 0), refPercentile(xs, 1)]);
    }
    expect(got.find((r) => r.k === 10)!.m).toBeNull();
  });

  it('give the same answers as the row-at-a-time path (the same functions over a whole-partition window)', async () => {
    const w = Window.partitionBy('k');
    const agg = await df()
      .groupBy('k')
      .agg(F.median('x').alias('m'), F.percentile('x', 0.3).alias('p'), F.corr('x', 'y').alias('c'), F.covar_pop('x', 'y').alias('cp'), F.covar_samp('x', 'y').alias('cs'))
      .orderBy('k')
      .collect();
    const win = await df()
      .select('k', F.median('x').over(w).alias('m'), F.percentile('x', 0.3).over(w).alias('p'), F.corr('x', 'y').over(w).alias('c'), F.covar_pop('x', 'y').over(w).alias('cp'), F.covar_samp('x', 'y').over(w).alias('cs'))
      .dropDuplicates(['k'])
      .orderBy('k')
      .collect();
    expect(agg.length).toBe(win.length);
    agg.forEach((a, i) => {
      const b = win[i]!;
      expect([a.k, a.m, a.p]).toEqual([b.k, b.m, b.p]);
      for (const c of ['c', 'cp', 'cs']) {
        if (b[c] === null || Number.isNaN(b[c])) expect([a.k, c, a[c]]).toEqual([b.k, c, b[c]]);
        else expect(a[c] as number).toBeCloseTo(b[c] as number, 9);
      }
    });
  });

  it('corr is NULL for one pair or zero variance; covar_samp NULL for one pair; pairs with a null are skipped', async () => {
    const d = spark.createDataFrame(
      [
        { k: 1, x: 1, y: 2 },
        { k: 2, x: 1, y: 2 },
        { k: 2, x: 1, y: 5 },
        { k: 3, x: 1, y: null },
        { k: 3, x: null, y: 3 },
        { k: 4, x: 1, y: 1 },
        { k: 4, x: 2, y: 3 },
        { k: 4, x: null, y: 100 },
        { k: 4, x: 3, y: 5 },
      ],
      'k int, x double, y double',
    );
    const got = await d.groupBy('k').agg(F.corr('x', 'y').alias('c'), F.covar_pop('x', 'y').alias('cp'), F.covar_samp('x', 'y').alias('cs')).orderBy('k').collect();
    expect(got).toEqual([
      { k: 1, c: null, cp: 0, cs: null },
      { k: 2, c: null, cp: 0, cs: 0 },
      { k: 3, c: null, cp: null, cs: null },
      { k: 4, c: 1, cp: 4 / 3, cs: 2 },
    ]);
    // The checksum form of h2o q9: corr squared over two keys.
    const [r] = await d.groupBy('k').agg(F.pow(F.corr('x', 'y'), 2).alias('r2')).filter(col('k').equalTo(4)).collect();
    expect(r!.r2).toBe(1);
  });

  it('percentileOf selects without sorting: odd/even sizes, duplicates, NaNs', () => {
    const cases: number[][] = [[5], [2, 1], [3, 1, 2], [4, 4, 4, 1], [Number.NaN, 1, 2], [Number.NaN, Number.NaN, 1], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]];
    for (const xs of cases) for (const p of [0, 0.1, 0.5, 0.75, 1]) expect([xs, p, percentileOf(Float64Array.from(xs), p)]).toEqual([xs, p, refPercentile(xs, p)]);
    let seed = 3;
    const big = Array.from({ length: 1001 }, () => ((seed = (seed * 16807) % 2147483647) % 50) / 2);
    expect(percentileOf(Float64Array.from(big), 0.37)).toBe(refPercentile(big, 0.37));
  });
});
