import { KeyMap } from '../keys/key-map.js';
import type { Aggregator } from './aggregator.js';
import { encodeRecords } from './codec.js';
import { packBlocks, type MapOutput } from './map-output.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';

export interface ShuffleWriteSpec {
  numPartitions: number;
  partitionOf: (key: unknown) => number;
  /** Present with map-side combine: values are combined per key before anything is written. */
  combiner: Aggregator | null;
}

/** Consumes the records of one map partition (pushed through `run`) and returns the packed blocks. */
export function writeShuffle(
  run: (sink: (record: any) => void) => void,
  spec: ShuffleWriteSpec,
  metrics: TaskMetrics,
): MapOutput {
  const n = spec.numPartitions;
  const buckets: unknown[][] = Array.from({ length: n }, () => []);
  const { partitionOf, combiner } = spec;
  if (combiner) {
    const combined = new KeyMap<any>();
    const { createCombiner, mergeValue } = combiner;
    run((kv) => {
      const k = kv[0];
      const c = combined.get(k);
      combined.set(k, c === undefined && !combined.has(k) ? createCombiner(kv[1]) : mergeValue(c, kv[1]));
    });
    combined.forEach((c, k) => buckets[partitionOf(k)]!.push([k, c]));
  } else if (n === 1) {
    const only = buckets[0]!;
    run((kv) => only.push(kv));
  } else {
    run((kv) => buckets[partitionOf(kv[0])]!.push(kv));
  }
  const blocks = buckets.map(encodeRecords);
  const records = buckets.map((b) => b.length);
  const out = packBlocks(blocks, records);
  for (const r of records) metrics.shuffleRecordsWritten += r;
  metrics.shuffleBytesWritten += out.buffer.byteLength;
  return out;
}
