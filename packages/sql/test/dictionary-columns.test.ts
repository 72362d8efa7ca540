// Dictionary-encoded string columns (the form a cached table keeps) through filters, projections, join gathers,
// build-side concatenation and IPC: the codes are gathered and the dictionary shared, so a group-by key after a
// filter still sees codes, and every path still reads the right strings and NULLs.
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';
import { arrowDataOf, vecFromArrow } from '../src/eval/arrow-convert.js';
import type { Bound } from '../src/eval/bound.js';
import { decode, encode, fromRecordBatch, type ColumnarBatch } from '../src/exec/columnar-batch.js';
import { decodeBatches } from '../src/exec/batch-codec.js';
import { cacheBlocks, plainBatch } from '../src/exec/dictionary-encode.js';
import { concatBatches, takeColumn, takeRows } from '../src/exec/hash-join/take.js';
import { runSteps, type Step } from '../src/exec/pipeline.js';
import { keySource } from '../src/exec/hash-agg/key-encoders.js';

const WORDS = ['x', 'ä', '', 'zzz'];
/** Row i: w = WORDS[i % 4], NULL every 7th row; v = i. */
const word = (i: number) => (i % 7 === 3 ? null : WORDS[i % 4]!);

/** A cached-style batch: `w` dictionary-encoded by the cache's encoder, `v` int. */
function cachedBatch(n: number, from = 0): arrow.RecordBatch {
  const w = arrow.vectorFromArray(Array.from({ length: n }, (_, i) => word(from + i)), new arrow.Utf8());
  const v = arrow.vectorFromArray(Array.from({ length: n }, (_, i) => from + i), new arrow.Int32());
  const rb = new arrow.RecordBatch({ w: w.data[0]!, v: v.data[0]! });
  const enc = dictionaryEncode(rb);
  expect(enc.schema.fields[0]!.type).toBeInstanceOf(arrow.Dictionary);
  return enc;
}

/** Column 0 of a batch as JS values (null for NULL). */
const strings = (b: ColumnarBatch, c = 0) => Array.from({ length: b.length }, (_, i) => (b.columns[c]!.nulls?.[i] === 1 ? null : b.columns[c]!.values[i]));

/** The batch as the cache stores it: one block, its string columns dictionary-encoded where they repeat. */
function dictionaryEncode(rb: arrow.RecordBatch): arrow.RecordBatch {
  const blocks = [...cacheBlocks([rb])];
  expect(blocks).toHaveLength(1);
  const [out, ...more] = decodeBatches(blocks[0]!);
  expect(more).toHaveLength(0);
  return out!;
}

const dictOf = (d: arrow.Data | undefined) => (d as arrow.Data<arrow.Dictionary> | undefined)?.dictionary;

const input = (ordinal: number, type: 'string' | 'int'): Bound => ({ kind: 'input', ordinal, type, nullable: true });
const lit = (value: number): Bound => ({ kind: 'literal', value, type: 'int' });

