import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, HashPartitioner, type ShuffleDependency, type StageInfo } from '@kindling/core';
import { tempDir } from './helpers.js';

const tmp = tempDir();
const text = join(tmp.path, 'words.txt');
let sc: Context;

beforeAll(() => {
  const words = ['spark', 'kindling', 'fire', 'ember', 'ash', 'smoke', 'flame'];
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) lines.push(Array.from({ length: 10 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' '));
  writeFileSync(text, lines.join('\n') + '\n');
  sc = new Context({ master: 'local[2]', appName: 'scheduler-test' });
});
afterAll(async () => {
  await sc.stop();
  tmp.cleanup();
});

function lastJobStages(): StageInfo[] {
  return sc.statusStore.stagesOfJob(sc.statusStore.lastJob()!.jobId);
}

const wordCount = () =>
  sc
    .textFile(text, 4)
    .flatMap((l) => l.split(' '))
    .map((w) => [w, 1] as [string, number])
    .reduceByKey((a, b) => a + b);

describe('stages', () => {
  it('word count runs as exactly 2 stages', async () => {
    const counts = wordCount();
    const r = await counts.collect();
    expect(r.reduce((s, [, c]) => s + c, 0)).toBe(40000);
    const stages = lastJobStages();
    expect(stages.map((s) => s.kind)).toEqual(['shuffleMap', 'result']);
    expect(stages[0]!.numTasks).toBe(counts.dependencies[0]!.rdd.getNumPartitions());
    expect(stages[0]!.name).toMatch(/^reduceByKey at scheduler\.test\.ts:\d+$/);
    expect(stages[1]!.name).toMatch(/^collect at scheduler\.test\.ts:\d+$/);
  });

  it('a chain of narrow operations is one stage with one task per partition', async () => {
    await sc.range(0, 100, 1, 5).map((x) => x + 1).filter((x) => x % 2 === 0).flatMap((x) => [x, x]).map(String).count();
    const stages = lastJobStages();
    expect(stages).toHaveLength(1);
    expect(stages[0]!.tasks.filter((t) => t.status === 'succeeded')).toHaveLength(5);
  });

  it('a repeated action reuses shuffle output: the map stage is skipped and no map task runs', async () => {
    const counts = wordCount();
    await counts.collect();
    const firstJobMapTasks = lastJobStages()[0]!.tasks.length;
    expect(firstJobMapTasks).toBe(4);
    expect(await counts.count()).toBe(7);
    const stages = lastJobStages();
    expect(stages.map((s) => s.status)).toEqual(['skipped', 'succeeded']);
    expect(stages[0]!.tasks).toHaveLength(0);
    expect(stages[0]!.metrics.shuffleRecordsWritten).toBe(0);
    // A new RDD downstream of the same shuffle reuses it too.
    await counts.mapValues((c) => c * 2).collect();
    expect(lastJobStages()[0]!.status).toBe('skipped');
  });

  it('the combiner: shuffle writes at most distinct words × map tasks records', async () => {
    await wordCount().collect();
    const [map] = lastJobStages();
    expect(map!.metrics.shuffleRecordsWritten).toBeLessThanOrEqual(7 * map!.numTasks);
    expect(map!.metrics.outputRecords).toBe(40000);
    expect(map!.metrics.bytesRead).toBeGreaterThan(0);
  });

  it('groupByKey does not combine map-side', async () => {
    await sc.textFile(text, 4).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number]).groupByKey().count();
    const [map] = lastJobStages();
    expect(map!.metrics.shuffleRecordsWritten).toBe(40000);
  });

  it('join of RDDs partitioned by the same partitioner adds no shuffle', async () => {
    const a = sc.range(0, 1000, 1, 3).map((x) => [x % 50, x] as [number, number]).partitionBy(4);
    const b = sc.range(0, 500, 1, 2).map((x) => [x % 50, -x] as [number, number]).partitionBy(4);
    const joined = a.join(b);
    const cogroup = joined.dependencies[0]!.rdd;
    expect(cogroup.dependencies.every((d) => d.type === 'narrow')).toBe(true);
    expect(joined.partitioner?.equals(new HashPartitioner(4))).toBe(true);
    expect(await joined.count()).toBe(1000 * 10);
    const stages = lastJobStages();
    expect(stages.filter((s) => s.kind === 'shuffleMap')).toHaveLength(2); // the two partitionBy shuffles only
    // Joining with an RDD that is not partitioned shuffles only that side.
    const c = sc.range(0, 50, 1, 2).map((x) => [x, x] as [number, number]);
    const mixed = a.join(c).dependencies[0]!.rdd;
    expect(mixed.dependencies.map((d) => d.type)).toEqual(['narrow', 'shuffle']);
    // reduceByKey on an RDD already hash-partitioned the same way needs no shuffle either.
    expect(a.reduceByKey((x, y) => x + y).dependencies[0]!.type).toBe('narrow');
  });

  it('independent parent stages both complete before the stage that needs them', async () => {
    const a = sc.range(0, 100, 1, 2).map((x) => [x % 10, x] as [number, number]);
    const b = sc.range(0, 100, 1, 2).map((x) => [x % 10, 1] as [number, number]);
    expect(await a.join(b, 3).count()).toBe(1000);
    const stages = lastJobStages();
    expect(stages).toHaveLength(3);
    const result = stages[2]!;
    expect(result.parentStageIds.sort()).toEqual([stages[0]!.stageId, stages[1]!.stageId].sort());
    for (const p of stages.slice(0, 2)) expect(p.completionTime!).toBeLessThanOrEqual(result.submissionTime!);
  });
});

