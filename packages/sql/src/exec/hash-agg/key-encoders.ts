import { canonicalKey, hashKey } from '@kindling/core';
import * as arrow from 'apache-arrow';
import type { Bound } from '../../eval/bound.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { Buffer } from 'node:buffer';
import type { DataType } from '../../types/data-types.js';
import { kindOf } from '../../eval/types.js';
import { exactOf, MAX_EXACT } from '../../eval/exact-decimal.js';
import { parseType } from '../../types/parse-type.js';
import type { Vec } from '../../eval/vec.js';
import { giveInt32, takeZeroedInt32 } from '../int32-pool.js';
import { buildVec, TYPED } from '../vec-ops.js';
import { utf8Vec } from '../../eval/arrow-convert.js';
import { fmix, mixWord, NULL_HASH } from './hashing.js';
import { StringTable } from './string-table.js';
import { growInt32, iota } from './int-arrays.js';
import { dictionaryUtf8 } from '../dictionary-view.js';

/**
 * A group-by key column as it reaches the aggregate: a Vec, or (for a string column read straight from an Arrow
 * batch) its UTF-8 bytes and offsets, hashed without making JS strings.
 */
export interface KeySource {
  vec: () => Vec;
  utf8: { offsets: Int32Array; bytes: Uint8Array; nulls: Uint8Array | null } | null;
  /** A dictionary-encoded string column (cached DataFrames): codes per row into the dictionary's bytes. */
  /**
   * A dictionary-encoded string column (cached DataFrames): codes per row into the dictionary's bytes. `key` is the
   * dictionary's identity: the batches of one cached block share a dictionary that grows (Arrow delta batches).
   */
  dict?: { indices: Int32Array; offsets: Int32Array; bytes: Uint8Array; size: number; nulls: Uint8Array | null; key: object };
}

/**
 * Turns one key column into fixed-width 32-bit words per row (equal keys, equal words; Spark's key equality: NULL
 * is a group of its own, NaN equals NaN, -0.0 equals 0.0) and mixes a value hash into each row's hash.
 * Numbers are their own words (a null flag word first); strings and other values become codes of a dictionary
 * kept for the whole task, so `dense` encoders' codes can serve directly as group ids of a one-column key.
 */
export interface KeyEncoder {
  readonly width: number;
  readonly dense: boolean;
  /** Number of codes handed out (dense encoders). */
  readonly size: number;
  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void;
  /**
   * Dense encoders: the codes of n rows into `out`, without row hashes (a one-column dense key is its own group id,
   * and its group's hash is `hashOf(code)`, which is what `encode` mixes into a row's hash).
   */
  codes?(src: KeySource, n: number, out: Int32Array): void;
  hashOf?(code: number): number;
  /** The key values of codes (as `codes` hands them out), as a Vec of the column's type. */
  decodeCodes?(codes: ArrayLike<number>): Vec;
  /** The key values stored in `words` for the groups `order`, as a Vec of the column's type. */
  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec;
  /**
   * String encoders: the codes of rows (as `codes` or the key words hold them) in a dictionary of one partial
   * output (`d`, grown as rows bring codes new to it), and the strings they added to it (see ShippedDictionary).
   */
  ship?(codes: ArrayLike<number>, d: ShippedDictionary): { codes: Vec; delta: DictionaryDelta };
  /** Gives its big arrays back to the thread's pool (exec/int32-pool.ts); the encoder is not used again. */
  dispose?(): void;
}

/**
 * A partial aggregate's string key column goes to a reduce partition as Int32 codes into a dictionary of that
 * output: each chunk carries the strings its rows add to it (a delta), so a key's bytes cross the shuffle once per
 * map output instead of once per group, and the final side looks each string up once per map output.
 */
export interface ShippedDictionary {
  /** The map output (task and reduce partition) it belongs to. */
  output: string;
  /** The dictionary's identity among the reduce partition's map outputs. */
  id: string;
  /** Encoder code → code in this dictionary + 1 (0: not in it yet). */
  remap: Int32Array;
  size: number;
}

