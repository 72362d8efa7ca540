import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { TaskContext } from '../exec/live-node.js';
import { Reservation, type TaskMemory } from '../memory/task-memory.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { Aggregator } from './aggregator.js';
import { ExternalAggregator } from './external-aggregator.js';
import { SizeSampler } from './external-sorter.js';
import { FileAppender, FrameBatcher, framedLength, OUTPUT_FRAME_BYTES, pushFrame, Slabs } from './frames.js';
import { packBlocks, type MapOutput } from './map-output.js';
import { deleteRun, type SpillRun } from './spill-run.js';

export interface ShuffleWriteSpec {
  shuffleId: number;
  numPartitions: number;
  partitionOf: (key: unknown) => number;
  /** Present with map-side combine: values are combined per key before anything is written. */
  combiner: Aggregator | null;
}

/**
 * Consumes the records of one map partition (pushed through `run`) and writes one block per reduce partition.
 * With a combiner, values are combined per key in an ExternalAggregator (spilling sorted runs when the task's
 * memory runs out); without one, records are serialized into frames per reduce partition as they come (spilling
 * the frames when memory runs out). An output that fits in the budget stays in shared memory; otherwise, and
 * always after a spill, it is written to a file under the context's local directory.
 */
export function writeShuffle(run: (sink: (record: any) => void) => void, spec: ShuffleWriteSpec, tc: TaskContext): MapOutput {
  return spec.combiner ? writeCombined(run, spec, spec.combiner, tc) : writePlain(run, spec, tc);
}

function writeCombined(run: (sink: (record: any) => void) => void, spec: ShuffleWriteSpec, combiner: Aggregator, tc: TaskContext): MapOutput {
  const n = spec.numPartitions;
  const { partitionOf } = spec;
  const agg = new ExternalAggregator(tc.taskMemory, tc.metrics, combiner, {
    numPartitions: n,
    partitionOf,
    grows: combiner.grows ?? false,
    tag: `shuffle${spec.shuffleId}-combine`,
  });
  try {
    run((kv) => agg.insert(kv[0], kv[1]));
    if (agg.spilled) {
      return writeFile(tc, spec.shuffleId, n, (p, out) => {
        let count = 0;
        const batcher = new FrameBatcher(OUTPUT_FRAME_BYTES, (body) => out.appendFrame(body));
        for (const r of agg.mergedPartition(p)) {
          batcher.push(r);
          count++;
        }
        batcher.flush();
        return count;
      });
    }
    const blocks: Uint8Array[][] = Array.from({ length: n }, () => []);
    const records = new Array<number>(n).fill(0);
    let bytes = 0;
    const batchers = blocks.map(
      (pieces) =>
        new FrameBatcher(OUTPUT_FRAME_BYTES, (body) => {
          bytes += pushFrame(pieces, body);
        }),
    );
    if (n === 1) {
      const only = batchers[0]!;
      agg.forEachInMemory((c, k) => only.push([k, c]));
      records[0] = agg.size;
    } else {
      agg.forEachInMemory((c, k) => {
        const p = partitionOf(k);
        batchers[p]!.push([k, c]);
        records[p]!++;
      });
    }
    for (const b of batchers) b.flush();
    agg.close(); // the map's memory goes back before the output asks for its own
    return placeOutput(blocks, records, bytes, tc, spec.shuffleId);
  } finally {
    agg.close();
  }
}

/**
 * Records without a combiner, serialized into frames per reduce partition as they arrive. The frames' bytes (and
 * an estimate for records not yet framed) are reserved from the task's memory; when that fails, every partition's
 * frames are written to a spill file, one segment per partition. The output concatenates, per partition, the
 * segments of the spill files in order and then the frames still in memory, so records keep their arrival order.
 */
class PartitionedFrames {
  readonly frames: Uint8Array[][];
  readonly records: number[];
  private readonly batchers: FrameBatcher[];
  frameBytes = 0;
  private pending = 0;
  private readonly sampler = new SizeSampler();
  private readonly reservation: Reservation;
  readonly runs: SpillRun[] = [];
  private readonly slabs = new Slabs();

  constructor(
    private readonly n: number,
    private readonly tm: TaskMemory,
    private readonly metrics: TaskMetrics,
    private readonly tag: string,
  ) {
    this.reservation = new Reservation(tm);
    this.frames = Array.from({ length: n }, () => []);
    this.records = new Array<number>(n).fill(0);
    // Frames small enough that one not yet full per partition stays a small part of the task's share.
    const target = Math.max(16 << 10, Math.min(OUTPUT_FRAME_BYTES, Math.floor(tm.manager.budget / (8 * n))));
    this.batchers = this.frames.map(
      (pieces) =>
        new FrameBatcher(target, (body, count) => {
          this.slabs.frame(body, pieces);
          this.frameBytes += framedLength(body.length);
          this.pending -= count;
        }),
    );
  }