describe('dictionary string columns', () => {
  const N = 2000;
  const rb = cachedBatch(N);

  it('a Vec read from a dictionary column decodes its strings only when read, NULLs included', () => {
    const v = vecFromArrow(rb.getChildAt(0)!);
    expect(arrowDataOf(v)?.typeId).toBe(arrow.Type.Dictionary);
    for (let i = 0; i < N; i++) {
      expect(v.nulls?.[i] === 1 ? null : v.values[i]).toBe(word(i));
    }
  });

  it('a filter keeps the codes and shares the dictionary, through a projection; the aggregate sees codes', () => {
    const b = fromRecordBatch(rb);
    // v % 3 = 1, then (v, w)
    const cond: Bound = { kind: 'binary', op: '=', type: 'boolean', left: { kind: 'binary', op: '%', type: 'int', left: input(1, 'int'), right: lit(3) }, right: lit(1) };
    const steps: Step[] = [
      { op: 'filter', condition: cond },
      { op: 'project', exprs: [input(1, 'int'), input(0, 'string')], names: ['v', 'w'] },
    ];
    const [out] = [...runSteps(steps, [b])];
    const kept = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 1);
    expect(out!.length).toBe(kept.length);
    const d = out!.arrow?.[1];
    expect(d?.typeId).toBe(arrow.Type.Dictionary);
    expect(dictOf(d)).toBe(dictOf(b.arrow![0]));
    expect(d!.length).toBe(kept.length);
    expect(d!.nullCount).toBe(kept.filter((i) => word(i) === null).length);
    expect(strings(out!, 1)).toEqual(kept.map(word));
    expect(Array.from(out!.columns[0]!.values as Int32Array)).toEqual(kept);
    const src = keySource(out!, input(1, 'string'), () => out!.columns[1]!);
    expect(src.dict?.indices.length).toBe(kept.length);
    expect(src.dict?.nulls?.filter((x) => x === 1).length).toBe(d!.nullCount);
  });

  it('a filter that keeps every row passes the batch on; one that keeps none drops it', () => {
    const b = fromRecordBatch(rb);
    const ge = (x: number): Step => ({ op: 'filter', condition: { kind: 'binary', op: '>=', type: 'boolean', left: input(1, 'int'), right: lit(x) } });
    expect([...runSteps([ge(0)], [b])][0]).toBe(b);
    expect([...runSteps([ge(N)], [b])]).toEqual([]);
  });

  it('a join gather (-1 = the missing side) gives NULL rows and keeps the dictionary', () => {
    const b = fromRecordBatch(rb);
    const idx = Int32Array.from([5, -1, 3, 0, -1, 10, 1999, 1, 2]);
    const v = takeColumn(b, 0, idx, idx.length, true);
    expect(arrowDataOf(v)?.typeId).toBe(arrow.Type.Dictionary);
    expect(Array.from({ length: idx.length }, (_, i) => (v.nulls?.[i] === 1 ? null : v.values[i]))).toEqual(Array.from(idx, (r) => (r < 0 ? null : word(r))));
  });

  it('a dictionary larger than the rows taken is copied as bytes (a shuffle bucket does not carry it)', () => {
    // 3000 distinct strings in 8192 rows: the encoder keeps a dictionary of 3000 entries.
    const n = 8192;
    const ws = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : `w${i % 3000}`));
    const big = dictionaryEncode(new arrow.RecordBatch({ w: arrow.vectorFromArray(ws, new arrow.Utf8()).data[0]! }));
    const b = fromRecordBatch(big);
    expect(b.arrow![0]!.typeId).toBe(arrow.Type.Dictionary);
    const idx = Int32Array.from([0, 1, 2999, 4000, 11]);
    const v = takeColumn(b, 0, idx, idx.length, false);
    expect(arrowDataOf(v)?.typeId).toBe(arrow.Type.Utf8);
    expect(Array.from({ length: idx.length }, (_, i) => (v.nulls?.[i] === 1 ? null : v.values[i]))).toEqual(Array.from(idx, (r) => ws[r]));
  });

  it('build-side concat: batches sharing a dictionary concatenate codes; different small dictionaries merge', () => {
    const b = fromRecordBatch(rb);
    const half = (from: number) => {
      const idx = new Int32Array(N / 2);
      for (let i = 0; i < N / 2; i++) idx[i] = from + i;
      return takeRows(b, idx, N / 2);
    };
    const shared = concatBatches([half(0), half(N / 2)], ['string', 'int']);
    expect(shared.arrow?.[0]?.typeId).toBe(arrow.Type.Dictionary);
    expect(dictOf(shared.arrow?.[0])).toBe(dictOf(b.arrow![0]));
    expect(strings(shared)).toEqual(Array.from({ length: N }, (_, i) => word(i)));
    const other = fromRecordBatch(cachedBatch(N, N));
    expect(dictOf(other.arrow![0])).not.toBe(dictOf(b.arrow![0]));
    const mixed = concatBatches([b, other], ['string', 'int']);
    expect(mixed.arrow?.[0]?.typeId).toBe(arrow.Type.Dictionary);
    // one entry per distinct string of both dictionaries
    expect(dictOf(mixed.arrow?.[0])?.length).toBe(new Set(WORDS).size);
    expect(strings(mixed)).toEqual(Array.from({ length: 2 * N }, (_, i) => word(i)));
    // and through a gather, as a join's output reads its build side
    const picked = takeRows(mixed, Int32Array.from([0, 3, N + 1, 2 * N - 1]), 4);
    expect(strings(picked)).toEqual([0, 3, N + 1, 2 * N - 1].map(word));
  });

  it('a filtered dictionary batch goes through IPC as a dictionary and comes back with the same strings; plainBatch decodes it', () => {
    const b = fromRecordBatch(rb);
    const keep = new Int32Array(N);
    let m = 0;
    for (let i = 0; i < N; i++) if (i % 5 !== 0) keep[m++] = i;
    const out = takeRows(b, keep, m);
    const [back] = decode(encode(out));
    expect(back!.arrow?.[0]?.typeId).toBe(arrow.Type.Dictionary);
    expect(strings(back!)).toEqual(Array.from(keep.subarray(0, m), word));
    const plain = plainBatch(new arrow.RecordBatch(new arrow.Schema([new arrow.Field('w', back!.arrow![0]!.type, true)]), arrow.makeData({ type: new arrow.Struct([new arrow.Field('w', back!.arrow![0]!.type, true)]), length: m, nullCount: 0, children: [back!.arrow![0]!] })));
    expect(plain.schema.fields[0]!.type).toBeInstanceOf(arrow.Utf8);
    expect(plain.getChildAt(0)!.toArray()).toEqual(Array.from(keep.subarray(0, m), word));
  });
  it('a join output repeating a small plain UTF-8 build column gathers its rows as codes: repeated strings, NULLs', () => {
    const names = ['s1', null, 'ä', 's1', ''];
    const build = fromRecordBatch(new arrow.RecordBatch({ s: arrow.vectorFromArray(names, new arrow.Utf8()).data[0]! }));
    expect(build.arrow![0]!.typeId).toBe(arrow.Type.Utf8);
    const idx = Int32Array.from({ length: 40 }, (_, i) => (i % 9 === 8 ? -1 : i % 5));
    const first = takeColumn(build, 0, idx, idx.length, true);
    const again = takeColumn(build, 0, idx.subarray(0, 20), 20, false);
    expect(arrowDataOf(first)?.typeId).toBe(arrow.Type.Dictionary);
    // Every gather from the column shares one dictionary (its decoded strings are decoded once).
    expect(dictOf(arrowDataOf(again))).toBe(dictOf(arrowDataOf(first)));
    expect(Array.from({ length: idx.length }, (_, i) => (first.nulls?.[i] === 1 ? null : first.values[i]))).toEqual(Array.from(idx, (r) => (r < 0 ? null : names[r])));
    // Fewer rows out than the column has: bytes, as before.
    expect(arrowDataOf(takeColumn(build, 0, Int32Array.from([2, 0]), 2, false))?.typeId).toBe(arrow.Type.Utf8);
    // The group-by key encoder reads the repeated entries by their bytes: 's1' twice in the dictionary, one group.
    const out: ColumnarBatch = { names: ['s'], columns: [first], length: idx.length, arrow: [arrowDataOf(first)] };
    const src = keySource(out, input(0, 'string'), () => first);
    expect(src.dict?.size).toBe(names.length);
  });
});

