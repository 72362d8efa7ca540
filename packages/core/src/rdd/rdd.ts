import { IllegalArgumentError, KindlingError } from '../errors.js';
import type { ElementOp } from '../exec/element-ops.js';
import type { ResultSpec } from '../exec/result-actions.js';
import { fnParam, type FnParam } from '../lineage/fn-param.js';
import { NarrowDependency, ShuffleDependency, type Dependency } from '../lineage/dependency.js';
import type { Partition } from '../lineage/partition.js';
import { DirectPartitioner, FunctionPartitioner, HashPartitioner, Partitioner, RangePartitioner } from '../partitioner/partitioner.js';
import type { AggregatorSpec } from '../shuffle/aggregator.js';
import { randomSeed } from '../util/random.js';
import { userCallSite } from '../util/call-site.js';
import type { Context } from '../context.js';
import { toDebugString } from './debug-string.js';
import * as actions from './actions.js';
import { computeRangeBounds } from './range-bounds.js';
import type { StatCounter } from '../util/stat-counter.js';
import { withActionOptions, type ActionOptions } from '../util/action-scope.js';
import { StorageLevel } from '../storage/storage-level.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface RDDInit {
  kind: string;
  /** Spark's class name for toDebugString, e.g. 'MapPartitionsRDD'. */
  className: string;
  params?: unknown;
  deps: Dependency[];
  partitions: () => Partition[];
  partitioner?: Partitioner | null;
  /** "map at file.ts:12" */
  callSite: string;
  name?: string | null;
}

type PartitionerArg = number | Partitioner | undefined;

/**
 * A Resilient Distributed Dataset: an immutable, partitioned collection defined by its lineage. Transformations
 * are lazy and return new RDDs; actions run a job and return a Promise.
 */
export class RDD<T> {
  readonly id: number;
  /** The operator that computes it ('checkpointed' once its lineage is truncated by a checkpoint). */
  kind: string;
  readonly className: string;
  readonly params: unknown;
  /** Replaced by the checkpoint once one is written. */
  dependencies: Dependency[];
  readonly partitioner: Partitioner | null;
  readonly callSite: string;
  name: string | null;
  private partitionList: Partition[] | null = null;
  private readonly makePartitions: () => Partition[];
  /** Work to do before a stage containing this RDD can be shipped (e.g. zipWithIndex's partition offsets). */
  protected beforeStage: (() => Promise<void>) | null = null;

  constructor(
    readonly context: Context,
    init: RDDInit,
  ) {
    this.id = context.newRddId();
    this.kind = init.kind;
    this.className = init.className;
    this.params = init.params ?? null;
    this.dependencies = init.deps;
    this.makePartitions = init.partitions;
    this.partitioner = init.partitioner ?? null;
    this.callSite = init.callSite;
    this.name = init.name ?? null;
  }

  // ---- identity and lineage ------------------------------------------------------------------------------

  get partitions(): Partition[] {
    this.partitionList ??= this.makePartitions();
    return this.partitionList;
  }

  getNumPartitions(): number {
    return this.partitions.length;
  }

  setName(name: string): this {
    this.name = name;
    return this;
  }

  toString(): string {
    return `${this.name ? this.name + ' ' : ''}${this.className}[${this.id}] at ${this.callSite}`;
  }

  /** How this RDD is persisted (StorageLevel.NONE unless persist/cache was called). */
  storageLevel: StorageLevel = StorageLevel.NONE;

  /**
   * Keeps computed partitions for later jobs (default MEMORY_ONLY). Blocks count against the memory budget; see
   * docs/RDD.md for eviction and recomputation.
   */
  persist(level: StorageLevel = StorageLevel.MEMORY_ONLY): this {
    if (this.storageLevel.isValid && this.storageLevel !== level) {
      throw new IllegalArgumentError(
        'STORAGE_LEVEL_CHANGE',
        `Cannot change the storage level of an RDD that is already persisted (${this.storageLevel} to ${level}); call unpersist() first.`,
      );
    }
    this.storageLevel = level;
    return this;
  }

  cache(): this {
    return this.persist(StorageLevel.MEMORY_ONLY);
  }

  /** Drops the cached partitions and stops caching. */
  unpersist(): this {
    this.context.blockManager.removeRdd(this.id);
    this.storageLevel = StorageLevel.NONE;
    return this;
  }

