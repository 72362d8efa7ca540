import { forEachRecord, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

registerOperator('cartesian', {
  forEach(node, split, tc, sink) {
    const right: unknown[] = [];
    forEachRecord(parentOf(node, 1), split.s2 as Partition, tc, (r) => right.push(r));
    forEachRecord(parentOf(node, 0), split.s1 as Partition, tc, (x) => {
      for (let i = 0; i < right.length; i++) sink([x, right[i]]);
    });
  },
});
