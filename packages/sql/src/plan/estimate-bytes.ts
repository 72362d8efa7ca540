import { listInputFiles } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
import { selectPartitions } from '../exec/partition-pruning.js';

/**
 * A rough upper bound of a plan's output size in bytes, from what is known before running it: in-memory data,
 * file sizes (scaled by the share of columns read), range lengths; a dimension chain ReorderJoin built, its first
 * leaf's. Unknown: Infinity, so it is never broadcast.
 */
export function estimateBytes(p: ResolvedPlan): number {
  switch (p.kind) {
    case 'localRelation':
      return p.partitions.reduce((s, b) => s + b.byteLength, 0);
    case 'range':
      return Math.max(0, Math.ceil((p.end - p.start) / p.step)) * 8;
    case 'fileScan': {
      try {
        const files = p.partitions ? selectPartitions(p.partitions, p.partitionFilters ?? []) : listInputFiles(p.paths);
        return (files.reduce((s, f) => s + f.size, 0) * p.columns.length) / Math.max(1, p.schema.fields.length);
      } catch {
        return Infinity;
      }
    }
    case 'join':
      return p.dimension ? estimateBytes(p.left) : Infinity;
    default: {
      const child = sizedByChild(p);
      return child ? estimateBytes(child) : Infinity;
    }
  }
}

/** The child of an operator whose output is taken to be no bigger than its input (so sized by it), if `p` is one. */
export function sizedByChild(p: ResolvedPlan): ResolvedPlan | undefined {
  switch (p.kind) {
    case 'project':
    case 'filter':
    case 'limit':
    case 'offset':
    case 'sort':
    case 'aggregate':
    case 'repartition':
    case 'cached':
      return p.child;
    default:
      return undefined;
  }
}
