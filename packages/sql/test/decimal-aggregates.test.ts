import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session } from '@kindling/sql';

// avg and sum of decimals follow Spark: sum(decimal(p, s)) is decimal(p + 10, s); avg is decimal(p + 4, s + 4),
// both bounded by 38, with the quotient rounded HALF_UP. Partial states cross a shuffle (local[2], 3 partitions).

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

const typesOf = (sql: string) => spark.sql(sql).schema.fields.map((f) => f.dataType.simpleString());
const strings = async (sql: string) => (await spark.sql(sql).collect()).map((r) => Object.values(r).map(String));

describe('decimal avg and sum (Spark types and rounding)', () => {
  it('result types', () => {
    expect(typesOf('SELECT avg(x), sum(x) FROM (SELECT CAST(1 AS DECIMAL(12,2)) AS x)')).toEqual(['decimal(16,6)', 'decimal(22,2)']);
    expect(typesOf('SELECT avg(x), sum(x) FROM (SELECT CAST(1 AS DECIMAL(36,30)) AS x)')).toEqual(['decimal(38,34)', 'decimal(38,30)']);
    expect(typesOf('SELECT avg(x) FROM (SELECT CAST(1 AS DECIMAL(38,36)) AS x)')).toEqual(['decimal(38,38)']);
    expect(typesOf('SELECT avg(x) FROM (SELECT 1 AS x)')).toEqual(['double']);
  });

  it('HALF_UP at scale s + 4, per group and across partitions; all-NULL groups are NULL', async () => {
    // 1/32 = 0.03125: HALF_UP gives 0.0313 (HALF_EVEN would give 0.0312); -1/32 gives -0.0313.
    const rows = await strings(`
      SELECT g, CAST(avg(x) AS STRING) AS a, CAST(sum(x) AS STRING) AS s FROM (
        SELECT id % 3 AS g, CAST(CASE WHEN id = 0 THEN 1 WHEN id = 1 THEN -1 WHEN id % 3 = 2 THEN NULL ELSE 0 END AS DECIMAL(1,0)) AS x
        FROM range(0, 96, 1, 4)
      ) GROUP BY g ORDER BY g`);
    expect(rows).toEqual([
      ['0', '0.0313', '1'],
      ['1', '-0.0313', '-1'],
      ['2', 'null', 'null'],
    ]);
  });

  it('sums exact past 2^53 (where a double would round), per group, and overflow is ARITHMETIC_OVERFLOW', async () => {
    const rows = await strings(`
      SELECT id % 2 AS g, CAST(sum(x) AS STRING) AS s, CAST(avg(x) AS STRING) AS a FROM (
        SELECT id, CAST(9007199254740991 AS DECIMAL(20,0)) - CAST(id % 2 AS DECIMAL(20,0)) AS x FROM range(0, 7, 1, 3)
      ) GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      ['0', '36028797018963964', '9007199254740991.0000'],
      ['1', '27021597764222970', '9007199254740990.0000'],
    ]);
    const mixed = await strings(`SELECT CAST(sum(x) AS STRING) FROM (SELECT CASE WHEN id = 1 THEN CAST('-99999999999999999999.5' AS DECIMAL(28,1)) ELSE CAST(id AS DECIMAL(28,1)) END AS x FROM range(0, 5, 1, 2))`);
    expect(mixed).toEqual([['-99999999999999999990.5']]);
    const overflow = spark.sql(`SELECT sum(x) FROM (SELECT CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0)) AS x FROM range(2))`);
    await expect(overflow.collect()).rejects.toThrow(/ARITHMETIC_OVERFLOW|NUMERIC_VALUE_OUT_OF_RANGE/);
  });

  it('exact beyond 64 bits and over a window frame', async () => {
    const big = await strings(`SELECT CAST(avg(x) AS STRING) FROM (SELECT CAST(id AS DECIMAL(30,0)) * 1000000000000000000000 AS x FROM range(1, 4))`);
    expect(big).toEqual([['2000000000000000000000.0000']]);
    const w = await strings(`
      SELECT CAST(avg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS STRING) FROM (
        SELECT CAST(v AS DECIMAL(4,3)) AS x FROM VALUES (1.001), (2.000), (0.000) AS t(v)) ORDER BY 1`);
    expect(w).toEqual([['0.0000000'], ['0.5005000'], ['1.5005000']]);
  });
});