  insert(p: number, record: unknown): void {
    this.batchers[p]!.push(record);
    this.records[p]!++;
    this.pending++;
    this.sampler.observe(record);
    const est = this.frameBytes + this.pending * this.sampler.mean;
    if (est > this.reservation.reserved && !this.reservation.fits(est)) this.spill(est);
  }

  flush(): void {
    for (const b of this.batchers) b.flush();
  }

  private spill(est: number): void {
    this.flush();
    const out = new FileAppender(this.tm.spillPath(this.tag));
    const offsets: number[] = [];
    try {
      for (let p = 0; p < this.n; p++) {
        offsets.push(out.position);
        for (const piece of this.frames[p]!) out.append(piece);
        this.frames[p]!.length = 0;
      }
      offsets.push(out.position);
    } finally {
      out.close();
    }
    this.runs.push({ path: out.path, offsets });
    this.slabs.reset();
    this.metrics.memoryBytesSpilled += Math.round(est);
    this.metrics.diskBytesSpilled += out.position;
    this.frameBytes = 0;
    this.reservation.releaseAll();
  }

  close(): void {
    this.reservation.releaseAll();
    for (const r of this.runs) deleteRun(r);
    this.runs.length = 0;
  }
}

function writePlain(run: (sink: (record: any) => void) => void, spec: ShuffleWriteSpec, tc: TaskContext): MapOutput {
  const n = spec.numPartitions;
  const { partitionOf } = spec;
  const buf = new PartitionedFrames(n, tc.taskMemory, tc.metrics, `shuffle${spec.shuffleId}-write`);
  try {
    if (n === 1) run((kv) => buf.insert(0, kv));
    else run((kv) => buf.insert(partitionOf(kv[0]), kv));
    buf.flush();
    if (buf.runs.length === 0) {
      const bytes = buf.frameBytes;
      buf.close();
      return placeOutput(buf.frames, buf.records, bytes, tc, spec.shuffleId);
    }
    return writeFile(tc, spec.shuffleId, n, (p, out) => {
      for (const r of buf.runs) out.appendFileRange(r.path, r.offsets[p]!, r.offsets[p + 1]!);
      for (const piece of buf.frames[p]!) out.append(piece);
      buf.frames[p]!.length = 0;
      return buf.records[p]!;
    });
  } finally {
    buf.close();
  }
}

/**
 * Shuffle outputs kept in memory may fill the budget up to this fraction; the rest stays for execution (Spark's
 * storage fraction). Outputs that would go beyond it are written to files.
 */
const OUTPUT_FRACTION = 0.5;

/** Keeps the blocks in shared memory if the budget has room for them, else writes them to a file. */
function placeOutput(blocks: Uint8Array[][], records: number[], bytes: number, tc: TaskContext, shuffleId: number): MapOutput {
  if (tc.memory.tryAcquireBelow(bytes, OUTPUT_FRACTION)) {
    try {
      const out = packBlocks(blocks, records);
      out.reserved = bytes;
      out.budget = tc.memory.handle;
      countWritten(tc.metrics, records, bytes);
      return out;
    } catch (e) {
      tc.memory.release(bytes);
      throw e;
    }
  }
  return writeFile(tc, shuffleId, blocks.length, (p, out) => {
    for (const piece of blocks[p]!) out.append(piece);
    blocks[p]!.length = 0;
    return records[p]!;
  });
}

let nextFile = 0;

/** Writes a map output file block by block; `writeBlock(p, out)` appends block p and returns its record count. */
function writeFile(tc: TaskContext, shuffleId: number, n: number, writeBlock: (p: number, out: FileAppender) => number): MapOutput {
  const dir = join(tc.localDir, 'shuffle');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `shuffle_${shuffleId}_${tc.partitionId}_a${tc.attempt}_t${threadId}_${nextFile++}.data`);
  const out = new FileAppender(path);
  const offsets = [0];
  const records: number[] = [];
  try {
    for (let p = 0; p < n; p++) {
      records.push(writeBlock(p, out));
      offsets.push(out.position);
    }
    out.close();
  } catch (e) {
    try {
      out.close();
    } finally {
      rmSync(path, { force: true });
    }
    throw e;
  }
  countWritten(tc.metrics, records, out.position);
  return { buffer: null, file: path, offsets, records };
}

function countWritten(metrics: TaskMetrics, records: number[], bytes: number): void {
  for (const r of records) metrics.shuffleRecordsWritten += r;
  metrics.shuffleBytesWritten += bytes;
}
