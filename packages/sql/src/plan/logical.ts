import type { Expr } from '../expr/ast.js';
import type { StructType } from '../types/data-types.js';
import type { SourceOptions } from '../sources/file-source.js';
import type { PartitionSpec } from '../sources/partition-discovery.js';

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';

/**
 * A DataFrame's logical plan, as the API builds it: names unresolved, types unknown. Immutable plain objects; the
 * analyzer resolves it (analysis/analyzer.ts) and the planner turns the result into RDDs.
 */
export type LogicalPlan =
  | { kind: 'localRelation'; schema: StructType; /** Arrow IPC stream bytes, one entry per partition */ partitions: Uint8Array[] }
  | { kind: 'range'; start: number; end: number; step: number; numPartitions: number }
  | {
      kind: 'fileScan';
      format: string;
      paths: string;
      options: SourceOptions;
      schema: StructType | null;
      /** The `col=value/` directories found under the paths (their columns end the schema). */
      partitions?: PartitionSpec;
    }
  | { kind: 'project'; child: LogicalPlan; exprs: Expr[] }
  | { kind: 'filter'; child: LogicalPlan; condition: Expr }
  | {
      kind: 'aggregate';
      child: LogicalPlan;
      groupBy: Expr[];
      aggs: Expr[];
      /**
       * GROUPING SETS / ROLLUP / CUBE: each set lists the grouping expressions (each one of `groupBy`) it groups by;
       * the others are NULL in its rows. Absent: one set, all of `groupBy`.
       */
      groupingSets?: Expr[][];
      /** false (SQL's GROUP BY): only `aggs` are output; the DataFrame API's groupBy outputs the keys first. */
      outputKeys?: boolean;
    }
  /** `local`: sortWithinPartitions / SQL SORT BY — each partition sorted, no shuffle. */
  | { kind: 'sort'; child: LogicalPlan; orders: Expr[]; local?: true }
  | { kind: 'limit'; child: LogicalPlan; n: number }
  | { kind: 'subqueryAlias'; child: LogicalPlan; alias: string }
  /** `natural`: NATURAL JOIN, which the analyzer turns into USING the columns both sides have. */
  | { kind: 'join'; left: LogicalPlan; right: LogicalPlan; how: JoinType; on: Expr | null; using: string[] | null; natural?: true }
  | { kind: 'union'; children: LogicalPlan[]; byName: boolean; allowMissingColumns: boolean }
  | { kind: 'distinct'; child: LogicalPlan; subset: string[] | null }
  | { kind: 'offset'; child: LogicalPlan; n: number }
  | { kind: 'repartition'; child: LogicalPlan; numPartitions: number; shuffle: boolean; by: Expr[] }
  | { kind: 'cached'; child: LogicalPlan; holder: CacheHolder }
  /** The batches of an RDD computed already (a checkpoint): the lineage above it is gone from the plan. */
  | { kind: 'rddScan'; schema: StructType; rdd: unknown; label: string }
  | { kind: 'broadcastHint'; child: LogicalPlan }
  /**
   * UNPIVOT / df.unpivot: `ids` null means every column not unpivoted (SQL); `values` null means every column that
   * is not an id (df.unpivot(ids, null, ...)). Each value group has as many columns as `valueColumns` and a name for
   * the variable column (null: its columns' names joined by `_`).
   */
  | {
      kind: 'unpivot';
      child: LogicalPlan;
      ids: Expr[] | null;
      values: { exprs: Expr[]; name: string | null }[] | null;
      variableColumn: string;
      valueColumns: string[];
      includeNulls: boolean;
    }
  /** Repeats each row `count` times (the count column is dropped): intersectAll / exceptAll. */
  | { kind: 'replicate'; child: LogicalPlan; countColumn: string }
  /** Columns of the child by ordinal (optionally renamed), attributes kept: drops the columns subquery joins add. */
  | { kind: 'pickColumns'; child: LogicalPlan; columns: { ordinal: number; name?: string }[] }
  | { kind: 'sample'; child: LogicalPlan; withReplacement: boolean; lower: number; upper: number; seed: number };

/** Where a cached DataFrame keeps its persisted batch RDD once the first action built it (driver only). */
export interface CacheHolder {
  level: string;
  rdd: unknown | null;
  /** The bytes of `rdd`'s stored blocks, once every partition has been stored (set by the planner with `rdd`). */
  storedBytes?: () => number | undefined;
}

export function planChildren(p: LogicalPlan): LogicalPlan[] {
  if ('child' in p) return [p.child];
  if (p.kind === 'join') return [p.left, p.right];
  if (p.kind === 'union') return p.children;
  return [];
}
