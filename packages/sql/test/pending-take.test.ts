// Gathers compose: a column a filter or join has not gathered yet is taken by the next gather straight from where
// it came from, through the composed index vector (exec/hash-join/take.ts). Checked here on the values (every
// column kind, NULLs, -1 rows of an outer join's missing side), and on what was computed: a column carried through
// two gathers is never gathered at the step in between.
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { computedColumn, fromRecordBatch, type ColumnarBatch } from '../src/exec/columnar-batch.js';
import { decodeBatches } from '../src/exec/batch-codec.js';
import { cacheBlocks } from '../src/exec/dictionary-encode.js';
import { deferTakes, takeColumn, takeRows } from '../src/exec/hash-join/take.js';
import { lazyColumns } from '../src/exec/columnar-batch.js';
import { vecToValues } from '../src/eval/arrow-convert.js';

const n = 3000; // the cache dictionary-encodes a block's strings from 1024 rows on
const values = {
  i: Array.from({ length: n }, (_, r) => (r % 11 === 3 ? null : r * 7 - 5000)),
  d: Array.from({ length: n }, (_, r) => (r % 13 === 5 ? null : r / 8)),
  b: Array.from({ length: n }, (_, r) => (r % 17 === 1 ? null : BigInt(r) * 1_000_000_007n)),
  s: Array.from({ length: n }, (_, r) => (r % 9 === 2 ? null : `w${r % 40}`)),
  u: Array.from({ length: n }, (_, r) => (r % 7 === 0 ? null : `unique-${r}`)),
};
const plain = new arrow.RecordBatch({
  i: arrow.vectorFromArray(values.i, new arrow.Int32()).data[0]!,
  d: arrow.vectorFromArray(values.d, new arrow.Float64()).data[0]!,
  b: arrow.vectorFromArray(values.b, new arrow.Int64()).data[0]!,
  s: arrow.vectorFromArray(values.s, new arrow.Utf8()).data[0]!,
  u: arrow.vectorFromArray(values.u, new arrow.Utf8()).data[0]!,
});
const cached = decodeBatches([...cacheBlocks([plain])][0]!)[0]!;
const names = Object.keys(values) as (keyof typeof values)[];

const rows = (b: ColumnarBatch, c: number) => vecToValues(b.columns[c]!).map((v) => (typeof v === 'bigint' ? String(v) : v));
const want = (c: number, idx: number[]) => idx.map((r) => (r < 0 ? null : values[names[c]!][r] ?? null)).map((v) => (typeof v === 'bigint' ? String(v) : v));

/** Every third row backwards, then every other one of those: two gathers of 3000 rows. */
const first = Int32Array.from({ length: 1000 }, (_, k) => n - 1 - 3 * k);
const second = Int32Array.from({ length: 500 }, (_, k) => 2 * k + (k % 3 === 0 ? 1 : 0));
const through = Array.from(second, (k) => first[k]!);

describe('composed gathers', () => {
  it.each([
    ['plain Arrow', plain],
    ['cached (dictionary strings)', cached],
  ])('a column taken twice equals one take of the composed rows, and the step between never gathers it (%s)', (_, rb) => {
    const base = fromRecordBatch(rb);
    const mid = takeRows(base, first, first.length);
    const out = takeRows(mid, second, second.length);
    names.forEach((_, c) => expect(rows(out, c), names[c]).toEqual(want(c, through)));
    names.forEach((_, c) => expect(computedColumn(mid.columns, c), names[c]).toBeUndefined());
  });

  it('a column the step between did compute is taken from there', () => {
    const base = fromRecordBatch(plain);
    const mid = takeRows(base, first, first.length);
    expect(rows(mid, 0)).toEqual(want(0, Array.from(first)));
    const out = takeRows(mid, second, second.length);
    names.forEach((_, c) => expect(rows(out, c), names[c]).toEqual(want(c, through)));
  });

  it('-1 rows (the missing side of an outer join) stay NULL through a later gather, in either order', () => {
    const base = fromRecordBatch(cached);
    const withMissing = Int32Array.from({ length: 800 }, (_, k) => (k % 5 === 4 ? -1 : (k * 37) % n));
    // a join output's lazy columns: rows of base at withMissing, -1 a NULL row
    const cols = lazyColumns(names.length, (c) => takeColumn(base, c, withMissing, withMissing.length, true));
    deferTakes(cols, (c) => ({ batch: base, col: c, idx: withMissing, n: withMissing.length, mayMiss: true }));
    const joined: ColumnarBatch = { names, columns: cols, length: withMissing.length };
    const later = Int32Array.from({ length: 400 }, (_, k) => 799 - 2 * k);
    const out = takeRows(joined, later, later.length);
    const expectRows = Array.from(later, (k) => withMissing[k]!);
    names.forEach((_, c) => expect(rows(out, c), names[c]).toEqual(want(c, expectRows)));
  });
});
