import { ExternalAggregator } from '../../shuffle/external-aggregator.js';
import { forEachShuffleRecord } from '../../shuffle/reader.js';
import { forEachRecord } from '../compute.js';
import type { LiveNode, TaskContext } from '../live-node.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

// Groups the values of every parent by key: [key, [valuesOfParent0, valuesOfParent1, ...]]. A parent already
// partitioned like the output is read in place (narrow); the others through their shuffle. The groups live in an
// ExternalAggregator, so a partition larger than the task's memory is grouped by spilling sorted runs and merging.
function group(node: LiveNode, split: Partition, tc: TaskContext): ExternalAggregator {
  const n = node.deps.length;
  const merge = (a: unknown[][], b: unknown[][]) => {
    for (let i = 0; i < n; i++) {
      const into = a[i]!;
      for (const v of b[i]!) into.push(v);
    }
    return a;
  };
  const agg = new ExternalAggregator(
    tc.taskMemory,
    tc.metrics,
    { createCombiner: () => null, mergeValue: () => null, mergeCombiners: merge },
    { grows: true, tag: `cogroup-p${split.index}` },
  );
  const depSplits = split.depSplits as (Partition | null)[];
  try {
    node.deps.forEach((dep, i) => {
      agg.createCombiner = (v) => {
        const g: unknown[][] = Array.from({ length: n }, () => []);
        g[i]!.push(v);
        return g;
      };
      agg.mergeValue = (g: unknown[][], v) => {
        g[i]!.push(v);
        return g;
      };
      const add = (kv: [unknown, unknown]) => agg.insert(kv[0], kv[1]);
      if (dep.node) forEachRecord(dep.node, depSplits[i]!, tc, add);
      else forEachShuffleRecord(tc.shuffleBlocks(dep.shuffleId, split.index), tc.metrics, add);
    });
  } catch (e) {
    agg.close();
    throw e;
  }
  return agg;
}

registerOperator('cogroup', {
  forEach(node, split, tc, sink) {
    const agg = group(node, split, tc);
    try {
      agg.emit(sink);
    } finally {
      agg.close();
    }
  },
  *iterate(node, split, tc) {
    const agg = group(node, split, tc);
    try {
      yield* agg.records();
    } finally {
      agg.close();
    }
  },
});
