import { describe, expect, it } from 'vitest';
import { HashPartitioner } from '@kindling/core';
import { contexts, MASTERS, sorted } from './helpers.js';

const ctx = contexts();

describe.each(MASTERS)('pair operations on %s', (master) => {
  const sc = () => ctx[master];
  const abc = () => sc().parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 1]]);

  it('reduceByKey', async () => {
    expect(sorted(await abc().reduceByKey((a, b) => a + b).collect())).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(await sc().emptyRDD<[string, number]>().reduceByKey((a, b) => a + b).collect()).toEqual([]);
  });

  it('foldByKey copies the zero value for each key', async () => {
    expect(sorted(await abc().foldByKey(0, (a, b) => a + b).collect())).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    const lists = await abc()
      .mapValues((v) => [v])
      .foldByKey([] as number[], (a, b) => {
        a.push(...b);
        return a;
      }, 1)
      .collect();
    expect(sorted(lists)).toEqual([
      ['a', [1, 1]],
      ['b', [1]],
    ]);
  });

  it('aggregateByKey (sum and count, then divide)', async () => {
    const r = await sc()
      .parallelize<[string, number]>([['a', 1], ['b', 10], ['a', 3], ['b', 20], ['c', 5]], 3)
      .aggregateByKey(
        [0, 0] as [number, number],
        (acc, v) => [acc[0] + v, acc[1] + 1],
        (a, b) => [a[0] + b[0], a[1] + b[1]],
      )
      .mapValues(([s, c]) => s / c)
      .collect();
    expect(sorted(r)).toEqual([
      ['a', 2],
      ['b', 15],
      ['c', 5],
    ]);
  });

  it('combineByKey', async () => {
    const r = await sc()
      .parallelize<[string, number]>([['a', 1], ['b', 1], ['a', 2]])
      .combineByKey(
        (v) => [v],
        (c, v) => [...c, v],
        (a, b) => [...a, ...b],
      )
      .collect();
    expect(sorted(r.map(([k, vs]) => [k, sorted(vs)]))).toEqual([
      ['a', [1, 2]],
      ['b', [1]],
    ]);
  });

  it('groupByKey', async () => {
    const r = await abc().groupByKey().mapValues((vs) => vs.length).collect();
    expect(sorted(r)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('keys compare by value: arrays, objects, dates, bigints, null', async () => {
    const d = (s: string) => new Date(s);
    const pairs: [unknown, number][] = [
      [[1, 'x'], 1],
      [[1, 'x'], 2],
      [{ a: 1, b: [2] }, 3],
      [{ b: [2], a: 1 }, 4],
      [d('2020-01-01'), 5],
      [d('2020-01-01'), 6],
      [10n ** 20n, 7],
      [10n ** 20n, 8],
      [null, 9],
      [null, 10],
      [-0, 11],
      [0, 12],
      [NaN, 13],
      [NaN, 14],
      ['1', 15],
      [1, 16],
    ];
    const r = await sc().parallelize(pairs, 4).reduceByKey((a, b) => a + b, 3).collect();
    expect(r).toHaveLength(9);
    const byKey = new Map(r.map(([k, v]) => [JSON.stringify(k, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)), v]));
    expect(byKey.get('[1,"x"]')).toBe(3);
    expect(byKey.get('{"a":1,"b":[2]}') ?? byKey.get('{"b":[2],"a":1}')).toBe(7);
    expect(byKey.get('"2020-01-01T00:00:00.000Z"')).toBe(11);
    expect(byKey.get('"100000000000000000000n"')).toBe(15);
    expect(r.find(([k]) => k === null)![1]).toBe(19);
    expect(r.find(([k]) => Number.isNaN(k))![1]).toBe(27);
    expect(byKey.get('0')).toBe(23);
    expect(byKey.get('"1"')).toBe(15);
    expect(byKey.get('1')).toBe(16);
  });

  it('unhashable keys fail with a clear error', async () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const rdd = sc().parallelize([1, 2], 2).map((x) => [new Map([[x, x]]), x] as [unknown, number]);
    await expect(rdd.groupByKey(2).collect()).rejects.toThrow(/KEY_NOT_COMPARABLE|cannot be compared by value/);
    void Point;
  });

  it('sortByKey', async () => {
    const tmp: [string, number][] = [['a', 1], ['b', 2], ['1', 3], ['d', 4], ['2', 5]];
    expect(await sc().parallelize(tmp).sortByKey().first()).toEqual(['1', 3]);
    const want = [['1', 3], ['2', 5], ['a', 1], ['b', 2], ['d', 4]];
    expect(await sc().parallelize(tmp).sortByKey(true, 1).collect()).toEqual(want);
    expect(await sc().parallelize(tmp).sortByKey(true, 2).collect()).toEqual(want);
    expect(await sc().parallelize(tmp, 3).sortByKey(false, 3).collect()).toEqual([...want].reverse());
    const words = 'Mary had a little lamb whose fleece was white as snow'.split(' ');
    const tmp2 = words.slice(0, 9).map((w, i) => [w, i + 1] as [string, number]);
    expect(await sc().parallelize(tmp2, 3).sortByKey(true, 3, (k) => k.toLowerCase()).collect()).toEqual([
      ['a', 3],
      ['fleece', 7],
      ['had', 2],
      ['lamb', 5],
      ['little', 4],
      ['Mary', 1],
      ['was', 8],
      ['white', 9],
      ['whose', 6],
    ]);
  });

  it('sortByKey sorts globally across partitions, with ties and mixed kinds', async () => {
    const xs = Array.from({ length: 2000 }, (_, i) => [(i * 7919) % 503, i] as [number, number]);
    const r = await sc().parallelize(xs, 5).sortByKey(true, 4).keys().collect();
    expect(r).toEqual(xs.map((x) => x[0]).sort((a, b) => a - b));
    const parts = await sc().parallelize(xs, 5).sortByKey(true, 4).glom().collect();
    expect(parts.filter((p) => p.length > 0).length).toBeGreaterThan(2);
    const mixed = await sc().parallelize<[unknown, number]>([['b', 1], [2, 2], [null, 3], [[1], 4], [1, 5], ['a', 6]], 2).sortByKey().keys().collect();
    expect(mixed).toEqual([null, 1, 2, 'a', 'b', [1]]);
  });

  it('partitionBy puts each key in exactly one partition', async () => {
    const pairs = sc().parallelize([1, 2, 3, 4, 2, 4, 1]).map((x) => [x, x] as [number, number]);
    const sets = await pairs.partitionBy(2).glom().collect();
    expect(sets).toHaveLength(2);
    const keys0 = new Set(sets[0]!.map((kv) => kv[0]));
    expect(sets[1]!.some((kv) => keys0.has(kv[0]))).toBe(false);
    const byFn = await pairs.partitionBy(2, (k) => k % 2).glom().collect();
    expect(sorted(byFn[0]!.map((kv) => kv[0]))).toEqual([2, 2, 4, 4]);
    const p = pairs.partitionBy(3);
    expect(p.partitionBy(3)).toBe(p);
    expect(p.partitioner?.equals(new HashPartitioner(3))).toBe(true);
  });

  it('joins', async () => {
    const x = sc().parallelize<[string, number]>([['a', 1], ['b', 4]]);
    const y = sc().parallelize<[string, number]>([['a', 2], ['a', 3]]);
    expect(sorted(await x.join(y).collect())).toEqual([
      ['a', [1, 2]],
      ['a', [1, 3]],
    ]);
    expect(sorted(await x.leftOuterJoin(y).collect())).toEqual([
      ['a', [1, 2]],
      ['a', [1, 3]],
      ['b', [4, null]],
    ]);
    expect(sorted(await y.rightOuterJoin(x).collect())).toEqual([
      ['a', [2, 1]],
      ['a', [3, 1]],
      ['b', [null, 4]],
    ]);
    const z = sc().parallelize<[string, number]>([['a', 2], ['c', 8]]);
    expect(sorted(await x.fullOuterJoin(z).collect())).toEqual([
      ['a', [1, 2]],
      ['b', [4, null]],
      ['c', [null, 8]],
    ]);
    expect(await x.join(sc().emptyRDD<[string, number]>()).collect()).toEqual([]);
  });

  it('cogroup and groupWith', async () => {
    const x = sc().parallelize<[string, number]>([['a', 1], ['b', 4]]);
    const y = sc().parallelize<[string, number]>([['a', 2]]);
    expect(sorted(await x.cogroup(y).collect())).toEqual([
      ['a', [[1], [2]]],
      ['b', [[4], []]],
    ]);
    const w = sc().parallelize<[string, number]>([['b', 42]]);
    expect(sorted(await x.groupWith(y, w).collect())).toEqual([
      ['a', [[1], [2], []]],
      ['b', [[4], [], [42]]],
    ]);
  });

  it('subtractByKey', async () => {
    const x = sc().parallelize<[string, number]>([['a', 1], ['b', 4], ['b', 5], ['a', 2]]);
    const y = sc().parallelize<[string, unknown]>([['a', 3], ['c', null]]);
    expect(sorted(await x.subtractByKey(y).collect())).toEqual([
      ['b', 4],
      ['b', 5],
    ]);
  });

  it('mapValues, flatMapValues, keys, values', async () => {
    const x = sc().parallelize<[string, string[]]>([['a', ['apple', 'banana', 'lemon']], ['b', ['grapes']]]);
    expect(await x.mapValues((v) => v.length).collect()).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    const y = sc().parallelize<[string, string[]]>([['a', ['x', 'y', 'z']], ['b', ['p', 'r']]]);
    expect(await y.flatMapValues((v) => v).collect()).toEqual([
      ['a', 'x'],
      ['a', 'y'],
      ['a', 'z'],
      ['b', 'p'],
      ['b', 'r'],
    ]);
    expect(await sc().parallelize([[1, 2], [3, 4]] as [number, number][]).keys().collect()).toEqual([1, 3]);
    expect(await sc().parallelize([[1, 2], [3, 4]] as [number, number][]).values().collect()).toEqual([2, 4]);
  });

  it('repartitionAndSortWithinPartitions', async () => {
    const rdd = sc().parallelize<[number, number]>([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]]);
    expect(await rdd.repartitionAndSortWithinPartitions(2, (x) => x % 2, true).glom().collect()).toEqual([
      [[0, 5], [0, 8], [2, 6]],
      [[1, 3], [3, 8], [3, 8]],
    ]);
  });

  it('lookup', async () => {
    const l = Array.from({ length: 1000 }, (_, i) => [i, i] as [number, number]);
    const rdd = sc().parallelize(l, 10);
    expect(await rdd.lookup(42)).toEqual([42]);
    const s = rdd.sortByKey();
    expect(await s.lookup(42)).toEqual([42]);
    expect(await s.lookup(1024)).toEqual([]);
    const g = sc().parallelize<[[string, string], string]>([[['a', 'b'], 'c']]).groupByKey();
    expect((await g.lookup(['a', 'b']))[0]).toEqual(['c']);
    const byHash = rdd.partitionBy(7);
    expect(await byHash.lookup(99)).toEqual([99]);
  });

  it('countByKey and collectAsMap', async () => {
    expect(await abc().countByKey()).toEqual(new Map([['a', 2], ['b', 1]]));
    expect(await sc().parallelize<[number, number]>([[1, 2], [3, 4], [1, 5]]).collectAsMap()).toEqual(new Map([[1, 5], [3, 4]]));
  });
});
