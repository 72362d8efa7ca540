// Shuffle outputs and broadcasts live as long as something can use them (Spark's ContextCleaner): a shuffle while
// an RDD downstream of it is reachable, a broadcast while its handle is. After that the garbage collector's
// finalization frees them; before, a long session kept every query's shuffles and broadcast join sides.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '@kindling/core';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Collects until `done()` (finalization callbacks run after a collection, on a later turn of the event loop). */
async function collectUntil(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 50 && !done(); i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  return done();
}

let sc: Context;
beforeAll(() => {
  sc = new Context({ master: 'local[2]' });
});
afterAll(async () => {
  await sc.stop();
});

describe('the context cleaner', () => {
  it("frees a shuffle's map outputs once no RDD can read them, and keeps them while one can", async () => {
    const base = sc.memory.used;
    let kept: ReturnType<typeof sc.range> | null = sc.range(0, 200_000, 1, 4).map((x) => [x % 1000, x] as [number, number]).reduceByKey((a, b) => a + b) as never;
    expect(await kept!.count()).toBe(1000);
    const held = sc.memory.used;
    expect(held).toBeGreaterThan(base); // the map outputs, in memory
    // Still reachable: the outputs stay, and a second job reuses them.
    await collectUntil(() => false);
    expect(sc.memory.used).toBe(held);
    expect(await kept!.count()).toBe(1000);
    kept = null;
    expect(await collectUntil(() => sc.memory.used <= base)).toBe(true);
  });

  it("drops a broadcast's bytes once its handle is gone", async () => {
    // the engine's own module instance (the one '@kindling/core' resolves to), not a second copy from src
    const { broadcastShipment } = await import('../dist/shared/broadcast.js');
    const use = async () => {
      const b = sc.broadcast(Array.from({ length: 10_000 }, (_, i) => i));
      expect(await sc.parallelize([1, 2, 3], 3).map((x) => b.value[x]!).collect()).toEqual([1, 2, 3]);
      return b.id;
    };
    const id = await use();
    const shipped = () => 'bytes' in broadcastShipment(id);
    expect(shipped()).toBe(true);
    expect(await collectUntil(() => !shipped())).toBe(true);
  });

  it('keeps a broadcast that only an RDD still holds (its function captured the handle)', async () => {
    const define = () => {
      const b = sc.broadcast(Array.from({ length: 1000 }, (_, i) => i * 2));
      return sc.parallelize([1, 2, 3], 3).map((x) => b.value[x]!);
    };
    const rdd = define();
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await rdd.collect()).toEqual([2, 4, 6]);
  });
});
