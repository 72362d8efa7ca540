import { lookupAggregate } from '../../agg/aggregate-function.js';
import type { VectorAggregate } from '../../agg/vectorized.js';
import type { AggCall } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { compileBound } from '../../eval/evaluate.js';
import type { Vec } from '../../eval/vec.js';
import { parseType } from '../../types/parse-type.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { GenericStates } from './generic-states.js';
import { GroupTable } from './group-table.js';
import { PairCodes } from './pair-codes.js';
import { PackedKeys } from './packed-keys.js';
import { fmix, mixWord, SEED } from './hashing.js';
import type { DictionaryDelta, KeyEncoder, ShippedDictionary } from './key-encoders.js';
import { KeyWords } from './key-words.js';
import { iota } from './int-arrays.js';
import { pendingGather } from '../pending-gather.js';
import { readableThrough, takenFrom, type TakenFrom } from './through-take.js';

/** One aggregate of the query: columnar when its function has a vectorized form, else generic. */
interface Slot {
  args: Bound[];
  vec: VectorAggregate | null;
  /** Fresh states of the same aggregate (a pass-through batch's rows, each its own group). */
  create: (() => VectorAggregate) | null;
  generic: GenericStates | null;
  type: string;
  /**
   * The input columns its arguments read, while they may be read through a filter's index vector
   * (VectorAggregate.updateAt); null when they may not.
   */
  through: number[] | null;
}

const OUT_BATCH = 1 << 16;

/** A chunk of partial output: [key columns..., state columns...], generic states, shipped dictionary deltas. */
export interface PartialChunk {
  batch: ColumnarBatch;
  generic: unknown[][];
  dicts: (DictionaryDelta | null)[];
}

/** Items 0..n-1 split by reduce partition of their hash `hash(i)` (its high bits after the finalizer). */
function splitByHash(n: number, numPartitions: number, hash: (i: number) => number): Int32Array[] {
  const part = new Int32Array(n);
  const sizes = new Int32Array(numPartitions);
  for (let g = 0; g < n; g++) {
    const p = numPartitions === 1 ? 0 : Math.floor(((fmix(hash(g)) >>> 0) / 4294967296) * numPartitions);
    part[g] = p;
    sizes[p]++;
  }
  const out = Array.from(sizes, (s) => new Int32Array(s));
  const at = new Int32Array(numPartitions);
  for (let g = 0; g < n; g++) out[part[g]!]![at[part[g]!]++] = g;
  return out;
}


/**
 * A hash aggregation in progress inside one task: group ids for each batch from the key columns (encoded to
 * words, then a typed-array hash table, or the dictionary codes of a single string key directly), and the
 * aggregates' states indexed by group id. The partial side folds input rows; the final side merges partial
 * states, which arrive as Arrow batches of [key columns..., state columns...] plus the generic states.
 */
export class HashAggregation {
  private readonly kw: KeyWords;
  /**
   * The groups of a key of several columns: PairCodes while two coded columns fit its direct table, PackedKeys
   * while small-int and coded columns fit two words, else (or after either gives up) a GroupTable.
   */
  private table: GroupTable | PairCodes | PackedKeys | null;
  /** The single key's encoder when its codes are the group ids (no table, no row hashes). */
  private readonly dense: KeyEncoder | null;
  readonly slots: Slot[];
  private gids = new Int32Array(0);

