import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, type DataFrame } from '@kindling/sql';
import { optimized } from './optimized-plan.js';

// ReorderJoin and the common-factor extraction of BooleanSimplification, checked on the printed optimized plan and
// on the answer (which must be the same as the cartesian product filtered).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }));
});
afterAll(async () => {
  await spark.stop();
});

const part = () => spark.createDataFrame([{ pk: 1, pname: 'bolt' }, { pk: 2, pname: 'nut' }, { pk: 3, pname: 'gear' }]);
const supp = () => spark.createDataFrame([{ sk: 10, sname: 'acme' }, { sk: 20, sname: 'bolts inc' }]);
const ps = () => spark.createDataFrame([{ ppk: 1, psk: 10, cost: 5 }, { ppk: 1, psk: 20, cost: 7 }, { ppk: 3, psk: 20, cost: 9 }]);
const sorted = async (df: DataFrame) => (await df.collect()).map((r) => JSON.stringify(r)).sort();

describe('ReorderJoin', () => {
  it('starts from the largest table and joins the tables a condition connects to it (FROM part, supplier, partsupp)', async () => {
    // partsupp is the largest: it streams; supplier, the smaller of the two it connects to, is joined first.
    const df = part().crossJoin(supp()).crossJoin(ps()).filter(col('pk').equalTo(col('ppk')).and(col('sk').equalTo(col('psk'))).and(col('cost').gt(6)));
    expect(optimized(df)).toBe(
      [
        'Project [pk, pname, sk, sname, ppk, psk, cost]',
        '+- Join inner, (ppk = pk)',
        '   +- Join inner, (psk = sk)',
        '      +- Filter (cost > 6)',
        '         +- LocalRelation [ppk, psk, cost]',
        '      +- LocalRelation [sk, sname]',
        '   +- LocalRelation [pk, pname]',
      ].join('\n'),
    );
    expect(df.columns).toEqual(['pk', 'pname', 'sk', 'sname', 'ppk', 'psk', 'cost']);
    expect(await df.collect()).toEqual([
      { pk: 1, pname: 'bolt', sk: 20, sname: 'bolts inc', ppk: 1, psk: 20, cost: 7 },
      { pk: 3, pname: 'gear', sk: 20, sname: 'bolts inc', ppk: 3, psk: 20, cost: 9 },
    ]);
  });

  // A star: a fact table of 60 rows, two dimensions of 6 rows, one of them filtered; and a snowflake arm, a store
  // table (10 rows) leading to a filtered region table (3 rows).
  const fact = () => spark.createDataFrame(Array.from({ length: 60 }, (_, i) => ({ f1: i % 6, f2: (i * 7) % 6, fs: i % 10, amount: i })));
  const dim1 = () => spark.createDataFrame(Array.from({ length: 6 }, (_, i) => ({ d1: i, name1: `one${i}` })));
  const dim2 = () => spark.createDataFrame(Array.from({ length: 6 }, (_, i) => ({ d2: i, name2: `two${i % 3}` })));
  const store = () => spark.createDataFrame(Array.from({ length: 10 }, (_, i) => ({ sid: i, sreg: i % 3 })));
  const region = () => spark.createDataFrame(Array.from({ length: 3 }, (_, i) => ({ rid: i, rname: `r${i}` })));
  const relationOrder = (plan: string) => [...plan.matchAll(/LocalRelation \[(\w+)/g)].map((m) => m[1]);

  it('joins a filtered dimension before an unfiltered one, whatever the FROM order', async () => {
    const df = dim1().crossJoin(dim2()).crossJoin(fact()).filter(col('d1').equalTo(col('f1')).and(col('d2').equalTo(col('f2'))).and(col('name2').equalTo('two1')));
    expect(optimized(df)).toBe(
      [
        'Project [d1, name1, d2, name2, f1, f2, fs, amount]',
        '+- Join inner, (f1 = d1)',
        '   +- Join inner, (f2 = d2)',
        '      +- LocalRelation [f1, f2, fs, amount]',
        "      +- Filter (name2 = 'two1')",
        '         +- LocalRelation [d2, name2]',
        '   +- LocalRelation [d1, name1]',
      ].join('\n'),
    );
    const rows = await df.collect();
    expect(rows.length).toBe(20); // f2 = 1 or 4: a third of the fact rows
    expect(rows.every((r) => r.name2 === 'two1' && r.d1 === r.f1 && r.d2 === r.f2)).toBe(true);
  });

  it('joins an unfiltered table first when a filtered smaller one is behind it, the two joined together (lineitem → supplier ⋈ nation)', async () => {
    // dim2 is filtered by a range (a guessed half of its rows); store leads to region, filtered by an equality:
    // store ⋈ region is built first, one build side that the fact table probes once.
    const df = fact()
      .crossJoin(dim2())
      .crossJoin(store())
      .crossJoin(region())
      .filter(col('f2').equalTo(col('d2')).and(col('d2').gt(2)).and(col('fs').equalTo(col('sid'))).and(col('sreg').equalTo(col('rid'))).and(col('rname').equalTo('r0')));
    expect(optimized(df)).toBe(
      [
        'Project [f1, f2, fs, amount, d2, name2, sid, sreg, rid, rname]',
        '+- Join inner, (f2 = d2)',
        '   +- Join inner, (fs = sid)',
        '      +- LocalRelation [f1, f2, fs, amount]',
        '      +- Join inner, (sreg = rid)',
        '         +- LocalRelation [sid, sreg]',
        "         +- Filter (rname = 'r0')",
        '            +- LocalRelation [rid, rname]',
        '   +- Filter (d2 > 2)',
        '      +- LocalRelation [d2, name2]',
      ].join('\n'),
    );
    // and the planner broadcasts the chain (taken to be no bigger than store)
    expect(df.explainString()).toContain(
      ['   +- BroadcastHashJoin [fs], [sid], inner, BuildRight', '      +- LocalTableScan [f1, f2, fs, amount]', '      +- BroadcastExchange', '         +- BroadcastHashJoin [sreg], [rid], inner, BuildRight'].join('\n'),
    );
    const rows = await df.collect();
    // fs in {0, 3, 6, 9} (store region 0) and f2 in {3, 4, 5}
    const expected = Array.from({ length: 60 }, (_, i) => i).filter((i) => [0, 3, 6, 9].includes(i % 10) && (i * 7) % 6 > 2);
    expect(rows.map((r) => r.amount).sort((x, y) => Number(x) - Number(y))).toEqual(expected);
  });

  it('joins a filtered table with the filtered smaller one next to it first (Q03: lineitem ⋈ (orders ⋈ customer))', async () => {
    const df = fact().crossJoin(store()).crossJoin(region()).filter(col('fs').equalTo(col('sid')).and(col('sid').gt(2)).and(col('sreg').equalTo(col('rid'))).and(col('rname').equalTo('r1')));
    expect(optimized(df)).toBe(
      [
        'Join inner, (fs = sid)',
        '+- LocalRelation [f1, f2, fs, amount]',
        '+- Join inner, (sreg = rid)',
        '   +- Filter (sid > 2)',
        '      +- LocalRelation [sid, sreg]',
        "   +- Filter (rname = 'r1')",
        '      +- LocalRelation [rid, rname]',
      ].join('\n'),
    );
    expect((await df.collect()).length).toBe(12); // fs in {4, 7}: 6 rows each
  });

  it('never joins a table no equality connects yet, even a smaller filtered one (no cartesian product)', async () => {
    // region is the smallest and filtered, but only store connects to it: fact ⋈ store ⋈ region.
    const df = region().crossJoin(fact()).crossJoin(store()).filter(col('fs').equalTo(col('sid')).and(col('sreg').equalTo(col('rid'))).and(col('rname').equalTo('r1')));
    const plan = optimized(df);
    expect(relationOrder(plan)).toEqual(['f1', 'sid', 'rid']);
    expect(plan).not.toMatch(/cross/);
    expect((await df.collect()).length).toBe(18); // fs in {1, 4, 7}: 6 rows each
  });

  it('keeps a condition that is not an equality as the residual of the lowest join that sees its columns', async () => {
    const df = part().crossJoin(supp()).crossJoin(ps()).filter(col('pk').equalTo(col('ppk')).and(col('sk').equalTo(col('psk'))).and(col('pname').lt(col('sname'))));
    expect(optimized(df).split('\n')[1]).toBe('+- Join inner, (ppk = pk) AND (pname < sname)');
    const plain = part().crossJoin(supp()).crossJoin(ps());
    const expected = (await plain.collect()).filter((r) => r.pk === r.ppk && r.sk === r.psk && (r.pname as string) < (r.sname as string));
    expect(await sorted(df)).toEqual(expected.map((r) => JSON.stringify(r)).sort());
    expect(expected.length).toBe(1);
  });

  it('leaves a join with no condition a cross join, and a plan that is already in order unchanged', async () => {
    expect(optimized(part().crossJoin(supp()))).toBe('Join cross\n+- LocalRelation [pk, pname]\n+- LocalRelation [sk, sname]');
    const inOrder = ps().join(part(), col('pk').equalTo(col('ppk')));
    expect(optimized(inOrder)).toBe('Join inner, (ppk = pk)\n+- LocalRelation [ppk, psk, cost]\n+- LocalRelation [pk, pname]');
  });
});

describe('BooleanSimplification: common factors of an OR', () => {
  it('(k = k2 AND a) OR (k = k2 AND b) becomes k = k2 AND (a OR b), so the join gets its key', async () => {
    const cond = col('pk').equalTo(col('ppk')).and(col('pname').equalTo('bolt')).and(col('cost').lt(6))
      .or(col('pk').equalTo(col('ppk')).and(col('pname').equalTo('gear')));
    const df = part().crossJoin(ps()).filter(cond);
    const plan = optimized(df);
    expect(plan.split('\n')[1]).toMatch(/^\+- Join inner, \(ppk = pk\) AND /);
    expect(plan).not.toMatch(/cross/);
    expect(await sorted(df)).toEqual(
      [{ pk: 1, pname: 'bolt', ppk: 1, psk: 10, cost: 5 }, { pk: 3, pname: 'gear', ppk: 3, psk: 20, cost: 9 }].map((r) => JSON.stringify(r)).sort(),
    );
  });

  it('(a AND b) OR a is a', () => {
    const df = ps().filter(col('cost').gt(5).and(col('psk').equalTo(20)).or(col('cost').gt(5)));
    expect(optimized(df)).toBe('Filter (cost > 5)\n+- LocalRelation [ppk, psk, cost]');
  });
});
