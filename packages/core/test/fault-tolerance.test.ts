import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, JobCancelledError, type RDD, type ShuffleDependency } from '@kindling/core';
import { sorted, tempDir } from './helpers.js';

const tmp = tempDir();
let sc: Context;
beforeAll(() => {
  sc = new Context({ master: 'local[2]', appName: 'faults' });
});
afterAll(async () => {
  await sc.stop();
  tmp.cleanup();
});

const lastJob = () => sc.statusStore.lastJob()!;
const stagesOfLast = () => sc.statusStore.stagesOfJob(lastJob().jobId);

const words = Array.from({ length: 400 }, (_, i) => `w${i % 13} w${i % 7}`);
const expected = (() => {
  const m = new Map<string, number>();
  for (const l of words) for (const w of l.split(' ')) m.set(w, (m.get(w) ?? 0) + 1);
  return sorted([...m]);
})();
const wordCount = (c: Context) =>
  c
    .parallelize(words, 4)
    .flatMap((l) => l.split(' '))
    .map((w) => [w, 1] as [string, number])
    .reduceByKey((a, b) => a + b, 3);

describe('task failures', () => {
  it('a task whose worker thread dies is retried on a fresh worker', async () => {
    sc.faults.killWorker({ partition: 1, attempt: 0 });
    try {
      expect(sorted(await wordCount(sc).collect())).toEqual(expected);
    } finally {
      sc.faults.clear();
    }
    expect(lastJob().taskRetries).toBe(1);
    const tasks = stagesOfLast()[0]!.tasks.filter((t) => t.partition === 1);
    expect(tasks.map((t) => [t.attempt, t.status, t.executor === 'lost'])).toEqual([
      [0, 'failed', true],
      [1, 'succeeded', false],
    ]);
  });

  it('process.exit inside a task only loses that attempt', async () => {
    const marker = join(tmp.path, 'exited-once');
    const r = await sc
      .parallelize([1, 2, 3, 4], 4)
      .map((x) => {
        if (x === 3 && !existsSync(marker)) {
          writeFileSync(marker, '');
          process.exit(7);
        }
        return x * 10;
      })
      .collect();
    expect(r).toEqual([10, 20, 30, 40]);
    expect(lastJob().taskRetries).toBe(1);
  });

  it('failed attempts are retried up to maxFailures', async () => {
    sc.faults.failTask({ partition: 0, attempt: 0 }).failTask({ partition: 0, attempt: 1 }).failTask({ partition: 2, attempt: 0 });
    try {
      expect(sorted(await wordCount(sc).collect())).toEqual(expected);
    } finally {
      sc.faults.clear();
    }
    expect(lastJob().taskRetries).toBe(3);
    sc.faults.failTask({ partition: 0, message: 'always broken' });
    try {
      const err = await wordCount(sc).collect().catch((e) => e);
      expect(err.code).toBe('JOB_FAILED');
      expect(err.message).toMatch(/failed 4 times.*always broken/);
    } finally {
      sc.faults.clear();
    }
  });

  it("the job's error carries the user's original error and stack", async () => {
    const c = new Context({ master: 'local[2]', maxFailures: 1 });
    try {
      function parseAge(s: string): number {
        const n = Number(s);
        if (Number.isNaN(n)) throw new TypeError(`not a number: ${s}`);
        return n;
      }
      const err = await c.parallelize(['1', 'x'], 2).map(parseAge).collect().catch((e) => e);
      expect(err.cause).toBeInstanceOf(Error);
      expect(err.cause.name).toBe('TypeError');
      expect(err.cause.message).toBe('not a number: x');
      expect(err.cause.stack).toMatch(/parseAge/);
      expect(err.details).toMatchObject({ partition: 1, attempt: 0 });
    } finally {
      await c.stop();
    }
  });
});

describe('lost shuffle output', () => {
  it('re-runs only the lost map task from lineage, then the reading stage', async () => {
    const counts = wordCount(sc);
    expect(sorted(await counts.collect())).toEqual(expected);
    const shuffleId = (counts.dependencies[0] as ShuffleDependency).shuffleId;
    expect(sc.faults.loseShuffleOutput(shuffleId, 2)).toBe(true);
    expect(sorted(await counts.collect())).toEqual(expected);
    expect(lastJob().fetchFailures).toBeGreaterThanOrEqual(1);
    const [map] = stagesOfLast();
    expect(map!.kind).toBe('shuffleMap');
    expect(map!.tasks.filter((t) => t.status === 'succeeded').map((t) => t.partition)).toEqual([2]);
    // The next job finds every output again: the map stage is skipped.
    await counts.count();
    expect(stagesOfLast()[0]!.status).toBe('skipped');
  });

  it('recovers when output is lost in the middle of a job', async () => {
    const a = sc.parallelize(words, 4).map((l) => [l.length, l] as [number, string]);
    const grouped: RDD<[number, string[]]> = a.groupByKey(3);
    const shuffleId = (grouped.dependencies[0] as ShuffleDependency).shuffleId;
    let lost = false;
    const off = sc.events.on('stageCompleted', ({ stage }) => {
      if (stage.kind === 'shuffleMap' && !lost) lost = sc.faults.loseShuffleOutput(shuffleId, 0);
    });
    try {
      const r = await grouped.mapValues((v) => v.length).collect();
      expect(r.reduce((s, [, n]) => s + n, 0)).toBe(400);
    } finally {
      off();
    }
    expect(lastJob().fetchFailures).toBeGreaterThanOrEqual(1);
  });
});