  /**
   * `keyEvals` compute the key columns of a batch (the final side reads them as columns 0..k-1); `partial`: the map
   * side, whose groups the final side merges by key (so a key may form two groups here).
   */
  constructor(
    readonly keys: Bound[],
    aggs: AggCall[],
    keyEvals: ((b: ColumnarBatch) => Vec)[],
    partial = false,
  ) {
    this.kw = new KeyWords(keys, keyEvals, partial);
    // One key column whose encoder hands out codes (strings, ints, other values): the codes are the group ids.
    const one = this.kw.encoders.length === 1 ? this.kw.encoders[0]! : null;
    this.dense = one && one.codes ? one : null;
    const enc = this.kw.encoders;
    const kw = this.kw;
    this.table =
      keys.length === 0 || this.dense
        ? null
        : PairCodes.fits(enc)
          ? new PairCodes(enc[0]!, enc[1]!)
          : PackedKeys.fits(enc)
            ? new PackedKeys(enc, kw.offsets, kw.width)
            : new GroupTable(kw.width);
    this.slots = aggs.map((a) => {
      const f = lookupAggregate(a.name)!;
      const v = a.distinct ? null : (f.vectorize?.(a.args) ?? null);
      if (!v) return { args: a.args, vec: null, create: null, generic: new GenericStates(f, a.distinct), type: a.type, through: null };
      const vec = v.create();
      return { args: v.args, vec, create: () => v.create(), generic: null, type: a.type, through: vec.updateAt !== undefined ? readableThrough(v.args) : null };
    });
  }

  get count(): number {
    if (this.keys.length === 0) return 1;
    return this.table ? this.table.count : this.dense!.size;
  }

  /** Group ids of the n rows of batch b. */
  private groupIds(b: ColumnarBatch, n: number): Int32Array {
    if (this.gids.length < n) this.gids = new Int32Array(n);
    const gids = this.gids;
    if (this.keys.length === 0) {
      gids.fill(0, 0, n);
      return gids;
    }
    const sources = this.kw.sources(b);
    if (this.dense) {
      this.dense.codes!(sources[0]!, n, gids);
      return gids;
    }
    const t = this.table!;
    if (t instanceof PackedKeys) {
      if (t.insert(sources, n, gids)) return gids;
      // Past 64 bits: a GroupTable takes over its groups (encoding these rows again gives the same codes).
      this.table = t.toTable();
    } else if (t instanceof PairCodes) {
      if (t.c1.length < n) [t.c1, t.c2] = [new Int32Array(n), new Int32Array(n)];
      const [e1, e2] = this.kw.encoders;
      e1!.codes!(sources[0]!, n, t.c1);
      e2!.codes!(sources[1]!, n, t.c2);
      if (t.insert(n, gids)) return gids;
      // Too many codes for the direct table: a GroupTable takes over its groups (encoding these rows again
      // gives the same codes).
      this.table = t.toTable();
    }
    this.kw.encode(sources, n);
    (this.table as GroupTable).insert(this.kw.words, this.kw.h, n, gids);
    return gids;
  }

  private reserve(): void {
    const n = this.count;
    for (const s of this.slots) s.vec?.reserve(n);
  }

  /** Partial side: folds the rows of a batch into the groups. */
  update(b: ColumnarBatch, argFns: ((b: ColumnarBatch) => Vec)[][]): void {
    const n = b.length;
    const gids = this.groupIds(b, n);
    this.reserve();
    const global = this.keys.length === 0;
    const views = new Map<ColumnarBatch, TakenFrom>();
    this.slots.forEach((s, j) => {
      // A global aggregate of one column a join has not gathered reads it through the join's index vector.
      const a = global && s.vec?.updateAllAt && s.args.length === 1 ? s.args[0]! : null;
      const p = a?.kind === 'input' ? pendingGather(b.columns, a.ordinal) : null;
      if (p !== null) return s.vec!.updateAllAt!(p);
      if (s.through !== null && this.updateThrough(s, s.through, argFns[j]!, b, gids, views)) return;
      const args = argFns[j]!.map((f) => f(b));
      if (s.vec) {
        if (global && s.vec.updateAll) s.vec.updateAll(n, args);
        else s.vec.update(gids, n, args);
      } else s.generic!.update(gids, n, args);
    });
  }

  /**
   * Folds a slot's rows with its arguments evaluated over the batch a filter took them from, read through the
   * filter's index vector (through-take.ts). False when the columns do not come from one such batch, or when the
   * evaluation raised an error: it may be one of the dropped rows', so the caller evaluates over the kept rows
   * alone, and the slot no longer tries (a row that raises is likely dropped again in later batches).
   */
  private updateThrough(
    s: Slot,
    used: number[],
    fns: ((b: ColumnarBatch) => Vec)[],
    b: ColumnarBatch,
    gids: Int32Array,
    views: Map<ColumnarBatch, TakenFrom>,
  ): boolean {
    const from = takenFrom(b, used, views);
    if (from === null) return false;
    let args: Vec[];
    try {
      args = fns.map((f) => f(from.source));
    } catch {
      s.through = null;
      return false;
    }
    s.vec!.updateAt!(gids, from.idx, b.length, args);
    return true;
  }

