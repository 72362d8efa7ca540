import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F, type Column, type DataFrame } from '@kindling/sql';

// Keys of several small-int and coded (string, decimal) columns group through exec/hash-agg/packed-keys.ts: two
// packed words per row, fields as wide as the ranges seen, repacked as they grow, handed to a GroupTable past 64
// bits. Answers are checked against groups computed here row by row, across batches (65,536 rows), 2 map tasks
// and 3 reduce partitions.

let spark: Session;
beforeAll(() => {
  // Partial aggregates keep aggregating (adaptive skipping would bypass their tables).
  spark = new Session(
    new Context({ master: 'local[2]' }),
    new Map([
      ['spark.sql.shuffle.partitions', '3'],
      ['spark.sql.aggregate.adaptivePartial.enabled', 'false'],
    ]),
  );
});
afterAll(async () => {
  await spark.stop();
});

type Key = (id: number) => unknown;

const asDay = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/**
 * groupBy(keys).agg(count, sum(id)) over ids 0..N-1 (2 partitions) equals the groups computed from `keys`; `norm`
 * turns an output row's key columns into the values `keys` give.
 */
async function expectGroups(
  df: DataFrame,
  N: number,
  names: string[],
  keys: Key[],
  norm: (r: Record<string, unknown>) => unknown[] = (r) => names.map((c) => asDay(r[c])),
): Promise<void> {
  const text = (vals: unknown[]) => JSON.stringify(vals, (_, x) => (typeof x === 'bigint' ? String(x) : x));
  const exp = new Map<string, { n: number; s: number }>();
  for (let i = 0; i < N; i++) {
    const k = text(keys.map((f) => f(i)));
    const e = exp.get(k) ?? { n: 0, s: 0 };
    e.n++;
    e.s += i;
    exp.set(k, e);
  }
  const out = await df.groupBy(...names).agg(F.count('*').alias('n'), F.sum('id').alias('s')).collect();
  expect(out).toHaveLength(exp.size);
  const wrong = out.filter((r) => {
    const e = exp.get(text(norm(r)));
    return !e || Number(r.n) !== e.n || Number(r.s) !== e.s;
  });
  expect(wrong).toEqual([]);
}

const id = col('id');
const m = (k: number) => id.mod(lit(k));
const nullIf = (cond: Column, type: string, x: Column) => F.when(cond, lit(null).cast(type)).otherwise(x);

