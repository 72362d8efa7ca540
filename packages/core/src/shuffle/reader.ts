import { KeyMap } from '../keys/key-map.js';
import { compareKeys } from '../keys/compare.js';
import type { Aggregator } from './aggregator.js';
import { decodeRecords } from './codec.js';
import type { BlockRef } from './map-output.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';

export interface ShuffleReadSpec {
  /** Merge values (or map-side combiners, when `combined`) per key. */
  aggregator: Aggregator | null;
  combined: boolean;
  sort: { ascending: boolean; keyFn: ((k: any) => any) | null } | null;
}

function readBlock(block: BlockRef, metrics: TaskMetrics): unknown[] {
  metrics.shuffleBytesRead += block.length;
  metrics.shuffleRecordsRead += block.records;
  if (block.records === 0) return [];
  return decodeRecords(new Uint8Array(block.buffer, block.offset, block.length));
}

/** Reads one reduce partition from its blocks (in map order, so output is deterministic) and pushes records. */
export function readShuffle(blocks: BlockRef[], spec: ShuffleReadSpec, metrics: TaskMetrics, sink: (r: any) => void): void {
  const { aggregator, sort } = spec;
  if (!aggregator && !sort) {
    for (const b of blocks) {
      const records = readBlock(b, metrics);
      for (let i = 0; i < records.length; i++) sink(records[i]);
    }
    return;
  }
  let out: any[];
  if (aggregator) {
    const acc = new KeyMap<any>();
    const merge = spec.combined ? aggregator.mergeCombiners : aggregator.mergeValue;
    const create = spec.combined ? (c: any) => c : aggregator.createCombiner;
    for (const b of blocks) {
      const records = readBlock(b, metrics) as [unknown, unknown][];
      for (let i = 0; i < records.length; i++) {
        const [k, v] = records[i]!;
        const cur = acc.get(k);
        acc.set(k, cur === undefined && !acc.has(k) ? create(v) : merge(cur, v));
      }
    }
    out = [];
    acc.forEach((c, k) => out.push([k, c]));
  } else {
    out = [];
    for (const b of blocks) {
      const records = readBlock(b, metrics);
      for (let i = 0; i < records.length; i++) out.push(records[i]);
    }
  }
  if (sort) {
    const dir = sort.ascending ? 1 : -1;
    const keyFn = sort.keyFn;
    if (keyFn) {
      const decorated = out.map((r) => [keyFn(r[0]), r] as const);
      decorated.sort((a, b) => dir * compareKeys(a[0], b[0]));
      out = decorated.map((d) => d[1]);
    } else {
      out.sort((a, b) => dir * compareKeys(a[0], b[0]));
    }
  }
  for (let i = 0; i < out.length; i++) sink(out[i]);
}
