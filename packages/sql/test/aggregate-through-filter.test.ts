// A partial aggregate over the rows a filter kept reads its arguments through the filter's index vector instead of
// gathering every argument column (exec/hash-agg/through-take.ts, VectorAggregate.updateAt). Checked here: each
// aggregate's updateAt equals its update over the gathered rows (NULLs at kept and dropped rows); the aggregate
// does not gather the argument columns; and an argument that raises on a dropped row does not fail the query,
// while one that raises on a kept row still does.
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session } from '@kindling/sql';
import { lookupAggregate } from '../src/agg/aggregate-function.js';
import '../src/agg/builtin.js';
import type { Bound } from '../src/eval/bound.js';
import { compileBound } from '../src/eval/evaluate.js';
import { exactDecimalVec } from '../src/eval/exact-decimal.js';
import { vecToValues } from '../src/eval/arrow-convert.js';
import type { Vec } from '../src/eval/vec.js';
import { computedColumn, fromRecordBatch, type ColumnarBatch } from '../src/exec/columnar-batch.js';
import { HashAggregation } from '../src/exec/hash-agg/hash-aggregate.js';
import { takeRows } from '../src/exec/hash-join/take.js';
import { parseType } from '../src/types/parse-type.js';

const n = 2000;
const input = (ordinal: number, type: string): Bound => ({ kind: 'input', ordinal, type, nullable: true });
const typed = (type: string, values: (number | bigint | null)[]): Vec => {
  const t = parseType(type);
  const nulls = Uint8Array.from(values, (v) => (v === null ? 1 : 0));
  if (type.startsWith('decimal')) return exactDecimalVec(t, Float64Array.from(values, (v) => Number(v ?? 0)), nulls, values.length);
  const C = type === 'bigint' ? BigInt64Array : type === 'int' ? Int32Array : Float64Array;
  const arr = new C(values.length) as unknown as (number | bigint)[];
  values.forEach((v, i) => (arr[i] = v ?? (type === 'bigint' ? 0n : 0)));
  return { type: t, length: values.length, values: arr as unknown as Vec['values'], nulls };
};

describe('updateAt equals update over the gathered rows', () => {
  const sel = Int32Array.from({ length: 1500 }, (_, i) => Math.floor((i * 4) / 3)); // keeps 3 rows of 4
  const gids = Int32Array.from(sel, (r) => (r * 5 + (r >> 4)) % 7);
  const columns: [string, string, (number | bigint | null)[]][] = [
    ['count', 'double', Array.from({ length: n }, (_, r) => (r % 9 === 4 ? null : r / 4))],
    ['sum', 'int', Array.from({ length: n }, (_, r) => (r % 11 === 3 ? null : r * 37 - 20_000))],
    ['sum', 'bigint', Array.from({ length: n }, (_, r) => (r % 6 === 1 ? null : BigInt(r) * 10_000_000_019n))],
    ['sum', 'double', Array.from({ length: n }, (_, r) => (r % 5 === 2 ? null : r / 8 - 100))],
    ['avg', 'double', Array.from({ length: n }, (_, r) => (r % 7 === 0 ? null : r * 0.25))],
    ['sum', 'decimal(12,2)', Array.from({ length: n }, (_, r) => (r % 13 === 5 ? null : r * 101 - 7000))],
    ['avg', 'decimal(12,2)', Array.from({ length: n }, (_, r) => (r % 3 === 2 ? null : r * 3))],
    ['sum', 'decimal(12,2)', Array.from({ length: n }, (_, r) => r * 17)], // no NULLs: the lanes of few groups
  ];
  it.each(columns)('%s(%s)', (name, type, values) => {
    const f = lookupAggregate(name)!.vectorize!([input(0, type)])!;
    const [through, gathered] = [f.create(), f.create()];
    expect(through.updateAt).toBeDefined();
    const v = typed(type, values);
    const kept = typed(type, Array.from(sel, (r) => values[r]!));
    for (const a of [through, gathered]) a.reserve(7);
    through.updateAt!(gids, sel, sel.length, [v]);
    gathered.update(gids, sel.length, [kept]);
    const all = [0, 1, 2, 3, 4, 5, 6];
    expect(vecToValues(through.finish(all))).toEqual(vecToValues(gathered.finish(all)));
  });
});

