import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Context, type ShuffleDependency } from '@kindling/core';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.each(['local', 'local[2]'])('checkpoints on %s', (master) => {
  it('writes partitions atomically, truncates lineage, and later jobs and recoveries do not recompute upstream', async () => {
    const sc = new Context({ master });
    try {
      const calls = join(tmp.path, `calls-${master}`);
      sc.setCheckpointDir(join(tmp.path, `ckpt-${master}`));
      const pairs = sc
        .range(0, 60, 1, 3)
        .map((x) => {
          appendFileSync(calls, 'x');
          return [x % 6, x] as [number, number];
        })
        .reduceByKey((a, b) => a + b, 2);
      const doubled = pairs.mapValues((v) => v * 2);
      doubled.checkpoint();
      expect(doubled.isCheckpointed()).toBe(false);
      const first = await doubled.collect();
      expect(doubled.isCheckpointed()).toBe(true);
      const dir = doubled.getCheckpointFile()!;
      expect(readdirSync(dir).sort()).toEqual(['part-00000', 'part-00001']); // no temporary files left
      const lines = doubled.toDebugString().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\(2\) MapPartitionsRDD\[\d+\] at mapValues/);
      expect(lines[1]).toMatch(/^ \|  ReliableCheckpointRDD\[\d+\] at mapValues/);
      const callsAfterCheckpoint = readFileSync(calls, 'utf8').length;
      expect(await doubled.collect()).toEqual(first);
      const downstream = doubled.map(([k, v]) => [k % 2, v] as [number, number]).reduceByKey((a, b) => a + b, 2);
      const total = await downstream.collect();
      expect(total.reduce((s, [, v]) => s + v, 0)).toBe(2 * (59 * 60) / 2);
      // Recovery: a lost shuffle output downstream is recomputed from the checkpoint, not from upstream.
      sc.faults.loseShuffleOutput((downstream.dependencies[0] as ShuffleDependency).shuffleId, 0);
      expect(await downstream.collect()).toEqual(total);
      expect(readFileSync(calls, 'utf8').length).toBe(callsAfterCheckpoint);
    } finally {
      await sc.stop();
    }
  });

  it('localCheckpoint lives in the context directory and is removed by stop()', async () => {
    const sc = new Context({ master });
    const rdd = sc.parallelize([3, 1, 2], 2).map((x) => x * 10).localCheckpoint();
    expect(await rdd.collect()).toEqual([30, 10, 20]);
    expect(rdd.toDebugString()).toMatch(/LocalCheckpointRDD/);
    const dir = rdd.getCheckpointFile()!;
    expect(dir.startsWith(sc.localDir)).toBe(true);
    expect(await rdd.sum()).toBe(60);
    await sc.stop();
    expect(existsSync(sc.localDir)).toBe(false);
  });

  it('checkpoint() without a directory is an error that says what to do', () => {
    const sc = new Context({ master: 'local' });
    expect(() => sc.parallelize([1]).checkpoint()).toThrow(/CHECKPOINT_DIR_NOT_SET.*setCheckpointDir/);
    void sc.stop();
  });
});