  /** Final side: merges a partial batch ([keys..., states...]) and its generic states. */
  merge(b: ColumnarBatch, generic: unknown[][]): void {
    const n = b.length;
    const K = this.keys.length;
    const gids = this.groupIds(b, n);
    this.reserve();
    let col = K;
    let gi = 0;
    for (const s of this.slots) {
      if (s.vec) {
        const m = s.vec.stateTypes.length;
        s.vec.merge(gids, n, b.columns.slice(col, col + m));
        col += m;
      } else s.generic!.merge(gids, n, generic[gi++]!);
    }
  }

  private groupHash(g: number): number {
    if (this.keys.length === 0) return 0;
    // A dense group's hash is the one KeyWords.encode gives its rows (mixed into the seed), so partial aggregates
    // with and without a table agree on the reduce partition of a key.
    return this.table ? this.table.hashes[g]! : mixWord(SEED, this.dense!.hashOf!(g));
  }

  private keyVecs(order: Int32Array): Vec[] {
    const kw = this.kw;
    const t = this.table;
    if (t instanceof PackedKeys) {
      const all = iota(order.length);
      return kw.encoders.map((e, c) => e.decode(t.columnWords(order, c), e.width, 0, all));
    }
    if (this.table) {
      const keys = this.table.keysOf(order);
      const all = iota(order.length);
      return kw.encoders.map((e, c) => e.decode(keys, kw.width, kw.offsets[c]!, all));
    }
    // Dense: the group id is the code.
    return this.dense ? [this.dense.decodeCodes!(order)] : [];
  }

  /** The groups split by reduce partition (by their hash's high bits; the tables use the low bits). */
  byPartition(numPartitions: number): Int32Array[] {
    return splitByHash(this.count, numPartitions, (g) => this.groupHash(g));
  }

  /** The encoder codes of key column c of the rows `order` of key words (`width` words a row; string keys: see `ship`). */
  private codesOf(keys: Int32Array, width: number, c: number, order: ArrayLike<number>): Int32Array {
    const off = this.kw.offsets[c]!;
    const out = new Int32Array(order.length);
    for (let i = 0; i < out.length; i++) out[i] = keys[order[i]! * width + off]!;
    return out;
  }

  /** One output dictionary per string key column of reduce partition p of this map output (see ShippedDictionary). */
  shippedFor(dictId: string): (ShippedDictionary | null)[] {
    return this.kw.encoders.map((e, c) => (e.ship ? { output: dictId, id: `${dictId}:${c}`, remap: new Int32Array(0), size: 0 } : null));
  }

  /**
   * Partial states of the groups `order` (all of one reduce partition), in chunks: [key columns..., state
   * columns...], the generic states, and per key column the strings its chunk adds to the output's dictionary
   * (string keys travel as codes into `shipped`, the partition's dictionaries; other keys as values, null).
   */
  *partialChunks(order: Int32Array, shipped: (ShippedDictionary | null)[]): Generator<PartialChunk> {
    for (let s = 0; s < order.length; s += OUT_BATCH) {
      const chunk = order.subarray(s, Math.min(order.length, s + OUT_BATCH));
      const t = this.table;
      const all = iota(chunk.length);
      const keys = t && !(t instanceof PackedKeys) ? t.keysOf(chunk) : null;
      const { columns, dicts } =
        t instanceof PackedKeys
          ? this.keyColumns(shipped, (e, c) => e.decode(t.columnWords(chunk, c), e.width, 0, all), (c) => t.columnWords(chunk, c))
          : this.keyColumns(
              shipped,
              (e, c) => (keys ? e.decode(keys, this.kw.width, this.kw.offsets[c]!, all) : e.decodeCodes!(chunk)),
              (c) => (keys ? this.codesOf(keys, this.kw.width, c, all) : chunk),
            );
      const generic: unknown[][] = [];
      this.slots.forEach((slot) => {
        if (slot.vec) columns.push(...slot.vec.states(chunk));
        else generic.push(slot.generic!.statesOf(chunk));
      });
      yield { batch: { names: this.partialNames(), columns, length: chunk.length }, generic, dicts };
    }
  }

