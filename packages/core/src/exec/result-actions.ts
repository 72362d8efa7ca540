import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyMap } from '../keys/key-map.js';
import { compareKeys } from '../keys/compare.js';
import { Random, partitionSeed } from '../util/random.js';
import { StatCounter } from '../util/stat-counter.js';
import { formatTextRecord } from '../io/text-format.js';
import { encodeRecords } from '../shuffle/codec.js';
import { threadId } from 'node:worker_threads';
import { STOP, type Sink, type TaskContext } from './live-node.js';

/**
 * What a result task computes from its partition. Described as data; the function fields are loaded on the
 * task's thread. Results go back to the driver, which merges them (see rdd/actions).
 */
export type ResultSpec =
  | { kind: 'collect' }
  | { kind: 'count' }
  | { kind: 'take'; n: number }
  | { kind: 'reduce'; fn: any }
  | { kind: 'fold'; zero: unknown; fn: any }
  | { kind: 'aggregate'; zero: unknown; seqOp: any }
  | { kind: 'foreach'; fn: any }
  | { kind: 'foreachPartition'; fn: any }
  | { kind: 'takeOrdered'; n: number; keyFn: any; descending: boolean }
  | { kind: 'stats' }
  | { kind: 'countByValue' }
  | { kind: 'sampleKeys'; perPartition: number; seed: number; keyFn: any }
  | { kind: 'saveText'; dir: string }
  | { kind: 'writeCheckpoint'; dir: string };

export interface PartitionInput {
  /** Push every record of the partition into a sink. */
  run(sink: Sink): void;
  /** The records as a lazy iterable (for functions that take an iterator). */
  iterate(): Iterable<any>;
  tc: TaskContext;
}

function runUntilStopped(input: PartitionInput, sink: Sink): void {
  try {
    input.run(sink);
  } catch (e) {
    if (e !== STOP) throw e;
  }
}

/** Sorts by key (or by keyFn) and keeps the first n; stable, so ties keep input order. */
export function orderedPrefix(items: any[], n: number, keyFn: ((x: any) => any) | null, descending: boolean): any[] {
  const dir = descending ? -1 : 1;
  const decorated = items.map((x) => [keyFn ? keyFn(x) : x, x]);
  decorated.sort((a, b) => dir * compareKeys(a[0], b[0]));
  return decorated.slice(0, n).map((d) => d[1]);
}

export function runResult(spec: ResultSpec, input: PartitionInput): unknown {
  switch (spec.kind) {
    case 'collect': {
      const out: unknown[] = [];
      input.run((r) => out.push(r));
      return out;
    }
    case 'count': {
      let n = 0;
      input.run(() => n++);
      return n;
    }
    case 'take': {
      const out: unknown[] = [];
      if (spec.n <= 0) return out;
      runUntilStopped(input, (r) => {
        out.push(r);
        if (out.length >= spec.n) throw STOP;
      });
      return out;
    }
    case 'reduce': {
      let has = false;
      let acc: unknown;
      const f = spec.fn;
      input.run((r) => {
        if (has) acc = f(acc, r);
        else {
          acc = r;
          has = true;
        }
      });
      return has ? { value: acc } : null;
    }
    case 'fold': {
      let acc = structuredClone(spec.zero);
      const f = spec.fn;
      input.run((r) => (acc = f(acc, r)));
      return acc;
    }
    case 'aggregate': {
      let acc = structuredClone(spec.zero);
      const f = spec.seqOp;
      input.run((r) => (acc = f(acc, r)));
      return acc;
    }
    case 'foreach': {
      const f = spec.fn;
      input.run((r) => void f(r));
      return null;
    }
    case 'foreachPartition':
      spec.fn(input.iterate()[Symbol.iterator]());
      return null;
    case 'takeOrdered': {
      // Keep a buffer of at most ~2n items, trimming with a stable sort when it fills.
      const { n, keyFn, descending } = spec;
      let buf: unknown[] = [];
      if (n <= 0) return buf;
      input.run((r) => {
        buf.push(r);
        if (buf.length >= 2 * n + 1024) buf = orderedPrefix(buf, n, keyFn, descending);
      });
      return orderedPrefix(buf, n, keyFn, descending);
    }
    case 'stats': {
      const s = new StatCounter();
      input.run((r) => s.merge(r));
      return s.toJSON();
    }
    case 'countByValue': {
      const counts = new KeyMap<number>();
      input.run((r) => counts.set(r, (counts.get(r) ?? 0) + 1));
      return Array.from(counts.entries());
    }
    case 'sampleKeys': {
      // Reservoir sample of keys, for the bounds of a range partitioner.
      const rng = new Random(partitionSeed(spec.seed, input.tc.partitionId));
      const sample: unknown[] = [];
      let seen = 0;
      const keyFn = spec.keyFn;
      input.run((kv) => {
        const k = keyFn ? keyFn(kv[0]) : kv[0];
        if (sample.length < spec.perPartition) sample.push(k);
        else {
          const j = rng.nextInt(seen + 1);
          if (j < spec.perPartition) sample[j] = k;
        }
        seen++;
      });
      return { count: seen, sample };
    }
    case 'writeCheckpoint': {
      // Written under a temporary name and renamed, so a partition file is either whole or absent.
      const records: unknown[] = [];
      input.run((r) => records.push(r));
      const bytes = encodeRecords(records);
      const name = join(spec.dir, `part-${String(input.tc.partitionId).padStart(5, '0')}`);
      const tmp = `${name}.attempt-${input.tc.attempt}-${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, name);
      input.tc.metrics.recordsWritten += records.length;
      input.tc.metrics.bytesWritten += bytes.length;
      return null;
    }
    case 'saveText': {
      // Task commit: write under an attempt-private name, then rename into the job's staging directory.
      const { tc } = input;
      const name = `part-${String(tc.partitionId).padStart(5, '0')}`;
      const attemptDir = join(spec.dir, '_temporary', `attempt-${tc.stageId}-${tc.partitionId}-${tc.attempt}`);
      mkdirSync(attemptDir, { recursive: true });
      const lines: string[] = [];
      input.run((r) => lines.push(formatTextRecord(r)));
      const text = lines.length ? lines.join('\n') + '\n' : '';
      const bytes = Buffer.from(text, 'utf8');
      writeFileSync(join(attemptDir, name), bytes);
      renameSync(join(attemptDir, name), join(spec.dir, name));
      tc.metrics.recordsWritten += lines.length;
      tc.metrics.bytesWritten += bytes.length;
      return null;
    }
  }
}
