import { setMaxListeners } from 'node:events';
import { JobCancelledError, JobFailedError, KindlingError } from '../errors.js';
import type { TaskEnv, TaskOutcome, TaskPayload } from '../exec/task.js';
import type { ResultSpec } from '../exec/result-actions.js';
import { encodeStageBinary, type NodeSpec, type StageBinary, type StageTaskSpec } from '../exec/stage-binary.js';
import { ShuffleDependency } from '../lineage/dependency.js';
import type { EventBus } from '../metrics/events.js';
import { StatusStore, type JobInfo, type StageInfo, type TaskInfo } from '../metrics/status.js';
import { emptyMetrics } from '../metrics/task-metrics.js';
import { RangePartitioner } from '../partitioner/partitioner.js';
import type { RDD } from '../rdd/rdd.js';
import { disposeMapOutput, type MapOutput } from '../shuffle/map-output.js';
import { MapOutputTracker, type MapOutputStatistics } from './map-output-tracker.js';
import type { TaskRunner } from './task-runner.js';
import type { FaultInjector } from './fault-injector.js';
import { DEFAULT_SPECULATION, SpeculationMonitor, type SpeculationOptions } from './speculation.js';
import type { BlockManager, CachedBlockRef } from '../storage/block-manager.js';
import type { StorageLevel } from '../storage/storage-level.js';
import { newTaskScratch, reclaimTaskScratch } from '../memory/task-memory.js';
import { mergeTaskUpdates, sharedVarsForStage } from '../shared/driver-hooks.js';
import type { SharedVarsPayload } from '../shared/scope.js';

type AnyRDD = RDD<unknown>;

interface Stage {
  id: number;
  kind: 'shuffleMap' | 'result';
  rdd: AnyRDD;
  parents: Stage[];
  shuffleDep?: ShuffleDependency;
  name: string;
}

export interface JobOptions {
  /** The action and its call site, e.g. "collect at wordcount.ts:14". */
  description: string;
  signal?: AbortSignal;
}

let nextBinaryId = 1;

/** The runner rejected: the worker died under the task. Say so in words a user can act on. */
function workerLostError(e: unknown): { name: string; message: string; stack?: string; code?: string } {
  const err = e as Error & { code?: string };
  const raw = err?.message ?? String(e);
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return {
      name: 'WorkerOutOfMemory',
      code: 'WORKER_OUT_OF_MEMORY',
      message: `the worker thread running this task ran out of memory (${raw}). Raise the Context's workerHeapMb, or spread the data over more partitions.`,
      stack: err.stack,
    };
  }
  return { name: 'WorkerLost', code: 'WORKER_LOST', message: `the worker thread running this task died: ${raw}`, stack: err?.stack };
}
/** Consecutive fetch failures of one task before its job fails (Spark's maxConsecutiveStageAttempts). */
const MAX_FETCH_FAILURES = 4;

/**
 * Turns an action into stages cut at shuffle dependencies, runs missing parent stages first (independent ones
 * concurrently), reuses map outputs that earlier jobs left, and pipelines each stage's narrow chain into one
 * task per partition.
 */
export class DAGScheduler {
  private nextJobId = 0;
  private nextStageId = 0;
  /**
   * A shuffle's map stage, for as long as its dependency lives: the RDDs downstream of it hold the dependency, and
   * so may run jobs that reuse its map outputs. Once nothing holds it, no job can read those outputs again, and
   * `cleaner` frees them (Spark's ContextCleaner): a long session no longer keeps every query's shuffles.
   */
  private readonly shuffleStages = new WeakMap<ShuffleDependency, Stage>();
  /** The live dependencies by shuffle id (a fetch failure names the shuffle by id). */
  private readonly depsById = new Map<number, WeakRef<ShuffleDependency>>();
  private readonly cleaner = new FinalizationRegistry<number>((shuffleId) => {
    this.depsById.delete(shuffleId);
    this.mapOutputs.remove(shuffleId);
  });
  private readonly inflight = new Map<number, Promise<void>>();
  readonly mapOutputs = new MapOutputTracker();
  private readonly jobControllers = new Set<AbortController>();
  /** Set by the Context: fault rules for tests. */
  faults: FaultInjector | null = null;
  /** Set by the Context: cached partitions. */
  blocks: BlockManager | null = null;