  getStorageLevel(): StorageLevel {
    return this.storageLevel;
  }

  private checkpointMark: 'reliable' | 'local' | null = null;
  private checkpointDir: string | null = null;

  /**
   * Marks the RDD for checkpointing: after the next job that computes it, its partitions are written to the
   * context's checkpoint directory and its lineage is replaced by the files, so later jobs and recoveries read
   * them instead of recomputing upstream. Persist it first to avoid computing it twice.
   */
  checkpoint(): void {
    if (!this.context.checkpointDir) {
      throw new IllegalArgumentError(
        'CHECKPOINT_DIR_NOT_SET',
        'Checkpoint directory has not been set: call context.setCheckpointDir(dir) first, or use localCheckpoint().',
      );
    }
    if (!this.checkpointDir) this.checkpointMark = 'reliable';
  }

  /** Like checkpoint(), but written to the context's local directory (fast; gone when the context stops). */
  localCheckpoint(): this {
    if (!this.checkpointDir) this.checkpointMark = 'local';
    return this;
  }

  isCheckpointed(): boolean {
    return this.checkpointDir !== null;
  }

  /** The directory holding this RDD's checkpoint files, once written. */
  getCheckpointFile(): string | null {
    return this.checkpointDir;
  }

  /** @internal Writes the checkpoints marked on this RDD or its ancestors (the nearest ones), after a job. */
  async writeMarkedCheckpoints(): Promise<void> {
    const marked: RDD<unknown>[] = [];
    const seen = new Set<number>();
    const visit = (r: RDD<unknown>) => {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      if (r.checkpointMark) marked.push(r);
      else for (const d of r.dependencies) visit(d.rdd);
    };
    visit(this as RDD<unknown>);
    for (const r of marked) await r.writeCheckpoint();
  }

  private async writeCheckpoint(): Promise<void> {
    const local = this.checkpointMark === 'local';
    this.checkpointMark = null;
    const root = local ? join(this.context.localDir, 'checkpoints') : this.context.checkpointDir!;
    const dir = join(root, `rdd-${this.id}-${randomUUID()}`);
    mkdirSync(dir, { recursive: true });
    await this.runJob({ kind: 'writeCheckpoint', dir }, `checkpoint at ${this.callSite.replace(/^.* at /, '')}`);
    const n = this.getNumPartitions();
    const files = new RDD<T>(this.context, {
      kind: 'checkpointFile',
      className: local ? 'LocalCheckpointRDD' : 'ReliableCheckpointRDD',
      deps: [],
      partitions: () => Array.from({ length: n }, (_, index) => ({ index, path: join(dir, `part-${String(index).padStart(5, '0')}`) })),
      partitioner: this.partitioner,
      callSite: this.callSite,
    });
    // Truncate the lineage: this RDD now reads its checkpoint, partition for partition.
    this.partitionList = files.partitions;
    this.dependencies = [new NarrowDependency(files as RDD<unknown>)];
    this.kind = 'checkpointed';
    this.checkpointDir = dir;
  }

  /** Storage level shown in toDebugString. */
  storageDescription(): string {
    return this.storageLevel.description();
  }

  /** The lineage, with shuffle boundaries marked, in Spark's format. */
  toDebugString(): string {
    return toDebugString(this as RDD<unknown>);
  }

  /** @internal Called by the scheduler before a stage containing this RDD runs. */
  async prepare(): Promise<void> {
    if (this.beforeStage) {
      const f = this.beforeStage;
      this.beforeStage = null;
      await f();
    }
  }

  // ---- building blocks ------------------------------------------------------------------------------------

  /** @internal A one-to-one child computed in the same task. */
  elementwise<U>(op: ElementOp, opName: string, preservesPartitioning = false): RDD<U> {
    return new RDD<U>(this.context, {
      kind: 'elementwise',
      className: 'MapPartitionsRDD',
      params: { op },
      deps: [new NarrowDependency(this as RDD<unknown>)],
      partitions: () => this.partitions,
      partitioner: preservesPartitioning ? this.partitioner : null,
      callSite: `${opName} at ${userCallSite()}`,
    });
  }

  /** @internal A child computed from each whole parent partition. */
  partitionwise<U>(params: unknown, opName: string, preservesPartitioning: boolean): RDD<U> {
    return new RDD<U>(this.context, {
      kind: 'mapPartitions',
      className: 'MapPartitionsRDD',
      params,
      deps: [new NarrowDependency(this as RDD<unknown>)],
      partitions: () => this.partitions,
      partitioner: preservesPartitioning ? this.partitioner : null,
      callSite: `${opName} at ${userCallSite()}`,
    });
  }

