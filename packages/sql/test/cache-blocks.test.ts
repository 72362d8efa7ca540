import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, lit, functions as F } from '@kindling/sql';
import { cacheBlocks } from '../src/exec/dictionary-encode.js';
import { readBatches } from '../src/exec/batch-codec.js';
import { vecFromArrow } from '../src/eval/arrow-convert.js';
import { parseType } from '../src/types/parse-type.js';
import { HashAggregation } from '../src/exec/hash-agg/hash-aggregate.js';
import { decode, encode, fromRecordBatch, type ColumnarBatch } from '../src/exec/columnar-batch.js';
import '../src/agg/builtin.js';
import { ShippedKeys } from '../src/exec/hash-agg/shipped-keys.js';

// What a cached partition stores (exec/dictionary-encode.ts): IPC streams whose repetitive string columns share one
// dictionary per block, written once before the batches; a column whose strings stop repeating ends the block.

const STRING = parseType('string');
const DICT = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());

function batch(cols: Record<string, (string | null)[]>, dict: string[] = []): arrow.RecordBatch {
  const vectors = Object.fromEntries(
    Object.entries(cols).map(([name, vals]) => [name, arrow.vectorFromArray(vals, dict.includes(name) ? DICT : new arrow.Utf8())]),
  );
  return new arrow.RecordBatch(vectors);
}

/** The blocks' batches: per batch, per column, its Arrow type id and its values read back as strings. */
function readBack(blocks: Uint8Array[]) {
  return blocks.map((b) =>
    [...readBatches(b)].map((rb) =>
      rb.schema.fields.map((f, i) => {
        const d = rb.getChildAt(i)!.data[0]!;
        const v = vecFromArrow(d, STRING);
        const values = Array.from({ length: rb.numRows }, (_, r) => (v.nulls?.[r] === 1 ? null : (v.values[r] as string)));
        const chunks = arrow.DataType.isDictionary(d.type) ? (d.dictionary!.data.length as number) : 0;
        return { name: f.name, dict: arrow.DataType.isDictionary(d.type), chunks, size: d.dictionary?.length ?? 0, values };
      }),
    ),
  );
}

/** A row's pseudo-random draw (murmur3's finalizer). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** n strings drawn (by a hash of the row) from `pool` values, NULL every `nullEvery` rows. */
const pooled = (n: number, pool: number, seed: number, nullEvery = 0) =>
  Array.from({ length: n }, (_, i) => (nullEvery && (i + seed) % nullEvery === 0 ? null : `s${mix(i + seed) % pool}`));

