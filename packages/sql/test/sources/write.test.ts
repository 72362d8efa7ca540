import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type * as arrow from 'apache-arrow';
import { listInputFiles } from '@kindling/core';
import { csvFormat } from '../../src/sources/csv/index.js';
import { jsonFormat } from '../../src/sources/json/index.js';
import { textFormat } from '../../src/sources/text/index.js';
import { makeBatch, makeColumnBuilder } from '../../src/sources/columns.js';
import {
  abortWriteJob,
  commitWriteJob,
  escapePathName,
  startWriteJob,
  writeBatches,
  writeTask,
} from '../../src/sources/write/index.js';
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

function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(root, join(d, e.name)).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'UUID'));
    }
  };
  walk(root);
  return out.sort();
}

const schema = parseSchema('i int, s string, n string, q string, d date, t timestamp, x double, b boolean, e string, dec decimal(6,2)');
const row = [1, 'a,b', null, 'q"x', 18263, 1577934245006000, 1, true, '', 1234n];

describe('CSV writer', () => {
  it('writes as Spark does: quoting, escapes, nulls, empty strings, dates, doubles', () => {
    const out = join(dir, 'csv1');
    writeBatches('csv', out, [[batchOf(schema, [row])]], {
      options: { header: 'true' },
    });
    expect(tree(out)).toEqual(['_SUCCESS', 'part-00000-UUID.c000.csv']);
    const text = readFileSync(listInputFiles(out)[0]!.path, 'utf8');
    expect(text).toBe('i,s,n,q,d,t,x,b,e,dec\n1,"a,b",,"q\\"x",2020-01-02,2020-01-02T03:04:05.006Z,1.0,true,"",12.34\n');
  });

  it('honours sep, quote, escape, nullValue, quoteAll, dateFormat, timestampFormat and gzip', () => {
    const out = join(dir, 'csv2');
    writeBatches('csv', out, [[batchOf(schema, [row])]], {
      options: { sep: ';', quote: "'", escape: "'", nullValue: 'NULL', dateFormat: 'dd/MM/yyyy', timestampFormat: 'yyyy-MM-dd HH:mm', compression: 'gzip' },
    });
    const f = listInputFiles(out)[0]!.path;
    expect(f).toMatch(/\.csv\.gz$/);
    expect(gunzipSync(readFileSync(f)).toString()).toBe(`1;a,b;NULL;q"x;02/01/2020;2020-01-02 03:04;1.0;true;"";12.34\n`);
    const out2 = join(dir, 'csv3');
    writeBatches('csv', out2, [[batchOf(parseSchema('a string, b int'), [["it's", 1]])]], { options: { quoteAll: 'true', quote: "'" } });
    expect(readFileSync(listInputFiles(out2)[0]!.path, 'utf8')).toBe("'it\\'s','1'\n");
  });

  it('round-trips through the CSV reader', () => {
    const out = join(dir, 'csv-rt');
    const s = parseSchema('i int, s string, d date, t timestamp, x double, b boolean, dec decimal(6,2)');
    const rows = [
      [1, 'line\nbreak, "quoted"', 18263, 1577934245006000, 0.1, true, 1234n],
      [null, null, null, null, null, null, null],
      [-3, 'plain', -1, 0, -1e300, false, -5n],
    ];
    writeBatches('csv', out, [[batchOf(s, rows.slice(0, 2))], [batchOf(s, rows.slice(2))]], { options: { header: 'true' } });
    const files = listInputFiles(out).map((f) => f.path);
    expect(files).toHaveLength(2);
    const opts = { header: 'true', multiLine: 'true', escape: '\\' };
    expect(csvFormat.inferSchema(files.map((p) => ({ path: p, size: 0 })), { ...opts, inferSchema: 'true' }).simpleString()).toBe(
      'struct<i:int,s:string,d:date,t:timestamp,x:double,b:boolean,dec:double>',
    );
    expect(readAll(csvFormat, files, s, opts)).toEqual(rows.map((r) => Object.fromEntries(s.fields.map((f, j) => [f.name, r[j]]))));
  });
});

