import type { InputFile } from './paths.js';

/** A byte range of one file; it owns the lines that start inside [start, start + length). */
export interface FileSplit {
  index: number;
  path: string;
  start: number;
  length: number;
  /** gzip files cannot be split: the whole file is one split. */
  gzip: boolean;
}

/** Spark's local block size: no split is larger, so big files are read in parallel. */
const MAX_SPLIT = 32 * 1024 * 1024;

/**
 * Splits files the way Hadoop's FileInputFormat does: a goal size of total/minPartitions capped at the block
 * size, and a last split allowed to be up to 10% larger than the rest.
 */
export function computeSplits(files: InputFile[], minPartitions: number): FileSplit[] {
  const total = files.reduce((s, f) => s + f.size, 0);
  const goal = total / Math.max(1, minPartitions);
  const splitSize = Math.max(1, Math.min(MAX_SPLIT, Math.ceil(goal)));
  const splits: FileSplit[] = [];
  for (const f of files) {
    const gzip = f.path.endsWith('.gz');
    if (gzip || f.size === 0) {
      splits.push({ index: splits.length, path: f.path, start: 0, length: f.size, gzip });
      continue;
    }
    let remaining = f.size;
    while (remaining / splitSize > 1.1) {
      splits.push({ index: splits.length, path: f.path, start: f.size - remaining, length: splitSize, gzip });
      remaining -= splitSize;
    }
    if (remaining > 0) splits.push({ index: splits.length, path: f.path, start: f.size - remaining, length: remaining, gzip });
  }
  return splits;
}
