import { KeyMap } from '../../keys/key-map.js';
import { compileAggregator } from '../../shuffle/aggregator.js';
import { forEachRecord, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';

// combineByKey on an RDD that is already partitioned by the target partitioner: every key's values are in one
// partition, so they are combined in place and no shuffle is needed.
registerOperator('aggregateLocal', {
  forEach(node, split, tc, sink) {
    const p = node.params;
    p.compiled ??= compileAggregator(p.aggregator);
    const { createCombiner, mergeValue } = p.compiled;
    const acc = new KeyMap<any>();
    forEachRecord(parentOf(node), split, tc, (kv) => {
      const cur = acc.get(kv[0]);
      acc.set(kv[0], cur === undefined && !acc.has(kv[0]) ? createCombiner(kv[1]) : mergeValue(cur, kv[1]));
    });
    acc.forEach((c, k) => sink([k, c]));
  },
});