/** The strings a chunk adds to a shipped dictionary (codes size.. in order), as Arrow UTF-8 offsets and bytes. */
export interface DictionaryDelta {
  output: string;
  id: string;
  /** The code of its first string. */
  from: number;
  offsets: Int32Array;
  bytes: Uint8Array;
}

const INT = parseType('int');

const f64 = new Float64Array(1);
const f64w = new Int32Array(f64.buffer);


/** Mixes the hash of each row's code (`words` at off, off + stride, ...) into the row hashes. */
function mixCodeHashes(words: Int32Array, stride: number, off: number, n: number, hashes: Int32Array, h: Int32Array): void {
  for (let r = 0, at = off; r < n; r++, at += stride) h[r] = mixWord(h[r]!, hashes[words[at]!]!);
}

/**
 * Int32 value → code, open addressing with linear probing (the table is at most half full). Replaces a JS Map
 * for integer keys off the direct table: no boxing or Map hashing per row. A slot is [value, code + 1] side by side,
 * so a probe reads one cache line (0 = empty slot).
 */
export class ValueCodes {
  count = 0;
  private slots = new Int32Array(2048);
  private mask = 1023;

  /** The code of x, or -1. */
  get(x: number): number {
    const { slots, mask } = this;
    for (let i = fmix(x) & mask; ; i = (i + 1) & mask) {
      const c = slots[2 * i + 1]!;
      if (c === 0) return -1;
      if (slots[2 * i] === x) return c - 1;
    }
  }

  /** Sets the code of x (not in the table yet). */
  set(x: number, code: number): void {
    if (2 * (this.count + 1) > this.mask + 1) this.rehash();
    this.place(x, code + 1);
    this.count++;
  }

  private place(x: number, c1: number): void {
    const { slots, mask } = this;
    let i = fmix(x) & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = x;
    slots[2 * i + 1] = c1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i]!, old[i + 1]!);
  }
}

/**
 * A one-column integer key's direct table (value - base → code) may always span this many values (4 MiB); longer
 * while the values' range stays within DENSE_FACTOR values per code (a dense enough range: TPC-H's l_orderkey,
 * whose tasks each see a slice of 6 M values with one code per ~4, and whose final aggregate's partitions each see
 * every ~8th of its 1.5 M keys spread over all 6 M values), up to DIRECT_LIMIT entries (32 MiB). Values off it (a
 * sparse or wider range) go through an open-addressing table (ValueCodes).
 */
const DIRECT_MAX = 1 << 20;
const DENSE_FACTOR = 16;
const DIRECT_LIMIT = 1 << 23;

/**
 * byte, short, int, date, boolean: [null flag, value]. As a one-column key it also hands out dense codes (group
 * ids, in order of first appearance): values of a dense enough range through an array indexed by value - base,
 * others through an open-addressing hash table of Int32 values.
 */
