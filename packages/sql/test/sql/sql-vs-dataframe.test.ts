import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, Window, col, functions as F, type DataFrame } from '@kindling/sql';

// SQL compiles to the plans the DataFrame API builds: the same query both ways gives the same optimized and
// physical plans (so the optimizer, planner, explain and metrics are shared), and the same rows.

/** The optimized logical and physical plans of extended explain (the parsed and analyzed ones name their source). */
function optimizedPlans(df: DataFrame): string {
  const text = df.explainString('extended');
  return text.slice(text.indexOf('== Optimized Logical Plan =='));
}

describe('SQL and the DataFrame API', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local' }));
    spark.conf.set('spark.sql.shuffle.partitions', '2');
    spark.createDataFrame([
      { name: 'ann', dept: 'eng', age: 31, pay: 100 },
      { name: 'bob', dept: 'eng', age: 19, pay: 80 },
      { name: 'cy', dept: 'ops', age: 45, pay: null },
    ]).createOrReplaceTempView('people');
    spark.createDataFrame([{ dept: 'eng', floor: 3 }, { dept: 'ops', floor: 1 }]).createOrReplaceTempView('depts');
  });
  afterAll(async () => {
    await spark.stop();
  });

  const same = async (sql: string, df: DataFrame) => {
    const s = spark.sql(sql);
    expect(optimizedPlans(s)).toBe(optimizedPlans(df));
    expect(s.columns).toEqual(df.columns);
    expect(await s.collect()).toEqual(await df.collect());
  };

  it('filter, projection and sort', async () => {
    const t = spark.table('people');
    await same(
      'SELECT name, age + 1 AS next FROM people WHERE age > 20 ORDER BY name DESC',
      t.filter(col('age').gt(20)).select(col('name'), col('age').plus(1).alias('next')).orderBy(col('name').desc()),
    );
  });

  it('grouped aggregation with HAVING-like filter and LIMIT', async () => {
    const t = spark.table('people');
    await same(
      'SELECT dept, sum(pay) AS total, count(*) AS n FROM people GROUP BY dept ORDER BY dept LIMIT 5',
      t.groupBy('dept').agg(F.sum('pay').alias('total'), F.count('*').alias('n')).orderBy('dept').limit(5),
    );
  });

  it('joins: comma join with a WHERE equality and an explicit JOIN ... ON plan alike', async () => {
    const p = spark.table('people');
    const d = spark.table('depts');
    const viaDf = p.join(d, col('people.dept').equalTo(col('depts.dept'))).filter(col('floor').gt(1)).select(col('name'), col('floor'));
    await same('SELECT name, floor FROM people JOIN depts ON people.dept = depts.dept WHERE floor > 1', viaDf);
    expect(optimizedPlans(spark.sql('SELECT name, floor FROM people, depts WHERE people.dept = depts.dept AND floor > 1'))).toBe(optimizedPlans(viaDf));
  });

  it('window functions', async () => {
    const w = Window.partitionBy('dept').orderBy(col('pay').desc());
    await same(
      'SELECT name, rank() OVER (PARTITION BY dept ORDER BY pay DESC) AS r FROM people',
      spark.table('people').select(col('name'), F.rank().over(w).alias('r')),
    );
  });

  it('EXPLAIN is a one-column DataFrame holding the plan text', async () => {
    const q = 'SELECT dept, max(age) AS oldest FROM people GROUP BY dept';
    const rows = await spark.sql(`EXPLAIN ${q}`).collect();
    expect(rows).toEqual([{ plan: spark.sql(q).explainString() }]);
    expect(rows[0]!.plan).toMatch(/^== Physical Plan ==\n/);
    const extended = (await spark.sql(`EXPLAIN EXTENDED ${q}`).collect())[0]!.plan as string;
    expect(extended).toContain('== Parsed Logical Plan ==');
    expect(extended).toContain('== Optimized Logical Plan ==');
  });
});
