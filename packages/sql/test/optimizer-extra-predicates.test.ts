import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F, type DataFrame } from '@kindling/sql';
import { optimized } from './optimized-plan.js';

// PushExtraPredicateThroughJoin, checked on the printed optimized plan and on the answer (which must be the same
// as the cartesian product filtered by the original condition).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }));
});
afterAll(async () => {
  await spark.stop();
});

const sorted = async (df: DataFrame) => (await df.collect()).map((r) => JSON.stringify(r)).sort();
const NATIONS = ['FRANCE', 'GERMANY', 'CHINA', 'PERU'];
const supp = () => spark.createDataFrame(NATIONS.map((n, i) => ({ sk: i, sn: n })));
const cust = () => spark.createDataFrame(NATIONS.flatMap((n, i) => [{ ck: i, cn: n }, { ck: i + 10, cn: n }]));
const q7 = col('sn').equalTo('FRANCE').and(col('cn').equalTo('GERMANY')).or(col('sn').equalTo('GERMANY').and(col('cn').equalTo('FRANCE')));

describe('PushExtraPredicateThroughJoin', () => {
  it("derives a condition for each side from Q7's two-nation disjunction and keeps the original", async () => {
    const df = cust().crossJoin(supp()).filter(q7);
    expect(optimized(df)).toBe(
      [
        "Join inner, (((sn = 'FRANCE') AND (cn = 'GERMANY')) OR ((sn = 'GERMANY') AND (cn = 'FRANCE')))",
        "+- Filter ((cn = 'GERMANY') OR (cn = 'FRANCE'))",
        '   +- LocalRelation [ck, cn]',
        "+- Filter ((sn = 'FRANCE') OR (sn = 'GERMANY'))",
        '   +- LocalRelation [sk, sn]',
      ].join('\n'),
    );
    const pairs = (await df.collect()).map((r) => `${r.sn}-${r.cn}`).sort();
    expect(pairs).toEqual(['FRANCE-GERMANY', 'FRANCE-GERMANY', 'GERMANY-FRANCE', 'GERMANY-FRANCE']);
  });

  it("Q19's three branches give one condition per side; a branch with nothing for a side gives that side none", async () => {
    const part = spark.createDataFrame([1, 2, 3, 4].map((pk) => ({ pk, brand: `B${pk}`, size: pk * 5 })));
    const item = spark.createDataFrame([1, 2, 3, 4].flatMap((k) => [1, 10, 20].map((qty) => ({ ipk: k, qty, mode: qty > 5 ? 'AIR' : 'MAIL' }))));
    const branch = (brand: string, lo: number, hi: number) =>
      col('pk').equalTo(col('ipk')).and(col('brand').equalTo(brand)).and(col('qty').geq(lo)).and(col('qty').leq(hi)).and(col('mode').equalTo('AIR'));
    const df = part.crossJoin(item).filter(branch('B1', 1, 11).or(branch('B2', 10, 20)).or(branch('B3', 20, 30)));
    const plan = optimized(df);
    expect(plan).toContain("Filter (((brand = 'B1') OR (brand = 'B2')) OR (brand = 'B3'))");
    expect(plan).toContain("Filter ((mode = 'AIR') AND ((((qty >= 1) AND (qty <= 11)) OR ((qty >= 10) AND (qty <= 20))) OR ((qty >= 20) AND (qty <= 30))))");
    expect(plan.split('\n')[1]).toMatch(/^\+- Join inner, \(ipk = pk\) AND \(\(\(\(\(brand = 'B1'\)/); // the original, kept
    expect(await sorted(df.select('pk', 'qty'))).toEqual(['{"pk":1,"qty":10}', '{"pk":2,"qty":10}', '{"pk":2,"qty":20}', '{"pk":3,"qty":20}']);
    // (sn = FRANCE AND cn = GERMANY) OR cn = PERU: every branch says something of cn, not of sn.
    const half = cust().crossJoin(supp()).filter(col('sn').equalTo('FRANCE').and(col('cn').equalTo('GERMANY')).or(col('cn').equalTo('PERU')));
    expect(optimized(half)).toBe(
      [
        "Join inner, (((sn = 'FRANCE') AND (cn = 'GERMANY')) OR (cn = 'PERU'))",
        "+- Filter ((cn = 'GERMANY') OR (cn = 'PERU'))",
        '   +- LocalRelation [ck, cn]',
        '+- LocalRelation [sk, sn]',
      ].join('\n'),
    );
    expect((await half.collect()).length).toBe(2 + 4 * 2);
  });

  it('filters only the side of an outer join whose unmatched rows are not kept', async () => {
    const df = supp().join(cust(), col('sk').equalTo(col('ck')).and(q7), 'left');
    expect(optimized(df)).toBe(
      [
        "Join left, (sk = ck) AND (((sn = 'FRANCE') AND (cn = 'GERMANY')) OR ((sn = 'GERMANY') AND (cn = 'FRANCE')))",
        '+- LocalRelation [sk, sn]',
        "+- Filter ((cn = 'GERMANY') OR (cn = 'FRANCE'))",
        '   +- LocalRelation [ck, cn]',
      ].join('\n'),
    );
    // Every supplier stays; none of them meets a matching customer (sk = ck pairs the same nation).
    expect((await df.collect()).map((r) => [r.sn, r.cn])).toEqual(NATIONS.map((n) => [n, null]));
  });

  it('derives nothing from a non-deterministic condition, and each condition once', async () => {
    const nondeterministic = col('sn').equalTo('FRANCE').and(F.expr("current_date() < DATE '2000-01-01'")).or(col('sn').equalTo('PERU').and(col('cn').equalTo('PERU')));
    const random = cust().join(supp(), nondeterministic);
    expect(optimized(random)).toMatch(/^Join inner, \(\(\(sn = 'FRANCE'\) AND \(current_date\(\)/);
    expect(optimized(random)).not.toMatch(/Filter/);
    expect(await random.count()).toBe(2);
    // The derived filters go where the optimizer's later passes take them, and are not derived again there.
    const twice = cust().crossJoin(supp()).filter(q7).join(spark.createDataFrame([{ x: 'GERMANY' }]), col('cn').equalTo(col('x')));
    expect(optimized(twice).match(/OR \(cn = 'FRANCE'\)\)/g)).toHaveLength(1);
    expect(await twice.count()).toBe(2);
  });
});
