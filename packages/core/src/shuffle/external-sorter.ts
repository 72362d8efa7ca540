import { compareKeys } from '../keys/compare.js';
import { estimateSize, SLOT } from '../memory/size-estimator.js';
import { Reservation, type TaskMemory } from '../memory/task-memory.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import { MAX_FAN_IN } from './external-aggregator.js';
import type { FileFrameReader } from './frames.js';
import { arrayFrames, mergeSorted, RecordCursor } from './merge.js';
import { deleteRun, openSegment, RunWriter, type SpillRun } from './spill-run.js';

export interface SortOrder {
  ascending: boolean;
  /** Maps a key to the value it sorts by (PySpark's keyfunc). */
  keyFn: ((k: any) => any) | null;
}

/** Estimates record sizes from a sample: every record at first, then every 8th. */
export class SizeSampler {
  private n = 0;
  private sum = 0;
  private sampled = 0;

  observe(record: unknown): void {
    if (this.n++ < 64 || (this.n & 7) === 0) {
      this.sum += estimateSize(record);
      this.sampled++;
    }
  }

  /** Mean estimated heap bytes of a record (plus the slot that holds it). */
  get mean(): number {
    return SLOT + (this.sampled ? this.sum / this.sampled : 0);
  }
}

/**
 * Sorts the records [key, value] of a reduce partition by key under the memory budget (external merge sort).
 * Records are buffered while the task can reserve memory for them; then the buffer is sorted (stably) and written
 * as a run. The output merges the runs and the sorted in-memory rest; ties keep their arrival order, as in a
 * single stable sort.
 */
export class ExternalSorter {
  private buffer: any[] = [];
  private readonly sampler = new SizeSampler();
  private readonly reservation: Reservation;
  private runs: SpillRun[] = [];
  private readonly dir: 1 | -1;

  constructor(
    private readonly tm: TaskMemory,
    private readonly metrics: TaskMetrics,
    private readonly order: SortOrder,
    private readonly tag = 'sort',
  ) {
    this.reservation = new Reservation(tm);
    this.dir = order.ascending ? 1 : -1;
  }

  get spilled(): boolean {
    return this.runs.length > 0;
  }

  insert(record: any): void {
    this.buffer.push(record);
    this.sampler.observe(record);
    const est = this.buffer.length * this.sampler.mean;
    if (est > this.reservation.reserved && !this.reservation.fits(est)) this.spill(est);
  }

  /** Sorts the buffer in place, stably, by key (or keyFn(key)). */
  private sortBuffer(): any[] {
    const dir = this.dir;
    const keyFn = this.order.keyFn;
    let out = this.buffer;
    if (keyFn) {
      const decorated = out.map((r) => [keyFn(r[0]), r] as const);
      decorated.sort((a, b) => dir * compareKeys(a[0], b[0]));
      out = decorated.map((d) => d[1]);
    } else {
      out.sort((a, b) => dir * compareKeys(a[0], b[0]));
    }
    this.buffer = [];
    return out;
  }

  private spill(est: number): void {
    const sorted = this.sortBuffer();
    const w = new RunWriter(this.tm.spillPath(this.tag));
    try {
      w.startSegment(0);
      for (let i = 0; i < sorted.length; i++) w.push(sorted[i]);
      sorted.length = 0;
      this.runs.push(w.finish(1, this.metrics));
    } catch (e) {
      w.abort();
      throw e;
    }
    this.metrics.memoryBytesSpilled += Math.round(est);
    this.reservation.releaseAll();
  }

  private cursor(frames: () => unknown[] | null, order: number): RecordCursor {
    const keyFn = this.order.keyFn;
    return new RecordCursor(frames, order, keyFn ? (r) => keyFn(r[0]) : (r) => r[0]);
  }

  private *mergeFrom(runs: SpillRun[], memory: any[] | null): Generator<unknown> {
    const readers: FileFrameReader[] = [];
    try {
      const cursors = runs.map((run, i) => {
        const r = openSegment(run, 0);
        readers.push(r);
        return this.cursor(() => r.next(), i);
      });
      if (memory?.length) cursors.push(this.cursor(arrayFrames(memory), runs.length));
      yield* mergeSorted(cursors, this.dir);
    } finally {
      for (const r of readers) r.close();
    }
  }

  private compactRuns(): void {
    while (this.runs.length >= MAX_FAN_IN) {
      const group = this.runs.slice(0, MAX_FAN_IN);
      const w = new RunWriter(this.tm.spillPath(this.tag));
      try {
        w.startSegment(0);
        for (const r of this.mergeFrom(group, null)) w.push(r);
        const merged = w.finish(1, this.metrics);
        for (const r of group) deleteRun(r);
        this.runs.splice(0, MAX_FAN_IN, merged);
      } catch (e) {
        w.abort();
        throw e;
      }
    }
  }

  /** Every record in order, lazily. */
  records(): Iterable<unknown> {
    if (!this.spilled) return this.sortBuffer();
    this.compactRuns();
    return this.mergeFrom(this.runs, this.sortBuffer());
  }

  emit(sink: (record: any) => void): void {
    const out = this.records();
    if (Array.isArray(out)) for (let i = 0; i < out.length; i++) sink(out[i]);
    else for (const r of out) sink(r);
  }

  close(): void {
    this.reservation.releaseAll();
    for (const r of this.runs) deleteRun(r);
    this.runs = [];
    this.buffer = [];
  }
}
