import { compileAggregator } from '../../shuffle/aggregator.js';
import { readShuffle } from '../../shuffle/reader.js';
import { registerOperator } from '../registry.js';

registerOperator('shuffled', {
  forEach(node, split, tc, sink) {
    const p = node.params;
    // Compiled once per loaded stage and cached on the params object.
    p.compiled ??= {
      aggregator: p.aggregator ? compileAggregator(p.aggregator) : null,
      combined: p.mapSideCombine,
      sort: p.sort,
    };
    readShuffle(tc.shuffleBlocks(node.deps[0]!.shuffleId!, split.index), p.compiled, tc.metrics, sink);
  },
});
