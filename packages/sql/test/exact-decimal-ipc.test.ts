import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col } from '@kindling/sql';
import { vecFromArrow, vecToArrow } from '../src/eval/arrow-convert.js';
import { exactOf } from '../src/eval/exact-decimal.js';
import { vecFromSlots } from '../src/eval/vec-util.js';
import { decode, encode } from '../src/exec/columnar-batch.js';
import { decodeBatches } from '../src/exec/batch-codec.js';
import { plainBatch } from '../src/exec/dictionary-encode.js';
import { EXACT_DECIMAL_KEY } from '../src/exec/exact-decimal-ipc.js';
import { DecimalType } from '../src/types/data-types.js';

// Decimals in exact form travel between threads and sit in the cache as Float64 columns whose field names the
// decimal type (exec/exact-decimal-ipc.ts); batches leaving the engine are Decimal128 again.

const T = new DecimalType(15, 2);
const slots = [12345n, null, -99n, 0n, 2n ** 53n - 1n];
const decVec = (values: (bigint | null)[]) => vecFromArrow(vecToArrow(vecFromSlots(T, values)), T);
const read = (v: ReturnType<typeof decVec>) => Array.from({ length: v.length }, (_, i) => (v.nulls?.[i] === 1 ? null : v.values[i]));

describe('exact decimals in IPC', () => {
  it('go out as Float64 with the decimal type in the field metadata, and come back exact with the same values', () => {
    const v = decVec(slots);
    expect(exactOf(v)).not.toBeNull();
    const bytes = encode({ names: ['d', 'e'], columns: [v, v], length: v.length });
    const [rb] = decodeBatches(bytes);
    expect(rb!.schema.fields.map((f) => [String(f.type), f.metadata.get(EXACT_DECIMAL_KEY)])).toEqual([
      ['Float64', 'decimal(15,2)'],
      ['Float64', 'decimal(15,2)'],
    ]);
    const [b] = decode(bytes);
    for (const c of b!.columns) {
      expect(c.type.simpleString()).toBe('decimal(15,2)');
      expect(exactOf(c)).not.toBeNull();
      expect(read(c)).toEqual(slots);
    }
    // leaving the engine: Decimal128 with no metadata, the same values
    const plain = plainBatch(rb!);
    expect(plain.schema.fields.map((f) => [String(f.type), f.metadata.size])).toEqual([
      ['Decimal[15e+2]', 0],
      ['Decimal[15e+2]', 0],
    ]);
    expect(read(vecFromArrow(plain.getChildAt(0)!, T))).toEqual(slots);
  });

  it('a batch with a value past 2^53 stays Decimal128', () => {
    const big = [...slots, 2n ** 60n];
    const [rb] = decodeBatches(encode({ names: ['d'], columns: [decVec(big)], length: big.length }));
    expect(String(rb!.schema.fields[0]!.type)).toBe('Decimal[15e+2]');
    expect(rb!.schema.fields[0]!.metadata.has(EXACT_DECIMAL_KEY)).toBe(false);
    const [b] = decode(encode({ names: ['d'], columns: [decVec(big)], length: big.length }));
    expect(read(b!.columns[0]!)).toEqual(big);
  });
});

describe('exact decimals through jobs', () => {
  let spark: Session;
  let dir: string;
  beforeAll(() => {
    spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '3']]));
    dir = mkdtempSync(join(tmpdir(), 'kindling-exact-'));
  });
  afterAll(async () => {
    await spark.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const prices = () => spark.sql("SELECT CAST(id AS DECIMAL(12,2)) / 4 AS p, CAST(id % 3 AS DECIMAL(5,1)) AS q, id FROM range(0, 2000, 1, 4)").select(col('id'), col('p').cast('decimal(12,2)').alias('p'), col('q'));

  it('shuffled, cached, then collected, written and handed out as Arrow, the values and types are unchanged', async () => {
    const cached = prices().repartition(3, col('q')).cache();
    expect(await cached.count()).toBe(2000);
    const rows = (await cached.orderBy('id').collect()).map((r) => [Number(r.id), String(r.p), String(r.q)]);
    expect(rows[0]).toEqual([0, '0', '0']);
    expect(rows[7]).toEqual([7, '1.75', '1']);
    expect(rows[1999]).toEqual([1999, '499.75', '1']);
    const table = await cached.orderBy('id').toArrow();
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Int64', 'Decimal[12e+2]', 'Decimal[5e+1]']);
    expect(table.schema.fields.every((f) => f.metadata.size === 0)).toBe(true);
    await cached.write.mode('overwrite').parquet(join(dir, 'p'));
    const back = spark.read.parquet(join(dir, 'p'));
    expect(back.dtypes).toEqual([['id', 'bigint'], ['p', 'decimal(12,2)'], ['q', 'decimal(5,1)']]);
    const sums = await back.selectExpr('sum(p) AS s', 'sum(q) AS t').collect();
    expect(sums.map((r) => [String(r.s), String(r.t)])).toEqual([['499750', '1999']]);
    // one column twice in a batch that crosses a shuffle
    const twice = await cached.select(col('p'), col('p').alias('p2')).repartition(2).filter(col('p').gt(499)).collect();
    expect(twice.map((r) => [String(r.p), String(r.p2)]).sort()).toEqual([['499.25', '499.25'], ['499.5', '499.5'], ['499.75', '499.75']]);
  });
});
