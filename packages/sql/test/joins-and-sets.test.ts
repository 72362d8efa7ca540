import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

const sessions: Record<string, Session> = {};
beforeAll(() => {
  for (const m of ['local', 'local[2]']) sessions[m] = new Session(new Context({ master: m }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  for (const s of Object.values(sessions)) await s.stop();
});

const byJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

describe.each(['local', 'local[2]'])('joins and set operations on %s', (master) => {
  const spark = () => sessions[master]!;
  const emp = () =>
    spark().createDataFrame([
      { id: 1, name: 'Ada', dept: 10 },
      { id: 2, name: 'Bob', dept: 20 },
      { id: 3, name: 'Cy', dept: null },
      { id: 4, name: 'Di', dept: 40 },
    ]);
  const dept = () =>
    spark().createDataFrame([
      { dept: 10, title: 'Eng' },
      { dept: 20, title: 'Ops' },
      { dept: 30, title: 'Art' },
      { dept: null, title: 'None' },
    ]);

  it('inner join on a condition (null keys never match)', async () => {
    const e = emp().alias('e');
    const d = dept().alias('d');
    const out = await e.join(d, col('e.dept').equalTo(col('d.dept'))).select('name', 'title').collect();
    expect(byJson(out)).toEqual(byJson([{ name: 'Ada', title: 'Eng' }, { name: 'Bob', title: 'Ops' }]));
  });

  it('USING joins of every type keep the key once', async () => {
    const rows = async (how: string) => byJson(await emp().join(dept(), 'dept', how).collect());
    expect(emp().join(dept(), 'dept').columns).toEqual(['dept', 'id', 'name', 'title']);
    expect(await rows('inner')).toEqual(byJson([
      { dept: 10, id: 1, name: 'Ada', title: 'Eng' },
      { dept: 20, id: 2, name: 'Bob', title: 'Ops' },
    ]));
    expect(await rows('left')).toEqual(byJson([
      { dept: 10, id: 1, name: 'Ada', title: 'Eng' },
      { dept: 20, id: 2, name: 'Bob', title: 'Ops' },
      { dept: null, id: 3, name: 'Cy', title: null },
      { dept: 40, id: 4, name: 'Di', title: null },
    ]));
    expect(await rows('right')).toEqual(byJson([
      { dept: 10, id: 1, name: 'Ada', title: 'Eng' },
      { dept: 20, id: 2, name: 'Bob', title: 'Ops' },
      { dept: 30, id: null, name: null, title: 'Art' },
      { dept: null, id: null, name: null, title: 'None' },
    ]));
    expect((await emp().join(dept(), 'dept', 'full').collect()).length).toBe(6);
    expect(byJson(await emp().join(dept(), 'dept', 'left_semi').collect())).toEqual(byJson([
      { id: 1, name: 'Ada', dept: 10 },
      { id: 2, name: 'Bob', dept: 20 },
    ]));
    expect(byJson(await emp().join(dept(), 'dept', 'left_anti').collect())).toEqual(byJson([
      { id: 3, name: 'Cy', dept: null },
      { id: 4, name: 'Di', dept: 40 },
    ]));
  });

  it('an extra non-equality condition applies when matching (outer rows stay)', async () => {
    const e = emp().alias('e');
    const d = dept().alias('d');
    const out = await e.join(d, col('e.dept').equalTo(col('d.dept')).and(col('d.title').notEqual('Ops')), 'left').select('name', 'title').collect();
    expect(byJson(out)).toEqual(byJson([
      { name: 'Ada', title: 'Eng' },
      { name: 'Bob', title: null },
      { name: 'Cy', title: null },
      { name: 'Di', title: null },
    ]));
  });

  it('join keys of different integer types match', async () => {
    const big = spark().range(0, 5).withColumnRenamed('id', 'k');
    const small = spark().createDataFrame([{ k: 3, v: 'three' }]);
    expect(await big.join(small, 'k').collect()).toEqual([{ k: 3n, v: 'three' }]);
  });

  it('cross join and non-equi joins', async () => {
    expect(await emp().crossJoin(dept()).count()).toBe(16);
    const e = emp().alias('e');
    const d = dept().alias('d');
    const out = await e.join(d, col('e.dept').lt(col('d.dept')), 'inner').count();
    expect(out).toBe(3); // 10<20, 10<30, 20<30; comparisons with null are never true
  });

  it('union, unionByName, distinct, dropDuplicates', async () => {
    const a = spark().createDataFrame([{ x: 1, y: 'a' }, { x: 2, y: 'b' }]);
    const b = spark().createDataFrame([{ y: 'b', x: 2 }, { y: 'c', x: 3.5 }]);
    expect((await a.unionByName(b).collect()).length).toBe(4);
    expect(a.unionByName(b).dtypes).toEqual([['x', 'double'], ['y', 'string']]);
    expect(byJson(await a.unionByName(b).distinct().collect())).toEqual(byJson([{ x: 1, y: 'a' }, { x: 2, y: 'b' }, { x: 3.5, y: 'c' }]));
    expect(() => a.union(spark().createDataFrame([{ x: 1 }]))).toThrow(/NUM_COLUMNS_MISMATCH/);
    const withZ = spark().createDataFrame([{ x: 9, z: true }]);
    expect(await a.unionByName(withZ, true).filter(col('x').equalTo(9)).collect()).toEqual([{ x: 9, y: null, z: undefined }].map(({ x, y }) => ({ x, y })));
    const dups = spark().createDataFrame([{ k: 'a', v: 1 }, { k: 'a', v: 2 }, { k: 'b', v: 3 }]);
    const dd = await dups.dropDuplicates(['k']).orderBy('k').collect();
    expect(dd.map((r) => r.k)).toEqual(['a', 'b']);
    expect(dups.dropDuplicates(['k']).columns).toEqual(['k', 'v']);
  });

  it('small sides are broadcast; with the threshold off, both sides are shuffled', () => {
    expect(emp().join(dept(), 'dept').explainString()).toMatch(/BroadcastHashJoin \[dept\], \[dept\], inner, BuildRight\n[\s\S]*BroadcastExchange/);
    expect(emp().join(dept(), 'dept', 'right').explainString()).toMatch(/BuildLeft/);
    expect(emp().join(dept(), 'dept', 'full').explainString()).toMatch(/ShuffledHashJoin/);
    spark().conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    try {
      const text = emp().join(dept(), 'dept').explainString();
      expect(text).toMatch(/ShuffledHashJoin \[dept\], \[dept\], inner/);
      expect(text.match(/Exchange hashpartitioning\(dept, 3\)/g)).toHaveLength(2);
      expect(emp().join(F.broadcast(dept()), 'dept').explainString()).toMatch(/BroadcastHashJoin.*BuildRight/);
    } finally {
      spark().conf.delete('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  it('every join type gives the same rows broadcast or shuffled', async () => {
    for (const how of ['inner', 'left', 'right', 'full', 'left_semi', 'left_anti']) {
      const broadcast = byJson(await emp().join(dept(), 'dept', how).collect());
      spark().conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
      try {
        expect(byJson(await emp().join(dept(), 'dept', how).collect())).toEqual(broadcast);
      } finally {
        spark().conf.delete('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });

  it('a join followed by an aggregation matches the RDD answer', async () => {
    const viaDf = await emp().join(dept(), 'dept').groupBy('title').agg(F.count('*').alias('n')).orderBy('title').collect();
    expect(viaDf).toEqual([{ title: 'Eng', n: 1n }, { title: 'Ops', n: 1n }]);
  });
});
