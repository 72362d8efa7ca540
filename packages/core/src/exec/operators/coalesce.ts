import { forEachRecord, iterateRecords, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

registerOperator('coalesce', {
  forEach(node, split, tc, sink) {
    for (const s of split.parentSplits as Partition[]) forEachRecord(parentOf(node), s, tc, sink);
  },
  *iterate(node, split, tc) {
    for (const s of split.parentSplits as Partition[]) yield* iterateRecords(parentOf(node), s, tc);
  },
});
