import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareKeys, Context, HashPartitioner } from '@kindling/core';
import { sorted } from './helpers.js';

// Out-of-core execution: shuffle buffers, aggregation maps and sort buffers count against the memory budget and
// spill to disk when a task cannot reserve more. These tests force spilling with a tiny budget and compare every
// operation with the same job under the default budget; out-of-core-large.test.ts runs word count and sortByKey
// over ~500 MB under a 32 MB budget (in its own process, so that its RSS is its own).

/** Spill totals over the jobs that ran since `fromJob` (sortByKey runs a sampling job as well). */
function spills(sc: Context, fromJob: number): { memory: number; disk: number } {
  let memory = 0;
  let disk = 0;
  for (const j of sc.statusStore.jobs()) {
    if (j.jobId < fromJob) continue;
    for (const s of sc.statusStore.stagesOfJob(j.jobId)) {
      for (const t of s.tasks) {
        memory += t.metrics.memoryBytesSpilled;
        disk += t.metrics.diskBytesSpilled;
      }
    }
  }
  return { memory, disk };
}

const nextJob = (sc: Context) => (sc.statusStore.lastJob()?.jobId ?? -1) + 1;

/** No task holds execution memory and no task left spill files behind. */
function expectReleased(sc: Context): void {
  expect(sc.memory.activeTasks).toBe(0);
  const tasks = join(sc.localDir, 'tasks');
  expect(existsSync(tasks) ? readdirSync(tasks) : []).toEqual([]);
}