  /** @internal Shuffles pairs by `partitioner`, optionally aggregating and/or sorting by key. */
  shuffle<U>(
    partitioner: Partitioner,
    opName: string,
    options: { aggregator?: AggregatorSpec | null; mapSideCombine?: boolean; sort?: ShuffleDependency['sort'] } = {},
  ): RDD<U> {
    const callSite = `${opName} at ${userCallSite()}`;
    const dep = new ShuffleDependency(
      this as RDD<unknown>,
      this.context.newShuffleId(),
      partitioner,
      options.aggregator ?? null,
      options.mapSideCombine ?? false,
      options.sort ?? null,
    );
    dep.callSite = callSite;
    return new RDD<U>(this.context, {
      kind: 'shuffled',
      className: 'ShuffledRDD',
      params: { aggregator: dep.aggregator, mapSideCombine: dep.mapSideCombine, sort: dep.sort },
      deps: [dep],
      partitions: () => Array.from({ length: partitioner.numPartitions }, (_, index) => ({ index })),
      partitioner,
      callSite,
    });
  }

  /** Spark's defaultPartitioner: reuse the largest existing partitioner of the inputs, else hash partition. */
  private defaultPartitioner(others: RDD<unknown>[], numPartitions?: PartitionerArg): Partitioner {
    if (numPartitions instanceof Partitioner) return numPartitions;
    if (numPartitions !== undefined) return new HashPartitioner(checkPartitions(numPartitions, 'numPartitions'));
    const all = [this as RDD<unknown>, ...others];
    const withPartitioner = all.filter((r) => r.partitioner && r.partitioner.numPartitions > 0);
    if (withPartitioner.length) {
      return withPartitioner.reduce((a, b) => (b.partitioner!.numPartitions > a.partitioner!.numPartitions ? b : a)).partitioner!;
    }
    const n = this.context.explicitDefaultParallelism ?? Math.max(...all.map((r) => r.getNumPartitions()));
    return new HashPartitioner(Math.max(1, n));
  }

  /** @internal combineByKey with an aggregator described as data; no shuffle when already partitioned alike. */
  combineWith<U>(aggregator: AggregatorSpec, opName: string, numPartitions: PartitionerArg, mapSideCombine = true): RDD<U> {
    const part = this.defaultPartitioner([], numPartitions);
    if (part.equals(this.partitioner)) {
      return new RDD<U>(this.context, {
        kind: 'aggregateLocal',
        className: 'MapPartitionsRDD',
        params: { aggregator },
        deps: [new NarrowDependency(this as RDD<unknown>)],
        partitions: () => this.partitions,
        partitioner: this.partitioner,
        callSite: `${opName} at ${userCallSite()}`,
      });
    }
    return this.shuffle<U>(part, opName, { aggregator, mapSideCombine });
  }

  // ---- transformations ------------------------------------------------------------------------------------

  map<U>(f: (x: T) => U): RDD<U> {
    return this.elementwise({ kind: 'map', fn: fnParam(f, 'map') }, 'map');
  }

  filter(f: (x: T) => unknown): RDD<T> {
    return this.elementwise({ kind: 'filter', fn: fnParam(f, 'filter') }, 'filter', true);
  }

  flatMap<U>(f: (x: T) => Iterable<U>): RDD<U> {
    return this.elementwise({ kind: 'flatMap', fn: fnParam(f, 'flatMap') }, 'flatMap');
  }

  /** `f` receives an iterator over the partition and returns an iterable (an array or a generator). */
  mapPartitions<U>(f: (it: Iterator<T>) => Iterable<U>, preservesPartitioning = false): RDD<U> {
    return this.partitionwise({ mode: 'fn', fn: fnParam(f, 'mapPartitions') }, 'mapPartitions', preservesPartitioning);
  }

  mapPartitionsWithIndex<U>(f: (index: number, it: Iterator<T>) => Iterable<U>, preservesPartitioning = false): RDD<U> {
    return this.partitionwise(
      { mode: 'withIndex', fn: fnParam(f, 'mapPartitionsWithIndex') },
      'mapPartitionsWithIndex',
      preservesPartitioning,
    );
  }

