/**
 * One slice of an RDD. Plain data: a task carries its partition to the worker, and the partition holds what
 * computing it needs (a file range, a slice of a local collection, or the parent partitions it is made of), so
 * the stage's shared lineage never has to carry data.
 */
export interface Partition {
  readonly index: number;
  readonly [field: string]: unknown;
}
