import { KindlingError } from '../errors.js';
import { KeyMap } from '../keys/key-map.js';
import { orderedPrefix } from '../exec/result-actions.js';
import { partitionFunction, RangePartitioner } from '../partitioner/partitioner.js';
import { fnParam, loadParams } from '../lineage/fn-param.js';
import { commitOutput } from '../io/output-commit.js';
import { StatCounter } from '../util/stat-counter.js';
import { userCallSite } from '../util/call-site.js';
import { range, type RDD } from './rdd.js';
import { withActionOptions, type ActionOptions } from '../util/action-scope.js';

// Actions: each runs one job (or a few, for take) whose result tasks compute a partial answer per partition;
// the driver merges the partials here.

const site = (op: string) => `${op} at ${userCallSite()}`;

function emptyError(op: string): KindlingError {
  return new KindlingError('EMPTY_RDD', `${op}: the RDD is empty. Check for emptiness with isEmpty() first, or use fold with a zero value.`);
}

export async function collect<T>(rdd: RDD<T>): Promise<T[]> {
  const parts = await rdd.runJob<T[]>({ kind: 'collect' }, site('collect'));
  return parts.flat(1) as T[];
}

export async function count(rdd: RDD<unknown>): Promise<number> {
  const parts = await rdd.runJob<number>({ kind: 'count' }, site('count'));
  return parts.reduce((a, b) => a + b, 0);
}

/** Scans one partition first, then more and more (×4 each round, as Spark), until n elements are found. */
export async function take<T>(rdd: RDD<T>, n: number, opName = 'take'): Promise<T[]> {
  const out: T[] = [];
  const total = rdd.getNumPartitions();
  let scanned = 0;
  const description = site(opName);
  while (out.length < n && scanned < total) {
    let tryCount = 1;
    if (scanned > 0) {
      tryCount = out.length === 0 ? scanned * 4 : Math.max(1, Math.min(Math.ceil((1.5 * n * scanned) / out.length) - scanned, scanned * 4));
    }
    const parts = range(total).slice(scanned, scanned + tryCount);
    const results = await rdd.runJob<T[]>({ kind: 'take', n: n - out.length }, description, parts);
    for (const r of results) for (const x of r) if (out.length < n) out.push(x);
    scanned += parts.length;
  }
  return out;
}

export async function first<T>(rdd: RDD<T>): Promise<T> {
  const r = await take(rdd, 1, 'first');
  if (r.length === 0) throw emptyError('first');
  return r[0]!;
}

export async function isEmpty(rdd: RDD<unknown>): Promise<boolean> {
  return rdd.getNumPartitions() === 0 || (await take(rdd, 1, 'isEmpty')).length === 0;
}

export async function takeOrdered<T>(rdd: RDD<T>, n: number, key: ((x: T) => unknown) | undefined, descending: boolean): Promise<T[]> {
  const opName = descending ? 'top' : 'takeOrdered';
  const keyFn = key ? fnParam(key, opName) : null;
  const parts = await rdd.runJob<T[]>({ kind: 'takeOrdered', n, keyFn, descending }, site(opName));
  const localKey = keyFn ? (loadParams(keyFn) as unknown as (x: T) => unknown) : null;
  return orderedPrefix(parts.flat(1), n, localKey, descending);
}

export async function reduce<T>(rdd: RDD<T>, f: (a: T, b: T) => T): Promise<T> {
  const fn = fnParam(f, 'reduce');
  const parts = await rdd.runJob<{ value: T } | null>({ kind: 'reduce', fn }, site('reduce'));
  const local = loadParams(fn) as unknown as (a: T, b: T) => T;
  const present = parts.filter((p): p is { value: T } => p !== null);
  if (present.length === 0) throw emptyError('reduce');
  return present.map((p) => p.value).reduce((a, b) => local(a, b));
}

export async function fold<T>(rdd: RDD<T>, zero: T, op: (a: T, b: T) => T): Promise<T> {
  const fn = fnParam(op, 'fold');
  const parts = await rdd.runJob<T>({ kind: 'fold', zero, fn }, site('fold'));
  const local = loadParams(fn) as unknown as (a: T, b: T) => T;
  return parts.reduce((acc, p) => local(acc, p), structuredClone(zero));
}

export async function aggregate<T, U>(rdd: RDD<T>, zero: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U): Promise<U> {
  const seq = fnParam(seqOp, 'aggregate');
  const comb = fnParam(combOp, 'aggregate');
  const parts = await rdd.runJob<U>({ kind: 'aggregate', zero, seqOp: seq }, site('aggregate'));
  const local = loadParams(comb) as unknown as (a: U, b: U) => U;
  return parts.reduce((acc, p) => local(acc, p), structuredClone(zero));
}