describe('dictionary string columns end to end', () => {
  let spark: Session;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
  });
  afterAll(async () => {
    await spark.stop();
  });

  it('group by strings of a small build side repeated by a join (repeated names, NULL names), after a filter', async () => {
    const sup = spark.createDataFrame([[1, 'alpha'], [2, null], [3, 'alpha'], [4, 'beta'], [5, '']], 'k int, name string');
    const rows = Array.from({ length: 5000 }, (_, i) => [1 + (i % 6), i % 10]);
    const facts = spark.createDataFrame(rows, 'k int, v int').cache();
    const got = await facts.filter(col('v').lt(7)).join(F.broadcast(sup), 'k').groupBy('name').agg(F.count('*').alias('n'), F.sum('v').alias('s')).collect();
    const names = new Map<number, string | null>([[1, 'alpha'], [2, null], [3, 'alpha'], [4, 'beta'], [5, '']]);
    const want = new Map<string | null, { n: number; s: number }>();
    for (const [k, v] of rows) {
      if (v! >= 7 || !names.has(k!)) continue;
      const name = names.get(k!)!;
      const e = want.get(name) ?? { n: 0, s: 0 };
      e.n++;
      e.s += v!;
      want.set(name, e);
    }
    expect(got).toHaveLength(want.size);
    for (const r of got) expect({ n: Number(r.n), s: Number(r.s) }).toEqual(want.get(r.name as string | null));
    facts.unpersist();
  });
});
