import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, Window, col, functions as F, type DataFrame } from '@kindling/sql';

// Expected values come from PySpark 4 (local[2], spark.sql.shuffle.partitions=3) on the same data.

const sessions: Record<string, Session> = {};
beforeAll(() => {
  for (const m of ['local', 'local[2]']) sessions[m] = new Session(new Context({ master: m }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  for (const s of Object.values(sessions)) await s.stop();
});

const emp = [
  ['eng', 'Alice', 120],
  ['eng', 'Bob', 100],
  ['eng', 'Cid', 100],
  ['eng', 'Dee', 90],
  ['ops', 'Eve', 80],
  ['ops', 'Fay', null],
  ['ops', 'Gus', 80],
  [null, 'Hal', 70],
  [null, 'Ivy', null],
];

const byName = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.name ?? a.id).localeCompare(String(b.name ?? b.id)));

describe.each(['local', 'local[2]'])('window functions on %s', (master) => {
  const spark = () => sessions[master]!;
  const df = (): DataFrame => spark().createDataFrame(emp, 'dept string, name string, salary int');
  const w = Window.partitionBy('dept').orderBy(F.desc('salary'), 'name');
  const wr = Window.partitionBy('dept').orderBy(F.desc('salary'));

  it('ranks rows: row_number, rank, dense_rank, percent_rank, cume_dist, ntile (ties, null keys)', async () => {
    const rows = await df()
      .select(
        'name',
        F.row_number().over(w).alias('rn'),
        F.rank().over(wr).alias('rk'),
        F.dense_rank().over(wr).alias('dr'),
        F.percent_rank().over(wr).alias('pr'),
        F.cume_dist().over(wr).alias('cd'),
        F.ntile(3).over(w).alias('nt'),
      )
      .collect();
    expect(byName(rows).map((r) => [r.name, r.rn, r.rk, r.dr, r.pr, r.cd, r.nt])).toEqual([
      ['Alice', 1, 1, 1, 0, 0.25, 1],
      ['Bob', 2, 2, 2, 1 / 3, 0.75, 1],
      ['Cid', 3, 2, 2, 1 / 3, 0.75, 2],
      ['Dee', 4, 4, 3, 1, 1, 3],
      ['Eve', 1, 1, 1, 0, 2 / 3, 1],
      ['Fay', 3, 3, 2, 1, 1, 3],
      ['Gus', 2, 1, 1, 0, 2 / 3, 2],
      ['Hal', 1, 1, 1, 0, 0.5, 1],
      ['Ivy', 2, 2, 2, 1, 1, 2],
    ]);
  });

  it('lag and lead with offsets and defaults; a null value is not replaced by the default', async () => {
    const rows = await df()
      .select('name', F.lag('salary').over(w).alias('lag1'), F.lag('salary', 2, 0).over(w).alias('lag2'), F.lead('salary', 1, -1).over(w).alias('lead1'))
      .collect();
    expect(byName(rows).map((r) => [r.name, r.lag1, r.lag2, r.lead1])).toEqual([
      ['Alice', null, 0, 100],
      ['Bob', 120, 0, 100],
      ['Cid', 100, 120, 90],
      ['Dee', 100, 100, -1],
      ['Eve', null, 0, 80],
      ['Fay', 80, 80, -1],
      ['Gus', 80, 0, null],
      ['Hal', null, 0, null],
      ['Ivy', 70, 0, -1],
    ]);
  });

  it('aggregates over frames: running totals with peers, moving averages, whole partitions', async () => {
    const rows = await df()
      .select(
        'name',
        F.sum('salary').over(wr).alias('run'),
        F.avg('salary').over(w.rowsBetween(-1, 1)).alias('mavg'),
        F.count('*').over(Window.partitionBy('dept')).alias('n'),
        F.first('salary', true).over(w.rowsBetween(-1, 1)).alias('f'),
        F.last('salary', true).over(w.rowsBetween(-1, 1)).alias('l'),
        F.collect_list('name').over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow)).alias('names'),
        F.max('salary').over(w.rowsBetween(0, Window.unboundedFollowing)).alias('mx'),
        F.stddev('salary').over(Window.partitionBy('dept')).alias('sd'),
        F.sum('salary').over(Window.orderBy('name').rowsBetween(-2, 0)).alias('g3'),
      )
      .collect();
    const sd = 12.583057392117917;
    expect(byName(rows).map((r) => [r.name, r.run, r.mavg, r.n, r.f, r.l, r.names, r.mx, r.sd === null ? null : Number((r.sd as number).toFixed(9)), r.g3])).toEqual([
      ['Alice', 120n, 110, 4n, 120, 100, ['Alice'], 120, Number(sd.toFixed(9)), 120n],
      ['Bob', 320n, 320 / 3, 4n, 120, 100, ['Alice', 'Bob'], 100, Number(sd.toFixed(9)), 220n],
      ['Cid', 320n, 290 / 3, 4n, 100, 90, ['Alice', 'Bob', 'Cid'], 100, Number(sd.toFixed(9)), 320n],
      ['Dee', 410n, 95, 4n, 100, 90, ['Alice', 'Bob', 'Cid', 'Dee'], 90, Number(sd.toFixed(9)), 290n],
      ['Eve', 160n, 80, 3n, 80, 80, ['Eve'], 80, 0, 270n],
      ['Fay', 160n, 80, 3n, 80, 80, ['Eve', 'Gus', 'Fay'], null, 0, 170n],
      ['Gus', 160n, 80, 3n, 80, 80, ['Eve', 'Gus'], 80, 0, 160n],
      ['Hal', 70n, 70, 2n, 70, 70, ['Hal'], 70, null, 150n],
      ['Ivy', 70n, 70, 2n, 70, 70, ['Hal', 'Ivy'], null, null, 150n],
    ]);
  });

  it('rangeBetween with value offsets, descending order and null order keys', async () => {
    const t = spark().createDataFrame(
      [
        [1, 'a', 1, 10],
        [1, 'b', 2, 20],
        [1, 'c', 4, 30],
        [1, 'd', 5, 40],
        [1, 'e', null, 50],
        [1, 'e2', null, 55],
        [2, 'f', 3, 60],
      ],
      'g int, id string, t int, v int',
    );
    const rows = await t
      .select(
        'id',
        F.sum('v').over(Window.partitionBy('g').orderBy('t').rangeBetween(-1, 1)).alias('a'),
        F.sum('v').over(Window.partitionBy('g').orderBy(F.desc('t')).rangeBetween(-1, 0)).alias('b'),
        F.sum('v').over(Window.partitionBy('g').orderBy('t').rangeBetween(Window.currentRow, Window.unboundedFollowing)).alias('c'),
        F.count('v').over(Window.partitionBy('g').orderBy(F.asc_nulls_last('t')).rangeBetween(-2, Window.currentRow)).alias('d'),
        F.rank().over(Window.partitionBy('g').orderBy('t')).alias('rk'),
      )
      .collect();
    expect(byName(rows).map((r) => [r.id, r.a, r.b, r.c, r.d, r.rk])).toEqual([
      ['a', 30n, 30n, 100n, 1n, 3],
      ['b', 30n, 20n, 90n, 2n, 4],
      ['c', 70n, 70n, 70n, 2n, 5],
      ['d', 70n, 40n, 40n, 2n, 6],
      ['e', 105n, 105n, 205n, 2n, 1],
      ['e2', 105n, 105n, 205n, 2n, 1],
      ['f', 60n, 60n, 60n, 1n, 1],
    ]);
  });

  it('frames at partition edges: empty frames, frames after the current row, growing and shrinking frames', async () => {
    const t = spark().createDataFrame(
      [
        [1, 'a', 1, 10.5],
        [1, 'b', 2, null],
        [1, 'c', 4, 30.25],
        [1, 'd', 5, 40.0],
        [1, 'e', 7, 50.0],
        [2, 'f', 3, 60.0],
        [null, 'g', 1, 1.0],
        [null, 'h', 2, 2.0],
      ],
      'g int, id string, t int, v double',
    );
    const w = Window.partitionBy('g').orderBy('t');
    const r = t.select(
      'id',
      F.sum('v').over(w.rowsBetween(-3, -2)).alias('a'),
      F.count('v').over(w.rowsBetween(1, Window.unboundedFollowing)).alias('b'),
      F.min('v').over(w.rowsBetween(-1, Window.unboundedFollowing)).alias('c'),
      F.collect_list('id').over(w.rangeBetween(-2, Window.unboundedFollowing)).alias('d'),
      F.avg('v').over(w.rangeBetween(-3, -1)).alias('e'),
      F.last('v').over(w.rowsBetween(-1, 0)).alias('f'),
      F.first('v', true).over(w.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)).alias('fi'),
      F.var_pop('v').over(w.rowsBetween(-1, 1)).alias('vp'),
      F.sum('t').over(w.rowsBetween(2, 5)).alias('s2'),
      F.lead('id', 2).over(w).alias('ld'),
      F.lag('v', -1).over(w).alias('lgn'),
    );
    expect(r.dtypes.map(([, t]) => t)).toEqual(['string', 'double', 'bigint', 'double', 'array<string>', 'double', 'double', 'double', 'double', 'bigint', 'string', 'double']);
    const rows = byName(await r.collect());
    expect(rows.map((x) => [x.id, x.a, x.b, x.c, x.d, x.e, x.f, x.fi, x.vp === null ? null : Number((x.vp as number).toFixed(9)), x.s2, x.ld, x.lgn])).toEqual([
      ['a', null, 3n, 10.5, ['a', 'b', 'c', 'd', 'e'], null, 10.5, 10.5, 0, 16n, 'c', null],
      ['b', null, 3n, 10.5, ['a', 'b', 'c', 'd', 'e'], 10.5, null, 10.5, 97.515625, 12n, 'd', 30.25],
      ['c', 10.5, 2n, 30.25, ['b', 'c', 'd', 'e'], 10.5, 30.25, 10.5, 23.765625, 7n, 'e', 40],
      ['d', 10.5, 1n, 30.25, ['c', 'd', 'e'], 30.25, 40, 10.5, 65.013888889, null, null, 50],
      ['e', 30.25, 0n, 40, ['d', 'e'], 35.125, 50, 10.5, 25, null, null, null],
      ['f', null, 0n, 60, ['f'], null, 60, 60, 0, null, null, null],
      ['g', null, 1n, 1, ['g', 'h'], null, 1, 1, 0.25, null, null, 2],
      ['h', null, 0n, 1, ['g', 'h'], 1, 2, 1, 0.25, null, null, null],
    ]);
  });

  it('nth_value over frames, with and without ignoreNulls', async () => {
    const t = spark().createDataFrame(
      [
        [1, 'a', 1, null],
        [1, 'b', 2, 20],
        [1, 'c', 4, null],
        [1, 'd', 5, 40],
        [1, 'e', 7, 50],
        [2, 'f', 3, 60],
      ],
      'g int, id string, t int, v int',
    );
    const w = Window.partitionBy('g').orderBy('t');
    const r = t.select(
      'id',
      F.nth_value('v', 2).over(w).alias('a'),
      F.nth_value('v', 2, true).over(w).alias('b'),
      F.nth_value('v', 1).over(w.rowsBetween(-1, 1)).alias('c'),
      F.nth_value('id', 3, true).over(w.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)).alias('d'),
    );
    expect(byName(await r.collect()).map((x) => [x.id, x.a, x.b, x.c, x.d])).toEqual([
      ['a', null, null, null, 'c'],
      ['b', 20, null, null, 'c'],
      ['c', 20, null, 20, 'c'],
      ['d', 20, 40, null, 'c'],
      ['e', 20, 40, 40, 'c'],
      ['f', null, null, 60, null],
    ]);
    expect(() => t.select(F.nth_value('v', 2).over(Window.partitionBy('g')))).toThrow(/WINDOW_FUNCTION_WITHOUT_ORDER/);
  });

  it('PySpark docs: rowsBetween / rangeBetween(currentRow, 1), lag, lead, ntile, ranks without partitions', async () => {
    const d = spark().createDataFrame(
      [
        [1, 'a'],
        [1, 'a'],
        [2, 'a'],
        [1, 'b'],
        [2, 'b'],
        [3, 'b'],
      ],
      ['id', 'category'],
    );
    const rowsW = Window.partitionBy('category').orderBy('id').rowsBetween(Window.currentRow, 1);
    const r1 = await d.withColumn('sum', F.sum('id').over(rowsW)).sort('id', 'category', 'sum').collect();
    expect(r1.map((r) => [r.id, r.category, r.sum])).toEqual([
      [1, 'a', 2n],
      [1, 'a', 3n],
      [1, 'b', 3n],
      [2, 'a', 2n],
      [2, 'b', 5n],
      [3, 'b', 3n],
    ]);
    const rangeW = Window.partitionBy('category').orderBy('id').rangeBetween(Window.currentRow, 1);
    const r2 = await d.withColumn('sum', F.sum('id').over(rangeW)).sort('id', 'category').collect();
    expect(r2.map((r) => [r.id, r.category, r.sum])).toEqual([
      [1, 'a', 4n],
      [1, 'a', 4n],
      [1, 'b', 3n],
      [2, 'a', 2n],
      [2, 'b', 5n],
      [3, 'b', 3n],
    ]);

    const d2 = spark().createDataFrame(
      [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['b', 8],
        ['b', 2],
      ],
      ['c1', 'c2'],
    );
    const w2 = Window.partitionBy('c1').orderBy('c2');
    const r3 = await d2
      .withColumn('previous_value', F.lag('c2').over(w2))
      .withColumn('pv1', F.lag('c2', 1, 0).over(w2))
      .withColumn('pv2', F.lag('c2', 2, -1).over(w2))
      .withColumn('nv', F.lead('c2').over(w2))
      .withColumn('nt', F.ntile(2).over(w2))
      .orderBy('c1', 'c2')
      .collect();
    expect(r3.map((r) => Object.values(r))).toEqual([
      ['a', 1, null, 0, -1, 2, 1],
      ['a', 2, 1, 1, -1, 3, 1],
      ['a', 3, 2, 2, 1, null, 2],
      ['b', 2, null, 0, -1, 8, 1],
      ['b', 8, 2, 2, -1, null, 2],
    ]);

    const d3 = spark().createDataFrame([[1], [1], [2], [3], [3], [4]], ['value']);
    const w3 = Window.orderBy('value');
    const r4 = await d3
      .withColumn('rk', F.rank().over(w3))
      .withColumn('dr', F.dense_rank().over(w3))
      .withColumn('pr', F.percent_rank().over(w3))
      .withColumn('cd', F.cume_dist().over(w3))
      .collect();
    expect(r4.map((r) => Object.values(r))).toEqual([
      [1, 1, 1, 0, 1 / 3],
      [1, 1, 1, 0, 1 / 3],
      [2, 3, 2, 0.4, 0.5],
      [3, 4, 3, 0.6, 5 / 6],
      [3, 4, 3, 0.6, 5 / 6],
      [4, 6, 4, 1, 1],
    ]);
  });

  it('window results inside expressions, several specs in one select, and filtering on a window column', async () => {
    const top = await df()
      .withColumn('rn', F.row_number().over(w))
      .filter(col('rn').equalTo(1))
      .select('dept', 'name', F.rank().over(Window.orderBy(F.desc('salary'))).plus(100).alias('overall'))
      .collect();
    expect(byName(top).map((r) => [r.dept, r.name, r.overall])).toEqual([
      ['eng', 'Alice', 101],
      ['ops', 'Eve', 102],
      [null, 'Hal', 103],
    ]);
    const all = await df()
      .withColumn('prev', F.lag('salary', 1, 0).over(wr))
      .select('*', F.count('*').over(Window.partitionBy('dept')).alias('n'))
      .withColumn('salary', F.max('salary').over(Window.partitionBy('dept')))
      .collect();
    expect(Object.keys(all[0]!)).toEqual(['dept', 'name', 'salary', 'prev', 'n']);
    expect(byName(all).map((r) => [r.name, r.salary, r.n])).toEqual([
      ['Alice', 120, 4n],
      ['Bob', 120, 4n],
      ['Cid', 120, 4n],
      ['Dee', 120, 4n],
      ['Eve', 80, 3n],
      ['Fay', 80, 3n],
      ['Gus', 80, 3n],
      ['Hal', 70, 2n],
      ['Ivy', 70, 2n],
    ]);
  });

  it('works on an empty input and on a window without partitions over several input partitions', async () => {
    expect(await df().filter(col('salary').gt(1000)).withColumn('rn', F.row_number().over(w)).collect()).toEqual([]);
    const r = await spark()
      .range(0, 10, 1, 4)
      .select('id', F.sum('id').over(Window.orderBy('id').rowsBetween(-1, 1)).alias('s'), F.count('*').over().alias('n'))
      .collect();
    expect(r.map((x) => [x.id, x.s, x.n])).toEqual(Array.from({ length: 10 }, (_, i) => [BigInt(i), BigInt((i > 0 ? i - 1 : 0) + i + (i < 9 ? i + 1 : 0)), 10n]));
  });

  it('names window columns as Spark does', () => {
    const cols = df().select(
      F.row_number().over(w),
      F.sum('salary').over(wr),
      F.avg('salary').over(w.rowsBetween(-2, 0)),
      F.lag('salary').over(w),
      F.sum('salary').over(Window.partitionBy('dept')),
      F.sum('salary').over(wr.rangeBetween(-10, 5)),
    ).columns;
    expect(cols).toEqual([
      'row_number() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST, name ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
      'sum(salary) OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
      'avg(salary) OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST, name ASC NULLS FIRST ROWS BETWEEN -2 FOLLOWING AND CURRENT ROW)',
      'lag(salary, 1, NULL) OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST, name ASC NULLS FIRST ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING)',
      'sum(salary) OVER (PARTITION BY dept ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
      'sum(salary) OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST RANGE BETWEEN -10 FOLLOWING AND 5 FOLLOWING)',
    ]);
  });

  it('explains a Window over a Sort over an Exchange', () => {
    const plan = df().withColumn('rn', F.row_number().over(w)).explainString();
    expect(plan).toContain('Window [row_number() ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW AS rn], [dept], [salary DESC NULLS LAST, name ASC NULLS FIRST]');
    expect(plan).toMatch(/\+- Sort \[dept ASC NULLS FIRST, salary DESC NULLS LAST, name ASC NULLS FIRST\], false\n\s+\+- Exchange hashpartitioning\(dept, 3\)/);
    expect(df().withColumn('s', F.sum("salary").over()).explainString(true)).toContain('Exchange SinglePartition');
  });

  it('rejects misuse with Spark-like errors', () => {
    expect(() => df().select(F.row_number().over(Window.partitionBy('dept')))).toThrow(/WINDOW_FUNCTION_WITHOUT_ORDER/);
    expect(() => df().filter(F.row_number().over(w).equalTo(1))).toThrow(/UNSUPPORTED_WINDOW_EXPRESSION/);
    expect(() => df().select(F.row_number())).toThrow(/WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE/);
    expect(() => df().select(F.sum('salary').over(w.rangeBetween(-1, 1)))).toThrow(/RANGE_FRAME_MULTI_ORDER/);
    expect(() => df().select(F.sum('salary').over(Window.orderBy('name').rangeBetween(-1, 1)))).toThrow(/RANGE_FRAME_INVALID_TYPE/);
    expect(() => df().select(F.upper('name').over(w))).toThrow(/UNSUPPORTED_EXPR_FOR_WINDOW/);
    expect(() => df().select(F.rank().over(w.rowsBetween(-1, 1)))).toThrow(/INVALID_WINDOW_FRAME/);
    expect(() => Window.rowsBetween(1, -1)).toThrow(RangeError);
  });
});
