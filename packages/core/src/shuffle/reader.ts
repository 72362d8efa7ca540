import type { TaskContext } from '../exec/live-node.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import type { Aggregator } from './aggregator.js';
import { ExternalAggregator } from './external-aggregator.js';
import { ExternalSorter } from './external-sorter.js';
import { FileFrameReader, forEachFrame, framesOf, OUTPUT_FRAME_BYTES } from './frames.js';
import type { BlockRef } from './map-output.js';

export interface ShuffleReadSpec {
  /** Merge values (or map-side combiners, when `combined`) per key. */
  aggregator: Aggregator | null;
  combined: boolean;
  sort: { ascending: boolean; keyFn: ((k: any) => any) | null } | null;
}

function count(block: BlockRef, metrics: TaskMetrics): void {
  metrics.shuffleBytesRead += block.length;
  metrics.shuffleRecordsRead += block.records;
}

function fileReader(block: BlockRef): FileFrameReader {
  const owner = block.shuffleId !== undefined ? { shuffleId: block.shuffleId, mapId: block.mapId ?? 0, epoch: block.epoch } : undefined;
  return new FileFrameReader(block.file!, block.offset, block.offset + block.length, OUTPUT_FRAME_BYTES + 64, owner);
}

/** Calls `fn` with the records of each frame of a block, one frame at a time. */
export function forEachBlockFrame(block: BlockRef, metrics: TaskMetrics, fn: (records: unknown[]) => void): void {
  count(block, metrics);
  if (block.records === 0) return;
  if (block.buffer) {
    forEachFrame(new Uint8Array(block.buffer, block.offset, block.length), fn);
    return;
  }
  const reader = fileReader(block);
  try {
    for (let f = reader.next(); f; f = reader.next()) fn(f);
  } finally {
    reader.close();
  }
}

/** The frames of a block, lazily. */
export function* blockFrames(block: BlockRef, metrics: TaskMetrics): Generator<unknown[]> {
  count(block, metrics);
  if (block.records === 0) return;
  if (block.buffer) {
    yield* framesOf(new Uint8Array(block.buffer, block.offset, block.length));
    return;
  }
  const reader = fileReader(block);
  try {
    for (let f = reader.next(); f; f = reader.next()) yield f;
  } finally {
    reader.close();
  }
}

/** Pushes every record of the blocks, in map order. */
export function forEachShuffleRecord(blocks: BlockRef[], metrics: TaskMetrics, sink: (r: any) => void): void {
  for (const b of blocks) {
    forEachBlockFrame(b, metrics, (records) => {
      for (let i = 0; i < records.length; i++) sink(records[i]);
    });
  }
}

function aggregatorFor(spec: ShuffleReadSpec, tc: TaskContext, tag: string): ExternalAggregator {
  const a = spec.aggregator!;
  return new ExternalAggregator(
    tc.taskMemory,
    tc.metrics,
    spec.combined ? { createCombiner: (c) => c, mergeValue: a.mergeCombiners, mergeCombiners: a.mergeCombiners } : a,
    { grows: a.grows ?? false, tag },
  );
}

/**
 * Reads one reduce partition from its blocks (in map order, so output is deterministic) and pushes records,
 * aggregated and/or sorted by key when asked. Aggregation and sorting spill to disk under the memory budget.
 */
export function readShuffle(blocks: BlockRef[], spec: ShuffleReadSpec, tc: TaskContext, sink: (r: any) => void): void {
  const { aggregator, sort } = spec;
  if (!aggregator && !sort) {
    forEachShuffleRecord(blocks, tc.metrics, sink);
    return;
  }
  const agg = aggregator ? aggregatorFor(spec, tc, `reduce-p${tc.partitionId}-agg`) : null;
  const sorter = sort ? new ExternalSorter(tc.taskMemory, tc.metrics, sort, `reduce-p${tc.partitionId}-sort`) : null;
  try {
    if (agg) {
      forEachShuffleRecord(blocks, tc.metrics, (kv) => agg.insert(kv[0], kv[1]));
      if (!sorter) {
        agg.emit(sink);
        return;
      }
      agg.emit((r) => sorter.insert(r));
      agg.close();
    } else {
      forEachShuffleRecord(blocks, tc.metrics, (r) => sorter!.insert(r));
    }
    sorter!.emit(sink);
  } finally {
    agg?.close();
    sorter?.close();
  }
}

/** The same records as `readShuffle`, lazily (for mapPartitions, zip, toLocalIterator after a shuffle). */
export function* iterateShuffle(blocks: BlockRef[], spec: ShuffleReadSpec, tc: TaskContext): Generator<unknown> {
  const { aggregator, sort } = spec;
  if (!aggregator && !sort) {
    for (const b of blocks) for (const records of blockFrames(b, tc.metrics)) yield* records;
    return;
  }
  const agg = aggregator ? aggregatorFor(spec, tc, `reduce-p${tc.partitionId}-agg`) : null;
  const sorter = sort ? new ExternalSorter(tc.taskMemory, tc.metrics, sort, `reduce-p${tc.partitionId}-sort`) : null;
  try {
    if (agg) {
      forEachShuffleRecord(blocks, tc.metrics, (kv) => agg.insert(kv[0], kv[1]));
      if (!sorter) {
        yield* agg.records();
        return;
      }
      agg.emit((r) => sorter.insert(r));
      agg.close();
    } else {
      forEachShuffleRecord(blocks, tc.metrics, (r) => sorter!.insert(r));
    }
    yield* sorter!.records();
  } finally {
    agg?.close();
    sorter?.close();
  }
}