class IntEncoder implements KeyEncoder {
  readonly width = 2;
  readonly dense = false;
  size = 0;
  private direct: Int32Array = new Int32Array(0); // value - base → code + 1 (0 = none yet)
  private base = 0;
  private readonly others = new ValueCodes();
  private values = new Int32Array(1024); // code → value
  private nullCode = -1;
  // The smallest and largest value with a code (NULL's aside): the direct table is sized and centred on them, not
  // on its own extent, whose room would count as values and widen the table at every move.
  private vmin = 0x7fffffff;
  private vmax = -0x80000000;
  constructor(private readonly type: DataType) {}
  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void {
    const v = src.vec();
    const vals = v.values as Int32Array;
    const nulls = v.nulls;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls !== null && nulls[r] === 1) {
        words[at] = 1;
        words[at + 1] = 0;
        h[r] = mixWord(h[r]!, NULL_HASH);
      } else {
        const x = vals[r]! | 0;
        words[at] = 0;
        words[at + 1] = x;
        h[r] = mixWord(h[r]!, x);
      }
    }
  }

  private newCode(x: number): number {
    const c = this.size++;
    this.values = growInt32(this.values, c + 1);
    this.values[c] = x;
    return c;
  }

  /**
   * Moves the direct table to cover value x when it may (see DIRECT_MAX), with room on both sides, refilled from
   * the codes so far: codes handed out through `others` for values it now covers move into it (the direct table
   * is looked at first, so their entries in `others` are never read again). False: x stays in `others`.
   */
  private growDirect(x: number): boolean {
    const len = this.direct.length;
    const lo = Math.min(x, this.vmin);
    const hi = Math.max(x, this.vmax) + 1;
    // The range and a quarter of room; checked before sizing, as sparse values come here for every row.
    const need = hi - lo + (hi - lo) / 4;
    if (need > DIRECT_LIMIT || (need > DIRECT_MAX && need > DENSE_FACTOR * (this.size + 1))) return false;
    // At least twice the old table: values that grow at one end (a table sorted by the key) would otherwise
    // move it again after each eighth of its range, each move allocating and refilling the whole table.
    let n = Math.min(Math.max(1024, 2 * len), DIRECT_LIMIT);
    while (n < need) n *= 2;
    // Centre the covered range, so values just past either end do not move it again at once (tasks of a table
    // sorted by the key see a slice of values, growing at one end).
    const base = Math.max(-2147483648, lo - Math.floor((n - (hi - lo)) / 2));
    // From the thread's pool: a final aggregate over l_orderkey grows its table to 8 M entries, 60 MB of fresh
    // pages with the smaller tables before it, in every task.
    const d = takeZeroedInt32(n);
    const values = this.values;
    for (let c = 0; c < this.size; c++) {
      const i = values[c]! - base;
      if (c !== this.nullCode && i >= 0 && i < n) d[i] = c + 1;
    }
    giveInt32(this.direct);
    this.direct = d;
    this.base = base;
    return true;
  }

  dispose(): void {
    giveInt32(this.direct);
    this.direct = new Int32Array(0);
  }

  private codeOf(x: number): number {
    if (x < this.vmin) this.vmin = x;
    if (x > this.vmax) this.vmax = x;
    const i = x - this.base;
    if ((i >= 0 && i < this.direct.length) || this.growDirect(x)) {
      const j = x - this.base;
      const c1 = this.direct[j]!;
      if (c1 !== 0) return c1 - 1;
      const c = this.newCode(x);
      this.direct[j] = c + 1;
      return c;
    }
    let c = this.others.get(x);
    if (c < 0) this.others.set(x, (c = this.newCode(x)));
    return c;
  }

  codes(src: KeySource, n: number, out: Int32Array): void {
    const v = src.vec();
    const vals = v.values as Int32Array;
    const nulls = v.nulls;
    let direct = this.direct;
    let base = this.base;
    for (let r = 0; r < n; r++) {
      if (nulls !== null && nulls[r] === 1) {
        if (this.nullCode < 0) this.nullCode = this.newCode(0);
        out[r] = this.nullCode;
        continue;
      }
      const x = vals[r]! | 0;
      const i = x - base;
      const c1 = i >= 0 && i < direct.length ? direct[i]! : 0;
      if (c1 !== 0) out[r] = c1 - 1;
      else {
        out[r] = this.codeOf(x);
        direct = this.direct;
        base = this.base;
      }
    }
  }

  /** The row hash `encode` gives a value (its word mixed in), so both paths pick the same reduce partition. */
  hashOf(code: number): number {
    return code === this.nullCode ? NULL_HASH : this.values[code]!;
  }

  decodeCodes(codes: ArrayLike<number>): Vec {
    const n = codes.length;
    const out = new TYPED[this.type.simpleString()]!(n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      if (c === this.nullCode) (nulls ??= new Uint8Array(n))[i] = 1;
      else out[i] = this.values[c]!;
    }
    return { type: this.type, length: n, values: out, nulls };
  }

  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec {
    const n = order.length;
    const out = new TYPED[this.type.simpleString()]!(n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const at = order[i]! * stride + off;
      if (words[at] === 1) (nulls ??= new Uint8Array(n))[i] = 1;
      else out[i] = words[at + 1]!;
    }
    return { type: this.type, length: n, values: out, nulls };
  }
}

