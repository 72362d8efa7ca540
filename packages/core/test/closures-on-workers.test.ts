import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ClosureError, moduleFunction } from '@kindling/core';
import { contexts, MASTERS } from './helpers.js';

const ctx = contexts();
const MODULE = new URL('./fixtures/closure-module.mjs', import.meta.url);

describe.each(MASTERS)('closures shipped to tasks on %s', (master) => {
  const sc = () => ctx[master];

  it('captured primitives, arrays, objects, Map, Set, Date and typed arrays', async () => {
    const k = 3;
    const names = ['zero', 'one', 'two'];
    const config = { offset: 10, nested: { scale: 2 } };
    const lookup = new Map([[1, 'uno']]);
    const allowed = new Set([0, 1]);
    const epoch = new Date(Date.UTC(2020, 0, 1));
    const weights = new Float64Array([0.5, 1.5, 2.5]);
    const r = await sc()
      .parallelize([0, 1, 2], 3)
      .map((x) => ({
        times: x * k,
        name: names[x],
        shifted: (x + config.offset) * config.nested.scale,
        spanish: lookup.get(x) ?? null,
        allowed: allowed.has(x),
        year: epoch.getUTCFullYear() + x,
        weight: weights[x],
      }))
      .collect();
    expect(r).toEqual([
      { times: 0, name: 'zero', shifted: 20, spanish: null, allowed: true, year: 2020, weight: 0.5 },
      { times: 3, name: 'one', shifted: 22, spanish: 'uno', allowed: true, year: 2021, weight: 1.5 },
      { times: 6, name: 'two', shifted: 24, spanish: null, allowed: false, year: 2022, weight: 2.5 },
    ]);
  });

  it('captured helper functions, recursively, and self-recursion', async () => {
    const square = (x: number) => x * x;
    const sumOfSquares = (xs: number[]) => xs.reduce((a, x) => a + square(x), 0);
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    const ops = { inc: (x: number) => x + 1 };
    const r = await sc().parallelize([1, 2, 3], 2).map((x) => [sumOfSquares([x, x]), fact(x), ops.inc(x)]).collect();
    expect(r).toEqual([
      [2, 1, 2],
      [8, 2, 3],
      [18, 6, 4],
    ]);
  });

  it('well-known built-ins passed directly', async () => {
    expect(await sc().parallelize([1, 4, 9]).map(Math.sqrt).collect()).toEqual([1, 2, 3]);
    expect(await sc().parallelize([1, 0, 2]).filter(Boolean).map(String).collect()).toEqual(['1', '2']);
  });

  it('module functions are imported by each worker by URL and name', async () => {
    const triple = await moduleFunction<(x: number) => number>(MODULE, 'triple');
    const square = await moduleFunction<(x: number) => number>(MODULE, 'square');
    expect(await sc().parallelize([1, 2, 3], 3).map(triple).collect()).toEqual([3, 6, 9]);
    expect(await sc().parallelize([1, 2, 3], 2).map((x) => square(x) + 1).collect()).toEqual([2, 5, 10]);
  });

  it('an unshippable capture fails when the transformation is defined, naming the variable', () => {
    const socket = new Socket();
    const rdd = sc().parallelize([1, 2]);
    let err: unknown;
    try {
      rdd.map((x) => (socket.destroyed ? x : -x));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClosureError);
    expect((err as ClosureError).code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect((err as Error).message).toMatch(/`socket`/);
    expect((err as Error).message).toMatch(/Socket/);
    expect((err as Error).message).toMatch(/line \d+, column \d+/);
    expect((err as Error).message).toMatch(/broadcast|moduleFunction/);
    socket.destroy();
  });

  it('nested unshippable values are named by path, and reduceByKey fails early too', () => {
    class Client {
      send() {}
    }
    const config = { retries: 3, client: new Client() };
    expect(() => sc().parallelize([[1, 1]] as [number, number][]).reduceByKey((a, b) => (config.client ? a + b : a))).toThrow(
      /config\.client/,
    );
  });

  it('an arrow that uses `this` fails early with a fix', () => {
    const holder = {
      factor: 2,
      build(rdd: ReturnType<typeof sc>['parallelize'] extends (...a: any) => infer R ? R : never) {
        return rdd.map((x: any) => x * this.factor);
      },
    };
    expect(() => holder.build(sc().parallelize([1]) as any)).toThrow(/CLOSURE_USES_THIS/);
  });
});