describe('spilling under a tiny budget gives the same answers', () => {
  let big: Context;
  const small: Record<string, Context> = {};
  beforeAll(() => {
    big = new Context({ master: 'local[2]', appName: 'ooc-ref' });
    small['local[2]'] = new Context({ master: 'local[2]', appName: 'ooc-1mb', memoryBudget: '1mb' });
    small.local = new Context({ master: 'local', appName: 'ooc-1mb-inline', memoryBudget: '1mb' });
  });
  afterAll(async () => {
    await big.stop();
    for (const c of Object.values(small)) await c.stop();
  });

  const N = 40_000;
  const pairs = (sc: Context) => sc.range(0, N, 1, 4).map((i) => [`k${(i * 7919) % 9000}`, i] as [string, number]);

  /** Runs `job` on the reference context and on each tiny-budget context; the tiny ones must spill. */
  async function same<T>(job: (sc: Context) => Promise<T>, normalize: (x: T) => unknown = (x) => x): Promise<void> {
    const want = normalize(await job(big));
    expect(spills(big, 0).disk).toBe(0);
    for (const [master, sc] of Object.entries(small)) {
      const from = nextJob(sc);
      const got = normalize(await job(sc));
      expect(got, master).toEqual(want);
      expect(spills(sc, from).memory, `${master}: spilled`).toBeGreaterThan(0);
      expect(spills(sc, from).disk, `${master}: spilled`).toBeGreaterThan(0);
      expectReleased(sc);
    }
  }
  const bySortedKey = <T>(xs: T[]) => sorted(xs);

  it('reduceByKey, foldByKey, aggregateByKey, combineByKey', async () => {
    await same((sc) => pairs(sc).reduceByKey((a, b) => a + b, 3).collect(), bySortedKey);
    await same((sc) => pairs(sc).foldByKey(0, (a, b) => a + b).collect(), bySortedKey);
    await same(
      (sc) =>
        pairs(sc)
          .aggregateByKey(
            { n: 0, max: -1 },
            (acc, v) => ({ n: acc.n + 1, max: Math.max(acc.max, v) }),
            (a, b) => ({ n: a.n + b.n, max: Math.max(a.max, b.max) }),
          )
          .collect(),
      bySortedKey,
    );
    // A combiner that grows with every value (sampled size estimates must keep up with it).
    await same(
      (sc) =>
        pairs(sc)
          .combineByKey(
            (v) => [v],
            (c, v) => [...c, v],
            (a, b) => [...a, ...b],
          )
          .mapValues((vs) => vs.sort((a, b) => a - b))
          .collect(),
      bySortedKey,
    );
  });

  it('groupByKey keeps each key’s values in arrival order', async () => {
    await same((sc) => pairs(sc).groupByKey(2).collect(), bySortedKey);
  });

  it('distinct', async () => {
    await same((sc) => sc.range(0, N, 1, 3).map((i) => (i * 31) % 20_000).distinct(4).collect(), bySortedKey);
  });

  it('sortByKey, ascending and descending, with a key function; ties keep their order', async () => {
    const data = (sc: Context) => sc.range(0, N, 1, 4).map((i) => [(i * 7919) % 5000, `v${i}`] as [number, string]);
    await same((sc) => data(sc).sortByKey(true, 3).collect());
    await same((sc) => data(sc).sortByKey(false, 2).collect());
    await same((sc) => data(sc).sortByKey(true, 2, (k) => -k).collect());
  });

  it('repartitionAndSortWithinPartitions', async () => {
    await same((sc) =>
      sc
        .range(0, N, 1, 4)
        .map((i) => [(i * 7919) % N, i] as [number, number])
        .repartitionAndSortWithinPartitions(3)
        .glom()
        .collect(),
    );
  });

  it('join, outer joins and cogroup', async () => {
    const left = (sc: Context) => sc.range(0, 20_000, 1, 3).map((i) => [i % 7000, `l${i}`] as [number, string]);
    const right = (sc: Context) => sc.range(0, 14_000, 1, 2).map((i) => [(i * 3) % 9000, `r${i}`] as [number, string]);
    await same((sc) => left(sc).join(right(sc), 3).collect(), bySortedKey);
    await same((sc) => left(sc).fullOuterJoin(right(sc), 2).collect(), bySortedKey);
    await same((sc) => left(sc).cogroup(right(sc), 2).collect(), bySortedKey);
  });

  it('aggregation in place on an RDD already partitioned alike, and a plain partitionBy', async () => {
    await same(
      (sc) =>
        pairs(sc)
          .partitionBy(new HashPartitioner(2))
          .reduceByKey((a, b) => a + b, new HashPartitioner(2))
          .collect(),
      bySortedKey,
    );
    await same((sc) => pairs(sc).partitionBy(3).glom().collect());
  });

  it('composite keys, and keys that compare equal but are different (1 and 1n)', async () => {
    await same(
      (sc) =>
        sc
          .range(0, 25_000, 1, 4)
          .flatMap((i) => [
            [[i % 300, { a: i % 7, b: `s${i % 11}` }], 1],
            [i % 500, 1],
            [BigInt(i % 500), 1],
          ] as [unknown, number][])
          .reduceByKey((a, b) => a + b, 3)
          .collect(),
      (xs) => [...xs].sort((a, b) => compareKeys(a[0], b[0]) || (typeof a[0] < typeof b[0] ? -1 : typeof a[0] > typeof b[0] ? 1 : 0)),
    );
  });

  it('lazy consumers: mapPartitions and take over spilled shuffles', async () => {
    await same((sc) =>
      pairs(sc)
        .reduceByKey((a, b) => a + b, 2)
        .mapPartitions((it) => {
          let n = 0;
          let sum = 0;
          for (let r = it.next(); !r.done; r = it.next()) {
            n++;
            sum += r.value[1];
          }
          return [[n, sum]];
        })
        .collect(),
    );
    await same((sc) => sc.range(0, N, 1, 3).map((i) => [(i * 7919) % N, i] as [number, number]).sortByKey(true, 2).take(5));
  });

  it('many runs are merged in several passes', async () => {
    const tiny = new Context({ master: 'local', appName: 'ooc-256k', memoryBudget: '256kb' });
    try {
      const data = (sc: Context) => sc.range(0, 120_000, 1, 2).map((i) => [(i * 7919) % 120_000, `value-${i}`] as [number, string]);
      let from = nextJob(tiny);
      const got = await data(tiny).sortByKey(true, 1).collect();
      expect(got).toEqual(await data(big).sortByKey(true, 1).collect());
      // A run holds at most the task's share (here the whole 256 KB): more runs than one merge reads at once (32).
      expect(spills(tiny, from).memory / (256 << 10)).toBeGreaterThan(40);
      from = nextJob(tiny);
      const grouped = await data(tiny).map(([k, v]) => [k % 1000, v] as [number, string]).groupByKey(1).collect();
      expect(sorted(grouped)).toEqual(sorted(await data(big).map(([k, v]) => [k % 1000, v] as [number, string]).groupByKey(1).collect()));
      expect(spills(tiny, from).memory / (256 << 10)).toBeGreaterThan(40);
      expectReleased(tiny);
    } finally {
      await tiny.stop();
    }
  });

  it('a task that fails while spilling gives its memory back and leaves no spill files', async () => {
    const sc = new Context({ master: 'local[2]', appName: 'ooc-fail', memoryBudget: '1mb', maxFailures: 1 });
    try {
      const job = pairs(sc)
        .groupByKey(2)
        .mapValues((vs) => {
          if (vs.length > 0) throw new Error('boom');
          return vs;
        });
      await expect(job.collect()).rejects.toThrow(/boom/);
      expect(spills(sc, 0).disk).toBeGreaterThan(0);
      expectReleased(sc);
      // What is still reserved belongs to map outputs kept in memory, given back when the context drops them.
      const dir = sc.localDir;
      await sc.stop();
      expect(sc.memory.used).toBe(0);
      expect(existsSync(dir)).toBe(false);
    } finally {
      await sc.stop();
    }
  });
});
