import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, type DataFrame } from '@kindling/sql';

// ReorderJoin and the common-factor extraction of BooleanSimplification, checked on the printed optimized plan and
// on the answer (which must be the same as the cartesian product filtered).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }));
});
afterAll(async () => {
  await spark.stop();
});

const optimized = (df: DataFrame) => df.explainString(true).split('== Optimized Logical Plan ==\n')[1]!.split('\n\n')[0]!;
const part = () => spark.createDataFrame([{ pk: 1, pname: 'bolt' }, { pk: 2, pname: 'nut' }, { pk: 3, pname: 'gear' }]);
const supp = () => spark.createDataFrame([{ sk: 10, sname: 'acme' }, { sk: 20, sname: 'bolts inc' }]);
const ps = () => spark.createDataFrame([{ ppk: 1, psk: 10, cost: 5 }, { ppk: 1, psk: 20, cost: 7 }, { ppk: 3, psk: 20, cost: 9 }]);
const sorted = async (df: DataFrame) => (await df.collect()).map((r) => JSON.stringify(r)).sort();

describe('ReorderJoin', () => {
  it('joins the table a condition connects before an unconnected one (FROM part, supplier, partsupp)', async () => {
    const df = part().crossJoin(supp()).crossJoin(ps()).filter(col('pk').equalTo(col('ppk')).and(col('sk').equalTo(col('psk'))).and(col('cost').gt(6)));
    expect(optimized(df)).toBe(
      [
        'Project [pk, pname, sk, sname, ppk, psk, cost]',
        '+- Join inner, (psk = sk)',
        '   +- Join inner, (pk = ppk)',
        '      +- LocalRelation [pk, pname]',
        '      +- Filter (cost > 6)',
        '         +- LocalRelation [ppk, psk, cost]',
        '   +- LocalRelation [sk, sname]',
      ].join('\n'),
    );
    expect(df.columns).toEqual(['pk', 'pname', 'sk', 'sname', 'ppk', 'psk', 'cost']);
    expect(await df.collect()).toEqual([
      { pk: 1, pname: 'bolt', sk: 20, sname: 'bolts inc', ppk: 1, psk: 20, cost: 7 },
      { pk: 3, pname: 'gear', sk: 20, sname: 'bolts inc', ppk: 3, psk: 20, cost: 9 },
    ]);
  });

  it('keeps a condition that is not an equality as the residual of the lowest join that sees its columns', async () => {
    const df = part().crossJoin(supp()).crossJoin(ps()).filter(col('pk').equalTo(col('ppk')).and(col('sk').equalTo(col('psk'))).and(col('pname').lt(col('sname'))));
    expect(optimized(df).split('\n')[1]).toBe('+- Join inner, (psk = sk) AND (pname < sname)');
    const plain = part().crossJoin(supp()).crossJoin(ps());
    const expected = (await plain.collect()).filter((r) => r.pk === r.ppk && r.sk === r.psk && (r.pname as string) < (r.sname as string));
    expect(await sorted(df)).toEqual(expected.map((r) => JSON.stringify(r)).sort());
    expect(expected.length).toBe(1);
  });

  it('leaves a join with no condition a cross join, and a plan that is already in order unchanged', async () => {
    expect(optimized(part().crossJoin(supp()))).toBe('Join cross\n+- LocalRelation [pk, pname]\n+- LocalRelation [sk, sname]');
    const inOrder = part().join(ps(), col('pk').equalTo(col('ppk')));
    expect(optimized(inOrder)).toBe('Join inner, (pk = ppk)\n+- LocalRelation [pk, pname]\n+- LocalRelation [ppk, psk, cost]');
  });
});

describe('BooleanSimplification: common factors of an OR', () => {
  it('(k = k2 AND a) OR (k = k2 AND b) becomes k = k2 AND (a OR b), so the join gets its key', async () => {
    const cond = col('pk').equalTo(col('ppk')).and(col('pname').equalTo('bolt')).and(col('cost').lt(6))
      .or(col('pk').equalTo(col('ppk')).and(col('pname').equalTo('gear')));
    const df = part().crossJoin(ps()).filter(cond);
    const plan = optimized(df);
    expect(plan).toMatch(/^Join inner, \(pk = ppk\)/);
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
