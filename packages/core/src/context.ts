import { availableParallelism, totalmem } from 'node:os';
import { ContextStoppedError, IllegalArgumentError } from './errors.js';
import type { ResultSpec } from './exec/result-actions.js';
import { NarrowDependency, type ShuffleDependency } from './lineage/dependency.js';
import type { Partition } from './lineage/partition.js';
import { EventBus } from './metrics/events.js';
import { StatusStore } from './metrics/status.js';
import { ConsoleProgressBar, consoleProgressFromEnv, type ConsoleProgressOptions } from './metrics/console-progress.js';
import { listInputFiles } from './io/paths.js';
import { computeSplits } from './io/text-splits.js';
import { DAGScheduler } from './scheduler/dag-scheduler.js';
import { FaultInjector } from './scheduler/fault-injector.js';
import { DEFAULT_SPECULATION, type SpeculationOptions } from './scheduler/speculation.js';
import type { MapOutputStatistics } from './scheduler/map-output-tracker.js';
import { BlockManager } from './storage/block-manager.js';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { InlineRunner } from './scheduler/inline-runner.js';
import { PoolRunner } from './scheduler/pool-runner.js';
import type { TaskRunner } from './scheduler/task-runner.js';
import { RDD } from './rdd/rdd.js';
import { userCallSite } from './util/call-site.js';
import { currentSignal } from './util/action-scope.js';
import { Broadcast, releaseBroadcastsOf } from './shared/broadcast.js';
import {
  AccumulatorV2,
  CollectionAccumulator,
  DoubleAccumulator,
  LongAccumulator,
  registerAccumulator,
} from './shared/accumulator.js';
import { defaultMemoryBudget, MemoryManager, parseBytes, workerYoungGenerationMb } from './memory/memory-manager.js';
import { createLocalDir, removeLocalDir } from './memory/local-dir.js';

export interface ContextOptions {
  /**
   * 'local' runs tasks on the calling thread; 'local[N]' on N worker threads; 'local[*]' on one per core. Default:
   * KINDLING_MASTER from the environment (`kindling run --master` sets it, as spark-submit's --master), else 'local[*]'.
   */
  master?: string;
  appName?: string;
  /** Partitions for parallelize and shuffles when not given (Spark's spark.default.parallelism). */
  defaultParallelism?: number;
  /** Attempts per task before its job fails (Spark's spark.task.maxFailures). Default 4. */
  maxFailures?: number;
  /** The engine's memory budget in bytes or as '512mb', '2g'. Default: 40% of the machine's memory, at most 8 GiB. */
  memoryBudget?: number | string;
  /** Parent directory of the context's temporary directory. Default: the OS temp directory. */
  localDir?: string;
  /**
   * Heap limit of each worker thread in MB. A task that exceeds it kills only its worker, and is retried on a fresh
   * one. Default: half the machine's memory divided among the workers, between 512 MB and 4096 MB.
   */
  workerHeapMb?: number;
  /**
   * Speculative execution (off by default, as Spark's spark.speculation): `true`, or settings. A task slower than
   * multiplier × the stage's median, once quantile of its tasks finished, gets a copy; the first to finish wins.
   */
  speculation?: boolean | Partial<SpeculationOptions>;
  /**
   * Spark's console progress bar on stderr while stages run longer than half a second (only when stderr is a
   * terminal). `true`, or options (an `enabled` predicate lets a configuration key switch it at run time).
   * Default: on when the environment has KINDLING_CONSOLE_PROGRESS=1, as `kindling run` and the shell set it.
   */
  showConsoleProgress?: boolean | ConsoleProgressOptions;
}

/** The master when none is given: KINDLING_MASTER, else one worker thread per core. */
export function defaultMaster(env: NodeJS.ProcessEnv = process.env): string {
  return env.KINDLING_MASTER?.trim() || 'local[*]';
}

/** Number of worker threads for a master URL, or 0 for inline execution. */
export function parseMaster(master: string): number {
  if (master === 'local') return 0;
  const m = /^local\[(\d+|\*)\]$/.exec(master);
  if (!m) {
    throw new IllegalArgumentError(
      'INVALID_MASTER',
      `Unknown master '${master}'. Use 'local' (one thread, inline), 'local[N]' (N worker threads) or 'local[*]' (one per core).`,
    );
  }
  const n = m[1] === '*' ? availableParallelism() : Number(m[1]);
  if (n < 1) throw new IllegalArgumentError('INVALID_MASTER', `master '${master}' needs at least one thread`);
  return n;
}

/** The entry point (Spark's SparkContext): creates RDDs and runs their jobs. */
export class Context {
  readonly master: string;
  readonly appName: string;
  readonly events = new EventBus();
  readonly statusStore = new StatusStore();
  /** Set only when given explicitly; shuffles otherwise default to the largest parent's partition count. */
  readonly explicitDefaultParallelism: number | undefined;
  private readonly runner: TaskRunner;
  private readonly scheduler: DAGScheduler;
  /** @internal Cached partitions of persisted RDDs. */
  readonly blockManager: BlockManager;
  /** Fault injection for tests: kill workers, delay or fail tasks, lose shuffle outputs or cached blocks. */
  readonly faults: FaultInjector;
  private nextRddId = 0;
  private nextShuffleId = 0;
  private stopped = false;
  /** @internal Shared by all threads; see memory/memory-manager.ts. */
  readonly memory: MemoryManager;
  /** This context's directory for temporary files; removed by stop(). */
  readonly localDir: string;
  /** The console progress bar listening to this context's events, when it is turned on. */
  readonly progressBar: ConsoleProgressBar | null;