  /** The key columns of a partial chunk: shipped codes for string keys, `values(e, c)` for the others. */
  private keyColumns(
    shipped: (ShippedDictionary | null)[],
    values: (e: KeyEncoder, c: number) => Vec,
    codes: (c: number) => ArrayLike<number>,
  ): { columns: Vec[]; dicts: (DictionaryDelta | null)[] } {
    const dicts: (DictionaryDelta | null)[] = [];
    const columns = this.kw.encoders.map((e, c) => {
      const d = shipped[c];
      if (!d) {
        dicts.push(null);
        return values(e, c);
      }
      const out = e.ship!(codes(c), d);
      dicts.push(out.delta);
      return out.codes;
    });
    return { columns, dicts };
  }

  private partialNames(): string[] {
    const names = this.keys.map((_, c) => `k${c}`);
    this.slots.forEach((slot, j) => slot.vec?.stateTypes.forEach((_, i) => names.push(`s${j}_${i}`)));
    return names;
  }

  /**
   * Whether rows may skip the table (adaptive partial aggregation): every aggregate is columnar, so a row's partial
   * state is that of a group of its own, which the final side merges as any other partial group.
   */
  get canPassThrough(): boolean {
    return this.keys.length > 0 && this.slots.every((s) => s.vec !== null);
  }

  /** At the end of the task: the key encoders give their big arrays to the next task of the thread. */
  dispose(): void {
    for (const e of this.kw.encoders) e.dispose?.();
  }

  /** Drops the groups (after their partial output has been taken): later batches go through `passThrough`. */
  release(): void {
    this.table = null;
    for (const s of this.slots) if (s.create) s.vec = s.create();
  }

  /**
   * The rows of batch b as partial states of one group each, split by reduce partition (by the hash a group of
   * their key would have, so they meet the groups of the same key from the table and other tasks): [p, chunk].
   */
  *passThrough(b: ColumnarBatch, argFns: ((b: ColumnarBatch) => Vec)[][], shipped: (ShippedDictionary | null)[][]): Generator<[number, PartialChunk]> {
    const n = b.length;
    if (n === 0) return;
    const kw = this.kw;
    kw.encode(kw.sources(b), n);
    const all = iota(n);
    const states = this.slots.map((s, j) => {
      const v = s.create!();
      v.reserve(n);
      v.update(all, n, argFns[j]!.map((f) => f(b)));
      return v;
    });
    const h = kw.h;
    const parts = splitByHash(n, shipped.length, (r) => h[r]!);
    for (let p = 0; p < parts.length; p++) {
      const rows = parts[p]!;
      if (rows.length === 0) continue;
      const { columns, dicts } = this.keyColumns(
        shipped[p]!,
        (e, c) => e.decode(kw.words, kw.width, kw.offsets[c]!, rows),
        (c) => this.codesOf(kw.words, kw.width, c, rows),
      );
      for (const v of states) columns.push(...v.states(rows));
      yield [p, { batch: { names: this.partialNames(), columns, length: rows.length }, generic: [], dicts }];
    }
  }
  /** Final results of the groups `order` in chunks: [key columns..., aggregate results...]. */
  *resultChunks(order: Int32Array, names: string[]): Generator<ColumnarBatch> {
    for (let s = 0; s < order.length; s += OUT_BATCH) {
      const chunk = order.subarray(s, Math.min(order.length, s + OUT_BATCH));
      const columns = [...this.keyVecs(chunk), ...this.slots.map((slot) => (slot.vec ? slot.vec.finish(chunk) : slot.generic!.finish(chunk, parseType(slot.type))))];
      yield { names, columns, length: chunk.length };
    }
  }
}
