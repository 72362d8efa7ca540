import { afterAll, describe, expect, it } from 'vitest';
import { jsonFormat } from '../../src/sources/json/index.js';
import { MalformedRecordError } from '../../src/sources/errors.js';
import { parseSchema } from '../../src/types/parse-type.js';
import { fileOf, readAll, rowsOf, tempDir, writeText } from './helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
let k = 0;
const file = (text: string) => writeText(dir, `f${k++}.json`, text);
const infer = (text: string, options: Record<string, string> = {}) => jsonFormat.inferSchema([fileOf(file(text))], options).simpleString();

describe('JSON schema inference', () => {
  it('types values as Spark does and sorts fields by name', () => {
    expect(infer('{"s":"x","i":1,"d":1.5,"b":true,"n":null}\n')).toBe('struct<b:boolean,d:double,i:bigint,n:string,s:string>');
  });

  it('merges types across records', () => {
    expect(infer('{"a":1}\n{"a":2.5}\n')).toBe('struct<a:double>');
    expect(infer('{"a":1}\n{"a":"x"}\n')).toBe('struct<a:string>');
    expect(infer('{"a":{"x":1}}\n{"a":{"y":"z"}}\n')).toBe('struct<a:struct<x:bigint,y:string>>');
    expect(infer('{"a":[1,2]}\n{"a":[3.5]}\n{"a":[]}\n')).toBe('struct<a:array<double>>');
    expect(infer('{"a":[]}\n')).toBe('struct<a:array<string>>');
    expect(infer('{"a":12345678901234567890}\n{"a":1}\n')).toBe('struct<a:decimal(20,0)>');
    expect(infer('{"a":1}\n{"b":true}\n')).toBe('struct<a:bigint,b:boolean>');
  });

  it('adds the corrupt record column for malformed records in PERMISSIVE mode only', () => {
    expect(infer('{"a":1}\n{"a":\n')).toBe('struct<_corrupt_record:string,a:bigint>');
    expect(infer('{"a":1}\n{"a":\n', { mode: 'DROPMALFORMED' })).toBe('struct<a:bigint>');
    expect(infer('{"a":1}\n{"a":\n', { columnNameOfCorruptRecord: 'bad' })).toBe('struct<a:bigint,bad:string>');
  });

  it('reads multiLine documents: an array of records or one object', () => {
    const p = file('[\n {"a": 1, "b": "x"},\n {"a": 2, "b": "y\\nz"}\n]\n');
    const s = jsonFormat.inferSchema([fileOf(p)], { multiLine: 'true' });
    expect(s.simpleString()).toBe('struct<a:bigint,b:string>');
    expect(readAll(jsonFormat, [p], s, { multiLine: 'true' })).toEqual([
      { a: 2n - 1n, b: 'x' },
      { a: 2n, b: 'y\nz' },
    ]);
  });
});

describe('JSON reading', () => {
  it('reads JSON Lines with nested types, only the requested columns', () => {
    const p = file('{"id":1,"tags":["a","b"],"pos":{"x":1.5,"y":-2},"m":{"k":1}}\n\n{"id":2,"tags":null,"extra":{"deep":[1]}}\n');
    const schema = parseSchema('id bigint, tags array<string>, pos struct<x:double,y:int>, m map<string,int>');
    expect(readAll(jsonFormat, [p], schema)).toEqual([
      { id: 1n, tags: ['a', 'b'], pos: { x: 1.5, y: -2 }, m: [['k', 1]] },
      { id: 2n, tags: null, pos: null, m: null },
    ]);
    expect(readAll(jsonFormat, [p], schema, {}, ['pos'])).toEqual([{ pos: { x: 1.5, y: -2 } }, { pos: null }]);
  });

  it('converts to the schema: strings keep raw JSON of other values, dates and timestamps parse', () => {
    const p = file('{"s":{"a":1},"d":"2020-01-02","t":"2020-01-02T03:04:05Z","dec":1.25}\n{"s":12,"d":"02/01/2020"}\n');
    const schema = parseSchema('s string, d date, t timestamp, dec decimal(5,2)');
    const rows = readAll(jsonFormat, [p], schema);
    expect(rows[0]).toEqual({ s: '{"a":1}', d: 18263, t: Date.UTC(2020, 0, 2, 3, 4, 5) * 1000, dec: 125n });
    expect(rows[1]).toMatchObject({ s: '12', d: null });
    const rows2 = readAll(jsonFormat, [p], schema, { dateFormat: 'dd/MM/yyyy' }, ['d']);
    expect(rows2[1]).toEqual({ d: 18263 });
  });

  it('handles malformed records per mode', () => {
    const p = file('{"a":1}\n{"a":"oops"}\n{"a":\n{"a":3}\n');
    const schema = parseSchema('a int, _corrupt_record string');
    expect(readAll(jsonFormat, [p], schema)).toEqual([
      { a: 1, _corrupt_record: null },
      { a: null, _corrupt_record: '{"a":"oops"}' },
      { a: null, _corrupt_record: '{"a":' },
      { a: 3, _corrupt_record: null },
    ]);
    expect(readAll(jsonFormat, [p], schema, { mode: 'DROPMALFORMED' })).toEqual([
      { a: 1, _corrupt_record: null },
      { a: 3, _corrupt_record: null },
    ]);
    expect(() => readAll(jsonFormat, [p], parseSchema('a int'), { mode: 'FAILFAST' })).toThrowError(MalformedRecordError);
    expect(() => readAll(jsonFormat, [p], parseSchema('a int'), { mode: 'FAILFAST' })).toThrowError(`${p} line 2: cannot convert "oops" to int`);
  });

  it('reads every record exactly once across splits', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(JSON.stringify({ i, s: 'x'.repeat(i % 17) }));
    const p = file(lines.join('\n'));
    const schema = parseSchema('i bigint, s string');
    for (const parts of [1, 3, 10, 77]) {
      const splits = jsonFormat.planSplits([fileOf(p)], {}, parts);
      const ids = splits.flatMap((s) => rowsOf(jsonFormat.read(s, schema, ['i'], {})).map((r) => Number(r.i)));
      expect(ids).toEqual(lines.map((_, i) => i));
    }
  });
});
