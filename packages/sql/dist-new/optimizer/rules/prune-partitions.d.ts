import type { Rule } from '../rule.js';
/**
 * Filter over a partitioned FileScan: the conjuncts that read only partition columns become the scan's partition
 * filters (rebound to the partition columns), so the planner drops whole directories before opening a file. The
 * Filter stays as it is; on the rows that are read it is true for those conjuncts anyway.
 */
export declare const prunePartitions: Rule;
//# sourceMappingURL=prune-partitions.d.ts.map