describe('cancellation', () => {
  const slow = (c: Context) =>
    c.parallelize([1, 2, 3, 4], 4).map((x) => {
      const end = Date.now() + 5000;
      while (Date.now() < end);
      return x;
    });

  it('cancelAllJobs stops running tasks promptly', async () => {
    const started = Date.now();
    const job = slow(sc).collect();
    setTimeout(() => sc.cancelAllJobs(), 300);
    const err = await job.catch((e) => e);
    expect(err).toBeInstanceOf(JobCancelledError);
    expect(Date.now() - started).toBeLessThan(2500);
    // The context keeps working after a cancellation.
    expect(await sc.parallelize([1, 2, 3], 3).count()).toBe(3);
  });

  it('an AbortSignal passed to an action cancels it', async () => {
    const started = Date.now();
    const err = await slow(sc)
      .count({ signal: AbortSignal.timeout(300) })
      .catch((e) => e);
    expect(err.name).toMatch(/TimeoutError|AbortError|JobCancelledError/);
    expect(Date.now() - started).toBeLessThan(2500);
    const ac = new AbortController();
    ac.abort();
    await expect(sc.parallelize([1]).collect({ signal: ac.signal })).rejects.toBeTruthy();
  });
});

describe('speculative execution', () => {
  const job = (c: Context) =>
    c.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => {
      const end = Date.now() + 30;
      while (Date.now() < end);
      return x * 2;
    });

  it('a straggler gets a copy on another worker; the first to finish wins and the other is killed', async () => {
    const c = new Context({ master: 'local[2]', speculation: true });
    try {
      c.faults.delayTask({ partition: 3, attempt: 0, ms: 5000 });
      const started = Date.now();
      expect(await job(c).collect()).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
      expect(Date.now() - started).toBeLessThan(3000);
      const info = c.statusStore.lastJob()!;
      expect(info.speculativeTasks).toBe(1);
      const copies = c.statusStore.stagesOfJob(info.jobId)[0]!.tasks.filter((t) => t.partition === 3);
      expect(copies.map((t) => [t.attempt, t.status])).toEqual([
        [0, 'killed'],
        [1, 'succeeded'],
      ]);
    } finally {
      await c.stop();
    }
  });

  it('is off by default', async () => {
    const c = new Context({ master: 'local[2]' });
    try {
      c.faults.delayTask({ partition: 3, attempt: 0, ms: 1200 });
      const started = Date.now();
      await job(c).collect();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
      expect(c.statusStore.lastJob()!.speculativeTasks).toBe(0);
    } finally {
      await c.stop();
    }
  });
});

describe('out of memory in a worker', () => {
  it('kills only that worker; the task is retried, and a task that always runs out fails the job clearly', async () => {
    const c = new Context({ master: 'local[2]', workerHeapMb: 64, maxFailures: 2 });
    try {
      const marker = join(tmp.path, 'oom-once');
      const hog = (x: number) => {
        if (x === 2 && !existsSync(marker)) {
          writeFileSync(marker, '');
          const keep: number[][] = [];
          for (;;) keep.push(new Array(1 << 16).fill(x));
        }
        return x;
      };
      expect(await c.parallelize([1, 2, 3], 3).map(hog).collect()).toEqual([1, 2, 3]);
      expect(c.statusStore.lastJob()!.taskRetries).toBe(1);
      const always = (x: number) => {
        const keep: number[][] = [];
        if (x === 1) for (;;) keep.push(new Array(1 << 16).fill(x));
        return x;
      };
      const err = await c.parallelize([1, 2], 2).map(always).collect().catch((e) => e);
      expect(err.code).toBe('JOB_FAILED');
      expect(err.message).toMatch(/ran out of memory.*workerHeapMb/);
      expect(err.cause.code).toBe('WORKER_OUT_OF_MEMORY');
    } finally {
      await c.stop();
    }
  });
});