describe('cache blocks', () => {
  it("a block's batches share one dictionary of all their strings; NULLs stay NULL", () => {
    const inputs = Array.from({ length: 6 }, (_, k) => pooled(4000, 5000, k * 4000, 13));
    const blocks = [...cacheBlocks(inputs.map((s) => batch({ s })))];
    expect(blocks).toHaveLength(1);
    const back = readBack(blocks)[0]!;
    expect(back.map((cols) => cols[0]!.values)).toEqual(inputs);
    expect(back.every((cols) => cols[0]!.dict)).toBe(true);
    // Each batch brings new strings, yet all read one dictionary (one message, one chunk), no string in it twice.
    const distinct = new Set(inputs.flat().filter((x) => x !== null)).size;
    expect(back.map((cols) => [cols[0]!.chunks, cols[0]!.size])).toEqual(inputs.map(() => [1, distinct]));
    expect(new Set([...readBatches(blocks[0]!)].map((rb) => rb.getChildAt(0)!.data[0]!.dictionary!.data[0])).size).toBe(1);
  });

  it('a column whose strings stop repeating ends the block and stays plain; the other columns stay encoded', () => {
    const words = (n: number, seed: number) => pooled(n, 50, seed);
    const unique = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `u${seed + i}`);
    const inputs = [
      { a: words(3000, 0), b: words(3000, 1) },
      { a: unique(3000, 0), b: words(3000, 2) },
      { a: words(3000, 3), b: words(3000, 4) },
    ];
    const back = readBack([...cacheBlocks(inputs.map((c) => batch(c)))]);
    expect(back.map((bl) => bl.length)).toEqual([1, 2]);
    expect(back.flat().map((cols) => cols.map((c) => c.dict))).toEqual([
      [true, true],
      [false, true],
      [false, true],
    ]);
    expect(back.flat().map((cols) => ({ a: cols[0]!.values, b: cols[1]!.values }))).toEqual(inputs);
  });

  it('nearly unique strings are not encoded; a small first batch leaves the block plain', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `id${i}`);
    const [one] = readBack([...cacheBlocks([batch({ s: ids })])]);
    expect(one!.map((cols) => cols[0]!.dict)).toEqual([false]);
    const small = readBack([...cacheBlocks([batch({ s: pooled(100, 3, 0) }), batch({ s: pooled(3000, 3, 1) })])]);
    expect(small.flat().map((cols) => cols[0]!.dict)).toEqual([false, false]);
    expect(small.flat().map((cols) => cols[0]!.values)).toEqual([pooled(100, 3, 0), pooled(3000, 3, 1)]);
  });

  it("dictionary inputs (the CSV reader's) are coded into the block's dictionary, mixed with plain batches", () => {
    const inputs = [pooled(2000, 300, 0, 7), pooled(2000, 300, 5, 0), pooled(2000, 400, 9, 3)];
    const rbs = [batch({ s: inputs[0]! }, ['s']), batch({ s: inputs[1]! }), batch({ s: inputs[2]! }, ['s'])];
    const blocks = [...cacheBlocks(rbs)];
    expect(blocks).toHaveLength(1);
    const back = readBack(blocks)[0]!;
    expect(back.map((cols) => cols[0]!.values)).toEqual(inputs);
    expect(back[2]![0]!.size).toBe(new Set(inputs.flat().filter((x) => x !== null)).size);
  });

  it("reads a block's dictionaries without Arrow's per-entry memo, and leaves Vector#memoize as it was", () => {
    const memoize = arrow.Vector.prototype.memoize;
    const words = Array.from({ length: 3000 }, (_, i) => `k${i % 500}`);
    const [block] = [...cacheBlocks([batch({ w: words }), batch({ w: words.slice().reverse() })])];
    const rbs = [...readBatches(block!)];
    expect(rbs).toHaveLength(2);
    for (const rb of rbs) {
      const d = rb.getChildAt(0)!.data[0]!;
      expect(d.typeId).toBe(arrow.Type.Dictionary);
      expect((d.dictionary as arrow.Vector).isMemoized).toBe(false);
    }
    expect(rbs.flatMap((rb) => [...rb.getChildAt(0)!])).toEqual([...words, ...words.slice().reverse()]);
    expect(arrow.Vector.prototype.memoize).toBe(memoize);
    // a block that fails to read restores it too
    expect(() => [...readBatches(block!.subarray(0, 100))]).toThrow();
    expect(arrow.Vector.prototype.memoize).toBe(memoize);
  });

  it('an empty partition keeps one empty block', () => {
    const blocks = [...cacheBlocks([batch({ s: [] })])];
    expect(blocks).toHaveLength(1);
    expect([...readBatches(blocks[0]!)].map((b) => b.numRows)).toEqual([0]);
  });
});

let spark: Session;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
});
afterAll(async () => {
  await spark.stop();
});

describe('queries over cached blocks with block dictionaries', () => {
  it('group-by keys, filters, joins and toArrow read the block dictionaries right', async () => {
    // 300,000 rows in 2 partitions of 65,536-row batches; k has 30,000 values per 100,000 ids, so a partition's
    // later batches bring new strings, and NULLs; g has 7; u repeats in a partition's first
    // batch only, so its second batch starts a new block (and new dictionaries for k and g).
    const N = 300_000;
    const key = (i: number) => (i % 17 === 0 ? null : `k${((i * 7919) % 30_000) + 30_000 * Math.floor(i / 100_000)}`);
    const df = spark.range(0, N, 1, 2).select(
      F.when(col('id').mod(lit(17)).equalTo(lit(0)), lit(null).cast('string'))
        .otherwise(
          F.concat(
            lit('k'),
            col('id').multiply(lit(7919)).mod(lit(30_000)).plus(F.floor(col('id').divide(lit(100_000))).multiply(lit(30_000))).cast('bigint').cast('string'),
          ),
        )
        .alias('k'),
      F.concat(lit('g'), col('id').mod(lit(7)).cast('string')).alias('g'),
      F.when(col('id').mod(lit(150_000)).lt(lit(65_536)), F.concat(lit('u'), col('id').mod(lit(10)).cast('string')))
        .otherwise(F.concat(lit('u'), col('id').cast('string')))
        .alias('u'),
      col('id'),
    );
    const cached = df.cache();
    const exp = new Map<string | null, { n: number; s: number }>();
    const exp2 = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const e = exp.get(key(i)) ?? { n: 0, s: 0 };
      e.n++;
      e.s += i;
      exp.set(key(i), e);
      const k2 = `${key(i)}|g${i % 7}`;
      exp2.set(k2, (exp2.get(k2) ?? 0) + 1);
    }
    const out = await cached.groupBy('k').agg(F.count('*').alias('n'), F.sum('id').alias('s')).collect();
    expect(out).toHaveLength(exp.size);
    expect(out.filter((r) => Number(r.n) !== exp.get(r.k as string | null)?.n || Number(r.s) !== exp.get(r.k as string | null)?.s)).toEqual([]);
    // Two keys: the dictionary codes go through the key words and the group table.
    const two = await cached.groupBy('k', 'g').agg(F.count('*').alias('n')).collect();
    expect(two).toHaveLength(exp2.size);
    expect(two.filter((r) => Number(r.n) !== exp2.get(`${r.k}|${r.g}`))).toEqual([]);
    const few = await cached.filter(col('k').isin('k1', 'k29999')).groupBy('k').agg(F.count('*').alias('n')).collect();
    expect(Object.fromEntries(few.map((r) => [r.k, Number(r.n)]))).toEqual({ k1: exp.get('k1')!.n, k29999: exp.get('k29999')!.n });
    const names = spark.createDataFrame([['k7', 'seven'], ['k29998', 'last']], 'k string, label string');
    const joined = await cached.join(names, 'k').groupBy('label').agg(F.count('*').alias('n')).collect();
    expect(Object.fromEntries(joined.map((r) => [r.label, Number(r.n)]))).toEqual({ seven: exp.get('k7')!.n, last: exp.get('k29998')!.n });
    const table = await cached.toArrow();
    expect(String(table.schema.fields[0]!.type)).toBe('Utf8');
    const ks = table.getChild('k')!.toArray() as (string | null)[];
    const ids = table.getChild('id')!.toArray() as BigInt64Array;
    expect(ks.length).toBe(N);
    expect(ks.filter((k, r) => k !== key(Number(ids[r])))).toEqual([]);
    cached.unpersist();
  });
});

