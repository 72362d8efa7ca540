import { afterAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../src/sources/csv/index.js';
import { MalformedRecordError } from '../../src/sources/errors.js';
import { parseSchema } from '../../src/types/parse-type.js';
import { fileOf, readAll, rowsOf, tempDir, writeText } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const infer = (text: string, options: Record<string, string> = {}) => {
  const p = writeText(dir, `infer-${Math.random().toString(36).slice(2)}.csv`, text);
  return csvFormat.inferSchema([fileOf(p)], { header: 'true', inferSchema: 'true', ...options }).simpleString();
};

describe('CSV reading', () => {
  it('reads a header and typed columns', () => {
    const p = writeText(dir, 'a.csv', 'name,age,score\nann,31,1.5\nbob,,2\n');
    const schema = parseSchema('name string, age int, score double');
    expect(readAll(csvFormat, [p], schema, { header: 'true' })).toEqual([
      { name: 'ann', age: 31, score: 1.5 },
      { name: 'bob', age: null, score: 2 },
    ]);
  });

  it('names columns _c0.. without a header and reads everything as string without inferSchema', () => {
    const p = writeText(dir, 'nohdr.csv', '1,x\n2,y\n');
    const s = csvFormat.inferSchema([fileOf(p)], {});
    expect(s.simpleString()).toBe('struct<_c0:string,_c1:string>');
    expect(readAll(csvFormat, [p], s)).toEqual([
      { _c0: '1', _c1: 'x' },
      { _c0: '2', _c1: 'y' },
    ]);
  });

  it('reads only the requested columns, in the order asked', () => {
    const p = writeText(dir, 'cols.csv', 'a,b,c\n1,2,3\n4,5,6\n');
    const schema = parseSchema('a int, b int, c int');
    expect(readAll(csvFormat, [p], schema, { header: 'true' }, ['c', 'a'])).toEqual([
      { c: 3, a: 1 },
      { c: 6, a: 4 },
    ]);
    const batches = [...csvFormat.read({ index: 0, path: p, start: 0, length: fileOf(p).size }, schema, [], { header: 'true' })];
    expect(batches.reduce((s, b) => s + b.numRows, 0)).toBe(2);
  });

  it('supports sep/delimiter, quote, escape and nullValue', () => {
    const p = writeText(dir, 'opts.csv', "a;b\n'x;y';NA\n'it\\'s';z\n");
    const schema = parseSchema('a string, b string');
    const rows = readAll(csvFormat, [p], schema, { header: 'true', sep: ';', quote: "'", nullValue: 'NA' });
    expect(rows).toEqual([
      { a: 'x;y', b: null },
      { a: "it's", b: 'z' },
    ]);
    const p1 = writeText(dir, 'nulls.csv', 'a,b\n,""\nNA,1\n');
    expect(readAll(csvFormat, [p1], parseSchema('a string, b int'), { header: 'true', nullValue: 'NA' })).toEqual([
      { a: null, b: null },
      { a: null, b: 1 },
    ]);
    expect(readAll(csvFormat, [p1], parseSchema('a string, b string'), { header: 'true', nullValue: 'NA' })[0]).toEqual({ a: null, b: '' });
    const p2 = writeText(dir, 'delim.csv', 'a|b\n1|2\n');
    expect(readAll(csvFormat, [p2], parseSchema('a int, b int'), { HEADER: 'true', Delimiter: '|' })).toEqual([{ a: 1, b: 2 }]);
    const p3 = writeText(dir, 'tab.csv', 'a\tb\n1\t2\n');
    expect(readAll(csvFormat, [p3], parseSchema('a int, b int'), { header: 'true', sep: '\\t' })).toEqual([{ a: 1, b: 2 }]);
  });

  it('handles quoted separators, doubled quotes, CRLF and empty lines', () => {
    const p = writeText(dir, 'q.csv', 'a,b\r\n"x,1","say ""hi"""\r\n\r\n"",plain\r\n');
    const rows = readAll(csvFormat, [p], parseSchema('a string, b string'), { header: 'true', escape: '"' });
    expect(rows).toEqual([
      { a: 'x,1', b: 'say "hi"' },
      { a: null, b: 'plain' },
    ]);
  });

  it('reads CRLF files without quotes, blank lines, comments and empty files', () => {
    const p = writeText(dir, 'crlf.csv', 'a,b\r\n1,x\r\n\r\n#c,d\r\n  \r\n2,\r\n');
    expect(readAll(csvFormat, [p], parseSchema('a int, b string'), { header: 'true', comment: '#' })).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: null },
    ]);
    const e = writeText(dir, 'empty.csv', '');
    expect(csvFormat.inferSchema([fileOf(e)], { header: 'true', inferSchema: 'true' }).fields).toEqual([]);
    const h = writeText(dir, 'hdr.csv', 'x,y\n');
    expect(csvFormat.inferSchema([fileOf(h)], { header: 'true', inferSchema: 'true' }).simpleString()).toBe('struct<x:string,y:string>');
    expect(readAll(csvFormat, [h], parseSchema('x int, y int'), { header: 'true' })).toEqual([]);
  });

  it('reads quoted newlines with multiLine', () => {
    const p = writeText(dir, 'ml.csv', 'a,b\r\n"line1\r\nline2",1\r\n"z",2\r\n');
    const schema = parseSchema('a string, b int');
    expect(readAll(csvFormat, [p], schema, { header: 'true', multiLine: 'true' })).toEqual([
      { a: 'line1\nline2', b: 1 },
      { a: 'z', b: 2 },
    ]);
    expect(csvFormat.planSplits([fileOf(p)], { multiLine: 'true' }, 8)).toHaveLength(1);
  });

  it('parses dates and timestamps with dateFormat/timestampFormat and by default', () => {
    const p = writeText(dir, 'dt.csv', 'd,t\n2020-01-02,2020-01-02 03:04:05.5\n');
    const schema = parseSchema('d date, t timestamp');
    expect(readAll(csvFormat, [p], schema, { header: 'true' })).toEqual([{ d: 18263, t: Date.UTC(2020, 0, 2, 3, 4, 5, 500) * 1000 }]);
    const p2 = writeText(dir, 'dt2.csv', 'd,t\n02/01/2020,02/01/2020 03:04\n');
    expect(readAll(csvFormat, [p2], schema, { header: 'true', dateFormat: 'dd/MM/yyyy', timestampFormat: 'dd/MM/yyyy HH:mm' })).toEqual([
      { d: 18263, t: Date.UTC(2020, 0, 2, 3, 4) * 1000 },
    ]);
  });

  it('reads bigint, decimal and boolean columns', () => {
    const p = writeText(dir, 'num.csv', 'l,d,b\n9007199254740993,12.345,TRUE\n-5,-0.5,false\n');
    const schema = parseSchema('l bigint, d decimal(10,2), b boolean');
    expect(readAll(csvFormat, [p], schema, { header: 'true' })).toEqual([
      { l: 9007199254740993n, d: 1235n, b: true },
      { l: -5n, d: -50n, b: false },
    ]);
  });
});

