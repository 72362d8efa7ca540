import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, Window, col, expr, functions as F } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

/** Two-pass reference formulas (independent of the streaming states under test). */
function reference(xs: number[], ys: number[]) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
    m3 += (xs[i]! - mx) ** 3;
    m4 += (xs[i]! - mx) ** 4;
  }
  return {
    corr: sxy / Math.sqrt(sxx * syy),
    covarPop: sxy / n,
    covarSamp: sxy / (n - 1),
    skewness: (Math.sqrt(n) * m3) / Math.pow(sxx, 1.5),
    kurtosis: (n * m4) / (sxx * sxx) - 3,
  };
}

describe('statistical aggregates', () => {
  // g = i % 3; x and y deterministic but irregular; a few nulls.
  const rows = Array.from({ length: 300 }, (_, i) => ({
    g: i % 3,
    x: i % 17 === 0 ? null : ((i * 7919) % 101) / 10,
    y: i % 23 === 0 ? null : ((i * 104729) % 97) - 40 + i / 50,
  }));
  const df = () => spark.createDataFrame(rows, 'g int, x double, y double').repartition(4);

  it('corr, covar_pop, covar_samp, skewness, kurtosis match two-pass formulas through partial/final aggregation', async () => {
    const out = await df()
      .groupBy('g')
      .agg(F.corr('x', 'y'), F.covar_pop('x', 'y'), F.covar_samp('x', 'y'), F.skewness('x'), F.kurtosis('x'))
      .orderBy('g')
      .collect();
    expect(Object.keys(out[0]!)).toEqual(['g', 'corr(x, y)', 'covar_pop(x, y)', 'covar_samp(x, y)', 'skewness(x)', 'kurtosis(x)']);
    for (const r of out) {
      const pairs = rows.filter((x) => x.g === r.g && x.x !== null && x.y !== null);
      const ref = reference(pairs.map((p) => p.x!), pairs.map((p) => p.y!));
      const xs = rows.filter((x) => x.g === r.g && x.x !== null).map((p) => p.x!);
      const refX = reference(xs, xs);
      expect(r['corr(x, y)']).toBeCloseTo(ref.corr, 10);
      expect(r['covar_pop(x, y)']).toBeCloseTo(ref.covarPop, 9);
      expect(r['covar_samp(x, y)']).toBeCloseTo(ref.covarSamp, 9);
      expect(r['skewness(x)']).toBeCloseTo(refX.skewness, 9);
      expect(r['kurtosis(x)']).toBeCloseTo(refX.kurtosis, 9);
    }
  });

  it('NULL for no rows, one row, or zero variance (Spark 4 statistical aggregates)', async () => {
    const t = spark.createDataFrame(
      [
        { k: 'one', x: 1, y: 2 },
        { k: 'flat', x: 5, y: 1 },
        { k: 'flat', x: 5, y: 2 },
        { k: 'nulls', x: null, y: 3 },
        { k: 'nulls', x: 4, y: null },
      ],
      'k string, x double, y double',
    );
    const out = await t
      .groupBy('k')
      .agg(F.corr('x', 'y').alias('c'), F.covar_samp('x', 'y').alias('cs'), F.covar_pop('x', 'y').alias('cp'), F.stddev_samp('x').alias('sd'), F.skewness('x').alias('sk'))
      .orderBy('k')
      .collect();
    expect(out).toEqual([
      { k: 'flat', c: null, cs: 0, cp: 0, sd: 0, sk: null },
      { k: 'nulls', c: null, cs: null, cp: null, sd: null, sk: null },
      { k: 'one', c: null, cs: null, cp: 0, sd: null, sk: null },
    ]);
    const empty = await t.filter(col('x').gt(100)).agg(F.corr('x', 'y').alias('c'), F.count_if(col('x').gt(1)).alias('n'), F.bool_and(col('x').gt(1)).alias('b')).collect();
    expect(empty).toEqual([{ c: null, n: 0n, b: null }]);
  });

  it('median and percentile are exact with interpolation; arrays of percentages; frequencies', async () => {
    const t = spark.createDataFrame(
      [1, 2, 3, 4, null, 10].map((v, i) => ({ g: i % 2, v, f: i + 1 })),
      'g int, v int, f int',
    );
    const [all] = await t.agg(F.median('v'), F.percentile('v', 0.25), F.percentile('v', [0, 0.5, 1])).collect();
    // 1, 2, 3, 4, 10: median 3; position 0.25 * 4 = 1 -> 2.
    expect(all).toEqual({ 'median(v)': 3, 'percentile(v, 0.25, 1)': 2, 'percentile(v, array(0, 0.5, 1), 1)': [1, 3, 10] });
    const byG = await t.groupBy('g').agg(F.median('v').alias('m')).orderBy('g').collect();
    // g=0: 1, 3, null -> 2; g=1: 2, 4, 10 -> 4
    expect(byG).toEqual([{ g: 0, m: 2 }, { g: 1, m: 4 }]);
    const [w] = await t.agg(F.percentile('v', 0.5, 'f').alias('p')).collect();
    // sorted with repeats: 1,2,2,3,3,3,4,4,4,4,10*6 (16 values); position 7.5 -> between index 7 (4) and 8 (4) = 4
    expect(w).toEqual({ p: 4 });
    const [even] = await spark.createDataFrame([{ v: 1 }, { v: 2 }], 'v double').agg(F.median('v').alias('m')).collect();
    expect(even).toEqual({ m: 1.5 });
    const [none] = await t.filter(col('v').isNull()).agg(F.median('v').alias('m'), F.percentile('v', [0.5]).alias('a')).collect();
    expect(none).toEqual({ m: null, a: null });
    expect(() => t.agg(F.percentile('v', 1.5))).toThrow(/VALUE_OUT_OF_RANGE.*between 0.0 and 1.0/);
  });

  it('percentile_approx returns input elements at ceil(p * n), exactly on small data, within 1/accuracy on large', async () => {
    const t = spark.createDataFrame([{ c: 0 }, { c: 1 }, { c: 2 }, { c: 10 }], 'c int');
    // Spark's documented example: percentile_approx(col, array(0.5, 0.4, 0.1), 100) over 0, 1, 2, 10 is [1, 1, 0].
    const [r] = await t.agg(F.percentile_approx('c', [0.5, 0.4, 0.1], 100).alias('p'), F.percentile_approx('c', 0.5).alias('m')).collect();
    expect(r).toEqual({ p: [1, 1, 0], m: 1 });
    expect(t.agg(F.percentile_approx('c', 0.5)).columns).toEqual(['percentile_approx(c, 0.5, 10000)']);
    const n = 200000;
    const big = spark.range(0, n, 1, 4).select(col('id').multiply(7919).mod(n).alias('v'));
    const [q] = await big.agg(F.percentile_approx('v', [0.01, 0.25, 0.5, 0.9], 100).alias('q'), F.approx_percentile('v', 0.5, 1000).alias('m')).collect();
    // v is a permutation of 0..n-1: the value is its rank - 1; the error allowed is n / accuracy.
    const got = (q!.q as bigint[]).map(Number);
    [0.01, 0.25, 0.5, 0.9].forEach((p, i) => expect(Math.abs(got[i]! - (Math.ceil(p * n) - 1))).toBeLessThanOrEqual(n / 100));
    expect(Math.abs(Number(q!.m) - (n / 2 - 1))).toBeLessThanOrEqual(n / 1000);
    expect(typeof q!.m).toBe('bigint');
  });

  it('percentile_approx keeps date and timestamp types', async () => {
    const t = spark.createDataFrame([{ d: '2024-01-01' }, { d: '2024-01-03' }, { d: '2024-01-02' }, { d: null }], 'd string');
    const [r] = await t.agg(F.percentile_approx(F.to_date(col('d')), 0.5).alias('m'), F.percentile_approx(F.to_timestamp(col('d')), [0, 1]).alias('r')).collect();
    expect(r).toEqual({ m: new Date(Date.UTC(2024, 0, 2)), r: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 3))] });
    expect(t.agg(F.percentile_approx(F.to_date(col('d')), 0.5)).dtypes[0]![1]).toBe('date');
    const dec = spark.createDataFrame([{ v: 1.25 }, { v: 3.5 }, { v: 2.75 }], 'v double').select(col('v').cast('decimal(5,2)').alias('v'));
    const q = dec.agg(F.percentile_approx('v', [0.5, 1]).alias('q'));
    expect(q.dtypes).toEqual([['q', 'array<decimal(5,2)>']]);
    expect(await q.collect()).toEqual([{ q: [2.75, 3.5] }]);
  });

  it('approx_count_distinct stays within its error bound on known cardinalities, whatever the partitioning', async () => {
    for (const [card, rsd] of [
      [0, 0.05],
      [1, 0.05],
      [10, 0.05],
      [100, 0.05],
      [1000, 0.05],
      [5000, 0.05],
      [30000, 0.05],
      [30000, 0.01],
      [100000, 0.05],
    ] as const) {
      // Each distinct value three times, plus nulls.
      const base = spark.range(0, card * 3, 1, 3).select(col('id').mod(card || 1).alias('v'));
      const data = card === 0 ? base.filter(col('v').lt(0)) : base;
      const [r] = await data.agg(F.approx_count_distinct('v', rsd).alias('n')).collect();
      const [one] = await data.coalesce(1).agg(F.approx_count_distinct('v', rsd).alias('n')).collect();
      expect(one!.n).toBe(r!.n); // register-wise max merges exactly
      const est = Number(r!.n);
      if (process.env.SHOW_HLL) console.log(card, rsd, est);
      if (card <= 1) expect(est).toBe(card);
      else expect(Math.abs(est - card) / card).toBeLessThan(3 * rsd);
    }
    const strs = spark.range(0, 20000, 1, 2).select(F.concat(F.lit('user-'), col('id').mod(8000).cast('string')).alias('s'));
    const [s] = await strs.groupBy().agg(F.approx_count_distinct('s')).collect();
    expect(Math.abs(Number(s!['approx_count_distinct(s)']) - 8000) / 8000).toBeLessThan(0.15);
    expect(() => strs.agg(F.approx_count_distinct('s', 0.5))).toThrow(/at most 0.39/);
  });

  it('count_if, bool_and/every, bool_or/some, max_by, min_by, sum_distinct', async () => {
    const t = spark.createDataFrame(
      [
        { k: 'a', x: 1, y: 10, b: true },
        { k: 'a', x: 2, y: 30, b: false },
        { k: 'a', x: 2, y: null, b: null },
        { k: 'b', x: null, y: 5, b: true },
      ],
      'k string, x int, y int, b boolean',
    );
    const out = await t
      .groupBy('k')
      .agg(
        F.count_if(col('x').gt(1)).alias('ci'),
        F.bool_and('b').alias('ba'),
        F.every('b').alias('ev'),
        F.bool_or('b').alias('bo'),
        F.some('b').alias('so'),
        F.max_by('x', 'y').alias('mx'),
        F.min_by('x', 'y').alias('mn'),
        F.sum_distinct('x').alias('sd'),
      )
      .orderBy('k')
      .collect();
    expect(out).toEqual([
      { k: 'a', ci: 2n, ba: false, ev: false, bo: true, so: true, mx: 2, mn: 1, sd: 3n },
      { k: 'b', ci: 0n, ba: true, ev: true, bo: true, so: true, mx: null, mn: null, sd: null },
    ]);
  });

  it("match Spark 4's answers (pyspark 4, same query)", async () => {
    const t = spark.createDataFrame(
      [
        { x: 1, f: 1, y: 'a' },
        { x: 2, f: 2, y: 'b' },
        { x: 5, f: 3, y: 'c' },
        { x: 5, f: 1, y: 'd' },
      ],
      'x double, f int, y string',
    );
    const [r] = await t.coalesce(1).selectExpr('skewness(x) AS s', 'kurtosis(x) AS k', 'percentile(x, 0.5, f) AS p', 'max_by(y, x) AS mx', 'min_by(y, x) AS mn').collect();
    expect(r!.s).toBeCloseTo(-0.1153171833905417, 12);
    expect(r!.k).toBeCloseTo(-1.8477508650519041, 12);
    expect(r).toMatchObject({ p: 5, mx: 'd', mn: 'a' });
  });

  it('work in SQL text, global aggregates and windows', async () => {
    const t = spark.createDataFrame(
      [1, 2, 3, 4, 5, 6].map((v) => ({ g: v % 2, v, w: v * v })),
      'g int, v int, w int',
    );
    const [r] = await t.select(expr('median(v)'), expr('percentile_approx(v, 0.5)'), expr('percentile(v, 0.5)'), expr('corr(v, w) AS c'), expr('approx_count_distinct(g)'), expr('count_if(v > 2)')).collect();
    expect(r!['median(v)']).toBe(3.5);
    expect(r!['percentile(v, 0.5, 1)']).toBe(3.5);
    expect(r!['percentile_approx(v, 0.5, 10000)']).toBe(3);
    expect(r!.c).toBeCloseTo(0.9789, 3);
    expect(r!['approx_count_distinct(g)']).toBe(2n);
    expect(r!['count_if((v > 2))']).toBe(4n);
    const w = Window.partitionBy('g').orderBy('v');
    const run = await t.select('g', 'v', F.median('v').over(w).alias('m'), F.corr('v', 'w').over(w).alias('c')).orderBy('g', 'v').collect();
    expect(run.map((x) => x.m)).toEqual([2, 3, 4, 1, 2, 3]);
    expect(run[0]!.c).toBeNull();
    expect(run[1]!.c).toBeCloseTo(1, 10);
  });
});
