import { isMainThread, threadId } from 'node:worker_threads';
import { FetchFailedError } from '../errors.js';
import type { TaskFault } from '../scheduler/fault-injector.js';
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
import { newTaskScratch, TaskMemory, type TaskScratch } from '../memory/task-memory.js';
import { readCachedBytes, type CachedBlockRef } from '../storage/block-manager.js';
import { decodeRecords, encodeRecordsShared } from '../shuffle/codec.js';
import { enterSharedScope, type SharedVarsPayload, type SharedVarsReport } from '../shared/task-hooks.js';

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
  /** Injected by tests through context.faults. */
  fault?: TaskFault;
  /** Cached partitions of the stage's persisted RDDs, by "rddId:partition". */
  cached?: Record<string, CachedBlockRef>;
  /** Broadcasts the stage uses (shared memory) and broadcasts to drop; see shared/. */
  shared?: SharedVarsPayload;
  /** The attempt's memory ledger and scratch directory (made by the driver; see memory/task-memory.ts). */
  scratch?: TaskScratch;
}

/** A partition of a persisted RDD computed by this task, for the driver's block store. */
export interface NewBlock {
  rddId: number;
  partition: number;
  buffer: SharedArrayBuffer;
  records: number;
}

export interface TaskReport {
  ok: true;
  value?: unknown;
  mapOutput?: MapOutput;
  newBlocks?: NewBlock[];
  metrics: TaskMetrics;
  startTime: number;
  endTime: number;
  threadId: number;
  /** Accumulator updates and broadcast loads of this attempt. */
  shared?: SharedVarsReport;
}

export interface TaskFailure {
  ok: false;
  error: { name: string; message: string; stack?: string; code?: string; fetchFailed?: { shuffleId: number; mapId: number; epoch?: number } };
  metrics: TaskMetrics;
  startTime: number;
  endTime: number;
  threadId: number;
  /** Broadcast loads only: a failed attempt's accumulator updates are dropped. */
  shared?: SharedVarsReport;
}

export type TaskOutcome = TaskReport | TaskFailure;

/** Runs one task on the current thread against an already loaded stage. */
export function runLoadedTask(stage: LoadedStage, p: TaskPayload): TaskOutcome {
  const startTime = Date.now();
  const metrics = emptyMetrics();
  const split = p.partition;
  const tc = {
    stageId: p.stageId,
    partitionId: split.index,
    attempt: p.attempt,
    metrics,
    shuffleBlocks: (id, reduceId) =>
      (p.shuffles[id] ?? []).map((o, mapId) => {
        if (!o || o.lost) throw new FetchFailedError(id, mapId, o?.epoch);
        return blockOf(o, reduceId, id, mapId);
      }),
    localDir: p.env.localDir,
    memory: memoryOf(p.env.memory),
    taskMemory: new TaskMemory(
      memoryOf(p.env.memory),
      p.scratch ?? newTaskScratch(p.env.localDir, p.stageId, split.index, p.attempt),
    ),
  } as TaskContext;
  const newBlocks: NewBlock[] = [];
  Object.assign(tc, {
    cachedRecords(rddId: number, partition: number) {
      const ref = p.cached?.[`${rddId}:${partition}`];
      const bytes = ref && readCachedBytes(ref);
      return bytes ? (decodeRecords(bytes) as unknown[]) : undefined;
    },
    storeBlock(rddId: number, partition: number, records: unknown[]) {
      newBlocks.push({ rddId, partition, buffer: encodeRecordsShared(records), records: records.length });
    },
  });
  const root = stage.root;
  const run = (sink: (r: any) => void) =>
    forEachRecord(root, split, tc, (r) => {
      metrics.outputRecords++;
      sink(r);
    });
  const shared = enterSharedScope(p.shared);
  try {
    if (p.fault) injectFault(p.fault);
    const t = stage.task;
    if (t.type === 'shuffleMap') {
      const mapOutput = writeShuffle(
        run,
        {
          shuffleId: t.shuffleId,
          numPartitions: t.partitioner.numPartitions,
          partitionOf: partitionFunction(t.partitioner),
          combiner: t.mapSideCombine && t.aggregator ? compileAggregator(t.aggregator) : null,
        },
        tc,
      );
      return { ok: true, mapOutput, newBlocks, metrics, startTime, endTime: Date.now(), threadId, shared: shared.report(true) };
    }
    const value = runResult(t.action, { run, iterate: () => iterateRecords(root, split, tc), tc });
    return { ok: true, value, newBlocks, metrics, startTime, endTime: Date.now(), threadId, shared: shared.report(true) };
  } catch (e) {
    return {
      ok: false,
      error: describeError(e),
      metrics,
      startTime,
      endTime: Date.now(),
      threadId,
      shared: shared.report(false),
    };
  } finally {
    shared.exit();
    metrics.peakExecutionMemory = tc.taskMemory.peak;
    tc.taskMemory.close(); // execution memory back to the budget, spill files removed
  }
}

/** The error as plain data (classes do not survive postMessage); keeps code and fetch-failure details. */
export function describeError(e: unknown): TaskFailure['error'] {
  const err = e instanceof Error ? e : new Error(String(e));
  const out: TaskFailure['error'] = { name: err.name, message: err.message, stack: err.stack, code: (err as { code?: string }).code };
  if (err instanceof FetchFailedError) out.fetchFailed = { shuffleId: err.shuffleId, mapId: err.mapId, epoch: err.epoch };
  return out;
}

function injectFault(f: TaskFault): void {
  if (f.kind === 'delay') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, f.ms);
  else if (f.kind === 'fail') throw new Error(f.message);
  else if (isMainThread) throw new Error('injected fault: the worker running this task was lost');
  else process.exit(1); // in a worker thread this ends the thread, like a crash would
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