  constructor(options: ContextOptions = {}) {
    this.master = options.master ?? defaultMaster();
    this.appName = options.appName ?? 'kindling';
    const threads = parseMaster(this.master);
    const heapMb = options.workerHeapMb ?? Math.max(512, Math.min(4096, Math.floor(totalmem() / 2 ** 20 / 2 / Math.max(1, threads))));
    const budget = options.memoryBudget === undefined ? defaultMemoryBudget() : parseBytes(options.memoryBudget);
    this.runner = threads === 0 ? new InlineRunner() : new PoolRunner(threads, heapMb, workerYoungGenerationMb(budget, threads));
    if (options.defaultParallelism !== undefined && !(Number.isInteger(options.defaultParallelism) && options.defaultParallelism > 0)) {
      throw new IllegalArgumentError('INVALID_PARTITION_COUNT', `defaultParallelism must be a positive integer, got ${options.defaultParallelism}`);
    }
    this.explicitDefaultParallelism = options.defaultParallelism;
    const maxFailures = options.maxFailures ?? 4;
    if (!(Number.isInteger(maxFailures) && maxFailures >= 1)) {
      throw new IllegalArgumentError('INVALID_MAX_FAILURES', `maxFailures must be an integer >= 1, got ${maxFailures}`);
    }
    this.memory = MemoryManager.create(budget);
    this.localDir = createLocalDir(this.appName, options.localDir);
    this.scheduler = new DAGScheduler(this.runner, this.events, this.statusStore, maxFailures, {
      localDir: this.localDir,
      memory: this.memory.handle,
    }, {
      ...DEFAULT_SPECULATION,
      ...(typeof options.speculation === 'object' ? { enabled: true, ...options.speculation } : { enabled: options.speculation === true }),
    });
    this.blockManager = new BlockManager(this.memory, join(this.localDir, 'blocks'));
    this.faults = new FaultInjector(this.scheduler.mapOutputs, (rddId, p) => this.blockManager.evict(rddId, p));
    this.scheduler.faults = this.faults;
    this.scheduler.blocks = this.blockManager;
    const progress = options.showConsoleProgress ?? consoleProgressFromEnv();
    this.progressBar = progress ? new ConsoleProgressBar(this.events, progress === true ? {} : progress) : null;
  }

  /** Default number of partitions: the thread count (1 for 'local'), unless set in the options. */
  get defaultParallelism(): number {
    return this.explicitDefaultParallelism ?? this.runner.parallelism;
  }

  /** Default minimum partitions for textFile: min(defaultParallelism, 2), as Spark. */
  get defaultMinPartitions(): number {
    return Math.min(this.defaultParallelism, 2);
  }

  /** @internal */
  newRddId(): number {
    return this.nextRddId++;
  }

  /** @internal */
  newShuffleId(): number {
    return this.nextShuffleId++;
  }

