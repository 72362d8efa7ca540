export { Context, defaultMaster, type ContextOptions } from './context.js';
export { RDD } from './rdd/rdd.js';
export { Partitioner, HashPartitioner, RangePartitioner } from './partitioner/partitioner.js';
export { StatCounter } from './util/stat-counter.js';
export { StorageLevel } from './storage/storage-level.js';
export { NarrowDependency, ShuffleDependency, type Dependency } from './lineage/dependency.js';
export type { MapOutputStatistics } from './scheduler/map-output-tracker.js';
export type { ActionOptions } from './util/action-scope.js';
export type { FaultInjector, TaskFault } from './scheduler/fault-injector.js';
export { EventBus, type SchedulerEvents } from './metrics/events.js';
export { StatusStore, type JobInfo, type StageInfo, type TaskInfo } from './metrics/status.js';
export { ConsoleProgressBar, consoleProgressFromEnv, type ConsoleProgressOptions, type ProgressStream } from './metrics/console-progress.js';
export type { TaskMetrics } from './metrics/task-metrics.js';
export { moduleFunction } from './closure/index.js';
export {
  Broadcast,
  AccumulatorV2,
  LongAccumulator,
  DoubleAccumulator,
  CollectionAccumulator,
  broadcastDeserializations,
  type BroadcastLoad,
} from './shared/index.js';
export { hashKey, keyEquals, compareKeys, canonicalKey, KeyMap } from './keys/index.js';
export * from './errors.js';
export { listInputFiles, type InputFile } from './io/paths.js';
