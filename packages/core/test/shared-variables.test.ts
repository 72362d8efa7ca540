import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AccumulatorV2,
  broadcastDeserializations,
  ClosureError,
  LongAccumulator,
  type Context,
  type StageInfo,
} from '@kindling/core';
import {
  handlesOf,
  loadFunction,
  registerHandleLoader,
  SHIP_HANDLE,
  shipFunction,
  type HandleRef,
} from '../src/closure/index.js';
import { contexts, MASTERS, sorted, tempDir } from './helpers.js';

const ctx = contexts();
const tmp = tempDir('kindling-shared-');
afterAll(() => tmp.cleanup());

/** The largest value added. State: one plain field; copy and merge run on the driver only. */
class MaxAccumulator extends AccumulatorV2<number, number> {
  max = -Infinity;
  isZero(): boolean {
    return this.max === -Infinity;
  }
  copy(): MaxAccumulator {
    const c = new MaxAccumulator();
    c.max = this.max;
    return c;
  }
  reset(): void {
    this.max = -Infinity;
  }
  add(v: number): void {
    if (v > this.max) this.max = v;
  }
  merge(other: AccumulatorV2<number, number>): void {
    this.add((other as MaxAccumulator).max);
  }
  get value(): number {
    return this.max;
  }
}

/** Distinct strings, in a Set: state that is not a primitive. */
class DistinctAccumulator extends AccumulatorV2<string, string[]> {
  items = new Set<string>();
  isZero(): boolean {
    return this.items.size === 0;
  }
  copy(): DistinctAccumulator {
    const c = new DistinctAccumulator();
    c.items = new Set(this.items);
    return c;
  }
  reset(): void {
    this.items = new Set();
  }
  add(v: string): void {
    this.items.add(v);
  }
  merge(other: AccumulatorV2<string, string[]>): void {
    for (const v of (other as DistinctAccumulator).items) this.items.add(v);
  }
  get value(): string[] {
    return [...this.items].sort();
  }
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function thrown(f: () => unknown): any {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

function lastJobStages(sc: Context): StageInfo[] {
  return sc.statusStore.stagesOfJob(sc.statusStore.lastJob()!.jobId);
}

describe.each(MASTERS)('broadcast variables on %s', (master) => {
  const sc = () => ctx[master];
  const threads = master === 'local' ? 1 : 2;

  it('a broadcast lookup table used in map', async () => {
    const names = new Map([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    const table = sc().broadcast(names);
    const codes = sc().broadcast({ one: 'I', two: 'II', three: 'III' } as Record<string, string>);
    expect(table.value).toBe(names); // the driver reads the object it broadcast
    expect(typeof table.id).toBe('number');
    expect(codes.id).not.toBe(table.id);
    const r = await sc()
      .parallelize([1, 2, 3, 2, 1], 3)
      .map((x) => table.value.get(x)!)
      .map((name) => `${name}=${codes.value[name]}`)
      .collect();
    expect(r).toEqual(['one=I', 'two=II', 'three=III', 'two=II', 'one=I']);
  });

  it('is deserialized at most once per thread, however many tasks read it', async () => {
    const big = sc().broadcast({ squares: Array.from({ length: 20_000 }, (_, i) => i * i) });
    const rdd = sc()
      .parallelize(Array.from({ length: 80 }, (_, i) => i), 8)
      .map((i) => big.value.squares[i]! + big.value.squares.length);
    expect(await rdd.collect()).toEqual(Array.from({ length: 80 }, (_, i) => i * i + 20_000));
    expect(lastJobStages(sc())[0]!.tasks.filter((t) => t.status === 'succeeded')).toHaveLength(8);

    const loads = broadcastDeserializations(big);
    const loadThreads = new Set(loads.map((l) => l.threadId));
    expect(loads.length).toBeGreaterThanOrEqual(1);
    expect(loads.length).toBe(loadThreads.size); // never twice on one thread
    expect(loads.length).toBeLessThanOrEqual(threads); // 8 tasks, but one copy per thread
    if (master === 'local') expect([...loadThreads]).toEqual([0]); // the driver's thread runs the tasks

    // A second job reuses the copies the threads already hold.
    expect(await rdd.map((x) => x + 1).collect()).toHaveLength(80);
    expect(broadcastDeserializations(big)).toHaveLength(loads.length);
  });

  it('unpersist drops the threads\' copies; the next use ships it again', async () => {
    const b = sc().broadcast([10, 20, 30]);
    const rdd = sc()
      .parallelize([0, 1, 2, 0], 4)
      .map((i) => b.value[i]);
    expect(await rdd.collect()).toEqual([10, 20, 30, 10]);
    const before = broadcastDeserializations(b).length;
    expect(before).toBeGreaterThanOrEqual(1);

    b.unpersist();
    expect(b.value).toEqual([10, 20, 30]); // the driver keeps the value
    expect(await rdd.collect()).toEqual([10, 20, 30, 10]);
    const after = broadcastDeserializations(b).length;
    expect(after).toBeGreaterThan(before); // deserialized again after unpersist
    expect(after - before).toBeLessThanOrEqual(threads);

    // And it can be unpersisted and used again any number of times.
    b.unpersist();
    expect(await sc().parallelize([2], 1).map((i) => b.value[i]).collect()).toEqual([30]);
  });

  it('destroy: any later use fails with BROADCAST_DESTROYED, on the driver and in tasks', async () => {
    const b = sc().broadcast({ offset: 100 });
    const shifted = sc()
      .parallelize([1, 2], 1)
      .map((x) => x + b.value.offset);
    expect(await shifted.collect()).toEqual([101, 102]);

    b.destroy();
    b.destroy(); // destroying twice is harmless
    const onDriver = thrown(() => b.value);
    expect(onDriver.code).toBe('BROADCAST_DESTROYED');
    expect(onDriver.message).toMatch(/Broadcast\(\d+\) after it was destroyed \(destroy at shared-variables\.test\.ts:\d+\)/);
    expect(thrown(() => b.unpersist()).code).toBe('BROADCAST_DESTROYED');

    // A transformation defined before destroy(): its task fails, without retrying (the error is deterministic).
    const inTask = await rejection(shifted.collect());
    expect(inTask.code).toBe('JOB_FAILED');
    expect(inTask.cause.code).toBe('BROADCAST_DESTROYED');
    expect(inTask.message).toMatch(/after it was destroyed/);
    expect(lastJobStages(sc())[0]!.tasks).toHaveLength(1);

    // A transformation defined after destroy() fails when it is defined, naming the variable.
    const atDefinition = thrown(() => sc().parallelize([1]).map((x) => x + b.value.offset));
    expect(atDefinition).toBeInstanceOf(ClosureError);
    expect(atDefinition.code).toBe('BROADCAST_DESTROYED');
    expect(atDefinition.message).toMatch(/captures `b`/);
  });

  it('a value that v8.serialize cannot copy is refused when broadcast', () => {
    const e = thrown(() => sc().broadcast({ f: () => 1 }));
    expect(e.code).toBe('BROADCAST_NOT_SERIALIZABLE');
  });
});

describe.each(MASTERS)('accumulators on %s', (master) => {
  const sc = () => ctx[master];

  it('long, double and collection accumulators in foreach', async () => {
    const total = sc().longAccumulator('total');
    const half = sc().doubleAccumulator('half');
    const odd = sc().collectionAccumulator<number>('odd');
    await sc()
      .parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)
      .foreach((x) => {
        total.add(x);
        half.add(x / 2);
        if (x % 2 === 1) odd.add(x);
      });
    expect(total.value).toBe(55);
    expect(total.sum).toBe(55);
    expect(total.count).toBe(10);
    expect(total.avg).toBe(5.5);
    expect(total.name).toBe('total');
    expect(total.isRegistered).toBe(true);
    expect(String(total)).toMatch(/^LongAccumulator\(id: \d+, name: total, value: 55\)$/);
    expect(half.value).toBe(27.5);
    expect(half.count).toBe(10);
    expect(sorted(odd.value)).toEqual([1, 3, 5, 7, 9]);

    // A second action adds to the same accumulators.
    await sc().parallelize([100], 1).foreach((x) => total.add(x));
    expect(total.value).toBe(155);
    expect(total.count).toBe(11);
  });

  it('custom accumulators (AccumulatorV2 subclasses) registered with context.register', async () => {
    const max = new MaxAccumulator();
    const words = new DistinctAccumulator();
    sc().register(max, 'max');
    sc().register(words);
    expect(max.name).toBe('max');
    expect(words.name).toBeUndefined();
    await sc()
      .parallelize(['b', 'a', 'c', 'a', 'b'], 3)
      .foreach((w) => {
        words.add(w);
        max.add(w.charCodeAt(0));
      });
    expect(max.value).toBe('c'.charCodeAt(0));
    expect(words.value).toEqual(['a', 'b', 'c']);
    expect(max).toBeInstanceOf(MaxAccumulator); // the driver's object is the program's own
  });

  it('in map followed by an action; inside a task `value` is the task\'s own', async () => {
    const seen = sc().longAccumulator();
    const sums = sc()
      .parallelize([1, 2, 3, 4], 2)
      .map((x) => {
        seen.add(x);
        return seen.value; // the running total of this task only
      });
    expect(seen.value).toBe(0); // transformations are lazy
    expect(await sums.collect()).toEqual([1, 3, 3, 7]);
    expect(seen.value).toBe(10);
  });

  it('in a map stage before a shuffle', async () => {
    const records = sc().longAccumulator();
    const counts = await sc()
      .parallelize(['a', 'b', 'a', 'c', 'a'], 3)
      .map((w) => {
        records.add(1);
        return [w, 1] as [string, number];
      })
      .reduceByKey((a, b) => a + b, 2)
      .collect();
    expect(sorted(counts)).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    expect(records.value).toBe(5);
  });

  it('a task that fails on its first attempt is retried and its updates count once', async () => {
    const acc = sc().longAccumulator();
    const marker = join(tmp.path, `${master}-result-stage`);
    await sc()
      .parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4)
      .foreach((x) => {
        acc.add(x);
        // The partition holding 7 and 8 fails after adding both, the first time only.
        if (x === 8 && !existsSync(marker)) {
          writeFileSync(marker, '');
          throw new Error('first attempt fails');
        }
      });
    expect(acc.value).toBe(36); // not 51: the failed attempt's 7 + 8 were dropped
    expect(acc.count).toBe(8);
    const tasks = lastJobStages(sc())[0]!.tasks;
    expect(tasks.filter((t) => t.status === 'failed')).toHaveLength(1);
    expect(tasks.filter((t) => t.status === 'succeeded')).toHaveLength(4);

    // The same in a shuffle map stage.
    const mapped = sc().longAccumulator();
    const mapMarker = join(tmp.path, `${master}-map-stage`);
    const r = await sc()
      .parallelize([1, 2, 3, 4, 5, 6], 3)
      .map((x) => {
        mapped.add(1);
        if (x === 6 && !existsSync(mapMarker)) {
          writeFileSync(mapMarker, '');
          throw new Error('first attempt fails');
        }
        return [x % 2, x] as [number, number];
      })
      .reduceByKey((a, b) => a + b)
      .collect();
    expect(sorted(r)).toEqual([
      [0, 12],
      [1, 9],
    ]);
    expect(mapped.value).toBe(6);
  });

  it('updates in a transformation count again when its RDD is computed again (Spark\'s caveat)', async () => {
    const acc = sc().longAccumulator();
    const rdd = sc()
      .parallelize([1, 2, 3, 4], 2)
      .map((x) => {
        acc.add(1);
        return x;
      });
    expect(await rdd.count()).toBe(4);
    expect(acc.value).toBe(4);
    // A second action recomputes the map: its updates are applied again. Only actions count exactly once.
    expect(await rdd.collect()).toEqual([1, 2, 3, 4]);
    expect(acc.value).toBe(8);
  });

  it('a failed job keeps the updates of the tasks that succeeded, never those of failed attempts', async () => {
    const acc = sc().longAccumulator();
    const e = await rejection(
      sc()
        .parallelize([1, 2], 2)
        .foreach((x) => {
          acc.add(10);
          if (x === 2) throw new Error('always fails');
        }),
    );
    expect(e.code).toBe('JOB_FAILED');
    expect(acc.value === 0 || acc.value === 10).toBe(true); // partition 0's update if it finished; never 20+
  });

  it('misuse fails with typed errors', async () => {
    const loose = new LongAccumulator();
    const notRegistered = thrown(() => sc().parallelize([1]).map((x) => loose.add(x)));
    expect(notRegistered).toBeInstanceOf(ClosureError);
    expect(notRegistered.code).toBe('ACCUMULATOR_NOT_REGISTERED');
    expect(notRegistered.message).toMatch(/captures `loose`/);

    const acc = sc().longAccumulator();
    expect(thrown(() => sc().register(acc)).code).toBe('ACCUMULATOR_ALREADY_REGISTERED');
    expect(thrown(() => acc.add(1.5)).code).toBe('INVALID_ACCUMULATOR_VALUE');
    const inTask = await rejection(sc().parallelize([0.5], 1).foreach((x) => acc.add(x)));
    expect(inTask.cause.code).toBe('INVALID_ACCUMULATOR_VALUE');
    expect(acc.value).toBe(0);
  });

  it('a broadcast and an accumulator together', async () => {
    const stop = sc().broadcast(new Set(['the', 'a']));
    const dropped = sc().longAccumulator('stop words');
    const words = await sc()
      .parallelize(['the cat', 'a dog', 'the end'], 2)
      .flatMap((line) => line.split(' '))
      .filter((w) => {
        if (!stop.value.has(w)) return true;
        dropped.add(1);
        return false;
      })
      .collect();
    expect(words).toEqual(['cat', 'dog', 'end']);
    expect(dropped.value).toBe(3);
  });
});

describe('engine handles (closure protocol)', () => {
  class Counter {
    constructor(readonly start: number) {}
    [SHIP_HANDLE](): HandleRef {
      return { kind: 'test.counter', data: { start: this.start } };
    }
  }
  registerHandleLoader('test.counter', (data) => ({ rebuilt: (data as { start: number }).start }));

  it('a class instance with a SHIP_HANDLE method ships as plain data and is rebuilt by its loader', () => {
    const counter = new Counter(7);
    const pair = { a: counter, b: counter };
    const shipped = shipFunction(() => [counter, pair], 'map');
    expect(handlesOf(shipped).map((h) => h.kind)).toEqual(['test.counter']);
    const [loaded, loadedPair] = (loadFunction(shipped) as () => [unknown, { a: unknown; b: unknown }])();
    expect(loaded).toEqual({ rebuilt: 7 });
    expect(loadedPair.a).toBe(loaded); // one handle, loaded once, shared
    expect(loadedPair.b).toBe(loaded);
  });

  it('an error thrown by SHIP_HANDLE keeps its code and names the variable', () => {
    const broken = {
      [SHIP_HANDLE](): HandleRef {
        throw Object.assign(new Error('[SOME_CODE] not now'), { code: 'SOME_CODE' });
      },
    };
    const e = thrown(() => shipFunction(() => broken, 'filter'));
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('SOME_CODE');
    expect(e.message).toMatch(/captures `broken`, and `broken` cannot be shipped: not now/);
  });

  it('a handle kind without a loader fails to load with CLOSURE_LOAD_FAILED', () => {
    const orphan = { [SHIP_HANDLE]: (): HandleRef => ({ kind: 'test.nobody', data: null }) };
    const shipped = shipFunction(() => orphan, 'map');
    expect(thrown(() => loadFunction(shipped)).code).toBe('CLOSURE_LOAD_FAILED');
  });
});

describe('closure errors', () => {
  it('name the broadcast API as a fix', () => {
    class Client {
      get(x: number) {
        return x;
      }
    }
    const client = new Client();
    const e = thrown(() => ctx.local.parallelize([1]).map((x) => client.get(x)));
    expect(e.code).toBe('CLOSURE_UNSHIPPABLE_CAPTURE');
    expect(e.message).toContain('const b = sc.broadcast(value)');
    expect(e.message).toContain('`b.value`');
  });
});