  /** Each partition as one array. */
  glom(): RDD<T[]> {
    return this.partitionwise({ mode: 'glom' }, 'glom', false);
  }

  keyBy<K>(f: (x: T) => K): RDD<[K, T]> {
    return this.elementwise({ kind: 'keyBy', fn: fnParam(f, 'keyBy') }, 'keyBy');
  }

  distinct(numPartitions?: number): RDD<T> {
    return this.elementwise<[T, null]>({ kind: 'pairWithNull' }, 'distinct')
      .combineWith<[T, null]>({ kind: 'keepFirst' }, 'distinct', numPartitions)
      .elementwise({ kind: 'keys' }, 'distinct');
  }

  union(other: RDD<T>): RDD<T> {
    return this.context.union([this, other]);
  }

  /** Elements present in both (without duplicates). */
  intersection(other: RDD<T>, numPartitions?: number): RDD<T> {
    const a = this.elementwise<[T, null]>({ kind: 'pairWithNull' }, 'intersection');
    const b = other.elementwise<[T, null]>({ kind: 'pairWithNull' }, 'intersection');
    return a.cogroupAll([b], numPartitions, 'intersection').elementwise({ kind: 'cogroupAllPresent' }, 'intersection');
  }

  /** Elements of this RDD that are not in `other` (duplicates in this RDD are kept, as in Spark). */
  subtract(other: RDD<T>, numPartitions?: number): RDD<T> {
    const a = this.elementwise<[T, null]>({ kind: 'pairWithNull' }, 'subtract');
    const b = other.elementwise<[T, null]>({ kind: 'pairWithNull' }, 'subtract');
    return a.cogroupAll([b], numPartitions ?? this.getNumPartitions(), 'subtract').elementwise(
      { kind: 'cogroupLeftOnly', emit: 'key' },
      'subtract',
    );
  }

  cartesian<U>(other: RDD<U>): RDD<[T, U]> {
    const n2 = () => other.getNumPartitions();
    return new RDD<[T, U]>(this.context, {
      kind: 'cartesian',
      className: 'CartesianRDD',
      deps: [new NarrowDependency(this as RDD<unknown>, 'general'), new NarrowDependency(other as RDD<unknown>, 'general')],
      partitions: () =>
        this.partitions.flatMap((s1) => other.partitions.map((s2) => ({ index: s1.index * n2() + s2.index, s1, s2 }))),
      callSite: `cartesian at ${userCallSite()}`,
    });
  }

  /** Pairs elements by position; both RDDs need the same number of partitions and of elements per partition. */
  zip<U>(other: RDD<U>): RDD<[T, U]> {
    const callSite = `zip at ${userCallSite()}`;
    return new RDD<[T, U]>(this.context, {
      kind: 'zip',
      className: 'ZippedPartitionsRDD2',
      deps: [new NarrowDependency(this as RDD<unknown>), new NarrowDependency(other as RDD<unknown>)],
      partitions: () => {
        const a = this.partitions;
        const b = other.partitions;
        if (a.length !== b.length) {
          throw new IllegalArgumentError(
            'ZIP_UNEQUAL_PARTITIONS',
            `zip: cannot zip RDDs with different numbers of partitions (${a.length} and ${b.length}). ` +
              'Repartition one side, or use zipWithIndex on both and join on the index.',
          );
        }
        return a.map((s1, i) => ({ index: i, s1, s2: b[i]! }));
      },
      callSite,
    });
  }

  /** Pairs each element with its index in the RDD's order; runs a job counting partitions first (as Spark). */
  zipWithIndex(): RDD<[T, number]> {
    const op: ElementOp & { kind: 'zipWithIndex' } = { kind: 'zipWithIndex', offsets: null };
    const rdd = this.elementwise<[T, number]>(op, 'zipWithIndex');
    rdd.beforeStage = async () => {
      const n = this.getNumPartitions();
      const counts = n > 1 ? await this.context.runJob<number>(this, { kind: 'count' }, range(n - 1), 'zipWithIndex') : [];
      const offsets = [0];
      for (const c of counts) offsets.push(offsets[offsets.length - 1]! + c);
      op.offsets = offsets;
    };
    return rdd;
  }

  /** Ids k, n+k, 2n+k, ... in partition k of n: unique, not consecutive, no job needed. */
  zipWithUniqueId(): RDD<[T, number]> {
    return this.elementwise({ kind: 'zipWithUniqueId', numPartitions: this.getNumPartitions() }, 'zipWithUniqueId');
  }