describe('submitMapStage', () => {
  it('runs a map stage alone, gives the bytes per reduce partition, and a later job reuses its outputs', async () => {
    const counts = wordCount();
    const dep = counts.dependencies[0] as ShuffleDependency;
    const stats = await sc.submitMapStage(dep);
    expect(stats.shuffleId).toBe(dep.shuffleId);
    expect(stats.bytesByPartitionId).toHaveLength(counts.getNumPartitions());
    const [map] = lastJobStages();
    expect(map!.kind).toBe('shuffleMap');
    expect(stats.bytesByPartitionId.reduce((a, b) => a + b, 0)).toBe(map!.metrics.shuffleBytesWritten);
    // what each reduce task then reads is what the statistics said
    const r = await counts.collect();
    expect(r.reduce((s, [, c]) => s + c, 0)).toBe(40000);
    const stages = lastJobStages();
    expect(stages.map((s) => [s.kind, s.status])).toEqual([
      ['shuffleMap', 'skipped'],
      ['result', 'succeeded'],
    ]);
    expect(stages[1]!.metrics.shuffleBytesRead).toBe(map!.metrics.shuffleBytesWritten);
    // asked again, nothing runs and the answer is the same
    expect(await sc.submitMapStage(dep)).toEqual(stats);
    expect(lastJobStages()[0]!.status).toBe('skipped');
  });
});

describe('parallelism', () => {
  it('with local[2], tasks of one stage run on two worker threads at the same time', async () => {
    const busy = (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    };
    await sc.parallelize([1, 2, 3, 4], 4).map((x) => {
      busy(300);
      return x;
    }).collect();
    const tasks = lastJobStages()[0]!.tasks;
    const executors = new Set(tasks.map((t) => t.executor));
    expect(executors.size).toBe(2);
    for (const e of executors) expect(e).toMatch(/^worker-\d+$/);
    const overlaps = tasks.some((t) => tasks.some((u) => u !== t && u.executor !== t.executor && u.startTime < t.endTime! && t.startTime < u.endTime!));
    expect(overlaps).toBe(true);
  });
});

