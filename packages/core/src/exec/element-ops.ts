import type { FnParam } from '../lineage/fn-param.js';
import { partitionSeed, Random } from '../util/random.js';
import { keyEquals } from '../keys/canonical.js';

/**
 * Record-at-a-time operations. A chain of them runs push-style inside one task: each op wraps the next op's
 * sink, so a record flows from the source through the whole chain without iterator objects or intermediate
 * arrays. Ops may keep per-partition state (a counter, a random generator) in the closure of their sink.
 */
export type ElementOp =
  | { kind: 'map'; fn: FnParam }
  | { kind: 'filter'; fn: FnParam }
  | { kind: 'flatMap'; fn: FnParam }
  | { kind: 'mapValues'; fn: FnParam }
  | { kind: 'flatMapValues'; fn: FnParam }
  | { kind: 'keyBy'; fn: FnParam }
  | { kind: 'keys' }
  | { kind: 'values' }
  | { kind: 'pairWithNull' }
  | { kind: 'zipWithUniqueId'; numPartitions: number }
  | { kind: 'zipWithIndex'; offsets: number[] | null }
  | { kind: 'sample'; withReplacement: boolean; fraction: number; seed: number }
  | { kind: 'randomSplit'; lower: number; upper: number; seed: number }
  | { kind: 'cogroupJoin'; how: 'inner' | 'left' | 'right' | 'full' }
  | { kind: 'cogroupAllPresent' }
  | { kind: 'cogroupLeftOnly'; emit: 'pair' | 'key' }
  | { kind: 'cogroupLists' }
  | { kind: 'tagPartition'; mod: number }
  | { kind: 'keyEquals'; key: unknown };

/** The loaded form: FnParam fields replaced by callable functions. */
type Loaded<T> = { [K in keyof T]: T[K] extends FnParam ? (...args: any[]) => any : T[K] };
export type LoadedElementOp = Loaded<ElementOp>;

export type Sink = (record: any) => void;

function emitAll(items: any, next: Sink): void {
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) next(items[i]);
  } else if (items != null) {
    for (const y of items as Iterable<unknown>) next(y);
  }
}

/** Wraps `next` with one op for the partition `partitionIndex`. */
export function wrapSink(op: LoadedElementOp, partitionIndex: number, next: Sink): Sink {
  switch (op.kind) {
    case 'map': {
      const f = op.fn;
      return (x) => next(f(x));
    }
    case 'filter': {
      const f = op.fn;
      return (x) => {
        if (f(x)) next(x);
      };
    }
    case 'flatMap': {
      const f = op.fn;
      return (x) => emitAll(f(x), next);
    }
    case 'mapValues': {
      const f = op.fn;
      return (kv) => next([kv[0], f(kv[1])]);
    }
    case 'flatMapValues': {
      const f = op.fn;
      return (kv) => {
        const k = kv[0];
        emitAll(f(kv[1]), (v) => next([k, v]));
      };
    }
    case 'keyBy': {
      const f = op.fn;
      return (x) => next([f(x), x]);
    }
    case 'keys':
      return (kv) => next(kv[0]);
    case 'values':
      return (kv) => next(kv[1]);
    case 'pairWithNull':
      return (x) => next([x, null]);
    case 'zipWithUniqueId': {
      const n = op.numPartitions;
      let i = 0;
      return (x) => next([x, i++ * n + partitionIndex]);
    }
    case 'zipWithIndex': {
      let i = op.offsets![partitionIndex]!;
      return (x) => next([x, i++]);
    }
    case 'sample': {
      const rng = new Random(partitionSeed(op.seed, partitionIndex));
      const fraction = op.fraction;
      if (op.withReplacement) {
        return (x) => {
          for (let c = rng.nextPoisson(fraction); c > 0; c--) next(x);
        };
      }
      return (x) => {
        if (rng.nextDouble() < fraction) next(x);
      };
    }
    case 'randomSplit': {
      // Every split draws the same sequence for the same partition, so the splits are disjoint and complete.
      const rng = new Random(partitionSeed(op.seed, partitionIndex));
      const { lower, upper } = op;
      return (x) => {
        const u = rng.nextDouble();
        if (u >= lower && u < upper) next(x);
      };
    }
    case 'cogroupJoin': {
      const how = op.how;
      return ([k, [vs, ws]]) => {
        if (vs.length && ws.length) {
          for (const v of vs) for (const w of ws) next([k, [v, w]]);
        } else if (vs.length && (how === 'left' || how === 'full')) {
          for (const v of vs) next([k, [v, null]]);
        } else if (ws.length && (how === 'right' || how === 'full')) {
          for (const w of ws) next([k, [null, w]]);
        }
      };
    }
    case 'cogroupAllPresent':
      return ([k, groups]) => {
        for (const g of groups) if (g.length === 0) return;
        next(k);
      };
    case 'cogroupLeftOnly': {
      const asKey = op.emit === 'key';
      return ([k, [vs, ws]]) => {
        if (ws.length === 0) for (const v of vs) next(asKey ? k : [k, v]);
      };
    }
    case 'cogroupLists':
      return (x) => next(x);
    case 'keyEquals': {
      const key = op.key;
      return (kv) => {
        if (keyEquals(kv[0], key)) next(kv);
      };
    }
    case 'tagPartition': {
      const tag = partitionIndex % op.mod;
      return (x) => next([tag, x]);
    }
  }
}

/** Human-readable name of an op for toDebugString call sites. */
export function opName(op: ElementOp): string {
  return op.kind;
}
