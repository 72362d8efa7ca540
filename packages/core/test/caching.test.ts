import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Context, StorageLevel } from '@kindling/core';
import { tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Counts calls of the upstream function across threads, through a file. */
function counter(name: string) {
  const file = join(tmp.path, name);
  return { file, calls: () => (existsSync(file) ? readFileSync(file, 'utf8').length : 0) };
}

describe.each(['local', 'local[2]'])('cache and persist on %s', (master) => {
  it('a cached RDD is computed once; later jobs read the cache and skip upstream stages', async () => {
    const sc = new Context({ master });
    try {
      const c = counter(`once-${master}`);
      const file = c.file;
      const counts = sc
        .parallelize(['a', 'b', 'a', 'c', 'a'], 2)
        .map((w) => {
          appendFileSync(file, 'x');
          return [w, 1] as [string, number];
        })
        .reduceByKey((a, b) => a + b, 2)
        .cache();
      expect(counts.getStorageLevel()).toBe(StorageLevel.MEMORY_ONLY);
      expect(new Map(await counts.collect())).toEqual(new Map([['a', 3], ['b', 1], ['c', 1]]));
      expect(c.calls()).toBe(5);
      expect(await counts.count()).toBe(3);
      expect(await counts.mapValues((n) => n * 2).collect()).toHaveLength(3);
      expect(c.calls()).toBe(5);
      const stages = sc.statusStore.stagesOfJob(sc.statusStore.lastJob()!.jobId);
      expect(stages).toHaveLength(1); // the map stage is not even needed
      expect(counts.toDebugString().split('\n').slice(0, 2)).toEqual([
        expect.stringMatching(/^\(2\) ShuffledRDD\[\d+\] at reduceByKey at caching\.test\.ts:\d+ \[Memory Deserialized 1x Replicated\]$/),
        expect.stringMatching(/^ \|       CachedPartitions: 2; MemorySize: \d+\.\d (B|KiB); DiskSize: 0\.0 B$/),
      ]);
    } finally {
      await sc.stop();
    }
  });

  it('an evicted MEMORY_ONLY partition is recomputed from lineage', async () => {
    const sc = new Context({ master });
    try {
      const c = counter(`mem-${master}`);
      const file = c.file;
      const rdd = sc
        .range(0, 100, 1, 4)
        .map((x) => {
          appendFileSync(file, 'x');
          return x * 2;
        })
        .cache();
      expect(await rdd.sum()).toBe(9900);
      expect(c.calls()).toBe(100);
      expect(sc.faults.evictCachedBlock(rdd.id, 2)).toBe(true);
      expect(await rdd.sum()).toBe(9900);
      expect(c.calls()).toBe(125); // only partition 2 (25 elements) again
      expect(sc.statusStore.lastJob()!.cacheRecomputations).toBe(1);
    } finally {
      await sc.stop();
    }
  });

  it('MEMORY_AND_DISK blocks evicted under the budget are read back from disk, not recomputed', async () => {
    const sc = new Context({ master, memoryBudget: '1mb' });
    try {
      const c = counter(`disk-${master}`);
      const file = c.file;
      const big = sc
        .range(0, 40000, 1, 4)
        .map((x) => {
          if (x % 1000 === 0) appendFileSync(file, 'x');
          return `row-${x}-${'p'.repeat(20)}`;
        })
        .persist(StorageLevel.MEMORY_AND_DISK);
      expect(await big.count()).toBe(40000);
      expect(big.toDebugString()).toMatch(/MemorySize: [1-9][\d.]* KiB/); // most of it fits in memory at first
      const afterFirst = c.calls();
      const other = sc.range(0, 40000, 1, 4).map((x) => `other-${x}-${'q'.repeat(20)}`).persist(StorageLevel.MEMORY_AND_DISK);
      expect(await other.count()).toBe(40000); // pushes `big` out of memory: it moves to disk
      expect(big.toDebugString()).toMatch(/CachedPartitions: 4; MemorySize: [\d.]+ (B|KiB); DiskSize: [1-9][\d.]* (B|KiB|MiB)/);
      expect(await big.filter((s) => s.startsWith('row-39999')).count()).toBe(1);
      expect(c.calls()).toBe(afterFirst);
      expect(sc.memory.used).toBeLessThanOrEqual(1024 * 1024);
    } finally {
      await sc.stop();
    }
  });

  it('DISK_ONLY, unpersist, and changing a level', async () => {
    const sc = new Context({ master });
    try {
      const rdd = sc.range(0, 10, 1, 2).persist(StorageLevel.DISK_ONLY);
      expect(await rdd.collect()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(rdd.toDebugString()).toMatch(/\[Disk Serialized 1x Replicated\]\n.*CachedPartitions: 2; MemorySize: 0\.0 B; DiskSize: /);
      expect(() => rdd.persist(StorageLevel.MEMORY_ONLY)).toThrow(/STORAGE_LEVEL_CHANGE/);
      rdd.unpersist();
      expect(rdd.getStorageLevel()).toBe(StorageLevel.NONE);
      expect(rdd.toDebugString()).not.toMatch(/CachedPartitions/);
      expect(await rdd.sum()).toBe(45);
    } finally {
      await sc.stop();
    }
  });

  it('take on a cached RDD caches whole partitions only', async () => {
    const sc = new Context({ master });
    try {
      const rdd = sc.range(0, 100, 1, 2).cache();
      expect(await rdd.take(3)).toEqual([0, 1, 2]);
      expect(await rdd.count()).toBe(100);
      expect(await rdd.collect()).toHaveLength(100);
    } finally {
      await sc.stop();
    }
  });
});

describe('cached block encoding', () => {
  it('frames byte records and serializes anything else into a SharedArrayBuffer that decodes to the same records', async () => {
    const { encodeRecordsShared, decodeRecords } = await import('../src/shuffle/codec.js');
    const bytes = [new Uint8Array([1, 2, 3]), new Uint8Array(0), Uint8Array.from({ length: 17 }, (_, i) => i)];
    const framed = encodeRecordsShared(bytes);
    expect(framed).toBeInstanceOf(SharedArrayBuffer);
    expect((decodeRecords(new Uint8Array(framed)) as Uint8Array[]).map((b) => [...b])).toEqual(bytes.map((b) => [...b]));
    const values = [1, 'two', { three: 3n }, [4]];
    expect(decodeRecords(new Uint8Array(encodeRecordsShared(values)))).toEqual(values);
    expect(decodeRecords(new Uint8Array(encodeRecordsShared([])))).toEqual([]);
  });
});
