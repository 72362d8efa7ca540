import { hashPartition } from '../keys/hash.js';
import { compareKeys } from '../keys/compare.js';
import type { FnParam } from '../lineage/fn-param.js';

/**
 * How keys map to reduce partitions. Plain data, so it travels to workers as part of a stage; `partitionFor`
 * builds the actual function on whichever thread needs it.
 */
export type PartitionerSpec =
  | { kind: 'hash'; numPartitions: number }
  | { kind: 'range'; numPartitions: number; bounds: unknown[] | null; ascending: boolean; keyFn: FnParam | null }
  | { kind: 'function'; numPartitions: number; fn: FnParam }
  | { kind: 'direct'; numPartitions: number };

export abstract class Partitioner {
  constructor(readonly numPartitions: number) {}
  abstract spec(): PartitionerSpec;
  abstract equals(other: Partitioner | undefined | null): boolean;
  abstract toString(): string;
}

export class HashPartitioner extends Partitioner {
  spec(): PartitionerSpec {
    return { kind: 'hash', numPartitions: this.numPartitions };
  }
  equals(other: Partitioner | undefined | null): boolean {
    return other instanceof HashPartitioner && other.numPartitions === this.numPartitions;
  }
  toString(): string {
    return `HashPartitioner(${this.numPartitions})`;
  }
}

/**
 * Range partitioning for global sorts. Bounds come from a sample of the keys, taken by a small job that the
 * scheduler runs just before the shuffle's map stage (Spark runs it when sortByKey is called; our transformations
 * are synchronous, so it waits until a job needs it).
 */
export class RangePartitioner extends Partitioner {
  bounds: unknown[] | null = null;
  constructor(
    numPartitions: number,
    readonly ascending: boolean,
    readonly keyFn: FnParam | null,
    /** Samples keys and sets `bounds`; called once before the first map stage that writes with this partitioner. */
    readonly computeBounds: () => Promise<unknown[]>,
  ) {
    super(numPartitions);
  }
  async prepare(): Promise<void> {
    if (this.bounds === null) this.bounds = await this.computeBounds();
  }
  spec(): PartitionerSpec {
    return { kind: 'range', numPartitions: this.numPartitions, bounds: this.bounds, ascending: this.ascending, keyFn: this.keyFn };
  }
  equals(other: Partitioner | undefined | null): boolean {
    return other === this;
  }
  toString(): string {
    return `RangePartitioner(${this.numPartitions})`;
  }
}

/** A user's `partitionFunc(key) → number`, taken modulo the partition count (PySpark's partitionBy). */
export class FunctionPartitioner extends Partitioner {
  constructor(
    numPartitions: number,
    readonly fn: FnParam,
    readonly source: Function,
  ) {
    super(numPartitions);
  }
  spec(): PartitionerSpec {
    return { kind: 'function', numPartitions: this.numPartitions, fn: this.fn };
  }
  equals(other: Partitioner | undefined | null): boolean {
    return other instanceof FunctionPartitioner && other.source === this.source && other.numPartitions === this.numPartitions;
  }
  toString(): string {
    return `FunctionPartitioner(${this.numPartitions})`;
  }
}

/** Keys are partition numbers already (modulo the count): used by repartition to spread rows evenly. */
export class DirectPartitioner extends Partitioner {
  spec(): PartitionerSpec {
    return { kind: 'direct', numPartitions: this.numPartitions };
  }
  equals(other: Partitioner | undefined | null): boolean {
    return other instanceof DirectPartitioner && other.numPartitions === this.numPartitions;
  }
  toString(): string {
    return `DirectPartitioner(${this.numPartitions})`;
  }
}

/** Index of the first bound >= key (binary search): the range partition of `key`. */
function rangeIndex(bounds: unknown[], key: unknown, ascending: boolean): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(bounds[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return ascending ? lo : bounds.length - lo;
}

/**
 * Builds the key → partition function on the thread that runs the task. `spec` has been through loadParams, so
 * its function fields are callable.
 */
export function partitionFunction(spec: any): (key: unknown) => number {
  const n: number = spec.numPartitions;
  switch (spec.kind as PartitionerSpec['kind']) {
    case 'hash':
      return n === 1 ? () => 0 : (key) => hashPartition(key, n);
    case 'range': {
      const bounds: unknown[] | null = spec.bounds;
      if (!bounds) throw new Error('internal: range partitioner used before its bounds were computed');
      const asc: boolean = spec.ascending;
      const keyFn: ((k: unknown) => unknown) | null = spec.keyFn;
      return keyFn ? (key) => rangeIndex(bounds, keyFn(key), asc) : (key) => rangeIndex(bounds, key, asc);
    }
    case 'direct':
      return (key) => (key as number) % n;
    case 'function': {
      const f = spec.fn as (k: unknown) => number;
      return (key) => {
        const p = Number(f(key)) % n;
        return Number.isNaN(p) ? 0 : p < 0 ? p + n : p;
      };
    }
  }
}
