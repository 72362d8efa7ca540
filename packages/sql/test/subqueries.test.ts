import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
});
afterAll(async () => {
  await spark.stop();
});

const byJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

const orders = () =>
  spark.createDataFrame(
    [
      [1, 10, 5],
      [2, 10, 7],
      [3, 20, 1],
      [4, 30, null],
    ],
    'okey int, cust int, qty int',
  );
const customers = () =>
  spark.createDataFrame(
    [
      [10, 'Ada'],
      [20, 'Bob'],
      [40, 'Cy'],
      [null, 'Nobody'],
    ],
    'ckey int, name string',
  );

describe('subqueries through the DataFrame API', () => {
  it('correlated EXISTS and NOT EXISTS become semi and anti joins', async () => {
    const sub = orders().where(col('cust').eq(col('ckey').outer()));
    const ex = await customers().where(sub.exists()).select('name').collect();
    expect(byJson(ex)).toEqual(byJson([{ name: 'Ada' }, { name: 'Bob' }]));
    const nex = await customers().where(sub.exists().not()).select('name').collect();
    expect(byJson(nex)).toEqual(byJson([{ name: 'Cy' }, { name: 'Nobody' }]));
  });

  it('correlated scalar aggregate, with the count bug handled', async () => {
    const cnt = orders().where(col('cust').eq(col('ckey').outer())).agg(F.count('*'));
    const out = await customers().select(col('name'), cnt.scalar().alias('n')).collect();
    expect(byJson(out)).toEqual(byJson([{ name: 'Ada', n: 2n }, { name: 'Bob', n: 1n }, { name: 'Cy', n: 0n }, { name: 'Nobody', n: 0n }]));
  });
});