/** float, double: [null flag, low word, high word] of the value with -0.0 as 0.0 and one NaN. */
class DoubleEncoder implements KeyEncoder {
  readonly width = 3;
  readonly dense = false;
  readonly size = 0;
  constructor(private readonly type: DataType) {}
  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void {
    const v = src.vec();
    const vals = v.values as Float64Array;
    const nulls = v.nulls;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls !== null && nulls[r] === 1) {
        words[at] = 1;
        words[at + 1] = 0;
        words[at + 2] = 0;
        h[r] = mixWord(h[r]!, NULL_HASH);
        continue;
      }
      const x = vals[r]!;
      f64[0] = x === 0 ? 0 : x !== x ? NaN : x;
      const lo = f64w[0]!;
      const hi = f64w[1]!;
      words[at] = 0;
      words[at + 1] = lo;
      words[at + 2] = hi;
      h[r] = mixWord(mixWord(h[r]!, lo), hi);
    }
  }
  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec {
    const n = order.length;
    const out = new TYPED[this.type.simpleString()]!(n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const at = order[i]! * stride + off;
      if (words[at] === 1) (nulls ??= new Uint8Array(n))[i] = 1;
      else {
        f64w[0] = words[at + 1]!;
        f64w[1] = words[at + 2]!;
        out[i] = f64[0];
      }
    }
    return { type: this.type, length: n, values: out, nulls };
  }
}

/** bigint, timestamp: [null flag, low word, high word], read through an Int32 view (no BigInt per row). */
class LongEncoder implements KeyEncoder {
  readonly width = 3;
  readonly dense = false;
  readonly size = 0;
  constructor(private readonly type: DataType) {}
  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void {
    const v = src.vec();
    const b = v.values as BigInt64Array;
    const w = new Int32Array(b.buffer, b.byteOffset, n * 2);
    const nulls = v.nulls;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls !== null && nulls[r] === 1) {
        words[at] = 1;
        words[at + 1] = 0;
        words[at + 2] = 0;
        h[r] = mixWord(h[r]!, NULL_HASH);
        continue;
      }
      const lo = w[2 * r]!;
      const hi = w[2 * r + 1]!;
      words[at] = 0;
      words[at + 1] = lo;
      words[at + 2] = hi;
      h[r] = mixWord(mixWord(h[r]!, lo), hi);
    }
  }
  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec {
    const n = order.length;
    const out = new BigInt64Array(n);
    const w = new Int32Array(out.buffer);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const at = order[i]! * stride + off;
      if (words[at] === 1) (nulls ??= new Uint8Array(n))[i] = 1;
      else {
        w[2 * i] = words[at + 1]!;
        w[2 * i + 1] = words[at + 2]!;
      }
    }
    return { type: this.type, length: n, values: out, nulls };
  }
}

const utf8 = new TextEncoder();

/**
 * strings: codes of a table of the distinct UTF-8 byte strings seen by the task (StringTable); NULL has a code of
 * its own. Arrow bytes are hashed and compared in place.
 */
class StringEncoder implements KeyEncoder {
  readonly width = 1;
  readonly dense = true;
  private readonly t = new StringTable();
  private nullCode = -1;
  private readonly js = new Map<string, number>();
  // The dictionary of the last dictionary-encoded batch (its first chunk: a cached block's batches share one
  // dictionary that grows by deltas) and its entries' codes (-1 = no row used it yet).
  private dictKey: object | null = null;
  private dictCodes = new Int32Array(0);
  // A partial aggregate's first dictionary is adopted: its entries are appended as they are first used, without a
  // lookup (a dictionary's entries are distinct, and the table holds nothing else). Should a dictionary repeat a
  // string, that makes two partial groups of one key, which the final aggregate merges. Any other input ends it.
  private adopted: object | null = null;
  private adoptable: boolean;

  constructor(
    private readonly type: DataType,
    partial: boolean,
  ) {
    this.adoptable = partial;
  }

  /** Whether the rows of dictionary d may append its entries (see `adopted`); other input ends adoption. */
  private adopts(d: object | null): boolean {
    if (this.adoptable && d !== null && (this.adopted === d || (this.adopted === null && this.size === (this.nullCode < 0 ? 0 : 1)))) {
      this.adopted = d;
      return true;
    }
    this.adoptable = false;
    this.adopted = null;
    return false;
  }

  get size(): number {
    return this.t.size;
  }

