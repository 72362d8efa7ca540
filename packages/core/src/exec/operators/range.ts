import { registerOperator } from '../registry.js';

/** Partition i of range(start, end, step) holds the elements from index `from` to `to` (exclusive). */
registerOperator('range', {
  forEach(_node, split, _tc, sink) {
    const { start, step, from, to } = split as unknown as { start: number; step: number; from: number; to: number };
    for (let i = from; i < to; i++) sink(start + i * step);
  },
  *iterate(_node, split) {
    const { start, step, from, to } = split as unknown as { start: number; step: number; from: number; to: number };
    for (let i = from; i < to; i++) yield start + i * step;
  },
});