describe('IN and NOT IN subqueries', () => {
  const xs = (vals: (number | null)[]) => spark.createDataFrame(vals.map((v) => [v]), 'x int');
  const ys = (vals: (number | null)[]) => spark.createDataFrame(vals.map((v) => [v]), 'y int');
  const rows = async (df: ReturnType<typeof xs>) => (await df.collect()).map((r) => r.x).sort();

  it('x IN (subquery) keeps matching rows; NULL x never matches', async () => {
    expect(await rows(xs([1, 2, 3, null]).where(col('x').isin(ys([2, 3, 3, null]))))).toEqual([2, 3]);
  });

  it('x NOT IN (subquery) is three-valued', async () => {
    // No NULLs anywhere: the plain difference.
    expect(await rows(xs([1, 2, 3]).where(col('x').isin(ys([2])).not()))).toEqual([1, 3]);
    // A NULL in the subquery: every comparison that is not TRUE is NULL, so no row qualifies.
    expect(await rows(xs([1, 2, 3]).where(col('x').isin(ys([2, null])).not()))).toEqual([]);
    // A NULL x against a non-empty subquery is NULL (dropped); the other rows are compared as usual.
    expect(await rows(xs([1, null, 3]).where(col('x').isin(ys([3])).not()))).toEqual([1]);
    // An empty subquery: NOT IN is TRUE for every row, NULL x included.
    expect(await rows(xs([1, null]).where(col('x').isin(ys([5]).where('y > 10')).not()))).toEqual([1, null]);
  });

  it('IN and NOT IN as values in a select list, with NULLs', async () => {
    const out = await xs([1, 2, null])
      .select(col('x'), col('x').isin(ys([2, null])).alias('i'), col('x').isin(ys([2])).not().alias('ni'), col('x').isin(ys([]).where('y > 0')).alias('e'))
      .collect();
    expect(byJson(out)).toEqual(
      byJson([
        { x: 1, i: null, ni: true, e: false },
        { x: 2, i: true, ni: false, e: false },
        { x: null, i: null, ni: null, e: false },
      ]),
    );
  });

  it('IN inside OR', async () => {
    expect(await rows(xs([1, 2, 3]).where(col('x').isin(ys([2])).or(col('x').eq(3))))).toEqual([2, 3]);
  });

  it('correlated IN with a GROUP BY/HAVING subquery (TPC-H q18 shape)', async () => {
    const big = orders().groupBy('cust').agg(F.sum('qty').alias('s')).where('s > 5').select('cust');
    expect(byJson(await customers().where(col('ckey').isin(big)).select('name').collect())).toEqual(byJson([{ name: 'Ada' }]));
  });

  it('correlated NOT IN (null-aware anti join with the correlation in the condition)', async () => {
    // Customers whose key is not among the qty of their own orders (a contrived correlation, with NULLs).
    const o = orders().where(col('cust').eq(col('ckey').outer())).select('qty');
    const out = await customers().withColumn('ckey2', col('ckey')).where(col('ckey').isin(o).not()).select('name').collect();
    expect(byJson(out)).toEqual(byJson([{ name: 'Ada' }, { name: 'Bob' }, { name: 'Cy' }, { name: 'Nobody' }]));
  });

  it('multi-column IN, and a column-count mismatch is an error', async () => {
    const pairs = spark.createDataFrame([[1, 10], [3, 20]], 'a int, b int');
    const df = spark.createDataFrame([[1, 10], [1, 20], [3, 20]], 'p int, q int');
    const inPairs = { kind: 'inSubquery' as const, values: [col('p').expr, col('q').expr], plan: pairs.plan };
    const out = await df.where(new (col('p').constructor as any)(inPairs)).collect();
    expect(byJson(out)).toEqual(byJson([{ p: 1, q: 10 }, { p: 3, q: 20 }]));
    expect(() => df.where(col('p').isin(pairs))).toThrow(/IN_SUBQUERY_LENGTH_MISMATCH/);
    // NOT IN over two columns (a nested-loop anti join on (p, q) = (a, b) OR its being NULL): (3, 20) meets (3, NULL).
    const withNull = spark.createDataFrame([[1, 10], [3, null]], 'a int, b int');
    const notIn = await df.where(new (col('p').constructor as any)({ kind: 'unary', op: 'not', child: { ...inPairs, plan: withNull.plan } })).collect();
    expect(notIn).toEqual([{ p: 1, q: 20 }]);
  });

  it('single-column NOT IN runs as a hash anti join behind a guard on the NULL counts', () => {
    const plan = xs([1]).where(col('x').isin(ys([2])).not()).explainString();
    expect(plan).not.toMatch(/CartesianProduct left_anti/);
    expect(plan).toMatch(/HashJoin \[x\], \[__sq1_v0\], left_anti/);
  });
});

