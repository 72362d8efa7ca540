import type { Partitioner } from '../partitioner/partitioner.js';
import type { AggregatorSpec } from '../shuffle/aggregator.js';
import type { SortSpec } from '../shuffle/sort-spec.js';
import type { RDD } from '../rdd/rdd.js';

/**
 * A narrow dependency: each child partition needs a bounded set of parent partitions, so parent and child are
 * computed in the same task (pipelined). The child's partition objects say which parent partitions they read.
 */
export class NarrowDependency {
  readonly type = 'narrow' as const;
  constructor(
    readonly rdd: RDD<unknown>,
    /** 'oneToOne': child partition i is parent partition i; 'range': a contiguous block (union); 'general'. */
    readonly shape: 'oneToOne' | 'range' | 'general' = 'oneToOne',
  ) {}
}

/**
 * A shuffle dependency: every child partition may need every parent partition. The scheduler cuts stages here:
 * the parent side runs as a map stage that writes one block per reduce partition.
 */
export class ShuffleDependency {
  readonly type = 'shuffle' as const;
  /** Call site of the operation that introduced the shuffle; names the map stage. */
  callSite: string | null = null;
  constructor(
    readonly rdd: RDD<unknown>,
    readonly shuffleId: number,
    readonly partitioner: Partitioner,
    readonly aggregator: AggregatorSpec | null,
    /** Combine values per key inside each map task before writing (Spark's map-side combine). */
    readonly mapSideCombine: boolean,
    /** Sort each reduce partition by key (sortByKey, repartitionAndSortWithinPartitions). */
    readonly sort: SortSpec | null,
  ) {}
}

export type Dependency = NarrowDependency | ShuffleDependency;
