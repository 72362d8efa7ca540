import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session } from '@kindling/sql';
import { optimized } from './optimized-plan.js';

// SemiJoinAggregateByJoinKeys, checked on the printed optimized plan and on the answer (computed here by hand).
let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local' }));
  const items = Array.from({ length: 60 }, (_, i) => ({ ipk: i % 6, qty: (i * 7) % 13, price: i }));
  spark.createDataFrame(items).createOrReplaceTempView('items');
  spark.createDataFrame(Array.from({ length: 6 }, (_, i) => ({ pk: i, brand: `b${i % 3}` }))).createOrReplaceTempView('parts');
});
afterAll(async () => {
  await spark.stop();
});

// TPC-H Q17's shape: the correlated average becomes a left join with an aggregate of all items by part.
const q17 = (brandFilter: string) =>
  spark.sql(`SELECT sum(price) AS s FROM items, parts WHERE pk = ipk ${brandFilter} AND qty < (SELECT avg(qty) FROM items i2 WHERE i2.ipk = pk)`);
const expected = (brands: string[]) => {
  const items = Array.from({ length: 60 }, (_, i) => ({ ipk: i % 6, qty: (i * 7) % 13, price: i }));
  const avg = (k: number) => items.filter((r) => r.ipk === k).reduce((s, r) => s + r.qty, 0) / 10;
  return items.filter((r) => brands.includes(`b${r.ipk % 3}`) && r.qty < avg(r.ipk)).reduce((s, r) => s + r.price, 0);
};

describe('SemiJoinAggregateByJoinKeys', () => {
  it("aggregates only the groups of the filtered table's keys (Q17)", async () => {
    const df = q17("AND brand = 'b1'");
    expect(optimized(df)).toBe(
      [
        'Project [#agg0 AS s]',
        '+- Aggregate [], [sum(cast(price as bigint))]',
        '   +- Project [price]',
        '      +- Filter (cast(qty as double) < __sq1_v0)',
        '         +- Project [qty, price, __sq1_v0]',
        '            +- Join left, (pk = __sq1_c0)',
        '               +- Project [qty, price, pk]',
        '                  +- Join inner, (ipk = pk)',
        '                     +- LocalRelation [ipk, qty, price]',
        '                     +- Project [pk]',
        "                        +- Filter (brand = 'b1')",
        '                           +- LocalRelation [pk, brand]',
        '               +- Project [#agg0 AS __sq1_v0, __sq1_c0]',
        '                  +- Aggregate [__sq1_c0], [avg(cast(qty as double))]',
        '                     +- Join left_semi, (__sq1_c0 = pk)', // only the items of b1's parts are averaged
        '                        +- Project [qty, ipk AS __sq1_c0]',
        '                           +- LocalRelation [ipk, qty, price]',
        '                        +- Project [pk]',
        "                           +- Filter (brand = 'b1')",
        '                              +- LocalRelation [pk, brand]',
      ].join('\n'),
    );
    expect(Number((await df.collect())[0]!.s)).toBe(expected(['b1']));
  });

  it('leaves the aggregate whole when the keys come from no filtered table', async () => {
    const df = q17('');
    expect(optimized(df)).not.toMatch(/left_semi/);
    expect(Number((await df.collect())[0]!.s)).toBe(expected(['b0', 'b1', 'b2']));
  });
});
