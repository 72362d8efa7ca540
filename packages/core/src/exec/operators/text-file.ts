import { readLines } from '../../io/line-reader.js';
import { registerOperator } from '../registry.js';

registerOperator('textFile', {
  forEach(_node, split, tc, sink) {
    readLines(split as any, tc.metrics, sink);
  },
});
