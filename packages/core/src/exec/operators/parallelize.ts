import { registerOperator } from '../registry.js';

// Slices of a local collection travel inside their partition objects, one slice per task.
registerOperator('parallelize', {
  forEach(_node, split, _tc, sink) {
    const values = split.values as unknown[];
    for (let i = 0; i < values.length; i++) sink(values[i]);
  },
  iterate(_node, split) {
    return split.values as unknown[];
  },
});