describe('scalar subqueries', () => {
  it('uncorrelated: the value, NULL for no row, an error for two rows, an error for two columns', async () => {
    const avgQty = orders().agg(F.avg('qty'));
    const out = await orders().where(col('qty').gt(avgQty.scalar())).select('okey').collect();
    expect(out.map((r) => r.okey).sort()).toEqual([1, 2]);
    const none = await orders().select(col('okey'), orders().where('okey > 100').select('qty').scalar().alias('v')).where('okey = 1').collect();
    expect(none).toEqual([{ okey: 1, v: null }]);
    const two = orders().select(orders().where('okey <= 2').select('qty').scalar().alias('v'));
    await expect(two.collect()).rejects.toThrow(/SCALAR_SUBQUERY_TOO_MANY_ROWS/);
    expect(() => orders().select(orders().select('okey', 'qty').scalar())).toThrow(/SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN/);
  });

  it('correlated avg (TPC-H q17 shape) and min (q2 shape)', async () => {
    const li = spark.createDataFrame(
      [
        [1, 10],
        [1, 2],
        [1, 3],
        [2, 5],
        [2, 5],
        [3, null],
      ],
      'partkey int, qty int',
    );
    const l = li.alias('l');
    const avgOfPart = li.alias('i').where(col('i.partkey').eq(col('l.partkey').outer())).agg(F.avg('qty').multiply(0.8));
    const small = await l.where(col('l.qty').lt(avgOfPart.scalar())).collect();
    expect(byJson(small)).toEqual(byJson([{ partkey: 1, qty: 2 }, { partkey: 1, qty: 3 }]));
    // The same through select(aggregate), the global-aggregate form SQL's SELECT 0.8 * avg(qty) produces.
    const viaSelect = li.alias('i').where(col('i.partkey').eq(col('l.partkey').outer())).select(F.avg('qty').multiply(0.8));
    expect(byJson(await l.where(col('l.qty').lt(viaSelect.scalar())).collect())).toEqual(byJson(small));
    const minOfPart = li.alias('i').where(col('i.partkey').eq(col('l.partkey').outer())).agg(F.min('qty'));
    const atMin = await l.where(col('l.qty').eq(minOfPart.scalar())).collect();
    expect(byJson(atMin)).toEqual(byJson([{ partkey: 1, qty: 2 }, { partkey: 2, qty: 5 }, { partkey: 2, qty: 5 }]));
  });

  it('correlated on two keys; a correlated subquery without an aggregate is an error', async () => {
    const ps = spark.createDataFrame([[1, 1, 10], [1, 2, 50], [2, 1, 5]], 'pk int, sk int, avail int');
    const li = spark.createDataFrame([[1, 1, 4], [1, 1, 30], [1, 2, 8], [2, 2, 1]], 'lpk int, lsk int, q int');
    const sumQ = li.where(col('lpk').eq(col('pk').outer()).and(col('lsk').eq(col('sk').outer()))).agg(F.sum('q').multiply(0.5));
    const out = await ps.where(col('avail').gt(sumQ.scalar())).collect();
    // (1,1): 10 > 17 no; (1,2): 50 > 4 yes; (2,1): no lineitems, NULL comparison.
    expect(out).toEqual([{ pk: 1, sk: 2, avail: 50 }]);
    expect(() => ps.where(col('avail').gt(li.where(col('lpk').eq(col('pk').outer())).select('q').scalar()))).toThrow(
      /MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY/,
    );
    expect(() => ps.where(col('avail').gt(li.where(col('lpk').lt(col('pk').outer())).agg(F.sum('q')).scalar()))).toThrow(/CORRELATED_PREDICATE_NOT_EQUALITY/);
  });
});

