import { iterateRecords, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';
import { partitionSeed, Random } from '../../util/random.js';
import type { LiveNode, TaskContext } from '../live-node.js';
import type { Partition } from '../../lineage/partition.js';

/** Tags elements with target partitions round-robin from a seeded start (repartition), as Spark does. */
function* distribute(input: Iterable<unknown>, index: number, n: number): Generator<[number, unknown]> {
  let position = new Random(partitionSeed(0x5eed, index)).nextInt(n);
  for (const x of input) {
    yield [position, x];
    position = (position + 1) % n;
  }
}

function run(node: LiveNode, split: Partition, tc: TaskContext): Iterable<unknown> {
  const input = iterateRecords(parentOf(node), split, tc);
  const p = node.params as {
    mode: 'fn' | 'withIndex' | 'glom' | 'distribute' | 'fold';
    fn?: (...a: any[]) => any;
    numPartitions?: number;
    zero?: unknown;
  };
  if (p.mode === 'glom') return [Array.from(input)];
  if (p.mode === 'distribute') return distribute(input, split.index, p.numPartitions!);
  if (p.mode === 'fold') {
    let acc = structuredClone(p.zero);
    for (const x of input) acc = p.fn!(acc, x);
    return [acc];
  }
  const it = (input as any)[Symbol.iterator]();
  const out = p.mode === 'withIndex' ? p.fn!(split.index, it) : p.fn!(it);
  if (out == null || typeof out[Symbol.iterator] !== 'function') {
    throw new TypeError(
      `mapPartitions: the function must return an iterable (an array or a generator), but returned ${out === null ? 'null' : typeof out}`,
    );
  }
  return out;
}

// The user's function receives an iterator over the partition, as in Spark, and returns an iterable.
registerOperator('mapPartitions', {
  forEach(node, split, tc, sink) {
    const out = run(node, split, tc);
    if (Array.isArray(out)) for (let i = 0; i < out.length; i++) sink(out[i]);
    else for (const r of out) sink(r);
  },
  iterate: run,
});