describe('packed multi-column keys', () => {
  it('strings and ints with NULLs in each, negative ints, both strings sources (computed, cached)', async () => {
    const N = 200_000;
    const keys: Key[] = [
      (i) => (i % 17 === 0 ? null : `s${i % 1000}`),
      (i) => (i % 13 === 0 ? null : (i % 301) - 150),
      (i) => (i % 7 === 0 ? null : `t${i % 5}`),
      (i) => (i % 11 === 0 ? null : i % 3),
    ];
    const df = spark.range(0, N, 1, 2).select(
      nullIf(m(17).equalTo(lit(0)), 'string', F.concat(lit('s'), m(1000).cast('string'))).alias('a'),
      nullIf(m(13).equalTo(lit(0)), 'int', m(301).minus(lit(150)).cast('int')).alias('b'),
      nullIf(m(7).equalTo(lit(0)), 'string', F.concat(lit('t'), m(5).cast('string'))).alias('c'),
      nullIf(m(11).equalTo(lit(0)), 'int', m(3).cast('int')).alias('d'),
      id,
    );
    for (const input of [df, df.cache()]) {
      await expectGroups(input, N, ['a', 'b', 'c', 'd'], keys);
      await expectGroups(input, N, ['b', 'd'], [keys[1]!, keys[3]!]);
      await expectGroups(input, N, ['a', 'b'], [keys[0]!, keys[1]!]);
    }
  });

  it('ranges and codes that grow batch after batch repack the groups (same ids, same answers)', async () => {
    // Per task (100,000 ids): the int range widens with every batch and doubles past 65,536, one column's values
    // arrive below the first batch's range, and the strings' codes grow from 64 to ~33,000.
    const N = 200_000;
    const keys: Key[] = [(i) => (i % 100_000) * 7, (i) => -Math.floor((i % 100_000) / 3), (i) => `v${Math.floor((i % 100_000) / 3)}`];
    const df = spark.range(0, N, 1, 2).select(
      m(100_000).multiply(lit(7)).cast('int').alias('a'),
      lit(0).minus(F.floor(m(100_000).divide(lit(3)))).cast('int').alias('b'),
      F.concat(lit('v'), F.floor(m(100_000).divide(lit(3))).cast('string')).alias('c'),
      id,
    );
    await expectGroups(df, N, ['a', 'b', 'c'], keys);
    await expectGroups(df.cache(), N, ['c', 'b'], [keys[2]!, keys[1]!]);
  });

  it('keys past 64 bits hand their groups to a GroupTable mid-task, agreeing with tasks that did not', async () => {
    // The first batch of each task packs (small ranges); the second partition's later rows spread two int columns
    // over ~2^30 values each, so its task falls back while the first stays packed. Keys of the fallback rows
    // repeat those of the packed ones, so partial groups from both kinds of table meet in the final aggregate.
    const N = 200_000;
    const wide = (i: number) => i >= 165_536;
    const keys: Key[] = [
      (i) => (wide(i) && i % 2 === 0 ? (i % 3) * 500_000_000 : i % 10),
      (i) => (wide(i) && i % 3 === 0 ? -(i % 5) * 400_000_000 : i % 7 === 0 ? null : i % 20),
      (i) => (i % 9 === 0 ? null : `k${i % 4}`),
      (i) => i % 6,
    ];
    const w = id.geq(lit(165_536));
    const df = spark.range(0, N, 1, 2).select(
      F.when(w.and(m(2).equalTo(lit(0))), m(3).multiply(lit(500_000_000))).otherwise(m(10)).cast('int').alias('a'),
      F.when(w.and(m(3).equalTo(lit(0))), lit(0).minus(m(5).multiply(lit(400_000_000))))
        .when(m(7).equalTo(lit(0)), lit(null).cast('bigint'))
        .otherwise(m(20))
        .cast('int')
        .alias('b'),
      nullIf(m(9).equalTo(lit(0)), 'string', F.concat(lit('k'), m(4).cast('string'))).alias('c'),
      m(6).cast('int').alias('d'),
      id,
    );
    await expectGroups(df, N, ['a', 'b', 'c', 'd'], keys);
  });

  it('dates, booleans, small ints and decimals pack too', async () => {
    const N = 150_000;
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + (i % 400) * 86_400_000).toISOString().slice(0, 10);
    const keys: Key[] = [day, (i) => (i % 5 === 0 ? null : i % 2 === 0), (i) => (i % 100) - 50, (i) => (i % 8 === 0 ? null : ((i % 37) / 4).toFixed(2))];
    const df = spark.range(0, N, 1, 2).select(
      F.date_add(lit('2020-01-01').cast('date'), m(400).cast('int')).alias('a'),
      nullIf(m(5).equalTo(lit(0)), 'boolean', m(2).equalTo(lit(0))).alias('b'),
      m(100).minus(lit(50)).cast('tinyint').alias('c'),
      nullIf(m(8).equalTo(lit(0)), 'decimal(6,2)', m(37).cast('decimal(6,2)').divide(lit(4)).cast('decimal(6,2)')).alias('d'),
      id,
    );
    await expectGroups(df, N, ['a', 'b', 'c', 'd'], keys, (r) => [
      String(asDay(r.a)),
      r.b,
      r.c,
      r.d === null ? null : Number(String(r.d)).toFixed(2),
    ]);
  });
});
