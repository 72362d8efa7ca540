import { forEachRecord, iterateRecords, parentOf } from '../compute.js';
import { wrapSink } from '../element-ops.js';
import { registerOperator } from '../registry.js';

// map, filter, flatMap, mapValues, ...: composed into the parent's push loop, so a chain of them is one loop.
registerOperator('elementwise', {
  forEach(node, split, tc, sink) {
    forEachRecord(parentOf(node), split, tc, wrapSink(node.params.op, split.index, sink));
  },
  *iterate(node, split, tc) {
    const buffer: unknown[] = [];
    const push = wrapSink(node.params.op, split.index, (r) => buffer.push(r));
    for (const x of iterateRecords(parentOf(node), split, tc)) {
      push(x);
      if (buffer.length) {
        yield* buffer;
        buffer.length = 0;
      }
    }
  },
});
