import { type Context, type RDD } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
export declare function op(name: string): Promise<(spec: any, it: Iterator<any>) => Iterable<any>>;
export interface PlannerOptions {
    /** Partitions after a shuffle (Spark's spark.sql.shuffle.partitions). */
    shufflePartitions: number;
    /** Broadcast a join side estimated under this many bytes; -1 never (spark.sql.autoBroadcastJoinThreshold). */
    broadcastThreshold: number;
}
/**
 * A rough upper bound of a plan's output size in bytes, from what is known before running it: in-memory data,
 * file sizes (scaled by the share of columns read), range lengths. Unknown: Infinity, so it is never broadcast.
 */
export declare function estimateBytes(p: ResolvedPlan): number;
/**
 * Compiles an analyzed plan into core RDDs of Arrow IPC batches: sources become RDDs of batches or of split
 * descriptors, chains of narrow operators fuse into one mapPartitions per stage, aggregations become a partial
 * aggregate, a shuffle by key hash and a final aggregate, and sorts a sampled range partitioning.
 */
type JoinNode = Extract<ResolvedPlan, {
    kind: 'join';
}>;
export declare class Planner {
    private readonly sc;
    private readonly options;
    constructor(sc: Context, options: PlannerOptions);
    toRdd(plan: ResolvedPlan): Promise<RDD<Uint8Array>>;
    private materialize;
    /**
     * Equi-joins: both sides shuffled by the key hash with the same partitioner, so core's cogroup pairs up their
     * partitions without another shuffle; then a hash join per partition. Without keys: a broadcast nested-loop join
     * when a side may be broadcast (one-row subquery results are), else a cartesian product of partitions, with the
     * condition checked on each pair.
     */
    private join;
    /**
     * Which side of an equi-join to broadcast, if any: a side with a broadcast() hint, or whose estimated size is
     * under the threshold, among the sides the join type allows building (Spark's rules: not the side whose
     * unmatched rows an outer join must keep).
     */
    broadcastSide(plan: JoinNode): 'left' | 'right' | null;
    private pending;
}
export {};
//# sourceMappingURL=planner.d.ts.map