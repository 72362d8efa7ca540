import { forEachRecord, iterateRecords } from '../compute.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

registerOperator('union', {
  forEach(node, split, tc, sink) {
    forEachRecord(node.deps[split.parentIndex as number]!.node!, split.parentSplit as Partition, tc, sink);
  },
  iterate(node, split, tc) {
    return iterateRecords(node.deps[split.parentIndex as number]!.node!, split.parentSplit as Partition, tc);
  },
});
