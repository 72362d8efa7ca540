import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

const data = () =>
  spark.createDataFrame(
    [
      { k: 1, p: 'a', x: 1 },
      { k: 1, p: 'b', x: 2 },
      { k: 2, p: 'a', x: 3 },
      { k: 2, p: null, x: 4 },
      { k: 3, p: 'c', x: 5 },
      { k: 1, p: 'a', x: null },
    ],
    'k int, p string, x double',
  );

describe('groupBy().pivot()', () => {
  it('with values: one column per value, NULL where a group has no rows (also for count)', async () => {
    const out = await data().groupBy('k').pivot('p', ['a', 'b']).sum('x').orderBy('k').collect();
    expect(out).toEqual([
      { k: 1, a: 1, b: 2 },
      { k: 2, a: 3, b: null },
      { k: 3, a: null, b: null },
    ]);
    const counts = await data().groupBy('k').pivot('p', ['a', 'b']).count().orderBy('k').collect();
    expect(counts).toEqual([
      { k: 1, a: 2n, b: 1n },
      { k: 2, a: 1n, b: null },
      { k: 3, a: null, b: null },
    ]);
  });

  it("names value_aggregate for several aggregates (alias or SQL text), null pivot value as 'null'", async () => {
    const df = data().groupBy('k').pivot('p', ['a', 'b', null]).agg(F.sum('x'), F.count('x').alias('n'));
    expect(df.columns).toEqual(['k', 'a_sum(x)', 'a_n', 'b_sum(x)', 'b_n', 'null_sum(x)', 'null_n']);
    const rows = await df.orderBy('k').collect();
    expect(rows[1]).toEqual({ k: 2, 'a_sum(x)': 3, a_n: 1n, 'b_sum(x)': null, b_n: null, 'null_sum(x)': 4, null_n: 1n });
    const one = data().groupBy('k').pivot('p', ['a']).agg(F.sum('x').alias('s'));
    expect(one.dtypes).toEqual([
      ['k', 'int'],
      ['a', 'double'],
    ]);
  });

  it('without values: a job finds the sorted distinct values (NULL first)', async () => {
    const df = await data().groupBy('k').pivot('p').agg(F.sum('x'), F.avg('x'));
    expect(df.columns).toEqual(['k', 'null_sum(x)', 'null_avg(x)', 'a_sum(x)', 'a_avg(x)', 'b_sum(x)', 'b_avg(x)', 'c_sum(x)', 'c_avg(x)']);
    const sums = await (await data().groupBy('k').pivot('p').sum('x')).orderBy('k').collect();
    expect(sums).toEqual([
      { k: 1, null: null, a: 1, b: 2, c: null },
      { k: 2, null: 4, a: 3, b: null, c: null },
      { k: 3, null: null, a: null, b: null, c: 5 },
    ]);
    // numeric pivot values and expressions; global pivot (no keys)
    const byNum = await (await spark.range(0, 10).withColumn('m', col('id').mod(3)).groupBy().pivot('m').agg(F.max('id'))).collect();
    expect(byNum).toEqual([{ '0': 9n, '1': 7n, '2': 8n }]);
  });

  it('pivots on dates (names as Spark casts them to string)', async () => {
    const df = spark
      .createDataFrame([{ k: 1, d: '2024-01-01', v: 1.5 }, { k: 1, d: '2024-01-02', v: 2.5 }, { k: 2, d: null, v: 4 }], 'k int, d string, v double')
      .withColumn('dt', F.to_date(col('d')));
    const p = await df.groupBy('k').pivot('dt').sum('v');
    expect(p.columns).toEqual(['k', 'null', '2024-01-01', '2024-01-02']);
    expect(await p.orderBy('k').collect()).toEqual([
      { k: 1, null: null, '2024-01-01': 1.5, '2024-01-02': 2.5 },
      { k: 2, null: 4, '2024-01-01': null, '2024-01-02': null },
    ]);
  });

  it("SQL's PIVOT clause: grouped by the other columns, value and aggregate aliases", async () => {
    data().createOrReplaceTempView('pv');
    const one = spark.sql("SELECT * FROM pv PIVOT (sum(x) FOR p IN ('a', 'b'))");
    expect(one.columns).toEqual(['k', 'a', 'b']);
    expect(await one.orderBy('k').collect()).toEqual([
      { k: 1, a: 1, b: 2 },
      { k: 2, a: 3, b: null },
      { k: 3, a: null, b: null },
    ]);
    const two = spark.sql("SELECT * FROM (SELECT k, p, x FROM pv) PIVOT (sum(x) AS s, count(x) AS n FOR p IN ('a' AS first, NULL)) WHERE k = 2");
    expect(two.columns).toEqual(['k', 'first_s', 'first_n', 'null_s', 'null_n']);
    expect(await two.collect()).toEqual([{ k: 2, first_s: 3, first_n: 1n, null_s: 4, null_n: 1n }]);
    expect(() => spark.sql('SELECT * FROM pv PIVOT (sum(x) FOR p IN (k))')).toThrow(/NON_LITERAL_PIVOT_VALUES/);
  });

  it('fails past spark.sql.pivotMaxValues, as Spark', async () => {
    const s = new Session(spark.sparkContext, new Map([['spark.sql.pivotMaxValues', '2']]));
    const df = s.createDataFrame([{ k: 1, p: 'a' }, { k: 1, p: 'b' }, { k: 1, p: 'c' }], 'k int, p string');
    await expect(df.groupBy('k').pivot('p').count()).rejects.toThrow(/PIVOT_VALUES_LIMIT_EXCEEDED.*more than 2 distinct values.*spark.sql.pivotMaxValues/);
    expect(() => data().groupBy('k').pivot('nope', ['a'])).toThrow(/UNRESOLVED_COLUMN/);
    expect(() => data().rollup('k').pivot('p', ['a'])).toThrow(/UNSUPPORTED_FEATURE.PIVOT_AFTER_GROUP_BY/);
  });
});