describe('CSV schema inference', () => {
  it('infers int, bigint, double, boolean, date, timestamp and string', () => {
    expect(
      infer('i,l,d,b,dt,ts,s,n\n1,3000000000,1.5,true,2015-08-20,2015-08-20 10:00:00,x,\n2,4,2,false,2015-08-21,2015-08-21T11:00:00.123Z,"y,z",\n'),
    ).toBe('struct<i:int,l:bigint,d:double,b:boolean,dt:date,ts:timestamp,s:string,n:string>');
  });

  it('merges types across rows as Spark does', () => {
    expect(infer('a,b,c,d,e,f\n1 ,1.5,true,12345678901234567890,2015-08,1\n2,true,false,1,2015-08-01,2.5\n')).toBe(
      'struct<a:double,b:string,c:boolean,d:decimal(20,0),e:timestamp,f:double>',
    );
    expect(infer('a,b\n1,2015-01-01\n3000000000,2015-01-01 10:00\n')).toBe('struct<a:bigint,b:timestamp>');
  });

  it('makes header names safe: empty names and case-insensitive duplicates', () => {
    expect(infer('a,a,,A\n1,2,3,4\n')).toBe('struct<a0:int,a1:int,_c2:int,A3:int>');
  });

  it('respects dateFormat and samplingRatio', () => {
    expect(infer('d\n20/08/2015\n', { dateFormat: 'dd/MM/yyyy' })).toBe('struct<d:date>');
    const lines = ['x'];
    for (let i = 0; i < 1000; i++) lines.push(String(i));
    expect(infer(lines.join('\n') + '\n', { samplingRatio: '0.1' })).toBe('struct<x:int>');
  });
});

