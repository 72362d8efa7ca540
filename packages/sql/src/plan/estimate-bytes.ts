import { listInputFiles } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
import { selectPartitions } from '../exec/partition-pruning.js';
import { rowWidth } from './row-width.js';

/**
 * A rough upper bound of a plan's output size in bytes, from what is known before running it: in-memory data,
 * the stored blocks of a cached plan already computed,
 * file sizes (scaled by the share of the row width read), range lengths; a dimension chain ReorderJoin built, its
 * first leaf's; an operator sized by its child, the child's times the ratio of their row widths (Spark's
 * size-only statistics). Unknown: Infinity, so it is never broadcast.
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
        const read = new Set(p.columns);
        const fields = p.schema.fields.map((f) => ({ type: f.dataType }));
        const readFields = p.schema.fields.filter((f) => read.has(f.name)).map((f) => ({ type: f.dataType }));
        return (files.reduce((s, f) => s + f.size, 0) * rowWidth(readFields)) / rowWidth(fields);
      } catch {
        return Infinity;
      }
    }
    case 'join':
      // a semi or anti join keeps at most its left side's rows (Spark's size visitor)
      if (p.how === 'left_semi' || p.how === 'left_anti') return estimateBytes(p.left);
      return p.dimension ? estimateBytes(p.left) : Infinity;
    case 'cached': {
      // once stored, the blocks' actual size (Spark's InMemoryRelation does the same): a file's size can be a
      // fraction of its columns' in memory (TPC-H lineitem's Parquet file is a quarter of its cached blocks)
      const stored = p.holder.rdd ? p.holder.storedBytes?.() : undefined;
      return stored ?? estimateBytes(p.child);
    }
    default: {
      const child = sizedByChild(p);
      return child ? (estimateBytes(child) * rowWidth(p.output)) / rowWidth(child.output) : Infinity;
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
