import { ShuffleDependency } from '../lineage/dependency.js';
import type { RDD } from './rdd.js';

type AnyRDD = RDD<unknown>;

// Follows Spark's RDD.toDebugString layout exactly: "(N)" partition counts at stage starts, "+-" where a
// shuffle dependency begins a new stage, and " |" rails for RDDs pipelined in the same stage.

/** The RDD's line, plus Spark's CachedPartitions line when some of its partitions are cached. */
function self(rdd: AnyRDD): string[] {
  const lines = [`${rdd.toString()} [${rdd.storageDescription()}]`];
  const info = rdd.context.blockManager.info(rdd.id);
  if (info.partitions > 0) {
    lines.push(`    CachedPartitions: ${info.partitions}; MemorySize: ${bytes(info.memorySize)}; DiskSize: ${bytes(info.diskSize)}`);
  }
  return lines;
}

function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

function children(rdd: AnyRDD, prefix: string): string[] {
  const deps = rdd.dependencies;
  return deps.flatMap((d, i) => debugString(d.rdd, prefix, d instanceof ShuffleDependency, i === deps.length - 1));
}

function shuffleDebugString(rdd: AnyRDD, prefix: string, isLastChild: boolean): string[] {
  const partitionStr = `(${rdd.getNumPartitions()})`;
  const leftOffset = Math.floor((partitionStr.length - 1) / 2);
  const thisPrefix = prefix.replace(/\|\s+$/, '');
  const nextPrefix =
    thisPrefix + (isLastChild ? '  ' : '| ') + ' '.repeat(leftOffset) + '|' + ' '.repeat(partitionStr.length - leftOffset);
  const [first, ...rest] = self(rdd);
  return [`${thisPrefix}+-${partitionStr} ${first}`, ...rest.map((l) => nextPrefix + l), ...children(rdd, nextPrefix)];
}

function debugString(rdd: AnyRDD, prefix: string, isShuffle: boolean, isLastChild: boolean): string[] {
  if (isShuffle) return shuffleDebugString(rdd, prefix, isLastChild);
  return [...self(rdd).map((l) => prefix + l), ...children(rdd, prefix)];
}

export function toDebugString(rdd: AnyRDD): string {
  const partitionStr = `(${rdd.getNumPartitions()})`;
  const leftOffset = Math.floor((partitionStr.length - 1) / 2);
  const nextPrefix = ' '.repeat(leftOffset) + '|' + ' '.repeat(partitionStr.length - leftOffset);
  const [first, ...rest] = self(rdd);
  return [`${partitionStr} ${first}`, ...rest.map((l) => `${nextPrefix} ${l}`), ...children(rdd, nextPrefix)].join('\n');
}
