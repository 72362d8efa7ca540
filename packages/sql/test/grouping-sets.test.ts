import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

const byJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

// Spark's documentation example (pyspark.sql.DataFrame.rollup / cube): name, age.
const people = () =>
  spark.createDataFrame(
    [
      [2, 'Alice'],
      [5, 'Bob'],
    ],
    'age int, name string',
  );

describe('rollup, cube and grouping sets', () => {
  it("df.rollup('name', 'age').count() gives Spark's documented rows", async () => {
    const out = await people().rollup('name', col('age')).count().orderBy('name', 'age').collect();
    expect(out).toEqual([
      { name: null, age: null, count: 2n },
      { name: 'Alice', age: null, count: 1n },
      { name: 'Alice', age: 2, count: 1n },
      { name: 'Bob', age: null, count: 1n },
      { name: 'Bob', age: 5, count: 1n },
    ]);
  });

  it("df.cube('name', 'age').count() gives Spark's documented rows", async () => {
    const out = await people().cube('name', col('age')).count().orderBy('name', 'age').collect();
    expect(out).toEqual([
      { name: null, age: null, count: 2n },
      { name: null, age: 2, count: 1n },
      { name: null, age: 5, count: 1n },
      { name: 'Alice', age: null, count: 1n },
      { name: 'Alice', age: 2, count: 1n },
      { name: 'Bob', age: null, count: 1n },
      { name: 'Bob', age: 5, count: 1n },
    ]);
  });

  it('grouping() and grouping_id() tell rolled-up NULLs from NULL keys (first column the high bit)', async () => {
    const df = spark.createDataFrame(
      [
        ['a', 'x', 1],
        ['a', null, 2],
        ['b', 'y', 3],
      ],
      'k1 string, k2 string, v int',
    );
    const out = await df
      .rollup('k1', 'k2')
      .agg(F.sum('v').alias('s'), F.grouping('k1').alias('g1'), F.grouping('k2').alias('g2'), F.grouping_id().alias('gid'), F.grouping_id('k2', 'k1').alias('gid21'))
      .collect();
    expect(byJson(out)).toEqual(
      byJson([
        { k1: 'a', k2: 'x', s: 1n, g1: 0, g2: 0, gid: 0n, gid21: 0n },
        { k1: 'a', k2: null, s: 2n, g1: 0, g2: 0, gid: 0n, gid21: 0n },
        { k1: 'b', k2: 'y', s: 3n, g1: 0, g2: 0, gid: 0n, gid21: 0n },
        { k1: 'a', k2: null, s: 3n, g1: 0, g2: 1, gid: 1n, gid21: 2n },
        { k1: 'b', k2: null, s: 3n, g1: 0, g2: 1, gid: 1n, gid21: 2n },
        { k1: null, k2: null, s: 6n, g1: 1, g2: 1, gid: 3n, gid21: 3n },
      ]),
    );
    expect(df.rollup('k1').agg(F.grouping('k1')).dtypes).toEqual([
      ['k1', 'string'],
      ['grouping(k1)', 'tinyint'],
    ]);
  });

  it('groupingSets with an empty set, aggregates over the original values, keys in expressions', async () => {
    const df = spark.createDataFrame(
      [
        [1, 10, 5],
        [1, 20, 7],
        [2, 10, 1],
      ],
      'a int, b int, v int',
    );
    const out = await df
      .groupingSets([['a'], ['b'], []], 'a', 'b')
      .agg(F.max('a').alias('maxA'), F.count('*').alias('n'), col('a').plus(1).alias('a1'))
      .collect();
    expect(byJson(out)).toEqual(
      byJson([
        { a: 1, b: null, maxA: 1, n: 2n, a1: 2 },
        { a: 2, b: null, maxA: 2, n: 1n, a1: 3 },
        { a: null, b: 10, maxA: 2, n: 2n, a1: null },
        { a: null, b: 20, maxA: 1, n: 1n, a1: null },
        { a: null, b: null, maxA: 2, n: 3n, a1: null },
      ]),
    );
  });

  it('filters on the result (HAVING) and errors for grouping() misuse', async () => {
    const df = people();
    const totals = await df.rollup('name').count().where(F.col('name').isNull()).collect();
    expect(totals).toEqual([{ name: null, count: 2n }]);
    expect(() => df.groupBy('name').agg(F.grouping('name'))).toThrow(/UNSUPPORTED_GROUPING_EXPRESSION/);
    expect(() => df.rollup('name').agg(F.grouping('age'))).toThrow(/GROUPING_COLUMN_MISMATCH/);
  });

  it('explain shows the Expand under an ordinary aggregate', () => {
    const text = people().rollup('name', 'age').count().explainString('extended');
    expect(text).toContain('Expand [[name, age, 0], [name, null, 1], [null, null, 3]], [__gk0, __gk1, __gid]');
    expect(text).toMatch(/HashAggregate\(keys=\[__gk0, __gk1, __gid\]/);
  });
});

describe('batches holding one column twice', () => {
  it('select(a, a AS b) survives the trip between threads', async () => {
    const df = spark.createDataFrame([[1, 10], [2, 20], [3, 30]], 'a int, v int');
    const out = await df.select(col('a'), col('v'), col('a').alias('b')).collect();
    expect(byJson(out)).toEqual(byJson([{ a: 1, v: 10, b: 1 }, { a: 2, v: 20, b: 2 }, { a: 3, v: 30, b: 3 }]));
  });
});
