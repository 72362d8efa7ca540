import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Session } from '@kindling/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, printFormatted, printTable, singleFileFormat, writeOutput } from '../src/sql/output.js';
import { inferFormat, parseTableSpec, registerTables } from '../src/sql/tables.js';

let spark: Session;
let dir: string;

beforeAll(() => {
  spark = Session.builder().master('local[2]').appName('cli-output-test').getOrCreate();
  dir = mkdtempSync(join(tmpdir(), 'kindling-cli-out-'));
});
afterAll(async () => {
  await spark.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sink() {
  const s = new PassThrough();
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer) => chunks.push(c));
  return { s, text: () => Buffer.concat(chunks).toString('utf8') };
}

const rows = () =>
  spark.createDataFrame(
    [
      { id: 1, name: 'ann, a.', score: 1.5 },
      { id: 2, name: 'bob "b"', score: null },
      { id: 3, name: 'cy', score: 3 },
    ],
    'id int, name string, score double',
  ).repartition(2);

describe('results on stdout', () => {
  it('prints CSV through the sql writer, with one header and quoting as Spark writes it', async () => {
    const { s, text } = sink();
    await printFormatted(rows().orderBy('id'), 'csv', s);
    expect(text()).toBe('id,name,score\n1,"ann, a.",1.5\n2,"bob \\"b\\"",\n3,cy,3.0\n');
  });

  it('prints JSON as one array and JSON Lines as one object per line', async () => {
    const a = sink();
    await printFormatted(rows().orderBy('id'), 'json', a.s);
    expect(JSON.parse(a.text())).toEqual([{ id: 1, name: 'ann, a.', score: 1.5 }, { id: 2, name: 'bob "b"' }, { id: 3, name: 'cy', score: 3 }]);
    const l = sink();
    await printFormatted(rows().orderBy('id'), 'jsonl', l.s);
    expect(l.text().trim().split('\n').map((x) => JSON.parse(x).id)).toEqual([1, 2, 3]);
    const empty = sink();
    await printFormatted(rows().filter('id > 10'), 'json', empty.s);
    expect(JSON.parse(empty.text())).toEqual([]);
  });

  it("prints a table in Spark's show format", async () => {
    const { s, text } = sink();
    await printTable(rows().orderBy('id'), s, { maxRows: 2, truncate: 0 });
    expect(text()).toBe(
      ['+---+-------+-----+', '|id |name   |score|', '+---+-------+-----+', '|1  |ann, a.|1.5  |', '|2  |bob "b"|NULL |', '+---+-------+-----+', 'only showing top 2 rows', ''].join('\n'),
    );
  });

  it('quotes header names like values', () => {
    expect(csvHeader(['a', 'b,c', 'd"e'])).toBe('a,"b,c","d\\"e"\n');
  });
});

describe('--output', () => {
  it('writes one file for a path with an extension, and reads back the same rows', async () => {
    const csv = join(dir, 'one.csv');
    await writeOutput(rows().orderBy('id'), csv, 'csv', 'errorifexists');
    expect(readFileSync(csv, 'utf8')).toBe('id,name,score\n1,"ann, a.",1.5\n2,"bob \\"b\\"",\n3,cy,3.0\n');
    const pq = join(dir, 'one.parquet');
    await writeOutput(rows().orderBy('id'), pq, 'parquet', 'errorifexists');
    expect((await spark.read.parquet(pq).orderBy('id').collect()).map((r) => r.name)).toEqual(['ann, a.', 'bob "b"', 'cy']);
    const json = join(dir, 'one.json');
    await writeOutput(rows(), json, 'json', 'errorifexists');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveLength(3);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]); // no staging left behind
  });

  it("writes Spark's directory layout for a path without an extension", async () => {
    const out = join(dir, 'tree');
    await writeOutput(rows(), out, 'jsonl', 'errorifexists');
    const files = readdirSync(out);
    expect(files).toContain('_SUCCESS');
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('refuses an existing file unless --mode overwrite, and ignore leaves it', async () => {
    const csv = join(dir, 'exists.csv');
    writeFileSync(csv, 'old\n');
    await expect(writeOutput(rows(), csv, 'csv', 'errorifexists')).rejects.toThrow(/PATH_ALREADY_EXISTS/);
    await writeOutput(rows(), csv, 'csv', 'ignore');
    expect(readFileSync(csv, 'utf8')).toBe('old\n');
    await writeOutput(rows().orderBy('id'), csv, 'csv', 'overwrite');
    expect(readFileSync(csv, 'utf8')).toMatch(/^id,name,score\n1,/);
  });

  it('leaves nothing half-written when the query fails, and keeps what was there', async () => {
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.csv'), 'a,b\n' + Array.from({ length: 500 }, (_, i) => `${i},${i}`).join('\n') + '\n');
    writeFileSync(join(input, 'b.csv'), 'a,b\n1,2\n3,x\n');
    const bad = () => spark.read.schema('a int, b int').option('header', true).option('mode', 'FAILFAST').csv(input);
    for (const target of [join(dir, 'fail.csv'), join(dir, 'fail.parquet'), join(dir, 'faildir')]) {
      await expect(writeOutput(bad(), target, singleFileFormat(target) ?? 'csv', 'errorifexists')).rejects.toThrow(/MALFORMED_RECORD|b\.csv line 3/);
      expect(existsSync(target)).toBe(false);
    }
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, 'previous result\n');
    await expect(writeOutput(bad(), kept, 'csv', 'overwrite')).rejects.toThrow();
    expect(readFileSync(kept, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('--table', () => {
  it('infers the format from the extension or from the files of a directory', () => {
    expect(inferFormat('x/sales.csv').format).toBe('csv');
    expect(inferFormat('x/sales.tsv')).toEqual({ format: 'csv', options: { sep: '\t' } });
    expect(inferFormat('events.jsonl.gz').format).toBe('json');
    const d = join(dir, 'parts');
    mkdirSync(d);
    writeFileSync(join(d, 'part-00000.c000.snappy.parquet'), '');
    writeFileSync(join(d, '_SUCCESS'), '');
    expect(inferFormat(d).format).toBe('parquet');
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'a.csv'), '');
    writeFileSync(join(mixed, 'b.json'), '');
    expect(() => inferFormat(mixed)).toThrow(/UNKNOWN_INPUT_FORMAT.*found \.csv, \.json.*--input-format/);
  });

  it('checks name=path', () => {
    expect(parseTableSpec('sales=data/a=1/x.csv')).toEqual({ name: 'sales', path: 'data/a=1/x.csv' });
    expect(() => parseTableSpec('sales')).toThrow(/INVALID_TABLE.*name=path/);
    expect(() => parseTableSpec('2x=a.csv')).toThrow(/not a view name/);
  });

  it('registers views read with a header, inferred types and FAILFAST', async () => {
    const f = join(dir, 'people.csv');
    writeFileSync(f, 'name,age\nann,31\nbob,25\n');
    registerTables(spark, [{ name: 'people', path: f }], { options: new Map() });
    expect(spark.table('people').dtypes).toEqual([
      ['name', 'string'],
      ['age', 'int'],
    ]);
    registerTables(spark, [{ name: 'raw', path: f }], { options: new Map([['header', 'false']]) });
    expect(spark.table('raw').columns).toEqual(['_c0', '_c1']);
  });
});
