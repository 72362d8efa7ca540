import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
  const rows = Array.from({ length: 60 }, (_, i) => ({ k: i % 4, v: (i * 7) % 11, s: i % 5 === 0 ? null : `s${i % 9}` }));
  spark.createDataFrame(rows, 'k int, v int, s string').repartition(2).createOrReplaceTempView('t');
});
afterAll(async () => {
  await spark.stop();
});

/** Each partition's rows, in order. */
async function partitions(df: import('@kindling/sql').DataFrame): Promise<Record<string, unknown>[][]> {
  return (await df.rdd()).glom().collect();
}

const sortedBy = (rows: Record<string, unknown>[], key: (r: Record<string, unknown>) => number) =>
  rows.every((r, i) => i === 0 || key(rows[i - 1]!) <= key(r));

describe('sortWithinPartitions and SQL DISTRIBUTE BY / SORT BY / CLUSTER BY', () => {
  it('sortWithinPartitions sorts each partition without a shuffle (nulls first ascending)', async () => {
    const df = spark.table('t').sortWithinPartitions(col('s'), col('v').desc());
    expect(df.explainString()).toMatch(/Sort \[s ASC NULLS FIRST, v DESC NULLS LAST\], false/);
    const parts = await partitions(df);
    expect(parts).toHaveLength(2);
    expect(parts.flat()).toHaveLength(60);
    for (const p of parts) {
      const nulls = p.findIndex((r) => r.s !== null);
      expect(p.slice(0, nulls).every((r) => r.s === null)).toBe(true);
      const rest = p.slice(nulls);
      expect(rest.every((r, i) => i === 0 || (rest[i - 1]!.s as string) < (r.s as string) || ((rest[i - 1]!.s === r.s) && (rest[i - 1]!.v as number) >= (r.v as number)))).toBe(true);
    }
  });

  it('DISTRIBUTE BY k puts each key in one partition; SORT BY sorts each; CLUSTER BY is both', async () => {
    for (const [sql, key] of [
      ['SELECT k, v FROM t DISTRIBUTE BY k SORT BY k, v', (r: Record<string, unknown>) => (r.k as number) * 100 + (r.v as number)],
      ['SELECT k, v FROM t CLUSTER BY k', (r: Record<string, unknown>) => r.k as number],
    ] as const) {
      const parts = await partitions(spark.sql(sql));
      expect(parts).toHaveLength(3);
      expect(parts.flat()).toHaveLength(60);
      const home = new Map<unknown, number>();
      parts.forEach((p, i) => {
        for (const r of p) {
          expect(home.get(r.k) ?? i, sql).toBe(i);
          home.set(r.k, i);
        }
        expect(sortedBy(p, key), sql).toBe(true);
      });
    }
    const local = await partitions(spark.sql('SELECT v FROM t SORT BY v DESC'));
    expect(local).toHaveLength(2);
    for (const p of local) expect(sortedBy(p, (r) => -(r.v as number))).toBe(true);
  });

  it('ORDER BY or CLUSTER BY with another of the clauses is an error, as in Spark; sort stays a name', () => {
    expect(() => spark.sql('SELECT k FROM t ORDER BY k SORT BY k')).toThrow(/COMBINATION_QUERY_RESULT_CLAUSES/);
    expect(() => spark.sql('SELECT k FROM t CLUSTER BY k DISTRIBUTE BY k')).toThrow(/COMBINATION_QUERY_RESULT_CLAUSES/);
    expect(spark.sql('SELECT 1 AS sort, 2 cluster').columns).toEqual(['sort', 'cluster']);
  });
});
