import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type RDD } from '@kindling/core';

// The same input, seed and partition counts give the same output, in the same order, on every master.
const masters = ['local', 'local[2]', 'local[8]'];
const scs: Context[] = [];
beforeAll(() => {
  for (const m of masters) scs.push(new Context({ master: m }));
});
afterAll(async () => {
  for (const sc of scs) await sc.stop();
});

const pipelines: Record<string, (sc: Context) => RDD<unknown>> = {
  wordCount: (sc) =>
    sc
      .parallelize(Array.from({ length: 3000 }, (_, i) => `w${i % 97} w${(i * 13) % 41} W${i % 5}`), 6)
      .flatMap((l) => l.split(' '))
      .map((w) => [w.toLowerCase(), 1] as [string, number])
      .reduceByKey((a, b) => a + b, 4),
  groupSortJoin: (sc) => {
    const a = sc.range(0, 2000, 1, 5).map((x) => [[x % 17, x % 3], x] as [number[], number]);
    const b = sc.range(0, 300, 1, 3).map((x) => [[x % 17, x % 3], -x] as [number[], number]);
    return a.groupByKey(3).mapValues((vs) => vs.length).join(b, 4).sortByKey(false, 3);
  },
  sampling: (sc) => sc.range(0, 5000, 1, 7).sample(false, 0.3, 99).repartition(5).zipWithIndex(),
  distinctUnion: (sc) => sc.range(0, 1000, 1, 4).map((x) => x % 123).union(sc.range(50, 300, 1, 2)).distinct(6),
  split: (sc) => sc.range(0, 1000, 1, 4).randomSplit([1, 2, 3], 5)[1]!,
};

describe('determinism across masters', () => {
  for (const [name, build] of Object.entries(pipelines)) {
    it(name, async () => {
      const results = await Promise.all(scs.map((sc) => build(sc).collect()));
      expect(results[0]!.length).toBeGreaterThan(0);
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });
  }
});