  private codeOfNull(): number {
    if (this.nullCode < 0) this.nullCode = this.t.add(new Uint8Array(0), 0, 0, NULL_HASH, false);
    return this.nullCode;
  }

  /** Codes of Arrow UTF-8 rows into `out` (at off, off + stride, ...), and their hashes into `h` when given. */
  private encodeUtf8(offsets: Int32Array, bytes: Uint8Array, nulls: Uint8Array | null, n: number, out: Int32Array, stride: number, off: number, h: Int32Array | null): void {
    this.adopts(null);
    const t = this.t;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      const c = nulls !== null && nulls[r] === 1 ? this.codeOfNull() : t.lookup(bytes, offsets[r]!, offsets[r + 1]!);
      out[at] = c;
      if (h !== null) h[r] = mixWord(h[r]!, t.hashes[c]!);
    }
  }

  /** The codes of a dictionary's entries, kept while batches share that dictionary (-1: not looked up yet). */
  private codesOfDict(d: NonNullable<KeySource['dict']>): Int32Array {
    if (d.key !== this.dictKey || this.dictKey === null) {
      this.dictKey = d.key;
      this.dictCodes = new Int32Array(d.size).fill(-1);
    } else if (this.dictCodes.length < d.size) {
      const m = new Int32Array(Math.max(d.size, this.dictCodes.length * 2)).fill(-1);
      m.set(this.dictCodes);
      this.dictCodes = m;
    }
    return this.dictCodes;
  }

  /**
   * Codes of dictionary-encoded rows: each dictionary entry is looked up the first time a row uses it (entries no
   * row uses get no code, so codes stay exactly the groups seen).
   */
  private encodeDict(d: NonNullable<KeySource['dict']>, n: number, out: Int32Array, stride: number, off: number): void {
    const { indices, offsets, bytes, nulls } = d;
    const map = this.codesOfDict(d);
    const t = this.t;
    const adopt = this.adopts(d.key);
    if (nulls === null) {
      // Most rows' entries have codes already: a loop with no call in it (the compiler keeps the arrays in
      // registers), left only to give an entry its code.
      let r = 0;
      while (r < n) {
        for (let at = off + r * stride; r < n; r++, at += stride) {
          const c = map[indices[r]!]!;
          if (c < 0) break;
          out[at] = c;
        }
        if (r === n) break;
        const i = indices[r]!;
        map[i] = adopt ? t.append(bytes, offsets[i]!, offsets[i + 1]!) : t.lookup(bytes, offsets[i]!, offsets[i + 1]!);
      }
      return;
    }
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls[r] === 1) {
        out[at] = this.codeOfNull();
        continue;
      }
      const i = indices[r]!;
      let c = map[i]!;
      if (c < 0) c = map[i] = adopt ? t.append(bytes, offsets[i]!, offsets[i + 1]!) : t.lookup(bytes, offsets[i]!, offsets[i + 1]!);
      out[at] = c;
    }
  }

  /** Codes of JS-string rows (computed columns), through a Map from string to code. */
  private encodeJs(v: Vec, n: number, out: Int32Array, stride: number, off: number): void {
    this.adopts(null);
    const vals = v.values as string[];
    const nulls = v.nulls;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls !== null && nulls[r] === 1) {
        out[at] = this.codeOfNull();
        continue;
      }
      const s = vals[r]!;
      let got = this.js.get(s);
      if (got === undefined) {
        const b = utf8.encode(s);
        got = this.t.lookup(b, 0, b.length);
        this.js.set(s, got);
      }
      out[at] = got;
    }
  }

  codes(src: KeySource, n: number, out: Int32Array): void {
    if (src.utf8) this.encodeUtf8(src.utf8.offsets, src.utf8.bytes, src.utf8.nulls, n, out, 1, 0, null);
    else if (src.dict) this.encodeDict(src.dict, n, out, 1, 0);
    else this.encodeJs(src.vec(), n, out, 1, 0);
  }

  hashOf(code: number): number {
    return this.t.hashes[code]!;
  }

  decodeCodes(codes: ArrayLike<number>): Vec {
    return this.decode(codes as Int32Array, 1, 0, iota(codes.length));
  }

  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void {
    if (src.utf8) {
      this.encodeUtf8(src.utf8.offsets, src.utf8.bytes, src.utf8.nulls, n, words, stride, off, h);
      return;
    }
    if (src.dict) this.encodeDict(src.dict, n, words, stride, off);
    else this.encodeJs(src.vec(), n, words, stride, off);
    mixCodeHashes(words, stride, off, n, this.t.hashes, h);
  }

  ship(codes: ArrayLike<number>, d: ShippedDictionary): { codes: Vec; delta: DictionaryDelta } {
    const n = codes.length;
    if (d.remap.length < this.size) {
      const m = new Int32Array(Math.max(this.size, d.remap.length * 2));
      m.set(d.remap);
      d.remap = m;
    }
    const remap = d.remap;
    const local = new Int32Array(n);
    let nulls: Uint8Array | null = null;
    const from = d.size;
    const added = new Int32Array(n); // the encoder codes new to d, in their order in d
    let k = 0;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      if (c === this.nullCode) {
        (nulls ??= new Uint8Array(n))[i] = 1;
        continue;
      }
      let l = remap[c]!;
      if (l === 0) {
        l = remap[c] = ++d.size;
        added[k++] = c;
      }
      local[i] = l - 1;
    }
    const { starts, arena } = this.t;
    const offsets = new Int32Array(k + 1);
    let total = 0;
    for (let j = 0; j < k; j++) offsets[j + 1] = total += starts[added[j]! + 1]! - starts[added[j]!]!;
    const bytes = new Uint8Array(total);
    // A byte loop per string: keys are short, and a subarray per string was most of this copy's cost.
    for (let j = 0; j < k; j++) {
      const c = added[j]!;
      for (let p = starts[c]!, e = starts[c + 1]!, at = offsets[j]!; p < e; p++, at++) bytes[at] = arena[p]!;
    }
    return { codes: { type: INT, length: n, values: local, nulls }, delta: { output: d.output, id: d.id, from, offsets, bytes } };
  }

  /** The string of a code (null for the NULL code). */
  valueOf(c: number): string | null {
    if (c === this.nullCode) return null;
    const { starts, arena, used } = this.t;
    const s = starts[c]!;
    const e = starts[c + 1]!;
    return s === e ? '' : Buffer.from(arena.buffer, arena.byteOffset, used).toString('utf8', s, e);
  }

  /** The keys as Arrow UTF-8 bytes copied from the arena (no JS strings; they decode only if read). */
  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec {
    const n = order.length;
    const offsets = new Int32Array(n + 1);
    const { starts, arena } = this.t;
    let total = 0;
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const c = words[order[i]! * stride + off]!;
      if (c === this.nullCode) (nulls ??= new Uint8Array(n))[i] = 1;
      else total += starts[c + 1]! - starts[c]!;
      offsets[i + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let i = 0; i < n; i++) {
      const c = words[order[i]! * stride + off]!;
      if (c === this.nullCode) continue;
      const s = starts[c]!;
      const e = starts[c + 1]!;
      let at = offsets[i]!;
      for (let k = s; k < e; k++) bytes[at++] = arena[k]!;
    }
    return utf8Vec(this.type, offsets, bytes, nulls);
  }
}