  sample(withReplacement: boolean, fraction: number, seed: number = randomSeed()): RDD<T> {
    if (!(fraction >= 0) || (!withReplacement && fraction > 1)) {
      throw new IllegalArgumentError(
        'INVALID_FRACTION',
        `sample: fraction must be in [0, 1] without replacement and >= 0 with replacement, got ${fraction}`,
      );
    }
    return this.elementwise({ kind: 'sample', withReplacement, fraction, seed }, 'sample', true);
  }

  /** Splits randomly by weights (normalised to sum 1); the splits are disjoint and cover the RDD. */
  randomSplit(weights: number[], seed: number = randomSeed()): RDD<T>[] {
    if (weights.length === 0 || weights.some((w) => !(w >= 0)) || weights.every((w) => w === 0)) {
      throw new IllegalArgumentError('INVALID_WEIGHTS', `randomSplit: weights must be non-negative with a positive sum, got [${weights}]`);
    }
    const total = weights.reduce((a, b) => a + b, 0);
    let lower = 0;
    return weights.map((w) => {
      const upper = lower + w / total;
      const r = this.elementwise<T>({ kind: 'randomSplit', lower, upper, seed }, 'randomSplit', true);
      lower = upper;
      return r;
    });
  }

  groupBy<K>(f: (x: T) => K, numPartitions?: number): RDD<[K, T[]]> {
    return this.keyBy(f).groupByKey(numPartitions);
  }

  /** Fewer partitions without a shuffle (contiguous parent partitions merge), or any number with one. */
  coalesce(numPartitions: number, shuffle = false): RDD<T> {
    const n = checkPartitions(numPartitions, 'numPartitions');
    if (shuffle) {
      // Spread elements round-robin from a per-partition start so output partitions are balanced.
      const spread = this.partitionwise<[number, T]>({ mode: 'distribute', numPartitions: n }, 'repartition', false);
      return spread.shuffle<[number, T]>(new DirectPartitioner(n), 'repartition').elementwise({ kind: 'values' }, 'repartition');
    }
    return new RDD<T>(this.context, {
      kind: 'coalesce',
      className: 'CoalescedRDD',
      deps: [new NarrowDependency(this as RDD<unknown>, 'general')],
      partitions: () => {
        const parents = this.partitions;
        const m = Math.min(n, parents.length);
        return Array.from({ length: m }, (_, i) => ({
          index: i,
          parentSplits: parents.slice(Math.floor((i * parents.length) / m), Math.floor(((i + 1) * parents.length) / m)),
        }));
      },
      callSite: `coalesce at ${userCallSite()}`,
    });
  }

  repartition(numPartitions: number): RDD<T> {
    return this.coalesce(numPartitions, true);
  }

  sortBy<K>(keyFn: (x: T) => K, ascending = true, numPartitions?: number): RDD<T> {
    return this.keyBy(keyFn).sortByKey(ascending, numPartitions).values();
  }

  /**
   * Pipes each partition through an external command: elements become input lines, output lines become
   * elements. A string command is split like a shell would (quotes respected, no shell features).
   */
  pipe(command: string | string[], env: Record<string, string> = {}, checkCode = true): RDD<string> {
    const argv = typeof command === 'string' ? splitCommand(command) : command;
    if (argv.length === 0) throw new IllegalArgumentError('INVALID_COMMAND', 'pipe: the command is empty');
    return new RDD<string>(this.context, {
      kind: 'pipe',
      className: 'PipedRDD',
      params: { argv, env, checkCode },
      deps: [new NarrowDependency(this as RDD<unknown>)],
      partitions: () => this.partitions,
      callSite: `pipe at ${userCallSite()}`,
    });
  }

