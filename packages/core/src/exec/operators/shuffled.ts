import { compileAggregator } from '../../shuffle/aggregator.js';
import { iterateShuffle, readShuffle, type ShuffleReadSpec } from '../../shuffle/reader.js';
import type { LiveNode } from '../live-node.js';
import { registerOperator } from '../registry.js';

function compiled(node: LiveNode): ShuffleReadSpec {
  const p = node.params;
  // Compiled once per loaded stage and cached on the params object.
  p.compiled ??= {
    aggregator: p.aggregator ? compileAggregator(p.aggregator) : null,
    combined: p.mapSideCombine,
    sort: p.sort,
  };
  return p.compiled;
}

registerOperator('shuffled', {
  forEach(node, split, tc, sink) {
    readShuffle(tc.shuffleBlocks(node.deps[0]!.shuffleId!, split.index), compiled(node), tc, sink);
  },
  iterate(node, split, tc) {
    return iterateShuffle(tc.shuffleBlocks(node.deps[0]!.shuffleId!, split.index), compiled(node), tc);
  },
});
