import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

const dir = mkdtempSync(join(tmpdir(), 'kindling-sql-files-'));
let spark: Session;
const csv = join(dir, 'sales.csv');

beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  const lines = ['region,product,qty,price,day'];
  for (let i = 0; i < 3000; i++) {
    lines.push(`${['north', 'south', 'east'][i % 3]},p${i % 7},${i % 10},${(i % 13) + 0.5},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
  }
  writeFileSync(csv, lines.join('\n') + '\n');
});
afterAll(async () => {
  await spark.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sales = () => spark.read.option('header', true).option('inferSchema', true).csv(csv);

describe('files end to end', () => {
  it('reads CSV with inference and answers a query', async () => {
    expect(sales().dtypes).toEqual([
      ['region', 'string'],
      ['product', 'string'],
      ['qty', 'int'],
      ['price', 'double'],
      ['day', 'date'],
    ]);
    const out = await sales()
      .filter(col('qty').geq(5))
      .groupBy('region')
      .agg(F.sum('qty').alias('units'), F.count('*').alias('n'))
      .orderBy('region')
      .collect();
    // qty = i % 10 >= 5 for half the rows; every region gets 500 of them, with qty 5..9 evenly.
    expect(out).toEqual([
      { region: 'east', units: 3500n, n: 500n },
      { region: 'north', units: 3500n, n: 500n },
      { region: 'south', units: 3500n, n: 500n },
    ]);
  });

  it('reads only the columns the query needs', () => {
    const plan = sales().filter(col('qty').gt(1)).select('region').explainString();
    expect(plan).toMatch(/FileScan csv \[region,qty\]/);
  });

  it('an aggregate straight over a file scan reads only the columns it uses, and the answer holds', async () => {
    const q = sales().groupBy('region').agg(F.sum('qty').alias('units'));
    expect(q.explainString()).toMatch(/FileScan csv \[region,qty\]/);
    expect(await q.orderBy('region').collect()).toEqual([
      { region: 'east', units: 4500n },
      { region: 'north', units: 4500n },
      { region: 'south', units: 4500n },
    ]);
    // No column at all: count(*) still counts every record.
    const n = sales().agg(F.count('*').alias('n'));
    expect(n.explainString()).toMatch(/FileScan csv \[\]/);
    expect(await n.collect()).toEqual([{ n: 3000n }]);
    // A filter between the aggregate and the scan: its column is read too (and the scan is fused into the aggregate).
    const f = sales().filter(col('price').lt(2)).groupBy('product').agg(F.count('*').alias('n'));
    expect(f.explainString()).toMatch(/FileScan csv \[product,price\]/);
    const rows = await f.orderBy('product').collect();
    // price = i % 13 + 0.5 < 2 for i % 13 in {0, 1}: 2 of every 13 rows, spread over the products.
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 13 < 2).length);
  });

  it('caches a CSV scan (with and without a projection, a column twice) with the same rows as reading it', async () => {
    const direct = await sales().orderBy('region', 'product', 'qty', 'price', 'day').collect();
    const cached = sales().cache();
    expect(await cached.count()).toBe(3000);
    expect(await cached.orderBy('region', 'product', 'qty', 'price', 'day').collect()).toEqual(direct);
    const proj = sales().select('product', col('product').alias('p2'), 'qty').cache();
    const rows = await proj.orderBy('product', 'qty').collect();
    expect(rows.length).toBe(3000);
    expect(rows.every((r) => r.product === r.p2)).toBe(true);
    const t = await proj.toArrow();
    expect(t.schema.fields.map((x) => String(x.type))).toEqual(['Utf8', 'Utf8', 'Int32']);
    cached.unpersist();
    proj.unpersist();
  });

  it('round-trips CSV, JSON and Parquet through df.write', async () => {
    const df = sales().filter(col('product').equalTo('p3')).select('region', 'qty', 'price', 'day');
    const expected = await df.orderBy('region', 'qty', 'price', 'day').collect();
    for (const fmt of ['csv', 'json', 'parquet'] as const) {
      const out = join(dir, `out.${fmt}`);
      await df.write.mode('overwrite').option('header', true).format(fmt).save(out);
      expect(readdirSync(out)).toContain('_SUCCESS');
      let back = spark.read.format(fmt).option('header', true).option('inferSchema', true).load(out);
      if (fmt === 'json') back = back.select('region', 'qty', 'price', 'day');
      const rows = await back.orderBy('region', 'qty', 'price', 'day').collect();
      expect(rows.length).toBe(expected.length);
      expect(rows.map((r) => [r.region, Number(r.qty), r.price])).toEqual(expected.map((r) => [r.region, Number(r.qty), r.price]));
    }
  });

  it('partitionBy writes col=value directories; modes protect existing output', async () => {
    const out = join(dir, 'by-region');
    await sales().select('region', 'qty').write.partitionBy('region').parquet(out);
    expect(readdirSync(out).sort()).toEqual(['_SUCCESS', 'region=east', 'region=north', 'region=south']);
    await expect(sales().write.parquet(out)).rejects.toThrow(/PATH_ALREADY_EXISTS/);
    await sales().write.mode('ignore').parquet(out);
    expect(existsSync(join(out, 'region=east'))).toBe(true);
  });

  it('toArrow gives one table with the schema', async () => {
    const t = await sales().select('region', 'qty').limit(5).toArrow();
    expect(t.numRows).toBe(5);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['region', 'qty']);
  });
});
