import { describe, expect, it } from 'vitest';
import { contexts, MASTERS, sorted } from './helpers.js';

// Examples from the PySpark RDD documentation, plus edge cases, under every master.
const ctx = contexts();

describe.each(MASTERS)('transformations on %s', (master) => {
  const sc = () => ctx[master];

  it('map', async () => {
    expect(sorted(await sc().parallelize(['b', 'a', 'c']).map((x) => [x, 1]).collect())).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('flatMap', async () => {
    const r = sc().parallelize([2, 3, 4]).flatMap((x) => Array.from({ length: x - 1 }, (_, i) => i + 1));
    expect(sorted(await r.collect())).toEqual([1, 1, 1, 2, 2, 3]);
    expect(await sc().parallelize([2, 3, 4]).flatMap((x) => [[x, x], [x, x]]).collect()).toHaveLength(6);
  });

  it('flatMap accepts generators and skips null results', async () => {
    const r = sc().parallelize([1, 2, 3], 2).flatMap(function* (x) {
      for (let i = 0; i < x; i++) yield x;
    });
    expect(await r.collect()).toEqual([1, 2, 2, 3, 3, 3]);
  });

  it('filter', async () => {
    expect(await sc().parallelize([1, 2, 3, 4, 5]).filter((x) => x % 2 === 0).collect()).toEqual([2, 4]);
  });

  it('mapPartitions', async () => {
    const r = sc().parallelize([1, 2, 3, 4], 2).mapPartitions(function* (it) {
      let s = 0;
      for (let x = it.next(); !x.done; x = it.next()) s += x.value;
      yield s;
    });
    expect(await r.collect()).toEqual([3, 7]);
  });

  it('mapPartitions must return an iterable', async () => {
    const r = sc().parallelize([1, 2], 1).mapPartitions(() => 42 as unknown as number[]);
    await expect(r.collect()).rejects.toThrow(/must return an iterable/);
  });

  it('mapPartitionsWithIndex', async () => {
    const r = sc().parallelize([1, 2, 3, 4], 4).mapPartitionsWithIndex((i) => [i]);
    expect(await r.sum()).toBe(6);
  });

  it('glom, and empty partitions', async () => {
    expect(await sc().parallelize([1, 2, 3, 4], 2).glom().collect()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await sc().parallelize([1], 3).glom().collect()).toEqual([[], [], [1]]);
  });

  it('distinct', async () => {
    expect(sorted(await sc().parallelize([1, 1, 2, 3]).distinct().collect())).toEqual([1, 2, 3]);
    expect(sorted(await sc().parallelize([[1, 2], [1, 2], { a: 1, b: 2 }, { b: 2, a: 1 }], 3).distinct().collect())).toEqual([
      [1, 2],
      { a: 1, b: 2 },
    ]);
  });

  it('sample', async () => {
    const n = await sc().parallelize(Array.from({ length: 100 }, (_, i) => i), 4).sample(false, 0.1, 81).count();
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(20);
    const again = await sc().parallelize(Array.from({ length: 100 }, (_, i) => i), 4).sample(false, 0.1, 81).collect();
    expect(again).toHaveLength(n);
    const withRep = await sc().parallelize(Array.from({ length: 1000 }, (_, i) => i), 4).sample(true, 2, 7).count();
    expect(withRep).toBeGreaterThan(1700);
    expect(withRep).toBeLessThan(2300);
    expect(() => sc().parallelize([1]).sample(false, 1.5)).toThrow(/fraction/);
  });

  it('randomSplit gives disjoint, complete splits', async () => {
    const rdd = sc().parallelize(Array.from({ length: 500 }, (_, i) => i), 1);
    const [a, b] = rdd.randomSplit([2, 3], 17);
    const xa = await a!.collect();
    const xb = await b!.collect();
    expect(xa.length + xb.length).toBe(500);
    expect(sorted([...xa, ...xb])).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(xa.length).toBeGreaterThan(150);
    expect(xa.length).toBeLessThan(250);
  });

  it('union', async () => {
    const rdd = sc().parallelize([1, 1, 2, 3]);
    expect(await rdd.union(rdd).collect()).toEqual([1, 1, 2, 3, 1, 1, 2, 3]);
    expect(await sc().union([rdd, sc().emptyRDD<number>(), rdd]).count()).toBe(8);
  });

  it('intersection', async () => {
    const a = sc().parallelize([1, 10, 2, 3, 4, 5]);
    const b = sc().parallelize([1, 6, 2, 3, 7, 8]);
    expect(sorted(await a.intersection(b).collect())).toEqual([1, 2, 3]);
  });

  it('subtract keeps duplicates of the left side', async () => {
    const x = sc().parallelize([['a', 1], ['b', 4], ['b', 5], ['a', 3], ['b', 4]]);
    const y = sc().parallelize([['a', 3], ['c', null]]);
    expect(sorted(await x.subtract(y as any).collect())).toEqual([
      ['a', 1],
      ['b', 4],
      ['b', 4],
      ['b', 5],
    ]);
  });

  it('cartesian', async () => {
    const rdd = sc().parallelize([1, 2]);
    expect(sorted(await rdd.cartesian(rdd).collect())).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
    expect(rdd.cartesian(sc().parallelize([1, 2, 3], 3)).getNumPartitions()).toBe(rdd.getNumPartitions() * 3);
  });

  it('zip', async () => {
    const x = sc().range(0, 5, 1, 2);
    const y = sc().range(1000, 1005, 1, 2);
    expect(await x.zip(y).collect()).toEqual([
      [0, 1000],
      [1, 1001],
      [2, 1002],
      [3, 1003],
      [4, 1004],
    ]);
    await expect(sc().parallelize([1, 2, 3], 2).zip(sc().parallelize([1, 2], 2)).collect()).rejects.toThrow(/ZIP_UNEQUAL_PARTITIONS/);
    expect(() => sc().parallelize([1], 1).zip(sc().parallelize([1], 2)).getNumPartitions()).toThrow(/different numbers of partitions/);
  });

  it('zipWithIndex', async () => {
    expect(await sc().parallelize(['a', 'b', 'c', 'd'], 3).zipWithIndex().collect()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(await sc().parallelize([], 3).zipWithIndex().collect()).toEqual([]);
  });

  it('zipWithUniqueId', async () => {
    expect(await sc().parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithUniqueId().collect()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 4],
      ['d', 2],
      ['e', 5],
    ]);
  });

  it('groupBy', async () => {
    const r = await sc().parallelize([1, 1, 2, 3, 5, 8]).groupBy((x) => x % 2).collect();
    expect(sorted(r.map(([k, vs]) => [k, sorted(vs)]))).toEqual([
      [0, [2, 8]],
      [1, [1, 1, 3, 5]],
    ]);
  });

  it('keyBy', async () => {
    const x = sc().range(0, 3).keyBy((x) => x * x);
    expect(await x.collect()).toEqual([
      [0, 0],
      [1, 1],
      [4, 2],
    ]);
  });

  it('coalesce', async () => {
    expect(await sc().parallelize([1, 2, 3, 4, 5], 3).glom().collect()).toEqual([[1], [2, 3], [4, 5]]);
    expect(await sc().parallelize([1, 2, 3, 4, 5], 3).coalesce(1).glom().collect()).toEqual([[1, 2, 3, 4, 5]]);
    expect(sc().parallelize([1, 2], 2).coalesce(5).getNumPartitions()).toBe(2);
  });

  it('repartition', async () => {
    const rdd = sc().parallelize([1, 2, 3, 4, 5, 6, 7], 4);
    expect((await rdd.glom().collect()).length).toBe(4);
    const r2 = rdd.repartition(2);
    expect((await r2.glom().collect()).length).toBe(2);
    expect(sorted(await r2.collect())).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const big = await sc().range(0, 1000, 1, 3).repartition(10).glom().collect();
    expect(big).toHaveLength(10);
    for (const p of big) expect(p.length).toBeGreaterThan(80); // balanced
  });

  it('sortBy', async () => {
    const tmp: [string, number][] = [['a', 1], ['b', 2], ['1', 3], ['d', 4], ['2', 5]];
    expect(await sc().parallelize(tmp).sortBy((x) => x[0]).collect()).toEqual([
      ['1', 3],
      ['2', 5],
      ['a', 1],
      ['b', 2],
      ['d', 4],
    ]);
    expect(await sc().parallelize(tmp).sortBy((x) => x[1]).collect()).toEqual(tmp);
    expect(await sc().parallelize(tmp, 3).sortBy((x) => x[1], false, 2).collect()).toEqual([...tmp].reverse());
  });

  it('pipe', async () => {
    expect(await sc().parallelize(['1', '2', '', '3']).pipe('cat').collect()).toEqual(['1', '2', '', '3']);
    expect(await sc().parallelize(['b', 'a', 'c'], 1).pipe(['sort']).collect()).toEqual(['a', 'b', 'c']);
    expect(await sc().parallelize(['x'], 1).pipe("sh -c 'echo $GREETING'", { GREETING: 'hi' }).collect()).toEqual(['hi']);
    await expect(sc().parallelize(['x'], 1).pipe('false').collect()).rejects.toThrow(/exited with status 1/);
  });

  it('range', async () => {
    expect(await sc().range(5).collect()).toEqual([0, 1, 2, 3, 4]);
    expect(await sc().range(10, 0, -3, 2).collect()).toEqual([10, 7, 4, 1]);
    expect(await sc().range(0, 0).count()).toBe(0);
  });
});
