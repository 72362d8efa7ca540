import { KeyMap } from '../../keys/key-map.js';
import { readShuffle } from '../../shuffle/reader.js';
import { forEachRecord } from '../compute.js';
import { registerOperator } from '../registry.js';
import type { Partition } from '../../lineage/partition.js';

const PLAIN = { aggregator: null, combined: false, sort: null };

// Groups the values of every parent by key: [key, [valuesOfParent0, valuesOfParent1, ...]]. A parent already
// partitioned like the output is read in place (narrow); the others through their shuffle.
registerOperator('cogroup', {
  forEach(node, split, tc, sink) {
    const n = node.deps.length;
    const groups = new KeyMap<unknown[][]>();
    const depSplits = split.depSplits as (Partition | null)[];
    node.deps.forEach((dep, i) => {
      const add = (kv: [unknown, unknown]) => {
        let g = groups.get(kv[0]);
        if (!g) {
          g = Array.from({ length: n }, () => []);
          groups.set(kv[0], g);
        }
        g[i]!.push(kv[1]);
      };
      if (dep.node) forEachRecord(dep.node, depSplits[i]!, tc, add);
      else readShuffle(tc.shuffleBlocks(dep.shuffleId, split.index), PLAIN, tc.metrics, add);
    });
    groups.forEach((g, k) => sink([k, g]));
  },
});