  constructor(
    private readonly runner: TaskRunner,
    readonly events: EventBus,
    readonly status: StatusStore,
    private readonly maxFailures: number,
    private readonly env: TaskEnv,
    private readonly speculation: SpeculationOptions = DEFAULT_SPECULATION,
  ) {}

  /** Runs `action` over the given partitions of `rdd`; results come back in the order of `partitions`. */
  async runJob<R>(rdd: AnyRDD, action: ResultSpec, partitions: number[], opts: JobOptions): Promise<R[]> {
    const finalStage: Stage = {
      id: this.nextStageId++,
      kind: 'result',
      rdd,
      parents: this.parentStages(rdd),
      name: opts.description,
    };
    const results = new Array<R>(partitions.length);
    await this.job(finalStage, partitions.length, opts, async (jobId, signal) => {
      await Promise.all(finalStage.parents.map((p) => this.submitShuffleStage(p, jobId, signal)));
      await this.runTasks(finalStage, action, jobId, partitions, signal, (i, out) => {
        results[i] = out.value as R;
      });
    });
    return results;
  }

  /**
   * Runs the map stage of `dep` (and the stages it needs) as a job of its own, unless its outputs are there
   * already, and returns the bytes each reduce partition will read (Spark's submitMapStage). A later job that
   * reads the shuffle reuses the outputs.
   */
  async runMapStage(dep: ShuffleDependency, opts: JobOptions): Promise<MapOutputStatistics> {
    const stage = this.shuffleStage(dep);
    await this.job(stage, undefined, opts, (jobId, signal) => this.submitShuffleStage(stage, jobId, signal));
    const reduces = dep.partitioner.numPartitions;
    const bytesByPartitionId = new Array<number>(reduces).fill(0);
    for (const out of this.mapOutputs.outputs(dep.shuffleId)) {
      for (let r = 0; r < reduces; r++) bytesByPartitionId[r] += out.offsets[r + 1]! - out.offsets[r]!;
    }
    return { shuffleId: dep.shuffleId, bytesByPartitionId };
  }

