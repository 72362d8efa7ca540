import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { listInputFiles } from '@kindling/core';
import { parquetFormat, readFooter } from '../../src/sources/parquet/index.js';
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
