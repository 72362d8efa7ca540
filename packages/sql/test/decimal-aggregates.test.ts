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

  it('decimal group keys and min/max/sum agree whether a batch is in exact (double) form or in bigints', async () => {
    // Four partitions; the batches holding id 50 (a value past 2^64) and id 120 (just past 2^53) stay bigints, the
    // others are exact doubles (`* 1` converts them). Keys: negative, zero, NULL, and one past 2^53.
    const huge = 123456789012345678901n; // 12345678901234567890.1 at scale 1
    const past53 = -90071992547409931n; // -9007199254740993.1
    const keyOf = (id: number): bigint | null => (id % 11 === 0 ? null : id % 13 === 0 ? 9999999999999999999900n : BigInt((id % 5) - 2) * 100n);
    const xOf = (id: number): bigint | null => (id % 7 === 0 ? null : id === 50 ? huge : id === 120 ? past53 : BigInt(id * 37 - 3000) * 10n);
    const rows = await strings(`
      SELECT CAST(k AS STRING), CAST(min(x) AS STRING), CAST(max(x) AS STRING), CAST(sum(x) AS STRING), count(x) FROM (
        SELECT k0 + CAST(0 AS DECIMAL(1,0)) AS k, x0 * CAST(1 AS DECIMAL(1,0)) AS x FROM (
          SELECT
            CASE WHEN id % 11 = 0 THEN NULL WHEN id % 13 = 0 THEN CAST('99999999999999999999' AS DECIMAL(22,2))
              ELSE CAST(id % 5 - 2 AS DECIMAL(22,2)) END AS k0,
            CASE WHEN id % 7 = 0 THEN NULL WHEN id = 50 THEN CAST('12345678901234567890.1' AS DECIMAL(38,1))
              WHEN id = 120 THEN CAST('-9007199254740993.1' AS DECIMAL(38,1)) ELSE CAST(id * 37 - 3000 AS DECIMAL(38,1)) END AS x0
          FROM range(0, 200, 1, 4)))
      GROUP BY k ORDER BY k NULLS FIRST`);
    const groups = new Map<string, bigint[]>();
    for (let id = 0; id < 200; id++) {
      const k = keyOf(id);
      const key = k === null ? 'null' : k.toString();
      if (!groups.has(key)) groups.set(key, []);
      const x = xOf(id);
      if (x !== null) groups.get(key)!.push(x);
    }
    const dec = (v: bigint, scale: number) => {
      const neg = v < 0n;
      const t = (neg ? -v : v).toString().padStart(scale + 1, '0');
      return `${neg ? '-' : ''}${t.slice(0, t.length - scale)}.${t.slice(t.length - scale)}`;
    };
    const keys = [...groups.keys()].sort((a, b) => (a === 'null' ? -1 : b === 'null' ? 1 : BigInt(a) < BigInt(b) ? -1 : 1));
    const want = keys.map((key) => {
      const xs = groups.get(key)!;
      const mn = xs.reduce((a, b) => (b < a ? b : a));
      const mx = xs.reduce((a, b) => (b > a ? b : a));
      const sum = xs.reduce((a, b) => a + b, 0n);
      return [key === 'null' ? 'null' : dec(BigInt(key), 2), dec(mn, 1), dec(mx, 1), dec(sum, 1), String(xs.length)];
    });
    expect(rows).toEqual(want);
    // The groups holding the bigint rows are among them (so both forms met in one aggregation).
    expect(want.some((r) => r[2] === '12345678901234567890.1')).toBe(true);
    expect(want.some((r) => r[1] === '-9007199254740993.1')).toBe(true);
  });

  it('an exact-form column held twice in a batch crosses a shuffle and threads', async () => {
    const rows = await strings(`
      SELECT CAST(x AS STRING), CAST(y AS STRING), CAST(z AS STRING) FROM (
        SELECT x, x AS y, x * -2 AS z FROM (SELECT CAST(id AS DECIMAL(10,2)) * CAST(1.5 AS DECIMAL(2,1)) AS x FROM range(0, 6, 1, 3)))
      ORDER BY z`);
    expect(rows).toEqual([5, 4, 3, 2, 1, 0].map((i) => [(i * 1.5).toFixed(3), (i * 1.5).toFixed(3), (-i * 3).toFixed(3)]));
  });

  it("rounds and types decimal products and casts of columns as Spark 4 does (pyspark 4.3's answers)", async () => {
    const rows = await strings(`
      SELECT CAST(x * y AS STRING), CAST(CAST(x * 1000 AS DECIMAL(38,1)) AS STRING), CAST(try_cast(x * 10000 AS DECIMAL(2,1)) AS STRING) FROM (
        SELECT CAST(v AS DECIMAL(38,10)) AS x, CAST(w AS DECIMAL(38,10)) AS y FROM VALUES ('0.0005', '0.001'), ('-0.0005', '0.001'), ('0.0015', '0.001'), ('0.000994', '1') AS t(v, w))`);
    expect(typesOf('SELECT CAST(1 AS DECIMAL(38,10)) * CAST(1 AS DECIMAL(38,10))')).toEqual(['decimal(38,6)']);
    expect(rows).toEqual([
      ['0.000001', '0.5', '5.0'],
      ['-0.000001', '-0.5', '-5.0'],
      ['0.000002', '1.5', 'null'],
      ['0.000994', '1.0', '9.9'],
    ]);
  });
});