  // ---- pair transformations -------------------------------------------------------------------------------

  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]> {
    return this.elementwise({ kind: 'mapValues', fn: fnParam(f, 'mapValues') }, 'mapValues', true);
  }

  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]> {
    return this.elementwise({ kind: 'flatMapValues', fn: fnParam(f, 'flatMapValues') }, 'flatMapValues', true);
  }

  keys<K, V>(this: RDD<[K, V]>): RDD<K> {
    return this.elementwise({ kind: 'keys' }, 'keys');
  }

  values<K, V>(this: RDD<[K, V]>): RDD<V> {
    return this.elementwise({ kind: 'values' }, 'values');
  }

  /** Merges values per key with an associative, commutative `f`; combines inside each map task first. */
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: PartitionerArg): RDD<[K, V]> {
    return this.combineWith({ kind: 'reduce', fn: fnParam(f, 'reduceByKey') }, 'reduceByKey', numPartitions);
  }

  foldByKey<K, V>(this: RDD<[K, V]>, zeroValue: V, f: (a: V, b: V) => V, numPartitions?: PartitionerArg): RDD<[K, V]> {
    return this.combineWith({ kind: 'fold', zero: zeroValue, fn: fnParam(f, 'foldByKey') }, 'foldByKey', numPartitions);
  }

  aggregateByKey<K, V, U>(
    this: RDD<[K, V]>,
    zeroValue: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    numPartitions?: PartitionerArg,
  ): RDD<[K, U]> {
    return this.combineWith(
      { kind: 'aggregate', zero: zeroValue, seqOp: fnParam(seqOp, 'aggregateByKey'), combOp: fnParam(combOp, 'aggregateByKey') },
      'aggregateByKey',
      numPartitions,
    );
  }

  combineByKey<K, V, C>(
    this: RDD<[K, V]>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    numPartitions?: PartitionerArg,
  ): RDD<[K, C]> {
    return this.combineWith(
      {
        kind: 'combine',
        createCombiner: fnParam(createCombiner, 'combineByKey'),
        mergeValue: fnParam(mergeValue, 'combineByKey'),
        mergeCombiners: fnParam(mergeCombiners, 'combineByKey'),
      },
      'combineByKey',
      numPartitions,
    );
  }

  /** Groups values per key into arrays. No map-side combine (it would not shrink the data), as in Spark. */
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: PartitionerArg): RDD<[K, V[]]> {
    return this.combineWith({ kind: 'group' }, 'groupByKey', numPartitions, false);
  }

  /** Globally sorted by key: range-partitioned from a sample of keys, then sorted inside each partition. */
  sortByKey<K, V>(this: RDD<[K, V]>, ascending = true, numPartitions?: number, keyFn?: (k: K) => unknown): RDD<[K, V]> {
    const n = numPartitions === undefined ? this.getNumPartitions() : checkPartitions(numPartitions, 'numPartitions');
    const key: FnParam | null = keyFn ? fnParam(keyFn, 'sortByKey') : null;
    const partitioner = new RangePartitioner(Math.max(1, n), ascending, key, () =>
      computeRangeBounds(this as RDD<[unknown, unknown]>, Math.max(1, n), key),
    );
    return this.shuffle(partitioner, 'sortByKey', { sort: { ascending, keyFn: key } });
  }

  partitionBy<K, V>(this: RDD<[K, V]>, numPartitions: number | Partitioner, partitionFunc?: (k: K) => number): RDD<[K, V]> {
    const part = toPartitioner(numPartitions, partitionFunc, 'partitionBy');
    if (part.equals(this.partitioner)) return this;
    return this.shuffle(part, 'partitionBy');
  }

  repartitionAndSortWithinPartitions<K, V>(
    this: RDD<[K, V]>,
    numPartitions?: number | Partitioner,
    partitionFunc?: (k: K) => number,
    ascending = true,
    keyFn?: (k: K) => unknown,
  ): RDD<[K, V]> {
    const part = toPartitioner(numPartitions ?? this.getNumPartitions(), partitionFunc, 'repartitionAndSortWithinPartitions');
    const key = keyFn ? fnParam(keyFn, 'repartitionAndSortWithinPartitions') : null;
    return this.shuffle(part, 'repartitionAndSortWithinPartitions', { sort: { ascending, keyFn: key } });
  }

  /** @internal [k, [valuesOfThis, valuesOfOther1, ...]] */
  cogroupAll(others: RDD<unknown>[], numPartitions: PartitionerArg, opName: string): RDD<[unknown, unknown[][]]> {
    const all = [this as RDD<unknown>, ...others];
    const part = this.defaultPartitioner(others, numPartitions);
    const callSite = `${opName} at ${userCallSite()}`;
    const deps: Dependency[] = all.map((r) => {
      if (part.equals(r.partitioner)) return new NarrowDependency(r);
      const d = new ShuffleDependency(r, this.context.newShuffleId(), part, null, false, null);
      d.callSite = callSite;
      return d;
    });
    return new RDD(this.context, {
      kind: 'cogroup',
      className: 'CoGroupedRDD',
      deps,
      partitions: () =>
        Array.from({ length: part.numPartitions }, (_, index) => ({
          index,
          depSplits: deps.map((d) => (d instanceof NarrowDependency ? d.rdd.partitions[index]! : null)),
        })),
      partitioner: part,
      callSite,
    });
  }

  /** For each key, the values from this RDD and from each other RDD: [k, [vs, ws, ...]]. */
  cogroup<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: PartitionerArg): RDD<[K, [V[], W[]]]>;
  cogroup<K>(this: RDD<[K, unknown]>, others: RDD<[K, unknown]>[], numPartitions?: PartitionerArg): RDD<[K, unknown[][]]>;
  cogroup(this: RDD<[unknown, unknown]>, other: RDD<any> | RDD<any>[], numPartitions?: PartitionerArg): RDD<any> {
    const others = Array.isArray(other) ? other : [other];
    return this.cogroupAll(others as RDD<unknown>[], numPartitions, 'cogroup').elementwise({ kind: 'cogroupLists' }, 'cogroup', true);
  }

  /** Spark's groupWith: cogroup with several RDDs. */
  groupWith<K>(this: RDD<[K, unknown]>, ...others: RDD<[K, unknown]>[]): RDD<[K, unknown[][]]> {
    return this.cogroup(others);
  }

  private joinWith(other: RDD<any>, how: 'inner' | 'left' | 'right' | 'full', numPartitions: PartitionerArg, opName: string): RDD<any> {
    return this.cogroupAll([other], numPartitions, opName).elementwise({ kind: 'cogroupJoin', how }, opName, true);
  }

  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: PartitionerArg): RDD<[K, [V, W]]> {
    return this.joinWith(other, 'inner', numPartitions, 'join');
  }

  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: PartitionerArg): RDD<[K, [V, W | null]]> {
    return this.joinWith(other, 'left', numPartitions, 'leftOuterJoin');
  }

  rightOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: PartitionerArg): RDD<[K, [V | null, W]]> {
    return this.joinWith(other, 'right', numPartitions, 'rightOuterJoin');
  }

  fullOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: PartitionerArg): RDD<[K, [V | null, W | null]]> {
    return this.joinWith(other, 'full', numPartitions, 'fullOuterJoin');
  }

  /** Pairs of this RDD whose key does not appear in `other`. */
  subtractByKey<K, V>(this: RDD<[K, V]>, other: RDD<[K, unknown]>, numPartitions?: PartitionerArg): RDD<[K, V]> {
    return this.cogroupAll([other as RDD<unknown>], numPartitions ?? this.getNumPartitions(), 'subtractByKey').elementwise(
      { kind: 'cogroupLeftOnly', emit: 'pair' },
      'subtractByKey',
      true,
    );
  }

  // ---- actions ----------------------------------------------------------------------------------------------

  collect(options?: ActionOptions): Promise<T[]> {
    return withActionOptions(options, () => actions.collect(this));
  }
  count(options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => actions.count(this));
  }
  first(options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.first(this));
  }
  take(n: number, options?: ActionOptions): Promise<T[]> {
    return withActionOptions(options, () => actions.take(this, n));
  }
  /** The n smallest elements (by `key` if given), ascending. */
  takeOrdered(n: number, key?: (x: T) => unknown, options?: ActionOptions): Promise<T[]> {
    return withActionOptions(options, () => actions.takeOrdered(this, n, key, false));
  }
  /** The n largest elements (by `key` if given), descending. */
  top(n: number, key?: (x: T) => unknown, options?: ActionOptions): Promise<T[]> {
    return withActionOptions(options, () => actions.takeOrdered(this, n, key, true));
  }
  reduce(f: (a: T, b: T) => T, options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.reduce(this, f));
  }
  fold(zeroValue: T, op: (a: T, b: T) => T, options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.fold(this, zeroValue, op));
  }
  aggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U, options?: ActionOptions): Promise<U> {
    return withActionOptions(options, () => actions.aggregate(this, zeroValue, seqOp, combOp));
  }
  /** aggregate, merging partial results in a multi-level tree of shuffles instead of all on the driver. */
  treeAggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U, depth = 2, options?: ActionOptions): Promise<U> {
    return withActionOptions(options, () => actions.treeAggregate(this, zeroValue, seqOp, combOp, depth));
  }
  treeReduce(f: (a: T, b: T) => T, depth = 2, options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.treeReduce(this, f, depth));
  }
  countByKey<K>(this: RDD<[K, unknown]>, options?: ActionOptions): Promise<Map<K, number>> {
    return withActionOptions(options, () => actions.countByValue(this.keys()));
  }
  countByValue(options?: ActionOptions): Promise<Map<T, number>> {
    return withActionOptions(options, () => actions.countByValue(this));
  }
  /** Pairs as a Map (a later value for the same key wins). Keys that are objects are compared by value. */
  collectAsMap<K, V>(this: RDD<[K, V]>, options?: ActionOptions): Promise<Map<K, V>> {
    return withActionOptions(options, () => actions.collectAsMap(this));
  }
  /** Values for `key`; only one partition is scanned when the RDD has a known partitioner. */
  lookup<K, V>(this: RDD<[K, V]>, key: K, options?: ActionOptions): Promise<V[]> {
    return withActionOptions(options, () => actions.lookup(this, key));
  }
  foreach(f: (x: T) => void, options?: ActionOptions): Promise<void> {
    return withActionOptions(options, () => actions.foreach(this, f));
  }
  foreachPartition(f: (it: Iterator<T>) => void, options?: ActionOptions): Promise<void> {
    return withActionOptions(options, () => actions.foreachPartition(this, f));
  }
  isEmpty(options?: ActionOptions): Promise<boolean> {
    return withActionOptions(options, () => actions.isEmpty(this));
  }
  sum(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => actions.sum(this));
  }
  mean(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => this.stats().then((s) => s.mean));
  }
  max(key?: (x: T) => unknown, options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.extreme(this, key, 1));
  }
  min(key?: (x: T) => unknown, options?: ActionOptions): Promise<T> {
    return withActionOptions(options, () => actions.extreme(this, key, -1));
  }
  /** Count, mean, stdev, min and max in one pass (Spark's StatCounter). */
  stats(this: RDD<number>, options?: ActionOptions): Promise<StatCounter> {
    return withActionOptions(options, () => actions.stats(this));
  }
  variance(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => this.stats().then((s) => s.variance));
  }
  stdev(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => this.stats().then((s) => s.stdev));
  }
  sampleVariance(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => this.stats().then((s) => s.sampleVariance));
  }
  sampleStdev(this: RDD<number>, options?: ActionOptions): Promise<number> {
    return withActionOptions(options, () => this.stats().then((s) => s.sampleStdev));
  }
  /** Elements one partition at a time: only one partition is held in memory. */
  toLocalIterator(options?: ActionOptions): AsyncIterableIterator<T> {
    return actions.toLocalIterator(this, options);
  }
  /** Writes part-00000, part-00001, ... and _SUCCESS into `path`, atomically (see docs/OUTPUT.md). */
  saveAsTextFile(path: string, options: { overwrite?: boolean } & ActionOptions = {}): Promise<void> {
    return withActionOptions(options, () => actions.saveAsTextFile(this, path, options.overwrite ?? false));
  }

  /** @internal Runs a result action on the given partitions (all by default). */
  runJob<R>(action: ResultSpec, opName: string, partitions?: number[]): Promise<R[]> {
    return this.context.runJob<R>(this as RDD<unknown>, action, partitions ?? range(this.getNumPartitions()), opName);
  }
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function checkPartitions(n: number, what: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new IllegalArgumentError('INVALID_PARTITION_COUNT', `${what} must be a positive integer, got ${n}`);
  }
  return n;
}

function toPartitioner(n: number | Partitioner, fn: ((k: any) => number) | undefined, op: string): Partitioner {
  if (n instanceof Partitioner) return n;
  const count = checkPartitions(n, 'numPartitions');
  return fn ? new FunctionPartitioner(count, fnParam(fn, op), fn) : new HashPartitioner(count);
}

/** Splits a command line into words: whitespace separates, single and double quotes group, backslash escapes. */
export function splitCommand(command: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) cur += command[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < command.length) {
      cur += command[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (quote) throw new KindlingError('INVALID_COMMAND', `pipe: unterminated ${quote} quote in command: ${command}`);
  if (has || cur) out.push(cur);
  return out;
}