/** Any other type (decimal, binary, nested): codes of core's canonical key string, hashed by core's hashKey. */
class ValueEncoder implements KeyEncoder {
  readonly width = 1;
  readonly dense = true;
  size = 0;
  private readonly byKey = new Map<string, number>();
  private readonly values: unknown[] = [];
  private hashes = new Int32Array(64);
  constructor(private readonly type: DataType) {}
  codes(src: KeySource, n: number, out: Int32Array, stride = 1, off = 0): void {
    const v = src.vec();
    for (let r = 0, at = off; r < n; r++, at += stride) out[at] = this.codeOf(v.nulls !== null && v.nulls[r] === 1 ? null : v.values[r]);
  }
  /** The code of a value, by core's canonical key string. */
  protected codeOf(x: unknown): number {
    const k = canonicalKey(x);
    let c = this.byKey.get(k);
    if (c === undefined) {
      c = this.add(x);
      this.byKey.set(k, c);
    }
    return c;
  }
  /** A new code for value x (its hash is core's hashKey, whatever encoder computes it). */
  protected add(x: unknown): number {
    const c = this.size++;
    this.values.push(x);
    this.hashes = growInt32(this.hashes, c + 1);
    this.hashes[c] = x === null ? NULL_HASH : hashKey(x);
    return c;
  }
  hashOf(code: number): number {
    return this.hashes[code]!;
  }