describe("a partial aggregate adopts its first dictionary's codes", () => {
  const key = { kind: 'input' as const, ordinal: 0, type: 'string', nullable: true };
  const aggOf = (partial: boolean) => {
    const agg = new HashAggregation([key], [{ name: 'count', args: [], distinct: false, type: 'bigint' }], [(b) => b.columns[0]!], partial);
    const argFns = agg.slots.map((s) => s.args.map(() => (b: ColumnarBatch) => b.columns[0]!));
    return { agg, add: (rb: arrow.RecordBatch) => agg.update(fromRecordBatch(rb), argFns) };
  };
  /** The groups as the final side sees them: partial chunks through IPC, their key codes through ShippedKeys. */
  const groups = (agg: HashAggregation) => {
    const order = Int32Array.from({ length: agg.count }, (_, i) => i);
    const out = new Map<string | null, bigint>();
    const shipped = new ShippedKeys();
    for (const part of agg.partialChunks(order, agg.shippedFor('task:0'))) {
      shipped.add(part.dicts);
      for (const b of decode(encode(part.batch))) {
        const { columns, length } = shipped.batch(b, part.dicts);
        const [k, n] = [columns[0]!, columns[1]!];
        for (let r = 0; r < length; r++) out.set(k.nulls?.[r] === 1 ? null : (k.values[r] as string), BigInt(n.values[r] as number | bigint));
      }
    }
    return out;
  };

  it('then looks up what other dictionaries and plain batches bring: one group per key', () => {
    // One block of two batches, a second block (another dictionary), then plain strings: the same
    // keys in all three, NULLs too.
    const a = pooled(3000, 400, 0, 11);
    const b = pooled(3000, 400, 1, 0);
    const c = pooled(3000, 400, 2, 5);
    const d = pooled(3000, 400, 3, 0);
    const first = [...readBatches([...cacheBlocks([batch({ s: a }), batch({ s: b })])][0]!)];
    const second = [...readBatches([...cacheBlocks([batch({ s: c })])][0]!)];
    for (const partial of [true, false]) {
      const { agg, add } = aggOf(partial);
      [...first, ...second, batch({ s: d })].forEach(add);
      const exp = new Map<string | null, bigint>();
      for (const s of [...a, ...b, ...c, ...d]) exp.set(s, (exp.get(s) ?? 0n) + 1n);
      expect(agg.count).toBe(exp.size);
      expect(groups(agg)).toEqual(exp);
    }
  });
});

describe('shipped partial keys', () => {
  it("a delta that does not continue its output's dictionary fails instead of mis-decoding", () => {
    const keys = new ShippedKeys();
    const delta = (from: number, strings: string[]) => {
      const bytes = new TextEncoder().encode(strings.join(''));
      const offsets = Int32Array.from([0, ...strings.map((_, i) => strings.slice(0, i + 1).join('').length)]);
      return { output: 't1:0', id: 't1:0:0', from, offsets, bytes };
    };
    keys.add([delta(0, ['x', 'yy'])]);
    keys.add([delta(2, ['zzz'])]);
    expect(() => keys.add([delta(2, ['w'])])).toThrow(/expected entries from 3, got 2/);
  });
});
