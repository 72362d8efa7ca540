import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context } from '@kindling/core';
import { Session, col, functions as F } from '@kindling/sql';

let spark: Session;
let dir: string;
beforeAll(() => {
  spark = new Session(new Context({ master: 'local[2]' }), new Map([['spark.sql.shuffle.partitions', '2']]));
  dir = mkdtempSync(join(tmpdir(), 'kindling-ckpt-'));
});
afterAll(async () => {
  await spark.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A CSV source we can delete: once the plan is cut, reading must not need it any more. */
function source(name: string) {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, 'k,v\n' + Array.from({ length: 50 }, (_, i) => `${i % 5},${i}`).join('\n') + '\n');
  const df = spark.read.option('header', true).schema('k int, v int').csv(path);
  return { path, df: df.groupBy('k').agg(F.sum('v').alias('s')).filter(col('s').gt(230)) };
}

describe('checkpoint / localCheckpoint', () => {
  it('checkpoint(eager) writes the batches and cuts the plan: the source is not read again', async () => {
    spark.sparkContext.setCheckpointDir(join(dir, 'ckpt'));
    const { path, df } = source('a');
    const expected = await df.orderBy('k').collect();
    const cp = await df.checkpoint();
    expect(readdirSync(join(dir, 'ckpt')).length).toBeGreaterThan(0);
    const plan = cp.explainString('extended');
    expect(plan).toMatch(/Scan ExistingRDD \[k, s\], Checkpoint/);
    expect(plan).not.toMatch(/FileScan|Exchange/);
    rmSync(path);
    expect(await cp.orderBy('k').collect()).toEqual(expected);
    expect(await cp.filter(col('k').equalTo(4)).select('s').collect()).toEqual([{ s: 265n }]);
    expect(cp.dtypes).toEqual(df.dtypes);
  });

  it('localCheckpoint(eager) does the same in the local directory, without a checkpoint dir', async () => {
    const { path, df } = source('b');
    const cp = await df.localCheckpoint();
    expect(cp.explainString()).toMatch(/Scan ExistingRDD \[k, s\], LocalCheckpoint/);
    rmSync(path);
    expect(await cp.count()).toBe(4);
  });

  it('eager = false writes on the first action; later ones read the checkpoint', async () => {
    const { path, df } = source('c');
    const cp = await df.localCheckpoint(false);
    expect(existsSync(path)).toBe(true);
    const first = await cp.orderBy('k').collect();
    expect(first.length).toBe(4);
    rmSync(path);
    expect(await cp.orderBy('k').collect()).toEqual(first);
  });

  it('a reliable checkpoint needs a checkpoint directory', async () => {
    const s = new Session(new Context({ master: 'local[1]' }));
    try {
      await expect(s.range(0, 3).checkpoint()).rejects.toThrow(/CHECKPOINT_DIR_NOT_SET|setCheckpointDir/);
    } finally {
      await s.stop();
    }
  });
});
