import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type StageInfo } from '@kindling/core';
import { Session, type DataFrame } from '@kindling/sql';
import { runUnder } from './stages-under.js';

// A global sort whose sample job finds little input sorts what that job brought back in one task
// (kindling.sql.smallSortBytes); over the limit, or with it at 0, the input is range-partitioned and computed again.
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
  // ties on k (stable order decides), nulls on both ends, three input partitions
  const rows = Array.from({ length: 900 }, (_, i) => ({ id: i, k: i % 7 === 0 ? null : (i * 37) % 11, s: `row ${(i * 13) % 900}` }));
  spark.createDataFrame(rows, 'id int, k int, s string').repartition(3).createOrReplaceTempView('t');
});
afterAll(async () => {
  await spark.stop();
});

const run = <T,>(conf: Record<string, string>, f: () => Promise<T>) => runUnder(spark, conf, f);

const rowsOf = async (df: DataFrame) => (await df.collect()).map((r) => ({ ...r }));
// the input's repartition is a map stage of its own in every run; the range-partitioning sort adds one
const mapStages = (stages: StageInfo[]) => stages.filter((s) => s.status === 'succeeded' && s.kind === 'shuffleMap').length;

describe('small global sorts', () => {
  const queries = [
    'SELECT id, k, s FROM t ORDER BY k, s DESC',
    'SELECT id, k FROM t ORDER BY k DESC NULLS FIRST',
    'SELECT id, k, s FROM t WHERE k > 3 ORDER BY k', // (with a LIMIT it is TakeOrderedAndProject: take-ordered.test.ts)
  ];

  for (const q of queries) {
    it(`gives the range-partitioned sort's rows, in its order: ${q}`, async () => {
      const range = await run({ 'kindling.sql.smallSortBytes': '0' }, () => rowsOf(spark.sql(q)));
      const small = await run({}, () => rowsOf(spark.sql(q)));
      expect(small.value).toEqual(range.value);
      expect(small.value.length).toBeGreaterThan(0);
      // the range path runs the sample, the range-partitioning map stage and the sort; the small one no map stage
      expect(mapStages(range.stages)).toBe(2);
      expect(mapStages(small.stages)).toBe(1);
      expect(small.stages.length).toBe(range.stages.length - 1);
    });
  }

  it('equal keys keep their input order (partition by partition), as the range-partitioned sort does', async () => {
    const q = 'SELECT id, k FROM t ORDER BY k';
    const small = (await run({}, () => rowsOf(spark.sql(q)))).value;
    const input = (await rowsOf(spark.sql('SELECT id, k FROM t'))).map((r) => r.id);
    const at = new Map(input.map((id, i) => [id, i]));
    for (let i = 1; i < small.length; i++) {
      if (small[i]!.k === small[i - 1]!.k) expect(at.get(small[i]!.id)!).toBeGreaterThan(at.get(small[i - 1]!.id)!);
    }
  });

  it('over the limit, sorts by range partitioning (the sample job keeps no batches)', async () => {
    const q = 'SELECT id, k, s FROM t ORDER BY s';
    const over = await run({ 'kindling.sql.smallSortBytes': '100' }, () => rowsOf(spark.sql(q)));
    const under = await run({}, () => rowsOf(spark.sql(q)));
    expect(over.value).toEqual(under.value);
    expect(mapStages(over.stages)).toBe(2);
    expect(mapStages(under.stages)).toBe(1);
  });

  it('an input of one partition is sorted where it is: no sample job, no shuffle', async () => {
    const one = spark.table('t').repartition(1).orderBy('s');
    const { value, stages } = await run({ 'kindling.sql.smallSortBytes': '0' }, () => rowsOf(one));
    expect(value.map((r) => r.s)).toEqual(Array.from({ length: 900 }, (_, i) => `row ${i}`).sort());
    // the map stages of t's repartition(3) and of repartition(1), then the result stage
    expect(stages.map((s) => s.kind)).toEqual(['shuffleMap', 'shuffleMap', 'result']);
  });

  it('is off when adaptive execution is', async () => {
    const q = 'SELECT id FROM t ORDER BY id DESC';
    const { value, stages } = await run({ 'spark.sql.adaptive.enabled': 'false' }, () => rowsOf(spark.sql(q)));
    expect(value.map((r) => r.id)).toEqual(Array.from({ length: 900 }, (_, i) => 899 - i));
    expect(mapStages(stages)).toBe(2);
  });

  it('rejects a size it cannot read', async () => {
    spark.conf.set('kindling.sql.smallSortBytes', 'lots');
    try {
      await expect(spark.sql('SELECT id FROM t ORDER BY id').collect()).rejects.toThrow(/kindling.sql.smallSortBytes: cannot read 'lots'/);
    } finally {
      spark.conf.delete('kindling.sql.smallSortBytes');
    }
  });
});
