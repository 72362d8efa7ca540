import { hashKey } from '../keys/hash.js';
import { KeyMap } from '../keys/key-map.js';
import { estimateSize, SLOT } from '../memory/size-estimator.js';
import { Reservation, type TaskMemory } from '../memory/task-memory.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { FileFrameReader } from './frames.js';
import { arrayFrames, hashOrder, mergeCombining, PairCursor } from './merge.js';
import { deleteRun, openSegment, RunWriter, type SpillRun } from './spill-run.js';

/** A JS Map entry with its share of the hash table. */
const ENTRY = 64;
/** Composite keys also keep their canonical string and a [key, value] pair. */
const COMPOSITE_ENTRY = ENTRY + 64;
/** Runs merged at once; more runs are first merged into bigger ones. */
export const MAX_FAN_IN = 32;

export interface CombineFns {
  createCombiner(v: any): any;
  mergeValue(c: any, v: any): any;
  mergeCombiners(a: any, b: any): any;
}

export interface ExternalAggregatorOptions {
  /** Map side: spill runs are cut by reduce partition and read back one partition at a time. */
  numPartitions?: number;
  partitionOf?: ((key: unknown) => number) | null;
  /** The combiner grows with every value (lists of groupByKey, cogroup): each merged value's size is counted. */
  grows: boolean;
  /** Names the spill files. */
  tag: string;
}

/**
 * A hash map of combiners per key that spills to disk under the memory budget (Spark's ExternalAppendOnlyMap /
 * ExternalSorter with an aggregator). Values are combined in a KeyMap; its size is estimated as it grows (keys and
 * new combiners measured, growing combiners counted per value, others sampled) and reserved from the task's memory.
 * When the reservation cannot grow, the map is sorted by (partition, key hash, key) and written as a run. The
 * output merges the runs and the in-memory rest, combining equal keys with mergeCombiners. Without a spill the
 * map is read directly, in insertion order (the fast path); after a spill keys come in (hash, key) order.
 */
export class ExternalAggregator {
  private map = new KeyMap<any>();
  private entries = 0;
  private keyBytes = 0;
  private combBytes = 0;
  private avgComb = 0;
  private combSamples = 0;
  private updates = 0;
  private readonly reservation: Reservation;
  private runs: SpillRun[] = [];
  private memoryRun: unknown[][] | null = null;
  private readonly numPartitions: number;
  private readonly partitionOf: ((key: unknown) => number) | null;
  private readonly grows: boolean;
  /** The value functions in effect (cogroup switches them per input). */
  createCombiner: (v: any) => any;
  mergeValue: (c: any, v: any) => any;

  constructor(
    private readonly tm: TaskMemory,
    private readonly metrics: TaskMetrics,
    private readonly fns: CombineFns,
    private readonly opts: ExternalAggregatorOptions,
  ) {
    this.reservation = new Reservation(tm);
    this.numPartitions = opts.partitionOf ? opts.numPartitions ?? 1 : 1;
    this.partitionOf = opts.partitionOf ?? null;
    this.grows = opts.grows;
    this.createCombiner = fns.createCombiner;
    this.mergeValue = fns.mergeValue;
  }

  /** Keys in memory now. */
  get size(): number {
    return this.map.size;
  }

  get spilled(): boolean {
    return this.runs.length > 0;
  }

  /** Estimated bytes of the in-memory map. */
  get estimatedBytes(): number {
    return this.keyBytes + (this.grows ? this.combBytes : this.entries * this.avgComb);
  }

  private sample(c: unknown): void {
    const s = estimateSize(c);
    this.combSamples++;
    // A plain mean over the first samples, then a moving average that follows combiners as they grow.
    this.avgComb += (s - this.avgComb) / Math.min(this.combSamples, 64);
  }

  insert(k: unknown, v: unknown): void {
    // The hot path (a key already present) is kept small so that V8 inlines it into the task's record loop.
    const map = this.map;
    const c = map.get(k);
    if (c === undefined && !map.has(k)) {
      this.insertNew(k, v);
      return;
    }
    const nc = this.mergeValue(c, v);
    map.set(k, nc);
    if (this.grows || (++this.updates & 63) === 0) this.updated(v, nc);
  }

  private insertNew(k: unknown, v: unknown): void {
    const nc = this.createCombiner(v);
    this.map.set(k, nc);
    this.entries++;
    this.keyBytes += typeof k === 'object' && k !== null ? COMPOSITE_ENTRY + 2 * estimateSize(k) : ENTRY + estimateSize(k);
    if (this.grows) this.combBytes += estimateSize(nc);
    else if (this.combSamples < 32 || (this.entries & 15) === 0) this.sample(nc);
    this.check();
  }