  decodeCodes(codes: ArrayLike<number>): Vec {
    return this.decode(codes as Int32Array, 1, 0, iota(codes.length));
  }
  encode(src: KeySource, n: number, words: Int32Array, stride: number, off: number, h: Int32Array): void {
    this.codes(src, n, words, stride, off);
    mixCodeHashes(words, stride, off, n, this.hashes, h);
  }
  decode(words: Int32Array, stride: number, off: number, order: ArrayLike<number>): Vec {
    const vals = new Array(order.length);
    for (let i = 0; i < order.length; i++) vals[i] = this.values[words[order[i]! * stride + off]!];
    return buildVec(this.type, vals);
  }
}

/**
 * decimal: codes as ValueEncoder hands them out, without a key string per row for values within 2^53 - 1 (exact
 * form, or bigints that small): those look their code up by the number. Larger values and NULL go by key string.
 */
class DecimalEncoder extends ValueEncoder {
  private readonly byNumber = new Map<number, number>();
  override codes(src: KeySource, n: number, out: Int32Array, stride = 1, off = 0): void {
    const v = src.vec();
    const e = exactOf(v);
    const big = e === null ? (v.values as ArrayLike<bigint>) : null;
    const nulls = v.nulls;
    for (let r = 0, at = off; r < n; r++, at += stride) {
      if (nulls !== null && nulls[r] === 1) {
        out[at] = this.codeOf(null);
        continue;
      }
      let d: number;
      if (e !== null) d = e[r]!;
      else {
        const x = big![r]!;
        d = Number(x);
        if (d > MAX_EXACT || d < -MAX_EXACT) {
          out[at] = this.codeOf(x);
          continue;
        }
      }
      let c = this.byNumber.get(d); // SameValueZero: -0 and 0 are one key
      if (c === undefined) {
        c = this.add(BigInt(d));
        this.byNumber.set(d, c);
      }
      out[at] = c;
    }
  }
}

/** A key column's source in a batch: Arrow UTF-8 bytes when the key is a plain string column read from Arrow. */
export function keySource(b: ColumnarBatch, key: Bound, eval_: (b: ColumnarBatch) => Vec): KeySource {
  let cached: Vec | null = null;
  const vec = () => (cached ??= eval_(b));
  if (key.kind === 'input' && key.type === 'string') {
    const d = b.arrow?.[key.ordinal];
    if (d && d.typeId === arrow.Type.Utf8 && d.offset === 0 && d.length === b.length) {
      const nulls = d.nullCount > 0 ? b.columns[key.ordinal]!.nulls : null;
      return { vec, utf8: { offsets: d.valueOffsets as Int32Array, bytes: (d.values as Uint8Array) ?? new Uint8Array(0), nulls } };
    }
    const flat = d && d.typeId === arrow.Type.Dictionary && d.values instanceof Int32Array && d.offset === 0 ? dictionaryUtf8(d) : null;
    if (flat) {
      const nulls = d!.nullCount > 0 ? b.columns[key.ordinal]!.nulls : null;
      return { vec, utf8: null, dict: { indices: d!.values as Int32Array, ...flat, nulls } };
    }
  }
  return { vec, utf8: null };
}

/** `partial`: the encoder of a partial aggregate, whose groups may split a key (the final aggregate merges them). */
export function keyEncoder(type: DataType, partial = false): KeyEncoder {
  switch (kindOf(type)) {
    case 'byte':
    case 'short':
    case 'int':
    case 'date':
    case 'boolean':
      return new IntEncoder(type);
    case 'float':
    case 'double':
      return new DoubleEncoder(type);
    case 'long':
    case 'timestamp':
      return new LongEncoder(type);
    case 'string':
      return new StringEncoder(type, partial);
    case 'decimal':
      return new DecimalEncoder(type);
    default:
      return new ValueEncoder(type);
  }
}
