import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F } from '@kindling/sql';
import { optimized } from './optimized-plan.js';

// Each optimizer rule, checked on the printed optimized plan (and on the answer, which must not change).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }));
});
afterAll(async () => {
  await spark.stop();
});

const a = () => spark.createDataFrame([{ k: 1, v: 2.5, name: 'x' }, { k: 2, v: 0.5, name: 'y' }]);
const b = () => spark.createDataFrame([{ k: 1, w: 'y' }, { k: 2, w: 'z' }]);

describe('optimizer rules', () => {
  it('ConstantFolding computes column-free expressions while planning', async () => {
    const df = a().filter(col('v').gt(lit(1).plus(2)));
    expect(optimized(df)).toBe('Filter (v > 3)\n+- LocalRelation [k, v, name]');
    expect(await df.count()).toBe(0);
  });

  it('ConstantFolding folds dates and decimals too (date + interval, decimal arithmetic), keeping their types', async () => {
    spark.sql("CREATE OR REPLACE TEMP VIEW cf AS SELECT CAST(id AS DECIMAL(12,2)) AS d, date_add(DATE '1994-12-30', CAST(id AS INT)) AS dt FROM range(4)");
    const df = spark.sql("SELECT d * (1 - 0.5) AS x, dt FROM cf WHERE dt < DATE '1994-01-01' + INTERVAL '1' YEAR AND d BETWEEN 0.5 - 0.5 AND 0.5 + 0.5");
    expect(optimized(df)).toContain("< '1995-01-01')");
    expect(optimized(df)).toContain(">= '0.00') AND (cast(id as decimal(12,2)) <= '1.00')");
    expect(optimized(df)).toMatch(/^Project \[\(cast\(id as decimal\(12,2\)\) \* '0.5'\) AS x, date_add\('1994-12-30', /);
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['decimal(16,3)', 'date']);
    const rows = await df.collect();
    expect(rows.map((r) => String(r.x))).toEqual(['0', '0.5']);
    // A NULL result folds to a typed NULL; an error stays for the query to raise.
    expect(optimized(spark.sql("SELECT CAST(NULL AS DATE) + 1 AS n FROM range(1)"))).toBe('Project [null AS n]\n+- Range (0, 1, step=1, splits=1)');
    expect(optimized(spark.sql('SELECT 1.0 / 0 AS e FROM range(1)'))).toContain('/');
  });

  it('BooleanSimplification and pruning of always-true and never-true filters', async () => {
    expect(optimized(a().filter(col('v').gt(1).and(lit(true))))).toBe('Filter (v > 1)\n+- LocalRelation [k, v, name]');
    const never = a().filter(lit(1).gt(2));
    expect(optimized(never)).toBe('LocalRelation [k, v, name]');
    expect(await never.count()).toBe(0);
    expect(await never.agg(F.count('*').alias('n')).collect()).toEqual([{ n: 0n }]);
    expect(optimized(a().filter(col('v').gt(1).or(lit(true))))).toBe('LocalRelation [k, v, name]');
  });

  it('PushFilterThroughJoin moves one-sided conditions into the sides an inner join keeps', async () => {
    const df = a().join(b(), 'k').filter(col('v').gt(1).and(col('w').equalTo('y')));
    expect(optimized(df)).toBe(
      [
        'Project [k, v, name, w]',
        "+- Join inner, (k = k)",
        '   +- Filter (v > 1)',
        '      +- LocalRelation [k, v, name]',
        "   +- Filter (w = 'y')",
        '      +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await df.collect()).toEqual([{ k: 1, v: 2.5, name: 'x', w: 'y' }]);
  });

  it('PushFilterThroughJoin keeps a filter on the null-extended side of an outer join above it', async () => {
    const df = a().join(b(), 'k', 'left').filter(col('w').equalTo('y'));
    expect(optimized(df)).toBe(
      [
        'Project [k, v, name, w]',
        "+- Filter (w = 'y')",
        '   +- Project [k, v, name, w]', // the right side's k is read by nothing above the join
        '      +- Join left, (k = k)',
        '         +- LocalRelation [k, v, name]',
        '         +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await df.collect()).toEqual([{ k: 1, v: 2.5, name: 'x', w: 'y' }]);
  });

  it('PushJoinConditionIntoSides filters a side by the ON conditions on it where its unmatched rows are not kept', async () => {
    const bk = () => b().withColumnRenamed('k', 'bk');
    const on = (how: string) => a().join(bk(), col('k').equalTo(col('bk')).and(col('w').equalTo('y')).and(col('v').gt(1)), how);
    const plan = (...lines: string[]) => lines.join('\n');
    const rows = async (how: string) => (await on(how).collect()).map((r) => JSON.stringify(r)).sort();
    // left join: the right side's condition filters it; the preserved left side's stays in the join
    expect(optimized(on('left'))).toBe(
      plan('Join left, (k = bk) AND (v > 1)', '+- LocalRelation [k, v, name]', '+- Project [k AS bk, w]', "   +- Filter (w = 'y')", '      +- LocalRelation [k, w]'),
    );
    expect(await rows('left')).toEqual(['{"k":1,"v":2.5,"name":"x","bk":1,"w":"y"}', '{"k":2,"v":0.5,"name":"y","bk":null,"w":null}']);
    // inner: both sides filtered, only the key stays in the join
    expect(optimized(on('inner'))).toBe(
      plan('Join inner, (k = bk)', '+- Filter (v > 1)', '   +- LocalRelation [k, v, name]', '+- Project [k AS bk, w]', "   +- Filter (w = 'y')", '      +- LocalRelation [k, w]'),
    );
    expect(await rows('inner')).toEqual(['{"k":1,"v":2.5,"name":"x","bk":1,"w":"y"}']);
    // right join: only the left side's
    expect(optimized(on('right'))).toBe(
      plan("Join right, (k = bk) AND (w = 'y')", '+- Filter (v > 1)', '   +- LocalRelation [k, v, name]', '+- Project [k AS bk, w]', '   +- LocalRelation [k, w]'),
    );
    expect(await rows('right')).toEqual(['{"k":1,"v":2.5,"name":"x","bk":1,"w":"y"}', '{"k":null,"v":null,"name":null,"bk":2,"w":"z"}']);
    // full: neither side may lose a row
    expect(optimized(on('full'))).toBe(plan("Join full, (k = bk) AND ((w = 'y') AND (v > 1))", '+- LocalRelation [k, v, name]', '+- Project [k AS bk, w]', '   +- LocalRelation [k, w]'));
    expect(await rows('full')).toHaveLength(3);
  });

  it('RewriteDistinctAggregates turns DISTINCT aggregates over one argument into an aggregate over distinct pairs', async () => {
    const t = () =>
      spark.createDataFrame(
        [
          { g: 'a', x: 1 }, { g: 'a', x: 1 }, { g: 'a', x: 2 }, { g: 'a', x: null },
          { g: 'b', x: 5 }, { g: 'b', x: 5 }, { g: null, x: 3 }, { g: 'c', x: null },
        ],
        'g string, x int',
      );
    const df = t().groupBy('g').agg(F.countDistinct('x').alias('n'), F.sumDistinct('x').alias('s'), F.expr('avg(DISTINCT x)').alias('m'), F.expr('max(DISTINCT x)').alias('hi'));
    expect(optimized(df)).toContain(
      [
        'Aggregate [g], [count(#distinct0), sum(cast(#distinct0 as bigint)), avg(cast(#distinct0 as double)), max(#distinct0)]',
        '   +- Aggregate [g, x], []',
      ].join('\n'),
    );
    // a cast that is not one-to-one (double to int) is part of the distinct values: x = 1, 1, 2 give 0, 0, 1
    const halves = t().groupBy('g').agg(F.expr('sum(DISTINCT cast(x / 2 as int))').alias('h'));
    expect(optimized(halves)).toContain('Aggregate [g, cast((cast(x as double) / 2) as int)], []');
    expect((await halves.filter(col('g').equalTo('a')).collect()).map((r) => Number(r.h))).toEqual([1]);
    const rows = (await df.collect()).map((r) => [r.g, Number(r.n), r.s === null ? null : Number(r.s), r.m, r.hi]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ['a', 2, 3, 1.5, 2],
      ['b', 1, 5, 5, 5],
      ['c', 0, null, null, null],
      [null, 1, 3, 3, 3],
    ]);
    // without grouping keys, and over no rows at all: count 0, the others NULL
    expect((await t().agg(F.countDistinct('x').alias('n')).collect()).map((r) => Number(r.n))).toEqual([4]);
    const none = t().filter(col('x').gt(100)).agg(F.countDistinct('x').alias('n'), F.sumDistinct('x').alias('s'));
    expect(optimized(none)).toContain('#distinct0');
    expect((await none.collect()).map((r) => [Number(r.n), r.s])).toEqual([[0, null]]);
    // a plain aggregate beside the distinct one, or two distinct arguments: left as they were
    expect(optimized(t().groupBy('g').agg(F.countDistinct('x'), F.count('x')))).not.toContain('#distinct0');
    expect(optimized(t().groupBy('g').agg(F.countDistinct('x'), F.expr('count(DISTINCT g)')))).not.toContain('#distinct0');
  });

  it('PushFilterThroughAggregate filters groups by their keys before aggregating', async () => {
    const df = a().groupBy('name').agg(F.sum('v').alias('s')).filter(col('name').equalTo('x').and(col('s').gt(1)));
    expect(optimized(df)).toBe(
      [
        'Project [name, #agg0 AS s]',
        '+- Filter (#agg0 > 1)',
        '   +- Aggregate [name], [sum(v)]',
        "      +- Filter (name = 'x')",
        '         +- LocalRelation [k, v, name]',
      ].join('\n'),
    );
    expect(await df.collect()).toEqual([{ name: 'x', s: 2.5 }]);
  });

  it('PushFilterThroughProject, CombineFilters and CollapseProject', async () => {
    const df = a().select('k', 'v').filter(col('k').gt(0)).filter(col('v').lt(2)).select('v');
    expect(optimized(df)).toBe('Project [v]\n+- Filter ((k > 0) AND (v < 2))\n   +- LocalRelation [k, v, name]');
    expect(await df.collect()).toEqual([{ v: 0.5 }]);
  });

  it('PushLimitThroughProject computes projections for the kept rows only', async () => {
    const df = a().withColumn('z', col('v').multiply(2)).limit(1);
    expect(optimized(df)).toBe('Project [k, v, name, (v * 2) AS z]\n+- GlobalLimit 1\n   +- LocalRelation [k, v, name]');
    expect(await df.collect()).toEqual([{ k: 1, v: 2.5, name: 'x', z: 5 }]);
  });

  it('PrunePartitions hands conditions on partition columns only to the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kindling-opt-'));
    try {
      await spark.createDataFrame([{ k: 1, p: 1 }, { k: 2, p: 2 }]).write.partitionBy('p').parquet(join(dir, 't'));
      const df = spark.read.parquet(join(dir, 't')).filter(col('p').gt(1).and(col('k').gt(0)).and(col('p').plus(col('k')).gt(0)));
      expect(df.explainString()).toBe(
        [
          '== Physical Plan ==',
          'Filter (((p > 1) AND (k > 0)) AND ((p + k) > 0))',
          `+- FileScan parquet [k,p] ${join(dir, 't')}, PartitionFilters: [(p > 1)]`,
          '',
        ].join('\n'),
      );
      expect(await df.collect()).toEqual([{ k: 2, p: 2 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PruneJoinColumns narrows each join side to the columns above it, the keys and the condition read', async () => {
    const df = a().join(b(), 'k').agg(F.sum('v').alias('s'), F.count('*').alias('n'));
    expect(optimized(df)).toBe(
      [
        'Project [#agg0 AS s, #agg1 AS n]',
        '+- Aggregate [], [sum(v), count(1)]',
        '   +- Project [v]',
        '      +- Join inner, (k = k)',
        '         +- Project [k, v]',
        '            +- LocalRelation [k, v, name]',
        '         +- Project [k]',
        '            +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await df.collect()).toEqual([{ s: 3, n: 2n }]);
    // A residual condition keeps what it reads; a semi join needs the right side's keys only.
    const on = col('l.k').equalTo(col('r.k')).and(col('r.w').gt(col('l.name')));
    const wide = b().withColumn('extra', col('w'));
    const semi = a().alias('l').join(wide.alias('r'), on, 'left_semi').select('v');
    expect(optimized(semi)).toBe(
      [
        'Project [v]',
        '+- Join left_semi, (k = k) AND (w > name)',
        '   +- LocalRelation [k, v, name]',
        '   +- Project [k, w]',
        '      +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await semi.collect()).toEqual([{ v: 2.5 }, { v: 0.5 }]);
    expect(await a().alias('l').join(wide.alias('r'), on, 'left_anti').select('name').collect()).toEqual([]);
  });

  it('PruneJoinColumns narrows every join of a reordered chain, cached sides too, and below filters', async () => {
    const c = spark.createDataFrame([{ id: 1, w: 'y', big: 'x'.repeat(10) }, { id: 2, w: 'z', big: 'q' }]).cache();
    await c.count();
    // FROM a, b, c WHERE ...: ReorderJoin flattens the chain (and starts it from c, the largest); pruning
    // afterwards must narrow each level.
    const df = a()
      .alias('a')
      .crossJoin(b().alias('b'))
      .crossJoin(c.alias('c'))
      .filter(col('a.k').equalTo(col('b.k')).and(col('b.k').equalTo(col('c.id'))))
      .select('v');
    expect(optimized(df)).toBe(
      [
        'Project [v]',
        '+- Join inner, (k = k)',
        '   +- Project [k]',
        '      +- Join inner, (id = k)',
        '         +- Project [id]',
        '            +- InMemoryRelation [id, w, big], MEMORY_AND_DISK',
        '         +- Project [k]',
        '            +- LocalRelation [k, w]',
        '   +- Project [k, v]',
        '      +- LocalRelation [k, v, name]',
      ].join('\n'),
    );
    expect((await df.collect()).map((r) => r.v).sort()).toEqual([0.5, 2.5]);
    // A filter the join cannot take (on an outer join's null-extended side) keeps only what it and its parent read.
    const outer = a().join(b(), 'k', 'left').filter(col('w').isNull().or(col('v').gt(1))).select('name');
    expect(optimized(outer)).toBe(
      [
        'Project [name]',
        '+- Filter (isnull(w) OR (v > 1))',
        '   +- Project [v, name, w]',
        '      +- Join left, (k = k)',
        '         +- LocalRelation [k, v, name]',
        '         +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await outer.collect()).toEqual([{ name: 'x' }]);
  });

  it('PushLeftSemiLeftAntiThroughJoin filters the join side the semi/anti condition reads, before an unfiltered join', async () => {
    const s = () => spark.createDataFrame([{ key: 1 }, { key: 3 }]);
    const ab = () => a().alias('a').join(b().alias('b'), col('a.k').equalTo(col('b.k')));
    const semi = ab().join(s(), col('a.k').equalTo(col('key')), 'left_semi').select('name', 'w');
    expect(optimized(semi)).toBe(
      [
        'Project [name, w]',
        '+- Join inner, (k = k)',
        '   +- Project [k, name]',
        '      +- Join left_semi, (k = key)',
        '         +- Project [k, name]',
        '            +- LocalRelation [k, v, name]',
        '         +- LocalRelation [key]',
        '   +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await semi.collect()).toEqual([{ name: 'x', w: 'y' }]);
    // To the right side, with a residual reading both the join's right side and s.
    const anti = ab().join(s(), col('b.k').equalTo(col('key')).and(col('w').notEqual(lit('q'))), 'left_anti').select('name');
    expect(optimized(anti)).toBe(
      [
        'Project [name]',
        '+- Join inner, (k = k)',
        '   +- Project [k, name]',
        '      +- LocalRelation [k, v, name]',
        '   +- Project [k]',
        "      +- Join left_anti, (k = key) AND (w != 'q')",
        '         +- LocalRelation [k, w]',
        '         +- LocalRelation [key]',
      ].join('\n'),
    );
    expect(await anti.collect()).toEqual([{ name: 'y' }]);
    // Through a projection of plain columns over the join (ReorderJoin restores a reordered join's columns so).
    const projected = ab().select(col('b.w'), col('a.name'), col('a.k')).join(s(), col('k').equalTo(col('key')), 'left_semi');
    expect(optimized(projected)).toBe(
      [
        'Project [w, name, k]',
        '+- Join inner, (k = k)',
        '   +- Project [k, name]',
        '      +- Join left_semi, (k = key)',
        '         +- Project [k, name]',
        '            +- LocalRelation [k, v, name]',
        '         +- LocalRelation [key]',
        '   +- LocalRelation [k, w]',
      ].join('\n'),
    );
    expect(await projected.collect()).toEqual([{ w: 'y', name: 'x', k: 1 }]);
    // Not into the null-extended side of an outer join, nor when the condition reads both sides.
    const outer = a().alias('a').join(b().alias('b'), col('a.k').equalTo(col('b.k').plus(1)), 'left');
    const kept = outer.join(s(), col('b.k').equalTo(col('key')), 'left_anti').select('name');
    expect(optimized(kept)).toMatch(/^Project \[name\]\n\+- Join left_anti/);
    expect(await kept.collect()).toEqual([{ name: 'x' }]); // a's k=2 meets b's k=1, which s has
    // Nor past a join whose other side is filtered (that join may drop most rows before the semi join runs).
    const filtered = a().alias('a').join(b().alias('b').filter(col('w').equalTo(lit('y'))), col('a.k').equalTo(col('b.k')));
    const late = filtered.join(s(), col('a.k').equalTo(col('key')), 'left_semi').select('name');
    expect(optimized(late)).toMatch(/^Project \[name\]\n\+- Join left_semi/);
    expect(await late.collect()).toEqual([{ name: 'x' }]);
    const both = ab().join(s(), col('a.k').plus(col('b.k')).equalTo(col('key').plus(1)), 'left_semi').select('name');
    expect(optimized(both)).toMatch(/^Project \[name\]\n\+- Join left_semi/);
    expect((await both.collect()).map((r) => r.name).sort()).toEqual(['x', 'y']); // 1+1 = 1+1, 2+2 = 3+1
  });

  it('the optimizer never changes a plan\'s schema', () => {
    const df = a().join(b(), 'k').groupBy('w').agg(F.max('v').alias('m')).filter(col('w').isNotNull());
    expect(df.schema.fieldNames).toEqual(['w', 'm']);
    expect(() => optimized(df)).not.toThrow();
  });
});
