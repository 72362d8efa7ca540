import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contexts, MASTERS, tempDir } from './helpers.js';

const ctx = contexts();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.each(MASTERS)('actions on %s', (master) => {
  const sc = () => ctx[master];
  const nums = (xs: number[], n?: number) => sc().parallelize(xs, n);

  it('collect, count, first, take', async () => {
    expect(await nums([2, 3, 4]).count()).toBe(3);
    expect(await nums([2, 3, 4]).first()).toBe(2);
    await expect(sc().emptyRDD().first()).rejects.toThrow(/EMPTY_RDD/);
    expect(await nums([2, 3, 4, 5, 6], 2).take(2)).toEqual([2, 3]);
    expect(await nums([2, 3, 4, 5, 6], 2).take(10)).toEqual([2, 3, 4, 5, 6]);
    expect(await nums([1, 2], 2).take(0)).toEqual([]);
    const many = sc().range(0, 100, 1, 100).filter((x) => x > 90);
    expect(await many.take(3)).toEqual([91, 92, 93]);
  });

  it('take scans only as many partitions as needed', async () => {
    const before = sc().statusStore.jobs().length;
    await sc().range(0, 1000, 1, 50).take(5);
    const jobs = sc().statusStore.jobs().slice(before);
    expect(jobs).toHaveLength(1);
    const [stage] = sc().statusStore.stagesOfJob(jobs[0]!.jobId);
    expect(stage!.numTasks).toBe(1);
  });

  it('isEmpty', async () => {
    expect(await sc().emptyRDD().isEmpty()).toBe(true);
    expect(await nums([], 3).isEmpty()).toBe(true);
    expect(await nums([1]).isEmpty()).toBe(false);
  });

  it('reduce, fold, aggregate', async () => {
    expect(await nums([1, 2, 3, 4, 5]).reduce((a, b) => a + b)).toBe(15);
    expect(await nums(Array(10).fill(2)).map(() => 1).reduce((a, b) => a + b)).toBe(10);
    await expect(nums([], 2).reduce((a, b) => a + b)).rejects.toThrow(/EMPTY_RDD/);
    expect(await nums([1, 2, 3, 4, 5]).fold(0, (a, b) => a + b)).toBe(15);
    const seqOp = (acc: [number, number], x: number): [number, number] => [acc[0] + x, acc[1] + 1];
    const combOp = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];
    expect(await nums([1, 2, 3, 4]).aggregate([0, 0], seqOp, combOp)).toEqual([10, 4]);
    expect(await nums([]).aggregate([0, 0], seqOp, combOp)).toEqual([0, 0]);
  });

  it('treeAggregate and treeReduce', async () => {
    const rdd = nums([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10);
    for (const depth of [1, 2, 5, 10]) {
      expect(await rdd.treeAggregate(0, (a, b) => a + b, (a, b) => a + b, depth)).toBe(-5);
      expect(await rdd.treeReduce((a, b) => a + b, depth)).toBe(-5);
    }
    const big = sc().range(0, 10000, 1, 64);
    expect(await big.treeAggregate(0, (a, b) => a + b, (a, b) => a + b, 3)).toBe(49995000);
    await expect(rdd.treeAggregate(0, (a, b) => a + b, (a, b) => a + b, 0)).rejects.toThrow(/depth/);
  });

  it('max, min (with key), sum, mean, stats', async () => {
    const r = nums([1.0, 5.0, 43.0, 10.0]);
    expect(await r.max()).toBe(43);
    expect(await r.max((x) => String(x))).toBe(5);
    expect(await r.min()).toBe(1);
    expect(await r.min((x) => String(x))).toBe(1);
    expect(await nums([10, 2, 3]).min((x) => String(x))).toBe(10);
    expect(await nums([1, 2, 3]).sum()).toBe(6);
    expect(await nums([1, 2, 3]).mean()).toBe(2);
    expect(await nums([1, 2, 3]).variance()).toBeCloseTo(2 / 3, 12);
    expect(await nums([1, 2, 3]).stdev()).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(await nums([1, 2, 3]).sampleStdev()).toBeCloseTo(1, 12);
    expect(await nums([1, 2, 3]).sampleVariance()).toBeCloseTo(1, 12);
    const s = await sc().range(1, 101, 1, 7).stats();
    expect(s.count).toBe(100);
    expect(s.mean).toBeCloseTo(50.5, 10);
    expect(s.max).toBe(100);
    expect(s.min).toBe(1);
    expect(s.sum).toBeCloseTo(5050, 8);
    expect(await nums([], 2).sum()).toBe(0);
    expect(await nums([], 2).mean()).toBe(0); // as PySpark: StatCounter's mean starts at 0
    expect(Number.isNaN(await nums([], 2).stdev())).toBe(true);
    await expect(nums([], 2).max()).rejects.toThrow(/EMPTY_RDD/);
  });

  it('top and takeOrdered', async () => {
    expect(await nums([10, 4, 2, 12, 3]).top(1)).toEqual([12]);
    expect(await nums([2, 3, 4, 5, 6], 2).top(2)).toEqual([6, 5]);
    expect(await nums([10, 4, 2, 12, 3]).top(3, (x) => String(x))).toEqual([4, 3, 2]);
    expect(await nums([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await nums([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, (x) => -x)).toEqual([10, 9, 7, 6, 5, 4]);
    const big = sc().range(0, 50000, 1, 4).map((x) => (x * 7919) % 50000);
    expect(await big.top(3)).toEqual([49999, 49998, 49997]);
  });

  it('countByValue', async () => {
    expect(await nums([1, 2, 1, 2, 2], 2).countByValue()).toEqual(new Map([[1, 2], [2, 3]]));
  });

  it('foreach and foreachPartition run on every element', async () => {
    const file = join(tmp.path, `foreach-${master}.txt`);
    await nums([1, 2, 3, 4], 3).foreach((x) => appendFileSync(file, `${x}\n`));
    expect(readFileSync(file, 'utf8').trim().split('\n').map(Number).sort()).toEqual([1, 2, 3, 4]);
    const file2 = join(tmp.path, `foreachPartition-${master}.txt`);
    await nums([1, 2, 3, 4], 3).foreachPartition((it) => {
      let n = 0;
      for (let x = it.next(); !x.done; x = it.next()) n++;
      appendFileSync(file2, `${n}\n`);
    });
    expect(readFileSync(file2, 'utf8').trim().split('\n').map(Number).sort()).toEqual([1, 1, 2]);
  });

  it('toLocalIterator runs one partition at a time', async () => {
    const before = sc().statusStore.jobs().length;
    const out: number[] = [];
    for await (const x of sc().range(0, 10, 1, 3).toLocalIterator()) out.push(x);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sc().statusStore.jobs().length - before).toBe(3);
  });

  it('actions on an empty RDD', async () => {
    const e = sc().emptyRDD<number>();
    expect(await e.collect()).toEqual([]);
    expect(await e.count()).toBe(0);
    expect(await e.take(3)).toEqual([]);
    expect(await e.top(3)).toEqual([]);
    expect(await e.fold(0, (a, b) => a + b)).toBe(0);
    expect(await e.countByValue()).toEqual(new Map());
    expect(await e.treeAggregate(1, (a, b) => a + b, (a, b) => a + b)).toBe(1);
  });
});