describe('JSON and text writers', () => {
  it('writes JSON lines without null fields and reads them back', () => {
    const out = join(dir, 'json1');
    const s = parseSchema('i bigint, s string, arr array<int>, st struct<a:double,b:string>, m map<string,int>, d date');
    const rows = [
      [1n, 'x"y', [1, null], { a: 1, b: null }, [['k', 2]], 18263],
      [null, null, null, null, null, null],
    ];
    writeBatches('json', out, [[batchOf(s, rows)]]);
    const f = listInputFiles(out)[0]!.path;
    expect(readFileSync(f, 'utf8')).toBe('{"i":1,"s":"x\\"y","arr":[1,null],"st":{"a":1.0},"m":{"k":2},"d":"2020-01-02"}\n{}\n');
    expect(readAll(jsonFormat, [f], s)).toEqual(rows.map((r) => Object.fromEntries(s.fields.map((x, j) => [x.name, r[j]]))));
  });

  it('writes text lines', () => {
    const out = join(dir, 'text1');
    writeBatches('text', out, [[batchOf(parseSchema('value string'), [['a'], ['b c']])]]);
    const files = listInputFiles(out).map((f) => f.path);
    expect(readAll(textFormat, files, textFormat.inferSchema([], {}))).toEqual([{ value: 'a' }, { value: 'b c' }]);
    expect(() => writeBatches('text', join(dir, 'text2'), [[batchOf(parseSchema('a int'), [[1]])]])).toThrowError(/one string column/);
    expect(existsSync(join(dir, 'text2'))).toBe(false);
  });
});

describe('partitionBy and save modes', () => {
  it('writes col=value directories with Spark escaping, dropping the partition columns', () => {
    const out = join(dir, 'parts');
    const s = parseSchema('v int, p string, q int');
    const rows = [
      [1, 'a/b=c d%e', 1],
      [2, null, 1],
      [3, '', 2],
      [4, 'a/b=c d%e', 2],
      [5, 'a/b=c d%e', 1],
    ];
    writeBatches('csv', out, [[batchOf(s, rows.slice(0, 3))], [batchOf(s, rows.slice(3))]], { partitionBy: ['p', 'q'] });
    expect(tree(out)).toEqual([
      '_SUCCESS',
      'p=__HIVE_DEFAULT_PARTITION__/q=1/part-00000-UUID.c000.csv',
      'p=__HIVE_DEFAULT_PARTITION__/q=2/part-00000-UUID.c000.csv',
      'p=a%2Fb%3Dc d%25e/q=1/part-00000-UUID.c000.csv',
      'p=a%2Fb%3Dc d%25e/q=1/part-00001-UUID.c000.csv',
      'p=a%2Fb%3Dc d%25e/q=2/part-00001-UUID.c000.csv',
    ]);
    const f = listInputFiles(join(out, 'p=a%2Fb%3Dc d%25e', 'q=1')).map((x) => readFileSync(x.path, 'utf8'));
    expect(f.sort()).toEqual(['1\n', '5\n']);
    expect(escapePathName('x:y*z?')).toBe('x%3Ay%2Az%3F');
  });

  it('error / ignore / overwrite / append', () => {
    const out = join(dir, 'modes');
    const s = parseSchema('a int');
    writeBatches('json', out, [[batchOf(s, [[1]])]]);
    expect(() => writeBatches('json', out, [[batchOf(s, [[2]])]])).toThrowError(/PATH_ALREADY_EXISTS/);
    expect(writeBatches('json', out, [[batchOf(s, [[2]])]], { mode: 'ignore' })).toBeNull();
    const read = () => readAll(jsonFormat, listInputFiles(out).map((f) => f.path), s).map((r) => r.a);
    expect(read()).toEqual([1]);
    writeBatches('json', out, [[batchOf(s, [[3]])]], { mode: 'append' });
    expect(read().sort()).toEqual([1, 3]);
    writeBatches('json', out, [[batchOf(s, [[4]])]], { mode: 'overwrite' });
    expect(read()).toEqual([4]);
    expect(existsSync(join(out, '_SUCCESS'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.kindling-'))).toEqual([]);
  });

  it('a failed job leaves the target as it was and no staging directory', () => {
    const out = join(dir, 'fail');
    const s = parseSchema('a int');
    writeBatches('csv', out, [[batchOf(s, [[1]])]]);
    const job = startWriteJob('csv', out, { mode: 'overwrite', schema: s })!;
    writeTask(job, 0, [batchOf(s, [[2]])]);
    function* boom(): Generator<arrow.RecordBatch> {
      yield batchOf(s, [[3]]);
      throw new Error('task failed');
    }
    expect(() => writeTask(job, 1, boom())).toThrowError('task failed');
    abortWriteJob(job);
    expect(readAll(csvFormat, listInputFiles(out).map((f) => f.path), s).map((r) => r.a)).toEqual([1]);
    expect(readdirSync(dir).filter((f) => f.includes('.kindling-'))).toEqual([]);
  });

  it('tasks without rows still write a file (header only) and a job commits', () => {
    const out = join(dir, 'empty');
    const s = parseSchema('a int, b string');
    const job = startWriteJob('csv', out, { schema: s, options: { header: 'true' } })!;
    writeTask(job, 0, []);
    commitWriteJob(job);
    expect(readFileSync(listInputFiles(out)[0]!.path, 'utf8')).toBe('a,b\n');
  });
});