  /** A combiner changed: growing combiners count the value; others are sampled now and then. */
  private updated(v: unknown, nc: unknown): void {
    if (this.grows) this.combBytes += SLOT + estimateSize(v);
    else this.sample(nc);
    this.check();
  }

  private check(): void {
    const est = this.keyBytes + (this.grows ? this.combBytes : this.entries * this.avgComb);
    if (est > this.reservation.reserved && !this.reservation.fits(est)) this.spill(est);
  }

  /** The in-memory map sorted by (partition, hash, key): per partition, a flat array [k0, c0, k1, c1, ...]. */
  private sortedMemory(): unknown[][] {
    const n = this.map.size;
    const keys = new Array<unknown>(n);
    const combs = new Array<unknown>(n);
    const hashes = new Int32Array(n);
    const partitionOf = this.partitionOf;
    const parts = partitionOf && this.numPartitions > 1 ? new Int32Array(n) : null;
    let i = 0;
    this.map.forEach((c, k) => {
      keys[i] = k;
      combs[i] = c;
      hashes[i] = hashKey(k);
      if (parts) parts[i] = partitionOf!(k);
      i++;
    });
    this.map = new KeyMap();
    const order = hashOrder(hashes, parts, this.numPartitions, keys);
    const out: unknown[][] = Array.from({ length: this.numPartitions }, () => []);
    for (let j = 0; j < n; j++) {
      const x = order[j]!;
      out[parts ? parts[x]! : 0]!.push(keys[x], combs[x]);
    }
    return out;
  }

  private spill(est: number): void {
    const sorted = this.sortedMemory();
    const w = new RunWriter(this.tm.spillPath(this.opts.tag));
    try {
      sorted.forEach((flat, p) => {
        w.startSegment(p);
        for (let i = 0; i < flat.length; i += 2) w.push2(flat[i], flat[i + 1]);
        flat.length = 0;
      });
      this.runs.push(w.finish(this.numPartitions, this.metrics));
    } catch (e) {
      w.abort();
      throw e;
    }
    this.metrics.memoryBytesSpilled += Math.round(est);
    this.entries = 0;
    this.keyBytes = 0;
    this.combBytes = 0;
    this.reservation.releaseAll();
  }

  /** Without a spill: the combiners in memory, in first-insertion order. */
  forEachInMemory(fn: (c: any, k: unknown) => void): void {
    this.map.forEach(fn);
  }

  /** Merges runs into bigger ones until one merge can read them all at once. */
  private compactRuns(): void {
    while (this.runs.length >= MAX_FAN_IN) {
      const group = this.runs.slice(0, MAX_FAN_IN);
      const w = new RunWriter(this.tm.spillPath(this.opts.tag));
      try {
        for (let p = 0; p < this.numPartitions; p++) {
          w.startSegment(p);
          for (const [k, c] of this.mergeFrom(group, null, p)) w.push2(k, c);
        }
        const merged = w.finish(this.numPartitions, this.metrics);
        for (const r of group) deleteRun(r);
        this.runs.splice(0, MAX_FAN_IN, merged);
      } catch (e) {
        w.abort();
        throw e;
      }
    }
  }

  private *mergeFrom(runs: SpillRun[], memory: unknown[] | null, p: number): Generator<[unknown, unknown]> {
    const readers: FileFrameReader[] = [];
    try {
      const cursors = runs.map((run, i) => {
        const r = openSegment(run, p);
        readers.push(r);
        return new PairCursor(() => r.next(), i);
      });
      if (memory?.length) cursors.push(new PairCursor(arrayFrames(memory), runs.length));
      yield* mergeCombining(cursors, this.fns.mergeCombiners);
    } finally {
      for (const r of readers) r.close();
    }
  }

  /** After a spill: the combined records of partition `p`, merged from every run and the in-memory rest. */
  mergedPartition(p: number): Generator<[unknown, unknown]> {
    if (!this.memoryRun) {
      this.compactRuns();
      this.memoryRun = this.sortedMemory();
    }
    const memory = this.memoryRun[p]!;
    this.memoryRun[p] = [];
    return this.mergeFrom(this.runs, memory, p);
  }

  /** Pushes every [key, combiner] (a single partition). */
  emit(sink: (record: [unknown, unknown]) => void): void {
    if (!this.spilled) {
      this.map.forEach((c, k) => sink([k, c]));
      return;
    }
    for (const r of this.mergedPartition(0)) sink(r);
  }

  /** Every [key, combiner] lazily (a single partition). */
  records(): Iterable<[unknown, unknown]> {
    return this.spilled ? this.mergedPartition(0) : (this.map.entries() as Iterable<[unknown, unknown]>);
  }

  /** Gives back memory and deletes the runs. */
  close(): void {
    this.reservation.releaseAll();
    for (const r of this.runs) deleteRun(r);
    this.runs = [];
    this.map = new KeyMap();
    this.memoryRun = null;
  }
}