describe('a grouped aggregate over a filtered batch', () => {
  const rb = new arrow.RecordBatch({
    k: arrow.vectorFromArray(Array.from({ length: n }, (_, r) => r % 3), new arrow.Int32()).data[0]!,
    x: arrow.vectorFromArray(Array.from({ length: n }, (_, r) => (r % 10 === 0 ? 0 : r)), new arrow.Float64()).data[0]!,
  });
  const keep = Int32Array.from({ length: n }, (_, r) => r).filter((r) => r % 10 !== 0);

  const run = (b: ColumnarBatch, arg: Bound) => {
    const call = { name: 'sum', args: [arg], distinct: false, type: 'double' };
    const agg = new HashAggregation([input(0, 'int')], [call as never], [(x) => x.columns[0]!], true);
    agg.update(b, [[(x) => compileBound(arg)(x.columns, x.length)]]);
    return agg;
  };

  it('reads the argument through the filter, without gathering it', () => {
    const base = fromRecordBatch(rb);
    const kept = takeRows(base, keep, keep.length);
    const agg = run(kept, input(1, 'double'));
    expect(computedColumn(kept.columns, 1)).toBeUndefined();
    expect(agg.count).toBe(3);
    const sums = [0, 0, 0];
    for (const r of keep) sums[r % 3]! += r;
    const out = [...agg.resultChunks(Int32Array.from([0, 1, 2]), ['k', 's'])][0]!;
    expect(vecToValues(out.columns[1]!)).toEqual(vecToValues(out.columns[0]!).map((k) => sums[k as number]));
  });

  it('an argument that raises on a dropped row is evaluated over the kept rows instead', () => {
    const kept = takeRows(fromRecordBatch(rb), keep, keep.length);
    // 1000 / x: DIVIDE_BY_ZERO (ANSI) on the rows where x = 0, all of which the filter dropped
    const arg: Bound = { kind: 'binary', op: '/', type: 'double', left: { kind: 'literal', value: 1000, type: 'double' }, right: input(1, 'double') };
    expect(() => compileBound(arg)(fromRecordBatch(rb).columns, n)).toThrow(/DIVIDE_BY_ZERO/);
    const agg = run(kept, arg);
    const sums = [0, 0, 0];
    for (const r of keep) sums[r % 3]! += 1000 / r;
    const out = [...agg.resultChunks(Int32Array.from([0, 1, 2]), ['k', 's'])][0]!;
    expect(vecToValues(out.columns[1]!)).toEqual(vecToValues(out.columns[0]!).map((k) => sums[k as number]));
  });
});

describe('filter then aggregate, end to end', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  });
  afterAll(async () => {
    await spark.stop();
  });

  const rows = Array.from({ length: 5000 }, (_, r) => [r % 4, r % 50 === 0 ? 0 : r % 97, r % 7 === 0 ? null : r]);

  it('a division by zero on dropped rows does not fail the query; the answer is that of the kept rows', async () => {
    spark.createDataFrame(rows, 'k int, x int, v int').createOrReplaceTempView('t');
    const got = await spark.sql('SELECT k, sum(1000 div x) AS s, count(v) AS c, avg(v * 2) AS a FROM t WHERE x <> 0 GROUP BY k ORDER BY k').collect();
    const want = [0, 1, 2, 3].map((k) => {
      const kept = rows.filter((r) => r[0] === k && r[1] !== 0);
      const vs = kept.map((r) => r[2]).filter((v): v is number => v !== null);
      return { k, s: BigInt(kept.reduce((s, r) => s + Math.trunc(1000 / (r[1] as number)), 0)), c: BigInt(vs.length), a: vs.reduce((s, v) => s + 2 * v, 0) / vs.length };
    });
    expect(got).toEqual(want);
  });

  it('a division by zero on a kept row still fails it', async () => {
    spark.createDataFrame(rows, 'k int, x int, v int').createOrReplaceTempView('t');
    await expect(spark.sql('SELECT k, sum(1000 div x) FROM t WHERE k <> 1 GROUP BY k').collect()).rejects.toThrow(/DIVIDE_BY_ZERO|division by zero/i);
  });
});