  /** A job's bookkeeping (status, events, cancellation) around `body`, whose last stage is `finalStage`. */
  private async job(finalStage: Stage, finalTasks: number | undefined, opts: JobOptions, body: (jobId: number, signal: AbortSignal) => Promise<void>): Promise<void> {
    const jobId = this.nextJobId++;
    const controller = new AbortController();
    setMaxListeners(Infinity, controller.signal); // the pool listens once per running task
    this.jobControllers.add(controller);
    const onAbort = () => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) controller.abort(opts.signal.reason);
    const job: JobInfo = {
      jobId,
      description: opts.description,
      status: 'running',
      stageIds: this.allStages(finalStage).map((s) => s.id),
      submissionTime: Date.now(),
      taskRetries: 0,
      fetchFailures: 0,
      cacheRecomputations: 0,
      speculativeTasks: 0,
    };
    this.status.addJob(job);
    for (const s of this.allStages(finalStage)) this.status.addStage(jobId, this.stageInfo(s, s === finalStage ? finalTasks : undefined));
    this.events.emit('jobStart', { job });
    try {
      await body(jobId, controller.signal);
      job.status = 'succeeded';
    } catch (e) {
      job.status = 'failed';
      job.error = (e as Error)?.message;
      controller.abort();
      throw e;
    } finally {
      job.completionTime = Date.now();
      job.durationMs = job.completionTime - job.submissionTime;
      opts.signal?.removeEventListener('abort', onAbort);
      this.jobControllers.delete(controller);
      for (const s of this.status.stagesOfJob(jobId)) if (s.status === 'pending') s.status = 'skipped';
      this.events.emit('jobEnd', { job });
    }
  }

  cancelAllJobs(): void {
    for (const c of this.jobControllers) c.abort(new JobCancelledError('The job was cancelled by cancelAllJobs().'));
  }

  /** The shuffle dependencies reachable from `rdd` through narrow dependencies, as map stages. */
  private parentStages(rdd: AnyRDD): Stage[] {
    const out: Stage[] = [];
    const seen = new Set<number>();
    const visit = (r: AnyRDD) => {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      // A fully cached RDD needs nothing upstream (Spark's getMissingParentStages).
      if (r.storageLevel.isValid && this.blocks?.hasAll(r.id, r.getNumPartitions())) return;
      for (const d of r.dependencies) {
        if (d instanceof ShuffleDependency) out.push(this.shuffleStage(d));
        else visit(d.rdd);
      }
    };
    visit(rdd);
    return out;
  }

  private shuffleStage(dep: ShuffleDependency): Stage {
    let s = this.shuffleStages.get(dep);
    if (!s) {
      s = {
        id: this.nextStageId++,
        kind: 'shuffleMap',
        rdd: dep.rdd,
        parents: this.parentStages(dep.rdd),
        shuffleDep: dep,
        name: dep.callSite ?? dep.rdd.callSite,
      };
      this.shuffleStages.set(dep, s);
      this.depsById.set(dep.shuffleId, new WeakRef(dep));
      this.cleaner.register(dep, dep.shuffleId);
      this.mapOutputs.register(dep.shuffleId, dep.rdd.getNumPartitions());
    }
    return s;
  }

  private allStages(stage: Stage, acc: Stage[] = [], seen = new Set<number>()): Stage[] {
    for (const p of stage.parents) this.allStages(p, acc, seen);
    if (!seen.has(stage.id)) {
      seen.add(stage.id);
      acc.push(stage);
    }
    return acc;
  }

  private stageInfo(s: Stage, numTasks?: number): StageInfo {
    return {
      stageId: s.id,
      name: s.name,
      kind: s.kind,
      rddIds: this.stageRdds(s.rdd).map((r) => r.id),
      parentStageIds: s.parents.map((p) => p.id),
      numTasks: numTasks ?? s.rdd.getNumPartitions(),
      attempt: 0,
      status: 'pending',
      tasks: [],
      metrics: emptyMetrics(),
    };
  }

  private submitShuffleStage(stage: Stage, jobId: number, signal: AbortSignal): Promise<void> {
    const shuffleId = stage.shuffleDep!.shuffleId;
    if (this.mapOutputs.isAvailable(shuffleId)) return Promise.resolve();
    let p = this.inflight.get(stage.id);
    if (!p) {
      p = (async () => {
        await Promise.all(stage.parents.map((s) => this.submitShuffleStage(s, jobId, signal)));
        const missing = this.mapOutputs.missing(shuffleId);
        await this.runTasks(stage, null, jobId, missing, signal, (i, out) => {
          this.mapOutputs.addOutput(shuffleId, missing[i]!, out.mapOutput!);
        });
      })().finally(() => this.inflight.delete(stage.id));
      this.inflight.set(stage.id, p);
    }
    return p;
  }

  /** RDDs computed inside the stage: `rdd` and its ancestors through narrow dependencies, parents first. */
  private stageRdds(rdd: AnyRDD): AnyRDD[] {
    const out: AnyRDD[] = [];
    const seen = new Set<number>();
    const visit = (r: AnyRDD) => {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      for (const d of r.dependencies) if (!(d instanceof ShuffleDependency)) visit(d.rdd);
      out.push(r);
    };
    visit(rdd);
    return out;
  }

  private async buildBinary(
    stage: Stage,
    action: ResultSpec | null,
  ): Promise<{ binary: SharedArrayBuffer; shuffles: number[]; cached: Record<string, CachedBlockRef>; levels: Map<number, StorageLevel>; shared: SharedVarsPayload | undefined }> {
    const rdds = this.stageRdds(stage.rdd);
    // Work some RDDs must do before their stage can be described (sample bounds, partition offsets).
    for (const r of rdds) await r.prepare();
    const dep = stage.shuffleDep;
    if (dep?.partitioner instanceof RangePartitioner) await dep.partitioner.prepare();
    const shuffles: number[] = [];
    const cached: Record<string, CachedBlockRef> = {};
    const levels = new Map<number, StorageLevel>();
    for (const r of rdds) {
      if (!r.storageLevel.isValid) continue;
      levels.set(r.id, r.storageLevel);
      for (let p = 0; p < r.getNumPartitions(); p++) {
        const ref = this.blocks?.get(r.id, p);
        if (ref) cached[`${r.id}:${p}`] = ref;
      }
    }
    const nodes: NodeSpec[] = rdds.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      persist: r.storageLevel.isValid || undefined,
      deps: r.dependencies.map((d) => {
        if (d instanceof ShuffleDependency) {
          shuffles.push(d.shuffleId);
          return { shuffle: d.shuffleId };
        }
        return { node: d.rdd.id };
      }),
    }));
    const task: StageTaskSpec = dep
      ? {
          type: 'shuffleMap',
          shuffleId: dep.shuffleId,
          partitioner: dep.partitioner.spec(),
          aggregator: dep.aggregator,
          mapSideCombine: dep.mapSideCombine,
        }
      : { type: 'result', action: action! };
    const b: StageBinary = { nodes, rootId: stage.rdd.id, task };
    // Broadcasts the stage's functions capture travel with each task (shared memory); see shared/driver-hooks.ts.
    return { binary: encodeStageBinary(b), shuffles, cached, levels, shared: sharedVarsForStage(b) };
  }

  private async runTasks(
    stage: Stage,
    action: ResultSpec | null,
    jobId: number,
    partitions: number[],
    signal: AbortSignal,
    onResult: (i: number, out: Extract<TaskOutcome, { ok: true }>) => void,
  ): Promise<void> {
    const info = this.status.stagesOfJob(jobId).find((s) => s.stageId === stage.id) ?? this.stageInfo(stage);
    if (info.status !== 'pending') info.attempt++;
    info.status = 'running';
    info.numTasks = partitions.length;
    info.submissionTime = Date.now();
    this.events.emit('stageSubmitted', { stage: info });
    try {
      if (signal.aborted) throw signal.reason ?? new JobCancelledError();
      const { binary, shuffles, cached, levels, shared } = await this.buildBinary(stage, action);
      const binaryId = nextBinaryId++;
      const shuffleOutputs: Record<number, MapOutput[]> = {};
      for (const id of shuffles) shuffleOutputs[id] = this.mapOutputs.outputs(id);
      const all = stage.rdd.partitions;
      const monitor = this.speculation.enabled && this.runner.parallelism > 1 ? new SpeculationMonitor(this.speculation, partitions.length) : null;
      try {
        await Promise.all(
          partitions.map(async (p, i) => {
            const payload: TaskPayload = {
              binaryId,
              binary,
              stageId: stage.id,
              partition: all[p]!,
              attempt: 0,
              shuffles: shuffleOutputs,
              env: this.env,
              cached,
              shared,
            };
            const out = await this.runSpeculatively(payload, info, jobId, signal, monitor, i);
            for (const b of out.newBlocks ?? []) {
              const level = levels.get(b.rddId);
              if (level && this.blocks?.put(b.rddId, b.partition, level, b.buffer, b.records)) {
                const job = this.status.job(jobId);
                if (job) job.cacheRecomputations++;
              }
            }
            onResult(i, out);
          }),
        );
      } finally {
        monitor?.stop();
      }
      info.status = 'succeeded';
    } catch (e) {
      info.status = 'failed';
      throw e;
    } finally {
      info.completionTime = Date.now();
      info.metrics = StatusStore.sumTasks(info.tasks);
      this.events.emit('stageCompleted', { stage: info });
    }
  }

  /**
   * Runs a task (with retries); with speculation on, a straggler gets a copy on another worker, the first copy to
   * finish wins and the other is cancelled.
   */
  private async runSpeculatively(
    payload: TaskPayload,
    info: StageInfo,
    jobId: number,
    signal: AbortSignal,
    monitor: SpeculationMonitor | null,
    task: number,
  ): Promise<Extract<TaskOutcome, { ok: true }>> {
    if (!monitor) return this.runWithRetries(payload, info, jobId, signal);
    const controllers = [new AbortController()];
    const link = (c: AbortController) => {
      setMaxListeners(Infinity, c.signal);
      signal.addEventListener('abort', () => c.abort(signal.reason), { once: true });
    };
    link(controllers[0]!);
    return new Promise((resolve, reject) => {
      let settled = false;
      let pending = 1;
      const finish = (i: number, out: Extract<TaskOutcome, { ok: true }>) => {
        if (settled) {
          if (out.mapOutput) disposeMapOutput(out.mapOutput); // the losing copy's output: free its memory or file
          return;
        }
        settled = true;
        monitor.finished(task);
        controllers.forEach((c, j) => j !== i && c.abort(new JobCancelledError('Another copy of this task finished first.')));
        resolve(out);
      };
      const fail = (e: unknown) => {
        if (settled || --pending > 0) return; // the other copy may still succeed
        settled = true;
        monitor.finished(task);
        reject(e);
      };
      const launch = (i: number, firstAttempt: number) =>
        this.runWithRetries(payload, info, jobId, controllers[i]!.signal, firstAttempt).then((out) => finish(i, out), fail);
      monitor.started(task, () => {
        if (settled) return;
        const c = new AbortController();
        link(c);
        controllers.push(c);
        pending++;
        const job = this.status.job(jobId);
        if (job) job.speculativeTasks++;
        launch(controllers.length - 1, info.tasks.filter((t) => t.partition === payload.partition.index).length);
      });
      launch(0, 0);
    });
  }

  private async runWithRetries(
    payload: TaskPayload,
    info: StageInfo,
    jobId: number,
    signal: AbortSignal,
    firstAttempt = 0,
  ): Promise<Extract<TaskOutcome, { ok: true }>> {
    let fetchFailures = 0;
    for (let attempt = firstAttempt; ; attempt++) {
      if (signal.aborted) throw signal.reason ?? new JobCancelledError();
      // The attempt's memory ledger and scratch directory, reclaimed below however the attempt ends.
      const scratch = newTaskScratch(this.env.localDir, info.stageId, payload.partition.index, attempt);
      const p: TaskPayload = { ...payload, attempt, scratch };
      const fault = this.faults?.taskFault(info.stageId, p.partition.index, attempt);
      if (fault) p.fault = fault;
      this.events.emit('taskStart', { stageId: info.stageId, partition: p.partition.index, attempt });
      const task: TaskInfo = {
        stageId: info.stageId,
        partition: p.partition.index,
        attempt,
        status: 'running',
        executor: '',
        startTime: Date.now(),
        metrics: emptyMetrics(),
      };
      info.tasks.push(task);
      let out: TaskOutcome;
      try {
        out = await this.runner.run(p, signal);
      } catch (e) {
        if (signal.aborted) {
          task.status = 'killed';
          task.endTime = Date.now();
          this.events.emit('taskEnd', { task });
          throw signal.reason ?? new JobCancelledError();
        }
        out = {
          ok: false,
          error: workerLostError(e),
          metrics: emptyMetrics(),
          startTime: task.startTime,
          endTime: Date.now(),
          threadId: -1,
        };
      } finally {
        reclaimTaskScratch(this.env.memory, scratch);
      }
      task.executor = out.threadId === 0 ? 'driver' : out.threadId < 0 ? 'lost' : `worker-${out.threadId}`;
      task.startTime = out.startTime;
      task.endTime = out.endTime;
      task.durationMs = out.endTime - out.startTime;
      task.metrics = out.metrics;
      task.status = out.ok ? 'succeeded' : 'failed';
      if (!out.ok) task.error = out.error.message;
      this.events.emit('taskEnd', { task });
      // Accumulator updates of successful attempts only, once per partition in a result stage.
      mergeTaskUpdates(out, info, p.partition.index);
      if (out.ok) return out;
      const job = this.status.job(jobId);
      const lost = out.error.fetchFailed;
      if (lost && fetchFailures < MAX_FETCH_FAILURES) {
        // The map output is gone: forget it, re-run just that map task from lineage, then this task again.
        fetchFailures++;
        attempt--;
        if (job) job.fetchFailures++;
        this.mapOutputs.removeOutput(lost.shuffleId, lost.mapId, lost.epoch);
        const lostDep = this.depsById.get(lost.shuffleId)?.deref();
        const mapStage = lostDep && this.shuffleStages.get(lostDep);
        if (mapStage) await this.submitShuffleStage(mapStage, jobId, signal);
        continue;
      }
      if (job) job.taskRetries++;
      if (attempt + 1 >= this.maxFailures || out.error.code === 'CLOSURE_MODULE_NOT_FOUND' || out.error.code === 'BROADCAST_DESTROYED') {
        throw this.jobError(out.error, jobId, info, p.partition.index, attempt);
      }
    }
  }

  private jobError(
    e: { name: string; message: string; stack?: string; code?: string },
    jobId: number,
    stage: StageInfo,
    partition: number,
    attempt: number,
  ): JobFailedError {
    const cause = e.code ? new KindlingError(e.code, '') : new Error(e.message);
    if (e.code) (cause as { message: string }).message = e.message;
    cause.name = e.name;
    if (e.stack) cause.stack = e.stack;
    return new JobFailedError(
      `Job ${jobId} aborted: task for partition ${partition} in stage ${stage.stageId} (${stage.name}) failed ` +
        `${attempt + 1} time${attempt ? 's' : ''}; most recent failure: ${e.name}: ${e.message}`,
      { jobId, stageId: stage.stageId, partition, attempt },
      { cause },
    );
  }
}
