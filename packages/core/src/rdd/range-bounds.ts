import { compareKeys } from '../keys/compare.js';
import type { FnParam } from '../lineage/fn-param.js';
import type { RDD } from './rdd.js';

/**
 * Bounds for a range partitioner, from a reservoir sample of keys in every partition weighted by how many keys
 * each partition holds (Spark's RangePartitioner.sketch + determineBounds). The seed is fixed per RDD, so the
 * same data gives the same bounds.
 */
export async function computeRangeBounds(rdd: RDD<[unknown, unknown]>, partitions: number, keyFn: FnParam | null): Promise<unknown[]> {
  if (partitions <= 1) return [];
  const sampleSize = Math.min(20 * partitions, 1e6);
  const perPartition = Math.ceil((3 * sampleSize) / Math.max(1, rdd.getNumPartitions()));
  const sketches = await rdd.runJob<{ count: number; sample: unknown[] }>(
    { kind: 'sampleKeys', perPartition, seed: rdd.id * 0x9e3779b1, keyFn },
    'sortByKey',
  );
  const weighted: [unknown, number][] = [];
  for (const s of sketches) {
    if (!s.sample.length) continue;
    const w = s.count / s.sample.length;
    for (const k of s.sample) weighted.push([k, w]);
  }
  if (!weighted.length) return [];
  weighted.sort((a, b) => compareKeys(a[0], b[0]));
  const total = weighted.reduce((acc, x) => acc + x[1], 0);
  const step = total / partitions;
  const bounds: unknown[] = [];
  let cum = 0;
  let target = step;
  let prev: unknown = undefined;
  for (const [key, w] of weighted) {
    cum += w;
    if (cum >= target) {
      if (bounds.length === 0 || compareKeys(key, prev) > 0) {
        bounds.push(key);
        prev = key;
        target += step;
        if (bounds.length === partitions - 1) break;
      }
    }
  }
  return bounds;
}