describe('EXISTS shapes', () => {
  it('EXISTS plus NOT EXISTS with a non-equality correlation (TPC-H q21 shape)', async () => {
    // Orders (ok) with several suppliers (sk) where supplier sk was the only late one.
    const li = spark.createDataFrame(
      [
        [1, 100, true],
        [1, 200, false],
        [2, 100, true],
        [2, 200, true],
        [3, 100, true],
      ],
      'ok int, sk int, late boolean',
    );
    const l1 = li.alias('l1').where(col('l1.late'));
    const others = li.alias('l2').where(col('l2.ok').eq(col('l1.ok').outer()).and(col('l2.sk').notEqual(col('l1.sk').outer())));
    const otherLate = li.alias('l3').where(col('l3.ok').eq(col('l1.ok').outer()).and(col('l3.sk').notEqual(col('l1.sk').outer())).and(col('l3.late')));
    const out = await l1.where(others.exists().and(otherLate.exists().not())).select('ok', 'sk').collect();
    expect(out).toEqual([{ ok: 1, sk: 100 }]);
  });

  it('uncorrelated EXISTS, and EXISTS as a value and inside OR', async () => {
    expect(await customers().where(orders().where('qty > 100').exists()).count()).toBe(0);
    expect(await customers().where(orders().exists()).count()).toBe(4);
    const sub = orders().where(col('cust').eq(col('ckey').outer()));
    const out = await customers().select(col('name'), sub.exists().alias('has')).collect();
    expect(byJson(out)).toEqual(byJson([{ name: 'Ada', has: true }, { name: 'Bob', has: true }, { name: 'Cy', has: false }, { name: 'Nobody', has: false }]));
    const either = await customers().where(sub.exists().or(col('name').eq('Cy'))).select('name').collect();
    expect(byJson(either)).toEqual(byJson([{ name: 'Ada' }, { name: 'Bob' }, { name: 'Cy' }]));
    const nonEqui = orders().where(col('cust').gt(col('ckey').outer()));
    expect(() => customers().select(nonEqui.exists())).toThrow(/CORRELATED_PREDICATE_NOT_EQUALITY/);
  });

  it('nested subqueries (TPC-H q20 shape: IN over a subquery with IN and a correlated scalar)', async () => {
    const supplier = spark.createDataFrame([[1, 'S1'], [2, 'S2'], [3, 'S3']], 's_suppkey int, s_name string');
    const part = spark.createDataFrame([[10, 'forest green'], [20, 'red']], 'p_partkey int, p_name string');
    const partsupp = spark.createDataFrame([[10, 1, 100], [10, 2, 1], [20, 3, 100]], 'ps_partkey int, ps_suppkey int, ps_availqty int');
    const lineitem = spark.createDataFrame([[10, 1, 50], [10, 2, 50], [20, 3, 1]], 'l_partkey int, l_suppkey int, l_quantity int');
    const shipped = lineitem
      .where(col('l_partkey').eq(col('ps_partkey').outer()).and(col('l_suppkey').eq(col('ps_suppkey').outer())))
      .agg(F.sum('l_quantity').multiply(0.5));
    const forest = part.where(col('p_name').like('forest%')).select('p_partkey');
    const candidates = partsupp.where(col('ps_partkey').isin(forest).and(col('ps_availqty').gt(shipped.scalar()))).select('ps_suppkey');
    const out = await supplier.where(col('s_suppkey').isin(candidates)).select('s_name').collect();
    expect(out).toEqual([{ s_name: 'S1' }]);
  });

  it('uncorrelated scalar in HAVING and NOT EXISTS (TPC-H q11/q22 shapes)', async () => {
    const perCust = orders().groupBy('cust').agg(F.sum('qty').alias('total'));
    const threshold = orders().agg(F.sum('qty').multiply(0.3));
    const big = await perCust.where(col('total').gt(threshold.scalar())).collect();
    expect(big).toEqual([{ cust: 10, total: 12n }]);
    const c = customers();
    const noOrders = c.where(col('ckey').isNotNull().and(orders().where(col('cust').eq(col('ckey').outer())).exists().not()));
    expect(await noOrders.select('name').collect()).toEqual([{ name: 'Cy' }]);
  });
});

describe('subqueries in aggregate expressions (what SQL HAVING and grouped select lists compile to)', () => {
  it('an uncorrelated scalar and an IN beside the aggregates, keys first as groupBy outputs them', async () => {
    const threshold = orders().agg(F.sum('qty').multiply(0.3));
    const out = await orders()
      .groupBy('cust')
      .agg(F.sum('qty').alias('total'), F.sum('qty').gt(threshold.scalar()).alias('big'), col('cust').isin(customers().select('ckey')).alias('known'), F.count('*').alias('n'))
      .collect();
    expect(byJson(out)).toEqual(
      byJson([
        { cust: 10, total: 12n, big: true, known: true, n: 2n },
        { cust: 20, total: 1n, big: false, known: true, n: 1n },
        { cust: 30, total: null, big: null, known: null, n: 1n },
      ]),
    );
  });

  it('rollup with a scalar subquery in its select', async () => {
    const out = await orders().rollup('cust').agg(F.count('*').alias('n'), F.count('*').minus(orders().agg(F.count('*')).scalar()).alias('d')).collect();
    expect(byJson(out)).toEqual(
      byJson([
        { cust: 10, n: 2n, d: -2n },
        { cust: 20, n: 1n, d: -3n },
        { cust: 30, n: 1n, d: -3n },
        { cust: null, n: 4n, d: 0n },
      ]),
    );
  });
});

