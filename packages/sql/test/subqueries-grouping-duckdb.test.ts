import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F, type DataFrame } from '@kindling/sql';

// DuckDB (a dev dependency) as the oracle for the decorrelation rewrites: small random tables full of NULLs and
// duplicate keys, each query written once as DataFrame calls and once as SQL.
const duck = await import('@duckdb/node-api').catch(() => null);

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A column of the outer query o, from inside a subquery. */
const O = (name: string) => col(`o.${name}`).outer();

type Rows = (number | null)[][];
const table = (r: () => number, n: number): Rows => Array.from({ length: n }, () => [r() < 0.15 ? null : Math.floor(r() * 6), r() < 0.2 ? null : Math.floor(r() * 6)]);
const sqlValues = (rows: Rows) => rows.map((x) => `(${x.map((v) => (v === null ? 'NULL' : v)).join(', ')})`).join(', ');
const norm = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) => JSON.stringify(Object.values(r).map((v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))))
    .sort();

/** [name, DataFrame over (o, i), the same in SQL over tables o(k, v) and i(k, w)] */
const CASES: [string, (o: DataFrame, i: DataFrame) => DataFrame, string][] = [
  ['EXISTS', (o, i) => o.where(i.where(col('i.k').eq(O('k'))).exists()), 'SELECT * FROM o WHERE EXISTS (SELECT * FROM i WHERE i.k = o.k)'],
  ['NOT EXISTS', (o, i) => o.where(i.where(col('i.k').eq(O('k'))).exists().not()), 'SELECT * FROM o WHERE NOT EXISTS (SELECT * FROM i WHERE i.k = o.k)'],
  [
    'EXISTS with a non-equality correlation',
    (o, i) => o.where(i.where(col('i.k').eq(O('k')).and(col('i.w').gt(O('v')))).exists()),
    'SELECT * FROM o WHERE EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w > o.v)',
  ],
  [
    'NOT EXISTS with a non-equality correlation',
    (o, i) => o.where(i.where(col('i.k').eq(O('k')).and(col('i.w').notEqual(O('v')))).exists().not()),
    'SELECT * FROM o WHERE NOT EXISTS (SELECT * FROM i WHERE i.k = o.k AND i.w <> o.v)',
  ],
  ['IN', (o, i) => o.where(col('v').isin(i.select('w'))), 'SELECT * FROM o WHERE v IN (SELECT w FROM i)'],
  ['NOT IN', (o, i) => o.where(col('v').isin(i.select('w')).not()), 'SELECT * FROM o WHERE v NOT IN (SELECT w FROM i)'],
  [
    'NOT IN without NULLs in the subquery',
    (o, i) => o.where(col('v').isin(i.where('w IS NOT NULL').select('w')).not()),
    'SELECT * FROM o WHERE v NOT IN (SELECT w FROM i WHERE w IS NOT NULL)',
  ],
  [
    'correlated NOT IN',
    (o, i) => o.where(col('v').isin(i.where(col('i.k').eq(O('k'))).select('w')).not()),
    'SELECT * FROM o WHERE v NOT IN (SELECT w FROM i WHERE i.k = o.k)',
  ],
  [
    'correlated NOT IN with a non-equality correlation',
    (o, i) => o.where(col('v').isin(i.where(col('i.k').lt(O('k'))).select('w')).not()),
    'SELECT * FROM o WHERE v NOT IN (SELECT w FROM i WHERE i.k < o.k)',
  ],
  [
    'correlated count (the count bug)',
    (o, i) => o.select(col('k'), col('v'), i.where(col('i.k').eq(O('k'))).agg(F.count('*')).scalar().alias('c')),
    'SELECT k, v, (SELECT count(*) FROM i WHERE i.k = o.k) AS c FROM o',
  ],
  [
    'correlated count(w) + 1',
    (o, i) => o.select(col('k'), i.where(col('i.k').eq(O('k'))).agg(F.count('w').plus(1)).scalar().alias('c')),
    'SELECT k, (SELECT count(w) + 1 FROM i WHERE i.k = o.k) AS c FROM o',
  ],
  [
    'correlated sum in a comparison',
    (o, i) => o.where(col('v').lt(i.where(col('i.k').eq(O('k'))).agg(F.sum('w')).scalar())),
    'SELECT * FROM o WHERE v < (SELECT sum(w) FROM i WHERE i.k = o.k)',
  ],
  [
    'correlated avg on two keys',
    (o, i) => o.select(col('k'), col('v'), i.where(col('i.k').eq(O('k')).and(col('i.w').eq(O('v')))).agg(F.avg('w')).scalar().alias('a')),
    'SELECT k, v, (SELECT avg(w) FROM i WHERE i.k = o.k AND i.w = o.v) AS a FROM o',
  ],
  ['uncorrelated scalar', (o, i) => o.where(col('v').gt(i.agg(F.avg('w')).scalar())), 'SELECT * FROM o WHERE v > (SELECT avg(w) FROM i)'],
  [
    'IN as a value, correlated',
    (o, i) => o.select(col('k'), col('v'), col('v').isin(i.where(col('i.k').eq(O('k'))).select('w')).alias('f')),
    'SELECT k, v, v IN (SELECT w FROM i WHERE i.k = o.k) AS f FROM o',
  ],
  ['NOT IN as a value', (o, i) => o.select(col('v'), col('v').isin(i.select('w')).not().alias('f')), 'SELECT v, v NOT IN (SELECT w FROM i) AS f FROM o'],
  [
    'EXISTS inside OR',
    (o, i) => o.where(i.where(col('i.k').eq(O('k'))).exists().or(col('v').gt(3))),
    'SELECT * FROM o WHERE EXISTS (SELECT * FROM i WHERE i.k = o.k) OR v > 3',
  ],
  [
    'IN inside OR, correlated',
    (o, i) => o.where(col('v').isin(i.where(col('i.k').eq(O('k'))).select('w')).or(col('k').eq(0))),
    'SELECT * FROM o WHERE v IN (SELECT w FROM i WHERE i.k = o.k) OR k = 0',
  ],
];

