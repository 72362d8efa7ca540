import type { Bound } from '../eval/bound.js';
import type { SourceOptions } from '../sources/file-source.js';
import type { PartitionSpec } from '../sources/partition-discovery.js';
import type { StructType } from '../types/data-types.js';
import type { Attribute } from './attribute.js';
import type { CacheHolder, JoinType } from '../plan/logical.js';
import type { WindowFrame } from '../expr/ast.js';

/** An aggregate call after analysis: its function, bound arguments and result type. */
export interface AggCall {
  name: string;
  args: Bound[];
  distinct: boolean;
  type: string;
}

export interface SortKey {
  expr: Bound;
  ascending: boolean;
  nullsFirst: boolean;
}

/**
 * An analyzed plan: every node knows its output columns, and expressions are bound to their child's output by
 * ordinal. The optimizer rewrites these; the planner compiles them to RDDs.
 */
export type ResolvedPlan = {
  output: Attribute[];
  /** Set by functions.broadcast(df): plan joins with this side broadcast whatever its size. */
  broadcastHint?: boolean;
} & (
  | { kind: 'localRelation'; schema: StructType; partitions: Uint8Array[] }
  | { kind: 'range'; start: number; end: number; step: number; numPartitions: number }
  | {
      kind: 'fileScan';
      format: string;
      paths: string;
      options: SourceOptions;
      schema: StructType;
      /** columns read */
      columns: string[];
      partitions?: PartitionSpec;
      /** Conditions on partition columns only, bound to `partitions.columns`: directories failing them are not read. */
      partitionFilters?: Bound[];
    }
  | { kind: 'project'; child: ResolvedPlan; exprs: Bound[] }
  | { kind: 'filter'; child: ResolvedPlan; condition: Bound }
  | { kind: 'aggregate'; child: ResolvedPlan; groupBy: Bound[]; aggs: AggCall[] }
  | { kind: 'sort'; child: ResolvedPlan; orders: SortKey[]; local?: true }
  | { kind: 'limit'; child: ResolvedPlan; n: number }
  | {
      kind: 'join';
      left: ResolvedPlan;
      right: ResolvedPlan;
      how: JoinType;
      /** Equi-join keys, bound to each side's output, of the same types pairwise. */
      leftKeys: Bound[];
      rightKeys: Bound[];
      /** The rest of the condition, bound to left output ++ right output. */
      residual: Bound | null;
      /**
       * Set by ReorderJoin on the joins of a small leaf with smaller filtered ones behind it (supplier ⋈ nation ⋈
       * region), built before the fact table meets them: taken to be key joins, so no bigger than the first leaf.
       */
      dimension?: boolean;
    }
  | { kind: 'union'; children: ResolvedPlan[] }
  | { kind: 'offset'; child: ResolvedPlan; n: number }
  | { kind: 'repartition'; child: ResolvedPlan; numPartitions: number; shuffle: boolean; by: Bound[] }
  | { kind: 'cached'; child: ResolvedPlan; holder: CacheHolder }
  | { kind: 'rddScan'; schema: StructType; rdd: unknown; label: string }
  | { kind: 'replicate'; child: ResolvedPlan; countOrdinal: number }
  | { kind: 'sample'; child: ResolvedPlan; withReplacement: boolean; lower: number; upper: number; seed: number }
  /** One output row per element of `generator`'s array (or map entry), with the child's columns. */
  | { kind: 'generate'; child: ResolvedPlan; generator: Bound; outer: boolean; position: boolean; isMap: boolean }
  /**
   * GROUPING SETS: each input row once per projection (Spark's Expand). Output: the child's columns, a copy of each
   * grouping key (NULL where the set leaves it out), then the grouping id.
   */
  | { kind: 'expand'; child: ResolvedPlan; projections: Bound[][]; /** UNPIVOT: a row's copies adjacent */ interleave?: boolean }
  /** Output: the child's columns, then one column per window expression (see analysis/window.ts). */
  | { kind: 'window'; child: ResolvedPlan; partitionBy: Bound[]; orderBy: SortKey[]; windowExprs: WindowCall[] }
  /**
   * Spark's WindowGroupLimit (optimizer/rules/infer-window-group-limit.ts): the child's rows, less rows whose
   * rank-like value in (partitionBy, orderBy) exceeds `limit`; placed under a Window whose result a filter limits.
   */
  | { kind: 'windowGroupLimit'; child: ResolvedPlan; partitionBy: Bound[]; orderBy: SortKey[]; rankFunction: 'row_number' | 'rank' | 'dense_rank'; limit: number }
);

/**
 * A window expression after analysis: a ranking function (row_number, rank, dense_rank, percent_rank, cume_dist,
 * ntile), an offset function (lag/lead) or an aggregate of agg/, over a frame of its partition's sorted rows.
 */
export interface WindowCall {
  name: string;
  /** Aggregates: the arguments; lag/lead: [input, default]; ranking functions: []. */
  args: Bound[];
  type: string;
  frame: WindowFrame;
  /** ntile's bucket count; lag/lead's row offset (lead positive, lag negative). */
  n?: number;
}
