import { readFileSync } from 'node:fs';
import { registerOperator } from '../registry.js';

registerOperator('wholeTextFiles', {
  forEach(_node, split, tc, sink) {
    for (const path of split.paths as string[]) {
      const bytes = readFileSync(path);
      tc.metrics.bytesRead += bytes.length;
      tc.metrics.recordsRead += 1;
      sink([path, bytes.toString('utf8')]);
    }
  },
});