export async function treeAggregate<T, U>(
  rdd: RDD<T>,
  zero: U,
  seqOp: (acc: U, x: T) => U,
  combOp: (a: U, b: U) => U,
  depth: number,
): Promise<U> {
  if (!Number.isInteger(depth) || depth < 1) {
    throw new KindlingError('INVALID_DEPTH', `treeAggregate: depth must be an integer >= 1, got ${depth}`);
  }
  const seq = fnParam(seqOp, 'treeAggregate');
  const comb = fnParam(combOp, 'treeAggregate');
  if (rdd.getNumPartitions() === 0) return structuredClone(zero);
  // One partial per partition, then rounds of shuffles that merge partials into ever fewer partitions.
  let partials = rdd.partitionwise<U>({ mode: 'fold', zero, fn: seq }, 'treeAggregate', false);
  let num = partials.getNumPartitions();
  const scale = Math.max(Math.ceil(Math.pow(num, 1 / depth)), 2);
  while (num > scale + Math.ceil(num / scale)) {
    num = Math.ceil(num / scale);
    const tagged = partials.elementwise<[number, U]>({ kind: 'tagPartition', mod: num }, 'treeAggregate');
    partials = tagged
      .combineWith<[number, U]>({ kind: 'reduce', fn: comb }, 'treeAggregate', num)
      .elementwise<U>({ kind: 'values' }, 'treeAggregate');
  }
  const parts = await partials.runJob<U[]>({ kind: 'collect' }, site('treeAggregate'));
  const local = loadParams(comb) as unknown as (a: U, b: U) => U;
  return parts.flat(1).reduce((acc, p) => local(acc, p as U), structuredClone(zero));
}

export async function treeReduce<T>(rdd: RDD<T>, f: (a: T, b: T) => T, depth: number): Promise<T> {
  fnParam(f, 'treeReduce'); // fails now, naming the user's variables, if f cannot be shipped
  // Partials are {v} or null (an empty partition); merging skips nulls.
  const wrapped = await treeAggregate<T, { v: T } | null>(
    rdd,
    null,
    (acc, x) => (acc === null ? { v: x } : { v: f(acc.v, x) }),
    (a, b) => (a === null ? b : b === null ? a : { v: f(a.v, b.v) }),
    depth,
  );
  if (wrapped === null) throw emptyError('treeReduce');
  return wrapped.v;
}

export async function countByValue<T>(rdd: RDD<T>): Promise<Map<T, number>> {
  const parts = await rdd.runJob<[T, number][]>({ kind: 'countByValue' }, site('countByValue'));
  const merged = new KeyMap<number>();
  for (const p of parts) for (const [k, c] of p) merged.set(k, (merged.get(k) ?? 0) + c);
  const out = new Map<T, number>();
  merged.forEach((c, k) => out.set(k as T, c));
  return out;
}

export async function collectAsMap<K, V>(rdd: RDD<[K, V]>): Promise<Map<K, V>> {
  const pairs = await collect(rdd);
  const byValue = new KeyMap<[K, V]>();
  for (const [k, v] of pairs) {
    const e = byValue.get(k);
    if (e) e[1] = v;
    else byValue.set(k, [k, v]);
  }
  const out = new Map<K, V>();
  byValue.forEach(([k, v]) => out.set(k, v));
  return out;
}

export async function lookup<K, V>(rdd: RDD<[K, V]>, key: K): Promise<V[]> {
  const matches = rdd.elementwise<[K, V]>({ kind: 'keyEquals', key }, 'lookup');
  const p = rdd.partitioner;
  if (p && !(p instanceof RangePartitioner && p.bounds === null)) {
    const part = partitionFunction(loadParams(p.spec()))(key);
    const [vals] = await matches.runJob<[K, V][]>({ kind: 'collect' }, site('lookup'), [part]);
    return vals!.map((kv) => kv[1]);
  }
  return (await collect(matches)).map((kv) => kv[1]);
}

export async function foreach<T>(rdd: RDD<T>, f: (x: T) => void): Promise<void> {
  await rdd.runJob({ kind: 'foreach', fn: fnParam(f, 'foreach') }, site('foreach'));
}

export async function foreachPartition<T>(rdd: RDD<T>, f: (it: Iterator<T>) => void): Promise<void> {
  await rdd.runJob({ kind: 'foreachPartition', fn: fnParam(f, 'foreachPartition') }, site('foreachPartition'));
}

export async function sum(rdd: RDD<number>): Promise<number> {
  const parts = await rdd.runJob<number>({ kind: 'fold', zero: 0, fn: fnParam((a: number, b: number) => a + b, 'sum') }, site('sum'));
  return parts.reduce((a, b) => a + b, 0);
}

export async function stats(rdd: RDD<number>): Promise<StatCounter> {
  const parts = await rdd.runJob<ReturnType<StatCounter['toJSON']>>({ kind: 'stats' }, site('stats'));
  const s = new StatCounter();
  for (const p of parts) s.mergeStats(StatCounter.from(p));
  return s;
}

/** max (sign 1) or min (sign -1), by `key` when given. */
export async function extreme<T>(rdd: RDD<T>, key: ((x: T) => unknown) | undefined, sign: 1 | -1): Promise<T> {
  const op = sign > 0 ? 'max' : 'min';
  const r = await takeOrdered(rdd, 1, key, sign > 0);
  if (r.length === 0) throw emptyError(op);
  return r[0]!;
}

export async function* toLocalIterator<T>(rdd: RDD<T>, options?: ActionOptions): AsyncIterableIterator<T> {
  const description = site('toLocalIterator');
  for (let p = 0; p < rdd.getNumPartitions(); p++) {
    const [part] = await withActionOptions(options, () => rdd.runJob<T[]>({ kind: 'collect' }, description, [p]));
    yield* part!;
  }
}

export async function saveAsTextFile(rdd: RDD<unknown>, path: string, overwrite: boolean): Promise<void> {
  const description = site('saveAsTextFile');
  await commitOutput(path, overwrite, async (dir) => {
    await rdd.runJob({ kind: 'saveText', dir }, description);
  });
}

