import { threadId } from 'node:worker_threads';
import type { Partition } from '../lineage/partition.js';
import { emptyMetrics, type TaskMetrics } from '../metrics/task-metrics.js';
import { partitionFunction } from '../partitioner/partitioner.js';
import { compileAggregator } from '../shuffle/aggregator.js';
import { blockOf, type MapOutput } from '../shuffle/map-output.js';
import { writeShuffle } from '../shuffle/writer.js';
import { forEachRecord, iterateRecords } from './compute.js';
import type { LoadedStage } from './stage-binary.js';
import type { TaskContext } from './live-node.js';
import { runResult } from './result-actions.js';
import './operators/index.js';
import { MemoryManager } from '../memory/memory-manager.js';

/** What every task of a context shares: where temporary files go and the memory budget's counters. */
export interface TaskEnv {
  localDir: string;
  memory: SharedArrayBuffer;
}

/** One task attempt as sent to a thread. Its partition carries the task's own data. */
export interface TaskPayload {
  binaryId: number;
  binary: SharedArrayBuffer;
  stageId: number;
  partition: Partition;
  attempt: number;
  /** Every map output of each shuffle the stage reads (shared memory: sending them copies nothing). */
  shuffles: Record<number, MapOutput[]>;
  env: TaskEnv;
}

export interface TaskReport {
  ok: true;
  value?: unknown;
  mapOutput?: MapOutput;
  metrics: TaskMetrics;
  startTime: number;
  endTime: number;
  threadId: number;
}

export interface TaskFailure {
  ok: false;
  error: { name: string; message: string; stack?: string; code?: string };
  metrics: TaskMetrics;
  startTime: number;
  endTime: number;
  threadId: number;
}

export type TaskOutcome = TaskReport | TaskFailure;

/** Runs one task on the current thread against an already loaded stage. */
export function runLoadedTask(stage: LoadedStage, p: TaskPayload): TaskOutcome {
  const startTime = Date.now();
  const metrics = emptyMetrics();
  const split = p.partition;
  const tc: TaskContext = {
    stageId: p.stageId,
    partitionId: split.index,
    attempt: p.attempt,
    metrics,
    shuffleBlocks: (id, reduceId) => (p.shuffles[id] ?? []).map((o) => blockOf(o, reduceId)),
    localDir: p.env.localDir,
    memory: memoryOf(p.env.memory),
  };
  const root = stage.root;
  const run = (sink: (r: any) => void) =>
    forEachRecord(root, split, tc, (r) => {
      metrics.outputRecords++;
      sink(r);
    });
  try {
    const t = stage.task;
    if (t.type === 'shuffleMap') {
      const mapOutput = writeShuffle(
        run,
        {
          numPartitions: t.partitioner.numPartitions,
          partitionOf: partitionFunction(t.partitioner),
          combiner: t.mapSideCombine && t.aggregator ? compileAggregator(t.aggregator) : null,
        },
        metrics,
      );
      return { ok: true, mapOutput, metrics, startTime, endTime: Date.now(), threadId };
    }
    const value = runResult(t.action, { run, iterate: () => iterateRecords(root, split, tc), tc });
    return { ok: true, value, metrics, startTime, endTime: Date.now(), threadId };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return {
      ok: false,
      error: { name: err.name, message: err.message, stack: err.stack, code: (err as { code?: string }).code },
      metrics,
      startTime,
      endTime: Date.now(),
      threadId,
    };
  }
}

const managers = new WeakMap<SharedArrayBuffer, MemoryManager>();
function memoryOf(handle: SharedArrayBuffer): MemoryManager {
  let m = managers.get(handle);
  if (!m) managers.set(handle, (m = MemoryManager.attach(handle)));
  return m;
}

const MAX_CACHED_STAGES = 16;
const stages = new Map<number, Promise<LoadedStage>>();

/** Loads (once per thread, cached by id) and runs a task. Used by worker threads and by inline mode alike. */
export async function runTask(p: TaskPayload): Promise<TaskOutcome> {
  let stage = stages.get(p.binaryId);
  if (!stage) {
    const { loadStageBinary } = await import('./stage-binary.js');
    stage = loadStageBinary(p.binary);
    stages.set(p.binaryId, stage);
    if (stages.size > MAX_CACHED_STAGES) stages.delete(stages.keys().next().value!);
  }
  let loaded: LoadedStage;
  try {
    loaded = await stage;
  } catch (e) {
    stages.delete(p.binaryId);
    const err = e instanceof Error ? e : new Error(String(e));
    const now = Date.now();
    return {
      ok: false,
      error: { name: err.name, message: err.message, stack: err.stack, code: (err as { code?: string }).code },
      metrics: emptyMetrics(),
      startTime: now,
      endTime: now,
      threadId,
    };
  }
  return runLoadedTask(loaded, p);
}