describe.skipIf(!duck)('subqueries against DuckDB', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every case agrees`, async () => {
      const r = rng(seed);
      const oRows = table(r, 30);
      const iRows = table(r, 20);
      const inst = await duck!.DuckDBInstance.create(':memory:');
      const con = await inst.connect();
      await con.run(`CREATE TABLE o(k INT, v INT); INSERT INTO o VALUES ${sqlValues(oRows)}`);
      await con.run(`CREATE TABLE i(k INT, w INT); INSERT INTO i VALUES ${sqlValues(iRows)}`);
      const o = spark.createDataFrame(oRows, 'k int, v int').alias('o');
      const i = spark.createDataFrame(iRows, 'k int, w int').alias('i');
      for (const [name, build, sql] of CASES) {
        const expected = norm((await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
        const actual = norm(await build(o, i).collect());
        expect(actual, `${name}: ${sql}`).toEqual(expected);
      }
    });
  }
});

const GROUPING_CASES: [string, (o: DataFrame) => DataFrame, string][] = [
  [
    'ROLLUP',
    (o) => o.rollup('k', 'v').agg(F.count('*'), F.sum('v'), F.grouping('k'), F.grouping_id('k', 'v')),
    'SELECT k, v, count(*), sum(v), GROUPING(k), GROUPING(k, v) FROM o GROUP BY ROLLUP (k, v)',
  ],
  [
    'CUBE',
    (o) => o.cube('k', 'v').agg(F.count('v'), F.max('k'), F.grouping_id(), F.countDistinct('v')),
    'SELECT k, v, count(v), max(k), GROUPING(k, v), count(DISTINCT v) FROM o GROUP BY CUBE (k, v)',
  ],
  [
    'GROUPING SETS',
    (o) => o.groupingSets([['k'], ['v'], []], 'k', 'v').agg(F.count('*'), F.grouping('v')),
    'SELECT k, v, count(*), GROUPING(v) FROM o GROUP BY GROUPING SETS ((k), (v), ())',
  ],
];

describe.skipIf(!duck)('grouping sets against DuckDB', () => {
  it('rollup, cube and grouping sets agree, NULL keys included', async () => {
    const oRows = table(rng(7), 40);
    const inst = await duck!.DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    await con.run(`CREATE TABLE o(k INT, v INT); INSERT INTO o VALUES ${sqlValues(oRows)}`);
    const o = spark.createDataFrame(oRows, 'k int, v int');
    for (const [name, build, sql] of GROUPING_CASES) {
      const expected = norm((await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
      expect(norm(await build(o).collect()), `${name}: ${sql}`).toEqual(expected);
    }
  });
});
