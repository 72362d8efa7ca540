import type { Partition } from '../lineage/partition.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { BlockRef } from '../shuffle/map-output.js';
import type { MemoryManager } from '../memory/memory-manager.js';
import type { TaskMemory } from '../memory/task-memory.js';

/** A dependency as a task sees it: a parent computed in the same task, or a shuffle read from blocks. */
export type LiveDep = { node: LiveNode; shuffleId?: undefined } | { node?: undefined; shuffleId: number };

/** An RDD as rebuilt inside a task's thread: its kind, loaded parameters (functions callable), dependencies. */
export interface LiveNode {
  readonly id: number;
  readonly kind: string;
  readonly params: any;
  readonly deps: LiveDep[];
  /** The RDD is persisted: read its partition from the cache, or compute it once and store it. */
  readonly persist?: boolean;
}

/** What a running task offers the operators. */
export interface TaskContext {
  readonly stageId: number;
  readonly partitionId: number;
  readonly attempt: number;
  readonly metrics: TaskMetrics;
  /** Blocks of `shuffleId` for reduce partition `reduceId`, in map order. */
  shuffleBlocks(shuffleId: number, reduceId: number): BlockRef[];
  /** The context's directory for temporary files (spills, shuffle files). */
  readonly localDir: string;
  /** The engine's memory budget, shared by all threads. */
  readonly memory: MemoryManager;
  /** This task's execution memory (reserved from `memory`) and spill files; released when the task ends. */
  readonly taskMemory: TaskMemory;
  /** Records of a cached partition, if the driver has it. */
  cachedRecords(rddId: number, partition: number): unknown[] | undefined;
  /** Hands a computed partition of a persisted RDD to the driver's block store. */
  storeBlock(rddId: number, partition: number, records: unknown[]): void;
}

export type Sink = (record: any) => void;

export interface Operator {
  /** Pushes every record of `split` into `sink` (the fast path: no iterator objects). */
  forEach(node: LiveNode, split: Partition, tc: TaskContext, sink: Sink): void;
  /** Pulls records lazily, for consumers that need an iterator (mapPartitions, zip, toLocalIterator). */
  iterate?(node: LiveNode, split: Partition, tc: TaskContext): Iterable<any>;
}

/** Thrown from a sink to stop a partition early (take, first); never escapes a task. */
export const STOP: unique symbol = Symbol('kindling.stop');
