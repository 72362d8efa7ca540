import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F, type DataFrame } from '@kindling/sql';

const sessions: Record<string, Session> = {};
beforeAll(() => {
  for (const m of ['local', 'local[2]']) sessions[m] = new Session(new Context({ master: m }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  for (const s of Object.values(sessions)) await s.stop();
});

const people = [
  { name: 'Alice', dept: 'eng', age: 34, salary: 120.5 },
  { name: 'Bob', dept: 'eng', age: 28, salary: 99.0 },
  { name: 'Carol', dept: 'ops', age: null, salary: 80.25 },
  { name: 'Dan', dept: 'ops', age: 45, salary: null },
  { name: 'Eve', dept: null, age: 23, salary: 60.0 },
];

describe.each(['local', 'local[2]'])('DataFrames on %s', (master) => {
  const spark = () => sessions[master]!;
  const df = (): DataFrame => spark().createDataFrame(people);

  it('infers a schema and prints it as Spark does', () => {
    expect(df().dtypes).toEqual([
      ['name', 'string'],
      ['dept', 'string'],
      ['age', 'int'],
      ['salary', 'double'],
    ]);
    expect(df().schema.treeString()).toBe(
      'root\n |-- name: string (nullable = true)\n |-- dept: string (nullable = true)\n |-- age: integer (nullable = true)\n |-- salary: double (nullable = true)\n'.replace(
        'integer',
        'int',
      ),
    );
  });

  it('select, withColumn and filter, with three-valued logic', async () => {
    const out = await df()
      .withColumn('older', col('age').plus(1))
      .filter(col('age').gt(25))
      .select('name', 'older')
      .collect();
    expect(out).toEqual([
      { name: 'Alice', older: 35 },
      { name: 'Bob', older: 29 },
      { name: 'Dan', older: 46 },
    ]);
    // NULL > 25 is NULL: Carol is neither kept by the condition nor by its negation.
    expect((await df().filter(col('age').gt(25).not()).collect()).map((r) => r.name)).toEqual(['Eve']);
  });

  it('groupBy with aggregates, null keys and nulls ignored', async () => {
    const out = await df()
      .groupBy('dept')
      .agg(F.count('*').alias('n'), F.sum('age').alias('ages'), F.avg('salary').alias('pay'), F.max('name').alias('last'))
      .orderBy('dept')
      .collect();
    expect(out).toEqual([
      { dept: null, n: 1n, ages: 23n, pay: 60, last: 'Eve' },
      { dept: 'eng', n: 2n, ages: 62n, pay: 109.75, last: 'Bob' },
      { dept: 'ops', n: 2n, ages: 45n, pay: 80.25, last: 'Dan' },
    ]);
  });

  it('aggregates over an empty input give one row (count 0, sum null)', async () => {
    const out = await df().filter(col('age').gt(1000)).agg(F.count('*').alias('n'), F.sum('age').alias('s')).collect();
    expect(out).toEqual([{ n: 0n, s: null }]);
    expect(await df().filter(col('age').gt(1000)).groupBy('dept').count().collect()).toEqual([]);
  });

  it('expressions over aggregates', async () => {
    const out = await df().groupBy('dept').agg(F.max('age').minus(F.min('age')).alias('spread')).orderBy(col('dept').desc()).collect();
    expect(out).toEqual([
      { dept: 'ops', spread: 0 },
      { dept: 'eng', spread: 6 },
      { dept: null, spread: 0 },
    ]);
  });

  it('orderBy: ascending puts nulls first, descending last; sorts across partitions', async () => {
    expect((await df().orderBy('age').collect()).map((r) => r.age)).toEqual([null, 23, 28, 34, 45]);
    expect((await df().orderBy(col('age').desc()).collect()).map((r) => r.age)).toEqual([45, 34, 28, 23, null]);
    const many = spark().range(0, 5000, 1, 4).withColumn('k', col('id').multiply(7919).mod(5000));
    const sorted = (await many.orderBy('k').select('k').collect()).map((r) => r.k);
    expect(sorted).toEqual(Array.from({ length: 5000 }, (_, i) => BigInt(i)));
  });

  it('limit', async () => {
    expect(await spark().range(0, 1000, 1, 4).limit(3).count()).toBe(3);
    expect((await df().orderBy('name').limit(2).collect()).map((r) => r.name)).toEqual(['Alice', 'Bob']);
  });

  it('range and count', async () => {
    expect(await spark().range(10).count()).toBe(10);
    expect(await spark().range(0, 10, 3).collect()).toEqual([{ id: 0n }, { id: 3n }, { id: 6n }, { id: 9n }]);
  });

  it('fails early, naming the column and suggesting the nearest', () => {
    const users = spark().createDataFrame([{ user_id: 1, name: 'a' }]);
    expect(() => users.select('usr_id')).toThrow("[UNRESOLVED_COLUMN] cannot resolve 'usr_id' among (user_id, name); did you mean 'user_id'?");
    expect(() => users.groupBy('name').agg(F.sum('user_id'), col('user_id'))).toThrow(/MISSING_AGGREGATION/);
  });

  it('show() prints Spark\'s table', async () => {
    const text = await df().select('name', 'age', 'salary').showString(3);
    expect(text).toBe(
      [
        '+-----+----+------+',
        '| name| age|salary|',
        '+-----+----+------+',
        '|Alice|  34| 120.5|',
        '|  Bob|  28|  99.0|',
        '|Carol|NULL| 80.25|',
        '+-----+----+------+',
        'only showing top 3 rows',
        '',
      ].join('\n'),
    );
  });

  it('explain shows the exchange the core scheduler runs as a stage boundary', () => {
    const text = df().groupBy('dept').agg(F.sum('age')).explainString();
    expect(text).toMatch(/HashAggregate\(keys=\[dept\], functions=\[sum\(.*age.*\)\]\)/);
    expect(text).toMatch(/Exchange hashpartitioning\(dept, 3\)/);
    expect(text).toMatch(/partial_sum/);
    expect(df().filter(col('age').gt(lit(30))).explainString(true)).toMatch(/== Parsed Logical Plan ==[\s\S]*== Analyzed Logical Plan ==[\s\S]*== Optimized Logical Plan ==[\s\S]*== Physical Plan ==/);
  });

  it('gives the same answer as the same query written with RDDs', async () => {
    const sc = spark().sparkContext;
    const viaRdd = new Map(
      await sc
        .parallelize(people, 2)
        .filter((p) => p.age !== null)
        .map((p) => [p.dept ?? 'none', p.age as number] as [string, number])
        .reduceByKey((a, b) => a + b)
        .collect(),
    );
    const viaDf = new Map(
      (await df().filter(col('age').isNotNull()).groupBy(F.coalesce('dept', lit('none')).alias('d')).agg(F.sum('age').alias('s')).collect()).map(
        (r) => [r.d as string, Number(r.s)],
      ),
    );
    expect(viaDf).toEqual(viaRdd);
  });
});
