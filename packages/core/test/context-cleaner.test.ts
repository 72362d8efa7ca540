// Shuffle outputs and broadcasts live as long as something can use them (Spark's ContextCleaner): a shuffle while
// an RDD downstream of it is reachable, a broadcast while its handle is. After that the garbage collector's
// finalization frees them; before, a long session kept every query's shuffles and broadcast join sides.
// The checks need `gc()`, so they run in a Node process started with --expose-gc (V8's flags are not changed at
// run time inside the test runner's processes).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = `
import { Context } from '@kindling/core';
// the engine's own module instance (the one '@kindling/core' resolves to)
import { broadcastShipment } from '../dist/shared/broadcast.js';

/** Collects until done() (finalization callbacks run after a collection, on a later turn of the event loop). */
async function collectUntil(done) {
  for (let i = 0; i < 50 && !done(); i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  return done();
}

const sc = new Context({ master: 'local[2]' });
const out = {};

// a shuffle: kept while its RDD is reachable (a second job reuses it), freed after
const base = sc.memory.used;
let kept = sc.range(0, 200_000, 1, 4).map((x) => [x % 1000, x]).reduceByKey((a, b) => a + b);
out.count = await kept.count();
const held = sc.memory.used;
out.heldMore = held > base;
await collectUntil(() => false);
out.stillHeld = sc.memory.used === held;
out.again = await kept.count();
kept = null;
out.freed = await collectUntil(() => sc.memory.used <= base);

// a broadcast: dropped once its handle is gone
const use = async () => {
  const b = sc.broadcast(Array.from({ length: 10_000 }, (_, i) => i));
  out.values = await sc.parallelize([1, 2, 3], 3).map((x) => b.value[x]).collect();
  return b.id;
};
const id = await use();
const shipped = () => 'bytes' in broadcastShipment(id);
out.shippedWhileHeld = shipped();
out.dropped = await collectUntil(() => !shipped());

// a broadcast only an RDD's function still holds is kept for it
const define = () => {
  const b = sc.broadcast(Array.from({ length: 1000 }, (_, i) => i * 2));
  return sc.parallelize([1, 2, 3], 3).map((x) => b.value[x]);
};
const rdd = define();
await collectUntil(() => false);
out.throughRdd = await rdd.collect();

await sc.stop();
console.log(JSON.stringify(out));
`;

describe('the context cleaner', () => {
  it('frees shuffle outputs and broadcasts once nothing can use them, and keeps them while something can', () => {
    const stdout = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
      count: 1000,
      heldMore: true, // the map outputs, in memory
      stillHeld: true,
      again: 1000,
      freed: true,
      values: [1, 2, 3],
      shippedWhileHeld: true,
      dropped: true,
      throughRdd: [2, 4, 6],
    });
  });
});
