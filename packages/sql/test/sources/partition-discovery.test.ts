import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context } from '@kindling/core';
import { Session, col } from '@kindling/sql';

let spark: Session;
let dir: string;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  dir = mkdtempSync(join(tmpdir(), 'kindling-partitions-'));
});
afterAll(async () => {
  await spark.stop();
  rmSync(dir, { recursive: true, force: true });
});

const rows = [
  { a: 1, year: 2024, tag: 'x/y z', month: 1 },
  { a: 2, year: 2024, tag: 'x/y z', month: 2 },
  { a: 3, year: 2023, tag: 'plain', month: 12 },
  { a: 4, year: null, tag: null, month: 5 },
];
const source = () => spark.createDataFrame(rows, 'a int, year int, tag string, month int');

/** Writes `files` ({ 'k=v/part.csv': text }) under a fresh directory. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('partition discovery', () => {
  it('round-trips partitionBy for CSV, JSON and Parquet: columns and values back, partition columns last', async () => {
    for (const fmt of ['csv', 'json', 'parquet']) {
      const p = join(dir, `rt-${fmt}`);
      await source().write.partitionBy('year', 'tag').option('header', true).format(fmt).save(p);
      // Parquet reads its data schema from the files; CSV and JSON are given theirs.
      const reader = spark.read.option('header', true).format(fmt);
      const back = (fmt === 'parquet' ? reader : reader.schema('a int, month int')).load(p);
      expect(back.dtypes).toEqual([
        ['a', 'int'],
        ['month', 'int'],
        ['year', 'int'],
        ['tag', 'string'],
      ]);
      expect(await back.orderBy('a').collect()).toEqual(rows.map((r) => ({ a: r.a, month: r.month, year: r.year, tag: r.tag })));
    }
  });

  it('round-trips date, double and bigint partition columns', async () => {
    const p = join(dir, 'rt-typed');
    const df = spark
      .createDataFrame(
        [
          { a: 1, d: '2024-02-29', x: 1.0, big: 10000000000n },
          { a: 2, d: '1999-12-31', x: 2.5e10, big: -1n },
          { a: 3, d: null, x: null, big: null },
        ],
        'a int, d string, x double, big bigint',
      )
      .withColumn('d', col('d').cast('date'));
    await df.write.partitionBy('d', 'x', 'big').parquet(p);
    const back = spark.read.parquet(p);
    // bigint values that fit an int come back as int when every value does; here one does not.
    expect(back.dtypes).toEqual([
      ['a', 'int'],
      ['d', 'date'],
      ['x', 'double'],
      ['big', 'bigint'],
    ]);
    expect(await back.orderBy('a').collect()).toEqual(await df.orderBy('a').collect());
  });

  it('round-trips text with its value column', async () => {
    const p = join(dir, 'rt-text');
    await spark.createDataFrame([{ value: 'hello', k: 'a' }, { value: 'world', k: 'b' }], 'value string, k string').write.partitionBy('k').text(p);
    const back = spark.read.text(p);
    expect(back.dtypes).toEqual([
      ['value', 'string'],
      ['k', 'string'],
    ]);
    expect(await back.orderBy('value').collect()).toEqual([{ value: 'hello', k: 'a' }, { value: 'world', k: 'b' }]);
  });

  it('infers int, bigint, double, date, timestamp and string; widens across directories; default partition is NULL', () => {
    const root = tree('types', {
      'i=1/l=10000000000/d=1.5/dt=2024-01-31/ts=2024-01-31 10%3A00%3A00/s=abc/f.csv': 'v\n1\n',
      'i=2/l=3/d=2/dt=2024-02-01/ts=2024-02-01/s=__HIVE_DEFAULT_PARTITION__/f.csv': 'v\n2\n',
    });
    const df = spark.read.option('header', true).schema('v int').csv(root);
    expect(df.dtypes).toEqual([
      ['v', 'int'],
      ['i', 'int'],
      ['l', 'bigint'],
      ['d', 'double'],
      ['dt', 'date'],
      ['ts', 'timestamp'],
      ['s', 'string'],
    ]);
    const huge = tree('huge', { 'n=123456789012345678901234/f.csv': 'v\n1\n', 'n=7/f.csv': 'v\n2\n' });
    expect(spark.read.option('header', true).csv(huge).dtypes.at(-1)).toEqual(['n', 'decimal(24,0)']);
    const mixed = tree('mixed', { 'k=1/f.csv': 'v\n1\n', 'k=x/f.csv': 'v\n2\n', 'k=__HIVE_DEFAULT_PARTITION__/f.csv': 'v\n3\n' });
    expect(spark.read.option('header', true).csv(mixed).dtypes.at(-1)).toEqual(['k', 'string']);
    const off = new Session(spark.sparkContext, new Map([['spark.sql.sources.partitionColumnTypeInference.enabled', 'false']]));
    expect(off.read.option('header', true).csv(root).dtypes.slice(1).map(([, t]) => t)).toEqual(['string', 'string', 'string', 'string', 'string', 'string']);
  });

  it('values come back typed, with NULL for the default partition and unescaped names', async () => {
    const root = tree('values', {
      'dt=2024-01-31/s=a%2Fb/f.json': '{"v": 1}\n',
      'dt=__HIVE_DEFAULT_PARTITION__/s=c/f.json': '{"v": 2}\n',
    });
    const out = await spark.read.json(root).orderBy('v').collect();
    expect(out).toEqual([
      { v: 1n, dt: new Date(Date.UTC(2024, 0, 31)), s: 'a/b' },
      { v: 2n, dt: null, s: 'c' },
    ]);
  });

  it('filters on partition columns prune directories before any file is opened', async () => {
    const p = join(dir, 'prune');
    await source().write.partitionBy('year', 'month').parquet(p);
    const df = spark.read.parquet(p);
    // Corrupt every file outside year=2024: reading one would fail the job.
    for (const y of ['year=2023', 'year=__HIVE_DEFAULT_PARTITION__']) {
      for (const m of readdirSync(join(p, y))) for (const f of readdirSync(join(p, y, m))) writeFileSync(join(p, y, m, f), 'not parquet');
    }
    const q = df.filter(col('year').equalTo(2024).and(col('month').gt(1)));
    expect(q.explainString()).toMatch(/FileScan parquet .*PartitionFilters: \[\(year = 2024\), \(month > 1\)\]/);
    expect(await q.select('a', 'tag').collect()).toEqual([{ a: 2, tag: 'x/y z' }]);
    expect(await df.filter(col('year').isNull().not().and(col('year').geq(2024))).count()).toBe(2);
    expect(await df.filter(col('year').gt(3000)).count()).toBe(0);
    await expect(df.count()).rejects.toThrow();
  });

  it('basePath: reading a partition directory alone keeps the columns above it only with basePath', async () => {
    const p = join(dir, 'base');
    await source().write.partitionBy('year', 'month').option('header', true).csv(p);
    const inner = spark.read.option('header', true).schema('a int, tag string').csv(join(p, 'year=2024'));
    expect(inner.columns).toEqual(['a', 'tag', 'month']);
    const based = spark.read.option('header', true).option('basePath', p).schema('a int, tag string').csv(join(p, 'year=2024'));
    expect(based.columns).toEqual(['a', 'tag', 'year', 'month']);
    expect(await based.orderBy('a').select('a', 'year', 'month').collect()).toEqual([{ a: 1, year: 2024, month: 1 }, { a: 2, year: 2024, month: 2 }]);
    const globbed = spark.read.option('header', true).schema('a int, tag string').csv(join(p, 'year=*/month=1*/*.csv'));
    expect(await globbed.orderBy('a').select('a', 'year', 'month').collect()).toEqual([{ a: 1, year: 2024, month: 1 }, { a: 3, year: 2023, month: 12 }]);
    expect(() => spark.read.option('basePath', join(dir, 'elsewhere')).csv(join(p, 'year=2024'))).toThrow(/Wrong basePath/);
  });

  it('conflicting directory structures fail with the paths named', () => {
    const root = tree('conflict', { 'a=1/f.csv': 'v\n1\n', 'b=2/f.csv': 'v\n2\n' });
    expect(() => spark.read.option('header', true).csv(root)).toThrow(/CONFLICTING_DIRECTORY_STRUCTURES.*b=2.*\(b\).*\(a\)/s);
  });
});
