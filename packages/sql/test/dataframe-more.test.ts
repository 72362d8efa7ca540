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

describe('more DataFrame operations', () => {
  it('repartition deals rows evenly, or by column hash; coalesce narrows', async () => {
    const df = spark.range(0, 1000, 1, 1).repartition(4);
    const rdd = await df.batchRdd();
    expect(rdd.getNumPartitions()).toBe(4);
    const sizes = await rdd.mapPartitions(function* (it) {
      let n = 0;
      for (let x = it.next(); !x.done; x = it.next()) n += x.value.length;
      yield n;
    }).collect();
    expect(sizes.every((s) => s > 0)).toBe(true);
    expect(await df.count()).toBe(1000);
    const byKey = spark.range(0, 100).withColumn('k', col('id').mod(5)).repartition(3, 'k');
    expect(byKey.explainString()).toMatch(/Exchange hashpartitioning\(k, 3\)/);
    expect(await byKey.groupBy('k').count().count()).toBe(5);
    expect((await spark.range(0, 10, 1, 4).coalesce(2).batchRdd()).getNumPartitions()).toBe(2);
  });

  it('offset skips rows after an order', async () => {
    const out = await spark.range(0, 10, 1, 3).orderBy(col('id').desc()).offset(7).collect();
    expect(out).toEqual([{ id: 2n }, { id: 1n }, { id: 0n }]);
  });

  it('cache computes once and later actions reuse the batches', async () => {
    const df = spark.range(0, 1000, 1, 2).withColumn('sq', col('id').multiply(col('id'))).cache();
    expect(df.explainString()).toMatch(/InMemoryTableScan \[id, sq\], MEMORY_AND_DISK/);
    expect(await df.count()).toBe(1000);
    const jobsBefore = spark.sparkContext.statusStore.jobs().length;
    expect(await df.agg(F.max('sq').alias('m')).collect()).toEqual([{ m: 998001n }]);
    const lastJob = spark.sparkContext.statusStore.lastJob()!;
    const stages = spark.sparkContext.statusStore.stagesOfJob(lastJob.jobId);
    expect(spark.sparkContext.statusStore.jobs().length).toBeGreaterThan(jobsBefore);
    expect(stages.some((s) => s.metrics.outputRecords > 0)).toBe(true);
    df.unpersist();
    expect(await df.count()).toBe(1000);
  });

  it('temp views and session.table', async () => {
    spark.createDataFrame([{ a: 1 }, { a: 2 }]).createOrReplaceTempView('nums');
    expect(await spark.table('NUMS').filter(col('nums.a').gt(1)).collect()).toEqual([{ a: 2 }]);
    expect(() => spark.table('numz')).toThrow(/TABLE_OR_VIEW_NOT_FOUND.*did you mean 'nums'/);
    expect(spark.catalog.listTables()).toContain('nums');
  });

  it('na.drop and na.fill', async () => {
    const df = spark.createDataFrame([
      { name: 'a', score: 1.5, tag: 'x' },
      { name: 'b', score: null, tag: null },
      { name: null, score: NaN, tag: 'z' },
    ]);
    expect((await df.na.drop().collect()).map((r) => r.name)).toEqual(['a']);
    expect((await df.na.drop('all', ['score', 'tag']).collect()).map((r) => r.name)).toEqual(['a', null]);
    expect((await df.na.drop('any', undefined, 2).collect()).map((r) => r.name)).toEqual(['a']); // NaN counts as missing
    expect(await df.na.fill(0).select('score').collect()).toEqual([{ score: 1.5 }, { score: 0 }, { score: NaN }]);
    expect(await df.na.fill('?').select('name', 'tag').collect()).toEqual([
      { name: 'a', tag: 'x' },
      { name: 'b', tag: '?' },
      { name: '?', tag: 'z' },
    ]);
    expect(await df.na.fill({ tag: 'none' }).select('tag').collect()).toEqual([{ tag: 'x' }, { tag: 'none' }, { tag: 'z' }]);
  });
});