  /** Distributes a local collection into `numSlices` partitions (contiguous slices, in order). */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    const values = Array.from(data);
    const n = checkSlices(numSlices);
    return new RDD<T>(this, {
      kind: 'parallelize',
      className: 'ParallelCollectionRDD',
      deps: [],
      partitions: () =>
        Array.from({ length: n }, (_, i) => ({
          index: i,
          values: values.slice(Math.floor((i * values.length) / n), Math.floor(((i + 1) * values.length) / n)),
        })),
      callSite: `parallelize at ${userCallSite()}`,
    });
  }

  /** Numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0..n-1. Computed lazily. */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    if (end === undefined) [start, end] = [0, start];
    if (step === 0 || !Number.isFinite(step)) throw new IllegalArgumentError('INVALID_STEP', `range: step must be a non-zero number, got ${step}`);
    const length = Math.max(0, Math.ceil((end - start) / step));
    const n = checkSlices(numSlices);
    return new RDD<number>(this, {
      kind: 'range',
      className: 'ParallelCollectionRDD',
      deps: [],
      partitions: () =>
        Array.from({ length: n }, (_, i) => ({
          index: i,
          start,
          step,
          from: Math.floor((i * length) / n),
          to: Math.floor(((i + 1) * length) / n),
        })),
      callSite: `range at ${userCallSite()}`,
    });
  }

  /**
   * Lines of text files: a file, a directory, a glob or a comma-separated list. Large files are split into byte
   * ranges aligned to line boundaries (each line is read exactly once); .gz files are read whole.
   */
  textFile(path: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    return new RDD<string>(this, {
      kind: 'textFile',
      className: 'TextFileRDD',
      deps: [],
      partitions: () => computeSplits(listInputFiles(path), minPartitions) as unknown as Partition[],
      callSite: `textFile at ${userCallSite()}`,
      name: path,
    });
  }

  /** [path, content] for each file. */
  wholeTextFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    return new RDD<[string, string]>(this, {
      kind: 'wholeTextFiles',
      className: 'WholeTextFileRDD',
      deps: [],
      partitions: () => {
        const files = listInputFiles(path).map((f) => f.path);
        const n = Math.max(1, Math.min(minPartitions, files.length));
        return Array.from({ length: files.length ? n : 0 }, (_, i) => ({
          index: i,
          paths: files.slice(Math.floor((i * files.length) / n), Math.floor(((i + 1) * files.length) / n)),
        }));
      },
      callSite: `wholeTextFiles at ${userCallSite()}`,
      name: path,
    });
  }

  emptyRDD<T>(): RDD<T> {
    return new RDD<T>(this, { kind: 'parallelize', className: 'EmptyRDD', deps: [], partitions: () => [], callSite: `emptyRDD at ${userCallSite()}` });
  }

  /** Concatenates RDDs: their partitions, in order. */
  union<T>(rdds: RDD<T>[]): RDD<T> {
    if (rdds.length === 0) return this.emptyRDD();
    for (const r of rdds) {
      if (r.context !== this) {
        throw new IllegalArgumentError('RDD_FROM_OTHER_CONTEXT', 'union: every RDD must belong to this Context');
      }
    }
    return new RDD<T>(this, {
      kind: 'union',
      className: 'UnionRDD',
      deps: rdds.map((r) => new NarrowDependency(r as RDD<unknown>, 'range')),
      partitions: () => {
        const out: Partition[] = [];
        rdds.forEach((r, parentIndex) => {
          for (const parentSplit of r.partitions) out.push({ index: out.length, parentIndex, parentSplit });
        });
        return out;
      },
      callSite: `union at ${userCallSite()}`,
    });
  }

  // ---- shared variables (docs/SHARED-VARIABLES.md) ------------------------------------------------------------

  /** A read-only value serialized once and shipped to each worker thread once (Spark's broadcast). Read `b.value` in tasks. */
  broadcast<T>(value: T): Broadcast<T> {
    if (this.stopped) throw new ContextStoppedError();
    return new Broadcast(value, this);
  }

  /** Registers an accumulator so tasks can add to it (Spark's SparkContext.register). */
  register(acc: AccumulatorV2<any, any>, name?: string): void {
    registerAccumulator(acc, name);
  }

  /** A registered accumulator that sums and counts integers. */
  longAccumulator(name?: string): LongAccumulator {
    const acc = new LongAccumulator();
    registerAccumulator(acc, name);
    return acc;
  }

  /** A registered accumulator that sums and counts numbers. */
  doubleAccumulator(name?: string): DoubleAccumulator {
    const acc = new DoubleAccumulator();
    registerAccumulator(acc, name);
    return acc;
  }

  /** A registered accumulator that collects elements into a list. */
  collectionAccumulator<T>(name?: string): CollectionAccumulator<T> {
    const acc = new CollectionAccumulator<T>();
    registerAccumulator(acc, name);
    return acc;
  }

  /** Where checkpoint() writes; set with setCheckpointDir. */
  checkpointDir: string | null = null;

  /** Sets the directory under which RDD checkpoints are written (created if missing). */
  setCheckpointDir(dir: string): void {
    const path = resolve(dir);
    mkdirSync(path, { recursive: true });
    this.checkpointDir = path;
  }

  /** @internal Runs a job, then writes checkpoints the job's lineage asked for; used by actions. */
  async runJob<R>(rdd: RDD<unknown>, action: ResultSpec, partitions: number[], description: string): Promise<R[]> {
    if (this.stopped) throw new ContextStoppedError();
    const result = await this.scheduler.runJob<R>(rdd, action, partitions, { description, signal: currentSignal() });
    await rdd.writeMarkedCheckpoints();
    return result;
  }

  /**
   * Runs the map stage of a shuffle (unless an earlier job left its outputs) and returns the bytes written for
   * each reduce partition (Spark's submitMapStage): what adaptive planning decides by. Jobs that read the
   * shuffle afterwards reuse its outputs.
   */
  async submitMapStage(dep: ShuffleDependency, description = 'submitMapStage'): Promise<MapOutputStatistics> {
    if (this.stopped) throw new ContextStoppedError();
    return this.scheduler.runMapStage(dep, { description, signal: currentSignal() });
  }

  /** Cancels every running job; their actions reject with JobCancelledError. */
  cancelAllJobs(): void {
    this.scheduler.cancelAllJobs();
  }

  /** Stops the worker threads and drops shuffle outputs. The context cannot run jobs afterwards. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.progressBar?.stop();
    this.scheduler.cancelAllJobs();
    this.scheduler.mapOutputs.clear();
    this.blockManager.clear();
    await this.runner.close();
    releaseBroadcastsOf(this);
    removeLocalDir(this.localDir);
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}

function checkSlices(n: number): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new IllegalArgumentError('INVALID_PARTITION_COUNT', `numSlices must be a positive integer, got ${n}`);
  }
  return n;
}