describe('events and metrics', () => {
  it('publishes job, stage and task events', async () => {
    const seen: string[] = [];
    const offs = [
      sc.events.on('jobStart', () => seen.push('jobStart')),
      sc.events.on('stageSubmitted', () => seen.push('stageSubmitted')),
      sc.events.on('taskEnd', () => seen.push('taskEnd')),
      sc.events.on('stageCompleted', () => seen.push('stageCompleted')),
      sc.events.on('jobEnd', (e) => seen.push(`jobEnd:${e.job.status}`)),
    ];
    await sc.parallelize([1, 2, 3], 3).count();
    offs.forEach((off) => off());
    expect(seen).toEqual(['jobStart', 'stageSubmitted', 'taskEnd', 'taskEnd', 'taskEnd', 'stageCompleted', 'jobEnd:succeeded']);
  });

  it('records bytes read, shuffle bytes and durations', async () => {
    const counts = wordCount();
    await counts.collect();
    const [map, result] = lastJobStages();
    const { size } = await import('node:fs').then((fs) => fs.statSync(text));
    expect(map!.metrics.bytesRead).toBe(size);
    expect(map!.metrics.recordsRead).toBe(4000);
    expect(map!.metrics.shuffleBytesWritten).toBeGreaterThan(0);
    expect(result!.metrics.shuffleBytesRead).toBe(map!.metrics.shuffleBytesWritten);
    expect(result!.metrics.shuffleRecordsRead).toBe(map!.metrics.shuffleRecordsWritten);
    for (const t of [...map!.tasks, ...result!.tasks]) expect(t.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a failing task fails the job with the user error after maxFailures attempts', async () => {
    const failing = new Context({ master: 'local', maxFailures: 2 });
    try {
      const err = await failing
        .parallelize([1, 2, 3], 3)
        .map((x) => {
          if (x === 2) throw new RangeError(`bad element ${x}`);
          return x;
        })
        .collect()
        .catch((e) => e);
      expect(err.code).toBe('JOB_FAILED');
      expect(err.message).toMatch(/failed 2 times.*RangeError: bad element 2/);
      expect(err.details.partition).toBe(1);
      expect(err.cause.name).toBe('RangeError');
      const stage = failing.statusStore.stagesOfJob(failing.statusStore.lastJob()!.jobId)[0]!;
      expect(stage.tasks.filter((t) => t.status === 'failed')).toHaveLength(2);
      expect(failing.statusStore.lastJob()!.status).toBe('failed');
    } finally {
      await failing.stop();
    }
  });

  it('a stopped context refuses jobs', async () => {
    const c = new Context({ master: 'local' });
    const rdd = c.parallelize([1]);
    await c.stop();
    await expect(rdd.count()).rejects.toThrow(/CONTEXT_STOPPED/);
  });
});

describe('toDebugString', () => {
  it('prints the lineage with shuffle boundaries as Spark does', () => {
    const c = new Context({ master: 'local' });
    const counts = c
      .parallelize(['a b', 'b c'], 2)
      .flatMap((l) => l.split(' '))
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((a, b) => a + b)
      .mapValues((n) => n * 2);
    const lines = counts.toDebugString().split('\n');
    const re = (s: string) => new RegExp('^' + s.replace(/[[\]()|+]/g, (m) => '\\' + m) + ' at scheduler\\.test\\.ts:\\d+ \\[\\]$');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(re('(2) MapPartitionsRDD[4] at mapValues'));
    expect(lines[1]).toMatch(re(' |  ShuffledRDD[3] at reduceByKey'));
    expect(lines[2]).toMatch(re(' +-(2) MapPartitionsRDD[2] at map'));
    expect(lines[3]).toMatch(re('    |  MapPartitionsRDD[1] at flatMap'));
    expect(lines[4]).toMatch(re('    |  ParallelCollectionRDD[0] at parallelize'));
    expect(counts.setName('doubled').toString()).toMatch(/^doubled MapPartitionsRDD\[4\] at mapValues/);
    void c.stop();
  });

  it('shows both sides of a join', () => {
    const c = new Context({ master: 'local' });
    const a = c.parallelize([[1, 2]] as [number, number][], 2);
    const b = c.parallelize([[1, 3]] as [number, number][], 3);
    const lines = a.join(b).toDebugString().split('\n');
    expect(lines.map((l) => l.replace(/ at .*$/, ''))).toEqual([
      '(3) MapPartitionsRDD[3]',
      ' |  CoGroupedRDD[2]',
      ' +-(2) ParallelCollectionRDD[0]',
      ' +-(3) ParallelCollectionRDD[1]',
    ]);
    void c.stop();
  });
});