describe('CSV parse modes', () => {
  const bad = 'a,b,c\n1,2,3\n4,5\n6,x,8\n9,10,11,12\n';
  const schema = parseSchema('a int, b int, c int, _corrupt_record string');

  it('PERMISSIVE keeps partial rows and the raw line in the corrupt record column', () => {
    const p = writeText(dir, 'bad.csv', bad);
    expect(readAll(csvFormat, [p], schema, { header: 'true' })).toEqual([
      { a: 1, b: 2, c: 3, _corrupt_record: null },
      { a: 4, b: 5, c: null, _corrupt_record: '4,5' },
      { a: 6, b: null, c: 8, _corrupt_record: '6,x,8' },
      { a: 9, b: 10, c: 11, _corrupt_record: '9,10,11,12' },
    ]);
  });

  it('honours columnNameOfCorruptRecord', () => {
    const p = writeText(dir, 'bad2.csv', bad);
    const s = parseSchema('a int, b int, c int, bad string');
    const rows = readAll(csvFormat, [p], s, { header: 'true', columnNameOfCorruptRecord: 'bad' }, ['a', 'bad']);
    expect(rows.map((r) => r.bad)).toEqual([null, '4,5', '6,x,8', '9,10,11,12']);
  });

  it('DROPMALFORMED drops malformed rows', () => {
    const p = writeText(dir, 'bad3.csv', bad);
    expect(readAll(csvFormat, [p], schema, { header: 'true', mode: 'DROPMALFORMED' })).toEqual([{ a: 1, b: 2, c: 3, _corrupt_record: null }]);
  });

  it('FAILFAST names the file, the line and the problem', () => {
    const p = writeText(dir, 'bad4.csv', 'a,b,c\n1,2,3\n\n1,2,3,4,5\n');
    const s = parseSchema('a int, b int, c int');
    expect(() => readAll(csvFormat, [p], s, { header: 'true', mode: 'failfast' })).toThrowError(MalformedRecordError);
    expect(() => readAll(csvFormat, [p], s, { header: 'true', mode: 'FAILFAST' })).toThrowError(
      `[MALFORMED_RECORD] ${p} line 4: expected 3 fields, found 5`,
    );
    const p2 = writeText(dir, 'bad5.csv', 'a,b,c\n1,2,3\n1,zz,3\n');
    expect(() => readAll(csvFormat, [p2], s, { header: 'true', mode: 'FAILFAST' })).toThrowError(
      `line 3: cannot parse 'zz' as int for column 'b'`,
    );
  });

  it('FAILFAST counts lines from the start of the file in a later split', () => {
    const lines = ['a,b'];
    for (let i = 0; i < 5000; i++) lines.push(i === 4321 ? `${i}` : `${i},${i}`);
    const p = writeText(dir, 'bad6.csv', lines.join('\n') + '\n');
    const s = parseSchema('a int, b int');
    try {
      readAll(csvFormat, [p], s, { header: 'true', mode: 'FAILFAST' }, undefined, 16);
      expect.unreachable();
    } catch (e) {
      expect((e as MalformedRecordError).line).toBe(4323);
    }
  });
});

describe('CSV splits', () => {
  it('reads every row exactly once for any number of splits', () => {
    const n = 20000;
    const lines = ['id,name,v'];
    for (let i = 0; i < n; i++) lines.push(i % 7 === 0 ? `${i},"q,${i}",${i / 2}` : `${i},n${'x'.repeat(i % 13)},${i / 2}`);
    const p = writeText(dir, 'big.csv', lines.join('\n')); // no trailing newline
    const schema = parseSchema('id int, name string, v double');
    for (const parts of [1, 2, 3, 7, 16, 64, 333]) {
      const splits = csvFormat.planSplits([fileOf(p)], { header: 'true' }, parts);
      expect(splits.length).toBeGreaterThanOrEqual(Math.min(parts, 2));
      const ids = splits.flatMap((s) => rowsOf(csvFormat.read(s, schema, ['id'], { header: 'true' })).map((r) => r.id as number));
      expect(ids.length).toBe(n);
      expect(ids.every((v, i) => v === i)).toBe(true);
    }
  });

  it('dictionary-encodes low-cardinality strings and falls back to plain for distinct ones', () => {
    const lines = ['lo,hi'];
    for (let i = 0; i < 70000; i++) lines.push(`k${i % 5},"v${i}"`);
    const p = writeText(dir, 'card.csv', lines.join('\n') + '\n');
    const schema = parseSchema('lo string, hi string');
    const batches = [...csvFormat.read({ index: 0, path: p, start: 0, length: fileOf(p).size }, schema, ['lo', 'hi'], { header: 'true' })];
    expect(batches[0]!.schema.fields.map((f) => String(f.type))).toEqual(['Dictionary<Int32, Utf8>', 'Utf8']);
    const rows = rowsOf(batches);
    expect(rows.length).toBe(70000);
    expect(rows.every((r, i) => r.lo === `k${i % 5}` && r.hi === `v${i}`)).toBe(true);
  });

  it('cuts batches of 65536 rows', () => {
    const lines = [];
    for (let i = 0; i < 70000; i++) lines.push(`${i}`);
    const p = writeText(dir, 'batches.csv', lines.join('\n') + '\n');
    const batches = [...csvFormat.read({ index: 0, path: p, start: 0, length: fileOf(p).size }, parseSchema('x int'), ['x'], {})];
    expect(batches.map((b) => b.numRows)).toEqual([65536, 70000 - 65536]);
  });
});

