import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listInputFiles } from '@kindling/core';
import { parquetFormat } from '../../src/sources/parquet/index.js';
import { writeBatches } from '../../src/sources/write/index.js';
import { csvFormat } from '../../src/sources/csv/index.js';
import { readAll, tempDir, writeText, fileOf } from './helpers.js';
import { parseSchema } from '../../src/types/parse-type.js';

// DuckDB (a dev dependency of the workspace) as an oracle: files it writes we read, files we write it reads.
const duck = await import('@duckdb/node-api').catch(() => null);
const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe.skipIf(!duck)('Parquet against DuckDB', () => {
  it('reads a multi-row-group file written by DuckDB, with pruning and splits', async () => {
    const inst = await duck!.DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const path = join(dir, 'duck.parquet');
    await con.run(
      `COPY (SELECT i::INT AS i, i::BIGINT * 1000000000 AS l, i / 4 AS d, 'str' || i AS s, i % 2 = 0 AS b, DATE '2020-01-01' + i::INT AS dt,
        TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (i) SECOND AS ts, (i / 8)::DECIMAL(10,2) AS dec, [i, i + 1] AS arr,
        {'x': i, 'y': 's'} AS st, CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS n FROM range(250000) t(i))
        TO '${path}' (FORMAT PARQUET, ROW_GROUP_SIZE 100000)`,
    );
    const files = [fileOf(path)];
    const schema = parquetFormat.inferSchema(files, {});
    expect(schema.simpleString()).toBe(
      'struct<i:int,l:bigint,d:double,s:string,b:boolean,dt:date,ts:timestamp,dec:decimal(10,2),arr:array<bigint>,st:struct<x:bigint,y:string>,n:bigint>',
    );
    const splits = parquetFormat.planSplits(files, {}, 3);
    expect(splits.length).toBe(3);
    const rows = readAll(parquetFormat, [path], schema, {}, undefined, 3);
    expect(rows.length).toBe(250000);
    expect(rows[123457]).toEqual({
      i: 123457,
      l: 123457000000000n,
      d: 123457 / 4,
      s: 'str123457',
      b: false,
      dt: 18262 + 123457,
      ts: (1577836800 + 123457) * 1e6,
      dec: 1543213n,
      arr: [123457n, 123458n],
      st: { x: 123457n, y: 's' },
      n: 123457n,
    });
    const pruned = readAll(parquetFormat, [path], schema, {}, ['n', 's'], 3);
    expect(pruned[10]).toEqual({ n: null, s: 'str10' });
  });

  it('writes Parquet and CSV that DuckDB reads back', async () => {
    const src = writeText(dir, 'in.csv', 'a,b,c\n1,x,2020-01-02\n2,,2021-03-04\n');
    const schema = parseSchema('a int, b string, c date');
    const batches = [...csvFormat.read({ index: 0, path: src, start: 0, length: fileOf(src).size }, schema, schema.fieldNames, { header: 'true' })];
    const pq = join(dir, 'out-pq');
    writeBatches('parquet', pq, [batches], { schema });
    const csv = join(dir, 'out-csv');
    writeBatches('csv', csv, [batches], { schema, options: { header: 'true' } });
    const inst = await duck!.DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const a = await con.runAndReadAll(`SELECT a, b, c::VARCHAR AS c FROM '${pq}/*.parquet' ORDER BY a`);
    expect(a.getRowObjects()).toEqual([
      { a: 1, b: 'x', c: '2020-01-02' },
      { a: 2, b: null, c: '2021-03-04' },
    ]);
    const b = await con.runAndReadAll(`SELECT a, b, c::VARCHAR AS c FROM read_csv('${listInputFiles(csv)[0]!.path}', header = true) ORDER BY a`);
    expect(b.getRowObjects()).toEqual([
      { a: 1n, b: 'x', c: '2020-01-02' },
      { a: 2n, b: null, c: '2021-03-04' },
    ]);
  });
});
