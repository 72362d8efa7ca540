import { ShuffleDependency } from '../lineage/dependency.js';
import type { RDD } from './rdd.js';

type AnyRDD = RDD<unknown>;

// Follows Spark's RDD.toDebugString layout exactly: "(N)" partition counts at stage starts, "+-" where a
// shuffle dependency begins a new stage, and " |" rails for RDDs pipelined in the same stage.

function self(rdd: AnyRDD): string {
  return `${rdd.toString()} [${rdd.storageDescription()}]`;
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
  return [`${thisPrefix}+-${partitionStr} ${self(rdd)}`, ...children(rdd, nextPrefix)];
}

function debugString(rdd: AnyRDD, prefix: string, isShuffle: boolean, isLastChild: boolean): string[] {
  if (isShuffle) return shuffleDebugString(rdd, prefix, isLastChild);
  return [prefix + self(rdd), ...children(rdd, prefix)];
}

export function toDebugString(rdd: AnyRDD): string {
  const partitionStr = `(${rdd.getNumPartitions()})`;
  const leftOffset = Math.floor((partitionStr.length - 1) / 2);
  const nextPrefix = ' '.repeat(leftOffset) + '|' + ' '.repeat(partitionStr.length - leftOffset);
  return [`${partitionStr} ${self(rdd)}`, ...children(rdd, nextPrefix)].join('\n');
}