describe('CSV fast paths agree with the record scanner', () => {
  // A chunk without quote characters is read from a structural index, window by window, and in PERMISSIVE mode
  // column by column; multiLine reads the same text with the record-at-a-time scanner. Both must give the same
  // rows for every oddity the fast paths handle themselves (and a string column whose dictionary gives up mid-batch).
  const rnd = (() => {
    let s = 7;
    return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  })();
  const lines = ['k,name,n,x,big,flag,d'];
  for (let i = 0; i < 30000; i++) {
    const r = rnd();
    const nl = r < 0.01 ? '\r\n' : '\n';
    if (r < 0.003) lines.push('');
    else if (r < 0.005) lines.push('   ');
    else if (r < 0.007) lines.push('# a comment, with, separators');
    else if (r < 0.012) lines.push(`k${i % 3},short${i}`); // too few fields
    else if (r < 0.016) lines.push(`k${i % 3},long${i},${i},1.5,${i},true,2024-01-02,extra,more`); // too many
    else if (r < 0.02) lines.push(`,,,,,,`); // all empty: nulls
    else if (r < 0.025) lines.push(`NA,NA,NA,NA,NA,NA,NA`); // nullValue
    else if (r < 0.03) lines.push(`k1,bad${i},12x,1..5,9223372036854775808,maybe,2024-13-45`); // unparsable values
    else if (r < 0.0303) lines.push(`k2,${'w'.repeat(300000)},${i},0.25,${i},false,2024-02-29`); // a line longer than an index window
    else lines.push(`k${i % 4},${i < 15000 || i % 5 === 0 ? `nm${i % 50}` : `uniq${i}`},${i - 75000},${(i % 1000) / 8},${i * 1e6},${i % 2 ? 'TRUE' : 'false'},2024-03-${String((i % 28) + 1).padStart(2, '0')}` + (nl === '\r\n' ? '\r' : ''));
  }
  const text = lines.join('\n') + '\n';
  const schema = parseSchema('k string, name string, n int, x double, big bigint, flag boolean, d date');
  const p = writeText(dir, 'fast-vs-slow.csv', text);

  for (const columns of [undefined, ['n', 'k'], ['x'], ['big', 'flag', 'd'], ['name']]) {
    it(`PERMISSIVE, columns ${columns?.join(',') ?? 'all'}, 1 and 5 splits`, () => {
      const opts = { header: 'true', nullValue: 'NA', comment: '#' };
      const slow = readAll(csvFormat, [p], schema, { ...opts, multiLine: 'true' }, columns);
      expect(slow.length).toBeGreaterThan(29000);
      expect(readAll(csvFormat, [p], schema, opts, columns)).toEqual(slow);
      expect(readAll(csvFormat, [p], schema, opts, columns, 5)).toEqual(slow);
    });
  }

  it('DROPMALFORMED (record by record over the index) drops the same records', () => {
    const opts = { header: 'true', nullValue: 'NA', comment: '#', mode: 'DROPMALFORMED' };
    const slow = readAll(csvFormat, [p], schema, { ...opts, multiLine: 'true' }, ['k', 'n']);
    expect(readAll(csvFormat, [p], schema, opts, ['k', 'n'], 3)).toEqual(slow);
  });

  it('FAILFAST names the file and line of the first bad record', () => {
    const opts = { header: 'true', nullValue: 'NA', comment: '#', mode: 'FAILFAST' };
    const firstBad = lines.findIndex((l, i) => i > 0 && l.startsWith('k') && l.split(',').length !== 7) + 1;
    expect(() => readAll(csvFormat, [p], schema, opts, ['k'])).toThrow(new RegExp(`fast-vs-slow\\.csv.*line ${firstBad}\\b`));
  });
});
