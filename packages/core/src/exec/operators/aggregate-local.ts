import { compileAggregator } from '../../shuffle/aggregator.js';
import { ExternalAggregator } from '../../shuffle/external-aggregator.js';
import { forEachRecord, parentOf } from '../compute.js';
import type { LiveNode, TaskContext } from '../live-node.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

// combineByKey on an RDD that is already partitioned by the target partitioner: every key's values are in one
// partition, so they are combined in place and no shuffle is needed. Spills like the reduce side of a shuffle.
function aggregate(node: LiveNode, split: Partition, tc: TaskContext): ExternalAggregator {
  const p = node.params;
  p.compiled ??= compileAggregator(p.aggregator);
  const agg = new ExternalAggregator(tc.taskMemory, tc.metrics, p.compiled, {
    grows: p.compiled.grows ?? false,
    tag: `local-agg-p${split.index}`,
  });
  try {
    forEachRecord(parentOf(node), split, tc, (kv) => agg.insert(kv[0], kv[1]));
  } catch (e) {
    agg.close();
    throw e;
  }
  return agg;
}

registerOperator('aggregateLocal', {
  forEach(node, split, tc, sink) {
    const agg = aggregate(node, split, tc);
    try {
      agg.emit(sink);
    } finally {
      agg.close();
    }
  },
  *iterate(node, split, tc) {
    const agg = aggregate(node, split, tc);
    try {
      yield* agg.records();
    } finally {
      agg.close();
    }
  },
});
