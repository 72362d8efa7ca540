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

const sortRows = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('set operations with multiplicities', () => {
  const a = () => spark.createDataFrame([{ x: 1 }, { x: 1 }, { x: 2 }, { x: null }, { x: 3 }], 'x int');
  const b = () => spark.createDataFrame([{ x: 1 }, { x: null }, { x: 3 }, { x: 3 }], 'x int');

  it('intersect and intersectAll (NULLs are equal here, as Spark)', async () => {
    expect(sortRows(await a().intersect(b()).collect())).toEqual(sortRows([{ x: 1 }, { x: null }, { x: 3 }]));
    expect(sortRows(await a().intersectAll(b()).collect())).toEqual(sortRows([{ x: 1 }, { x: null }, { x: 3 }]));
    const twice = spark.createDataFrame([{ x: 1 }, { x: 1 }], 'x int');
    expect(await a().intersectAll(twice).count()).toBe(2);
  });

  it('subtract and exceptAll', async () => {
    expect(sortRows(await a().subtract(b()).collect())).toEqual(sortRows([{ x: 2 }]));
    expect(sortRows(await a().exceptAll(b()).collect())).toEqual(sortRows([{ x: 1 }, { x: 2 }]));
  });
});

describe('explode', () => {
  const df = () =>
    spark.createDataFrame(
      [
        { id: 1, tags: ['a', 'b'] },
        { id: 2, tags: [] },
        { id: 3, tags: null },
      ],
      'id int, tags array<string>',
    );

  it('explode, explode_outer and posexplode', async () => {
    expect(await df().select('id', F.explode('tags').alias('tag')).collect()).toEqual([
      { id: 1, tag: 'a' },
      { id: 1, tag: 'b' },
    ]);
    expect(await df().select('id', F.explode_outer('tags')).collect()).toEqual([
      { id: 1, col: 'a' },
      { id: 1, col: 'b' },
      { id: 2, col: null },
      { id: 3, col: null },
    ]);
    expect(await df().select(F.posexplode('tags')).collect()).toEqual([
      { pos: 0, col: 'a' },
      { pos: 1, col: 'b' },
    ]);
    expect(() => df().select(F.explode('id'))).toThrow(/needs an array or a map/);
  });
});

describe('sampling, describe and rdd', () => {
  it('sample is deterministic for a seed; randomSplit parts are disjoint and complete', async () => {
    const df = spark.range(0, 2000, 1, 4);
    const s1 = await df.sample(0.1, 42).collect();
    expect(await df.sample(0.1, 42).collect()).toEqual(s1);
    expect(s1.length).toBeGreaterThan(120);
    expect(s1.length).toBeLessThan(280);
    const parts = df.randomSplit([1, 2, 2], 7);
    const ids = (await Promise.all(parts.map((p) => p.collect()))).flat().map((r) => r.id as bigint);
    expect(ids.length).toBe(2000);
    expect(new Set(ids).size).toBe(2000);
  });

  it('describe summarizes numeric and string columns', async () => {
    const df = spark.createDataFrame([{ n: 1, s: 'b' }, { n: 3, s: 'a' }, { n: null, s: 'c' }]);
    const out = await df.describe().collect();
    expect(out.map((r) => r.summary)).toEqual(['count', 'mean', 'stddev', 'min', 'max']);
    expect(out[0]).toEqual({ summary: 'count', n: '2', s: '3' });
    expect(out[1]).toEqual({ summary: 'mean', n: '2.0', s: null });
    expect(Number(out[2]!.n)).toBeCloseTo(Math.SQRT2, 12);
    expect(out[3]).toEqual({ summary: 'min', n: '1', s: 'a' });
    expect(out[4]).toEqual({ summary: 'max', n: '3', s: 'c' });
  });

  it('rdd() gives the rows to RDD code', async () => {
    const rdd = await spark.range(0, 10).filter(col('id').mod(2).equalTo(0)).rdd();
    expect(await rdd.map((r) => Number(r.id)).sum()).toBe(20);
  });
});
