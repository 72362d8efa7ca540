import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

const wide = () =>
  spark.createDataFrame(
    [
      { id: 1, i: 11, d: 1.1, s: null },
      { id: 2, i: null, d: null, s: 'x' },
    ],
    'id int, i int, d double, s string',
  );

describe('df.unpivot / melt', () => {
  it("keeps NULL values, one row per input row and value column in Spark's order, value types widened", async () => {
    const long = wide().unpivot('id', ['i', 'd'], 'var', 'val');
    expect(long.dtypes).toEqual([
      ['id', 'int'],
      ['var', 'string'],
      ['val', 'double'],
    ]);
    expect(await long.collect()).toEqual([
      { id: 1, var: 'i', val: 11 },
      { id: 1, var: 'd', val: 1.1 },
      { id: 2, var: 'i', val: null },
      { id: 2, var: 'd', val: null },
    ]);
  });

  it('values null: every non-id column; ids may be expressions; melt is the same', async () => {
    const df = wide().drop('s');
    expect(await df.unpivot(['id'], null, 'k', 'v').count()).toBe(4);
    const byExpr = await df.melt([col('id').multiply(10).alias('key')], [col('i')], 'k', 'v').collect();
    expect(byExpr).toEqual([
      { key: 10, k: 'i', v: 11 },
      { key: 20, k: 'i', v: null },
    ]);
  });

  it('strings do not mix with numbers (UNPIVOT_VALUE_DATA_TYPE_MISMATCH names the columns); no value column is an error', () => {
    expect(() => wide().unpivot('id', ['i', 's'], 'k', 'v')).toThrow(/UNPIVOT_VALUE_DATA_TYPE_MISMATCH.*"INT" \(`i`\), "STRING" \(`s`\)/);
    expect(() => wide().select('id').unpivot('id', null, 'k', 'v')).toThrow(/UNPIVOT_REQUIRES_VALUE_COLUMNS/);
  });

  it('runs across partitions and feeds an aggregate (the expand is a narrow step)', async () => {
    const rows = Array.from({ length: 1000 }, (_, n) => ({ id: n, a: n, b: 2 * n }));
    const df = spark.createDataFrame(rows, 'id int, a int, b int').repartition(3);
    const sums = await df.unpivot('id', ['a', 'b'], 'col', 'v').groupBy('col').sum('v').orderBy('col').collect();
    expect(sums).toEqual([
      { col: 'a', 'sum(v)': 499500n },
      { col: 'b', 'sum(v)': 999000n },
    ]);
  });
});
