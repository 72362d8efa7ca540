import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { listInputFiles } from '@kindling/core';
import { parquetFormat, parquetWasm, readFooter } from '../../src/sources/parquet/index.js';
import { writeBatches } from '../../src/sources/write/index.js';
import { makeBatch, makeColumnBuilder } from '../../src/sources/columns.js';
import type { StructType } from '../../src/types/data-types.js';
import { parseSchema } from '../../src/types/parse-type.js';
import { readAll, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

function batchOf(schema: StructType, rows: unknown[][]): arrow.RecordBatch {
  const builders = schema.fields.map((f) => makeColumnBuilder(f.dataType));
  for (const r of rows) builders.forEach((b, j) => b.append(r[j]));
  return makeBatch(schema.fields, builders.map((b) => b.finish()), rows.length);
}

const schema = parseSchema(
  'i int, l bigint, d double, s string, b boolean, dt date, ts timestamp, dec decimal(12,3), arr array<int>, st struct<x:string,y:double>, m map<string,bigint>',
);
const rows: unknown[][] = [
  [1, 10n, 1.5, 'a', true, 18263, 1577934245006000, 123456789n, [1, 2], { x: 'p', y: 0.5 }, [['k', 1n]]],
  [null, null, null, null, null, null, null, null, null, null, null],
  [-7, -(2n ** 62n), -0.25, 'ünï', false, -1, -1, -5n, [], { x: null, y: null }, []],
];
const expected = rows.map((r) => Object.fromEntries(schema.fields.map((f, j) => [f.name, r[j]])));

describe('Parquet', () => {
  it('round-trips every type, schema and values', () => {
    const out = join(dir, 'rt');
    writeBatches('parquet', out, [[batchOf(schema, rows)]], { schema });
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['_SUCCESS']));
    expect(readdirSync(out).some((f) => /^part-00000-.*\.c000\.snappy\.parquet$/.test(f))).toBe(true);
    const files = listInputFiles(out);
    const inferred = parquetFormat.inferSchema(files, {});
    expect(inferred.simpleString()).toBe(schema.simpleString());
    expect(readAll(parquetFormat, files.map((f) => f.path), inferred)).toEqual(expected);
  });

  it('reads only the requested columns (column pruning) and counts without any', () => {
    const out = join(dir, 'prune');
    writeBatches('parquet', out, [[batchOf(schema, rows)]], { schema, options: { compression: 'zstd' } });
    const files = listInputFiles(out);
    expect(files[0]!.path).toMatch(/\.zstd\.parquet$/);
    expect(readAll(parquetFormat, files.map((f) => f.path), schema, {}, ['s', 'i'])).toEqual(expected.map((r) => ({ s: r.s, i: r.i })));
    const split = parquetFormat.planSplits(files, {}, 1)[0]!;
    const batches = [...parquetFormat.read(split, schema, [], {})];
    expect(batches.reduce((s, b) => s + b.numRows, 0)).toBe(3);
  });

  it('splits by row groups: every row read exactly once', () => {
    const s = parseSchema('id int, v string');
    const n = 300_000;
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const parts: arrow.RecordBatch[] = [];
    for (let off = 0; off < n; off += 50_000) {
      const b = batchOf(s, Array.from(ids.subarray(off, off + 50_000), (i) => [i, `v${i % 1000}`]));
      parts.push(b);
    }
    const out = join(dir, 'groups');
    // Six tasks, six files; each with one row group.
    writeBatches('parquet', out, parts.map((b) => [b]), { schema: s });
    const files = listInputFiles(out);
    expect(files).toHaveLength(6);
    for (const f of files) expect(readFooter(f.path).rowGroups.length).toBeGreaterThanOrEqual(1);
    for (const p of [1, 4, 12]) {
      const got = readAll(parquetFormat, files.map((f) => f.path), s, {}, ['id'], p).map((r) => r.id as number);
      expect(got.length).toBe(n);
      expect(new Set(got).size).toBe(n);
    }
  });

  it('reads a split of many row groups a run at a time, in order, every row once', () => {
    const s = parseSchema('id int, v string');
    const n = 200_000;
    const table = new arrow.Table([batchOf(s, Array.from({ length: n }, (_, i) => [i, i % 7 === 0 ? null : `v${i % 1000}`]))]);
    const pw = parquetWasm();
    const props = new pw.WriterPropertiesBuilder().setMaxRowGroupSize(10_000).build();
    const path = join(dir, 'many-groups.parquet');
    writeFileSync(path, pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props));
    expect(readFooter(path).rowGroups).toHaveLength(20);
    const files = listInputFiles(path);
    const splits = parquetFormat.planSplits(files, {}, 1);
    expect(splits).toHaveLength(1);
    const batches = [...parquetFormat.read(splits[0]!, s, ['id', 'v'], {})];
    // 20 groups of 10,000 rows decoded in runs of 7, 7 and 6 groups (the first run of >= 65,536 rows each), each
    // run cut into batches of at most 65,536 rows; the whole split at once would give 65,536 x 3 + 3,392.
    expect(batches.map((b) => b.numRows)).toEqual([65_536, 4_464, 65_536, 4_464, 60_000]);
    const ids = batches.flatMap((b) => Array.from(b.getChildAt(0)!.toArray() as Int32Array));
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => i));
    const vs = batches.flatMap((b) => b.getChildAt(1)!.toArray() as (string | null)[]);
    expect(vs[7]).toBe(null);
    expect(vs[199_999]).toBe('v999');
    expect(vs.filter((v) => v === null)).toHaveLength(Math.ceil(n / 7));
  });

  it('gives nulls for schema columns missing from the file', () => {
    const out = join(dir, 'missing');
    const s = parseSchema('a int');
    writeBatches('parquet', out, [[batchOf(s, [[1], [2]])]], { schema: s });
    const files = listInputFiles(out).map((f) => f.path);
    expect(readAll(parquetFormat, files, parseSchema('a bigint, zz string'))).toEqual([
      { a: 1n, zz: null },
      { a: 2n, zz: null },
    ]);
  });
});