describe('plans of the rewrite', () => {
  it('explain shows the semi, anti and left joins', () => {
    const sub = orders().where(col('cust').eq(col('ckey').outer()));
    const plan = customers().where(sub.exists().and(col('ckey').isin(orders().select('qty')).not())).explainString('extended');
    const optimized = plan.slice(plan.indexOf('== Optimized Logical Plan =='), plan.indexOf('== Physical Plan =='));
    expect(optimized).toMatch(/Join LeftSemi|left_semi|LeftSemi/i);
    expect(optimized).toMatch(/LeftAnti|left_anti/i);
    const scalar = customers().select(orders().where(col('cust').eq(col('ckey').outer())).agg(F.count('*')).scalar()).explainString('extended');
    expect(scalar).toMatch(/LeftOuter|left/i);
    // An uncorrelated scalar: its one row is broadcast to every partition (no cartesian product).
    const uncorrelated = orders().where(col('qty').gt(orders().agg(F.avg('qty')).scalar())).explainString();
    expect(uncorrelated).toMatch(/BroadcastNestedLoopJoin BuildLeft, (cross|inner).*\n\s*\+- BroadcastExchange\n\s*\+- Project \[__scalar_subquery_value/);
    expect(uncorrelated).not.toMatch(/CartesianProduct/);
  });
});

describe('subquery forms that are not supported raise typed errors', () => {
  it('names the form', () => {
    const sub = orders().agg(F.max('qty'));
    expect(() => orders().orderBy(sub.scalar())).toThrow(/UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY/);
    const limited = orders().where(col('cust').eq(col('ckey').outer())).limit(1);
    expect(() => customers().where(limited.exists())).toThrow(/UNRESOLVED_COLUMN|ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED/);
    expect(() => customers().select(col('ckey').outer()).columns).toThrow(/ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED/);
  });
});

describe('SQL text and the DataFrame API build the same optimized plans', () => {
  const optimized = (df: { explainString(m: 'extended'): string }) => {
    const s = df.explainString('extended');
    return s.slice(s.indexOf('== Optimized Logical Plan =='), s.indexOf('== Physical Plan =='));
  };

  it('correlated EXISTS, correlated scalar, NOT IN and ROLLUP', () => {
    orders().createOrReplaceTempView('orders');
    customers().createOrReplaceTempView('customers');
    const o = () => spark.table('orders').alias('o');
    const c = () => spark.table('customers').alias('c');
    const pairs: [string, ReturnType<typeof orders>][] = [
      ['SELECT name FROM customers c WHERE EXISTS (SELECT * FROM orders o WHERE o.cust = c.ckey)', c().where(o().where(col('o.cust').eq(col('c.ckey').outer())).exists()).select('name')],
      [
        'SELECT name, (SELECT count(*) FROM orders o WHERE o.cust = c.ckey) AS n FROM customers c',
        c().select(col('name'), o().where(col('o.cust').eq(col('c.ckey').outer())).agg(F.count('*')).scalar().alias('n')),
      ],
      ['SELECT name FROM customers c WHERE ckey NOT IN (SELECT qty FROM orders o)', c().where(col('ckey').isin(o().select('qty')).not()).select('name')],
    ];
    for (const [sql, df] of pairs) expect(optimized(spark.sql(sql)), sql).toBe(optimized(df));
    const rollupSql = spark.sql('SELECT cust, okey, sum(qty) AS s FROM orders GROUP BY ROLLUP(cust, okey)');
    const rollupDf = spark.table('orders').rollup('cust', 'okey').agg(F.sum('qty').alias('s'));
    expect(rollupSql.columns).toEqual(rollupDf.columns);
    expect(optimized(rollupSql)).toContain('Expand [[cust, okey, 0], [cust, null, 1], [null, null, 3]]');
  });
});
