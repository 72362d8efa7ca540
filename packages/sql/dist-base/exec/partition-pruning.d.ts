import type { Bound } from '../eval/bound.js';
import type { PartitionedFile, PartitionSpec } from '../sources/partition-discovery.js';
/**
 * The files of a partitioned source whose directory passes every partition filter (conditions over the partition
 * columns only, bound to `spec.columns`). Evaluated on the driver, once per distinct directory, before any file is
 * opened; a NULL result drops the directory, as a filter drops a row.
 */
export declare function selectPartitions(spec: PartitionSpec, filters: Bound[]): PartitionedFile[];
//# sourceMappingURL=partition-pruning.d.ts.map