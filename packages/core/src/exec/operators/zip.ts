import { KindlingError } from '../../errors.js';
import { iterateRecords, parentOf } from '../compute.js';
import { registerOperator } from '../registry.js';
import type { LiveNode, TaskContext } from '../live-node.js';
import type { Partition } from '../../lineage/partition.js';

function* zipped(node: LiveNode, split: Partition, tc: TaskContext): Generator<[unknown, unknown]> {
  const a = iterateRecords(parentOf(node, 0), split.s1 as Partition, tc)[Symbol.iterator]();
  const b = iterateRecords(parentOf(node, 1), split.s2 as Partition, tc)[Symbol.iterator]();
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done !== y.done) {
      throw new KindlingError(
        'ZIP_UNEQUAL_PARTITIONS',
        `zip: partition ${split.index} has a different number of elements on each side. zip needs the same number ` +
          'of elements in every partition; use zipWithIndex on both and join on the index instead.',
      );
    }
    if (x.done) return;
    yield [x.value, y.value];
  }
}

registerOperator('zip', {
  forEach(node, split, tc, sink) {
    for (const pair of zipped(node, split, tc)) sink(pair);
  },
  iterate: zipped,
});
