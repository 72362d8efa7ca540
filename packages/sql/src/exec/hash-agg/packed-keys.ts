import { GroupTable } from './group-table.js';
import { fmix, mixWord, NULL_HASH, SEED } from './hashing.js';
import type { KeySource, KeyEncoder } from './key-encoders.js';

/** How one column sits in the packed key: `bits` bits at `shift` of word `word`. */
interface Field {
  word: number;
  shift: number;
  bits: number;
  /** Int columns: value v is stored as v - base (base below every value), NULL as 0. Coded columns: unused. */
  base: number;
}

/** An int-valued key column ([null flag, value] words in KeyWords) or a coded one (one word, the code). */
const isInt = (e: KeyEncoder): boolean => e.width === 2 && e.codes !== undefined;
const isCoded = (e: KeyEncoder): boolean => e.width === 1 && e.codes !== undefined && e.hashOf !== undefined;

/** Bits that hold 0 .. values - 1. */
const bitsFor = (values: number): number => Math.max(1, Math.ceil(Math.log2(values)));

/**
 * Group ids of a key of several columns that are each small ints (int, date, ..., as value - base) or codes
 * (strings, decimals), packed into two 32-bit words per row (h2o q10's six keys: 7 + 7 + 17 bits and 7 + 7 + 17):
 * the table hashes and compares two words, not KeyWords' nine, and no row hash is mixed per column. The fields
 * are as wide as the codes and int ranges seen so far need; a batch past them repacks the groups (same ids, as
 * a table's rehash, amortized), and keys that no longer fit 64 bits hand the groups to a GroupTable (`toTable`),
 * in the words and hashes KeyWords would give them, so partial aggregates with either agree on a key's reduce
 * partition.
 */
export class PackedKeys {
  count = 0;
  private keys = new Int32Array(2048); // the packed words of group g at 2g, 2g + 1
  private slots = new Int32Array(3 * 2048); // [word 0, word 1, group id + 1 (0: empty)] per slot
  private fields: Field[] | null = null;
  private readonly ints: boolean[];
  /** Per column, this batch's codes or int values, and (int columns) its NULL flags. */
  private readonly cols: Int32Array[] = [];
  private readonly nulls: (Uint8Array | null)[] = [];
  private w0 = new Int32Array(0);
  private w1 = new Int32Array(0);
  /** Per int column, the [lo, hi] values seen (lo > hi: none yet). */
  private readonly seen: [number, number][];

  constructor(
    private readonly encoders: KeyEncoder[],
    private readonly offsets: number[],
    private readonly width: number,
  ) {
    this.ints = encoders.map(isInt);
    this.seen = encoders.map(() => [1, 0]);
  }

  /** Two or more columns, each an int or coded column. */
  static fits(encoders: KeyEncoder[]): boolean {
    return encoders.length >= 2 && encoders.every((e) => isInt(e) || isCoded(e));
  }

  /**
   * Group ids of the n rows of `sources`; false when their keys no longer fit two words (the caller hands the
   * groups to `toTable()` and encodes these rows for it).
   */
  insert(sources: KeySource[], n: number, gids: Int32Array): boolean {
    if (this.w0.length < n) {
      this.w0 = new Int32Array(n);
      this.w1 = new Int32Array(n);
    }
    const enc = this.encoders;
    for (let c = 0; c < enc.length; c++) {
      if ((this.cols[c]?.length ?? 0) < n) this.cols[c] = new Int32Array(n);
      if (this.ints[c]) this.intColumn(sources[c]!, n, c);
      else enc[c]!.codes!(sources[c]!, n, this.cols[c]!);
    }
    if (!this.layout()) return false;
    const { w0, w1 } = this;
    w0.fill(0, 0, n);
    w1.fill(0, 0, n);
    for (let c = 0; c < enc.length; c++) {
      const f = this.fields![c]!;
      const col = this.cols[c]!;
      const w = f.word === 0 ? w0 : w1;
      const s = f.shift;
      const nulls = this.nulls[c] ?? null;
      if (!this.ints[c]) for (let r = 0; r < n; r++) w[r]! |= col[r]! << s;
      else if (nulls === null) for (let r = 0, d = f.base; r < n; r++) w[r]! |= (col[r]! - d) << s;
      else for (let r = 0, d = f.base; r < n; r++) w[r]! |= (nulls[r] === 1 ? 0 : col[r]! - d) << s;
    }
    this.probeAll(n, gids);
    return true;
  }

  /** An int column's values into cols[c] and its NULL flags, widening the range seen. */
  private intColumn(src: KeySource, n: number, c: number): void {
    const v = src.vec();
    const vals = v.values as Int32Array;
    const nulls = v.nulls;
    const out = this.cols[c]!;
    const range = this.seen[c]!;
    let lo = range[0];
    let hi = range[1];
    for (let r = 0; r < n; r++) {
      if (nulls !== null && nulls[r] === 1) continue;
      const x = vals[r]! | 0;
      out[r] = x;
      if (lo > hi) lo = hi = x;
      else if (x < lo) lo = x;
      else if (x > hi) hi = x;
    }
    range[0] = lo;
    range[1] = hi;
    this.nulls[c] = nulls;
  }

  /** Fields for the codes and ranges so far: the current ones while they fit, else new ones (false: > 64 bits). */
  private layout(): boolean {
    const cur = this.fields;
    if (cur && this.encoders.every((_, c) => this.within(cur[c]!, c))) return true;
    // As narrow as the codes and ranges so far need (a rehash-like repack when they grow); an int range is
    // centred in its field, so values just past either end fit too.
    const want = this.encoders.map((e, c) => {
      if (!this.ints[c]) return { c, bits: bitsFor(Math.max(2, e.size)), base: 0 };
      const [lo, hi] = this.seen[c]!;
      const values = lo > hi ? 1 : hi - lo + 2; // NULL and lo..hi
      const bits = bitsFor(values);
      return { c, bits, base: (lo > hi ? 0 : lo) - 1 - Math.floor((2 ** bits - values) / 2) };
    });
    if (want.some((w) => w.bits > 31)) return false;
    const fields: Field[] = new Array(want.length);
    const used = [0, 0];
    // First fit, widest first.
    for (const { c, bits, base } of [...want].sort((a, b) => b.bits - a.bits)) {
      const word = used[0]! + bits <= 32 ? 0 : used[1]! + bits <= 32 ? 1 : -1;
      if (word < 0) return false;
      fields[c] = { word, shift: used[word]!, bits, base };
      used[word]! += bits;
    }
    this.repack(fields);
    return true;
  }

  /** Whether column c's codes or values so far fit field f. */
  private within(f: Field, c: number): boolean {
    if (!this.ints[c]) return this.encoders[c]!.size <= 2 ** f.bits;
    const [lo, hi] = this.seen[c]!;
    return lo > hi || (lo - f.base >= 1 && hi - f.base <= 2 ** f.bits - 1);
  }

  /** Moves the groups so far to `fields` (their ids stay) and rebuilds the slots. */
  private repack(fields: Field[]): void {
    const old = this.fields;
    if (old) {
      const k = this.keys;
      for (let g = 0; g < this.count; g++) {
        let a = 0;
        let b = 0;
        for (let c = 0; c < fields.length; c++) {
          const o = old[c]!;
          const f = fields[c]!;
          const x = field(k, g, o);
          // A code as it is; an int's 0 (NULL) stays 0, a value is re-based.
          const y = !this.ints[c] || x === 0 ? x : x + o.base - f.base;
          if (f.word === 0) a |= y << f.shift;
          else b |= y << f.shift;
        }
        k[2 * g] = a;
        k[2 * g + 1] = b;
      }
    }
    this.fields = fields;
    this.rebuildSlots(this.slots.length / 3);
  }

  /** Slots for the groups' keys as they are now (after a repack), `size` of them. */
  private rebuildSlots(size: number): void {
    const slots = new Int32Array(3 * size);
    const mask = size - 1;
    const k = this.keys;
    for (let g = 0; g < this.count; g++) {
      const a = k[2 * g]!;
      const b = k[2 * g + 1]!;
      let i = hashPair(a, b) & mask;
      while (slots[3 * i + 2] !== 0) i = (i + 1) & mask;
      slots[3 * i] = a;
      slots[3 * i + 1] = b;
      slots[3 * i + 2] = g + 1;
    }
    this.slots = slots;
  }

  /**
   * Twice the slots, filled from the old ones in slot order: each lands near its old place or half a table on
   * (the next bit of its hash), two nearly sequential streams instead of a random write per group.
   */
  private grow(): void {
    const old = this.slots;
    const size = (old.length / 3) * 2;
    const slots = new Int32Array(3 * size);
    const mask = size - 1;
    for (let j = 0; j < old.length; j += 3) {
      const id = old[j + 2]!;
      if (id === 0) continue;
      const a = old[j]!;
      const b = old[j + 1]!;
      let i = hashPair(a, b) & mask;
      while (slots[3 * i + 2] !== 0) i = (i + 1) & mask;
      slots[3 * i] = a;
      slots[3 * i + 1] = b;
      slots[3 * i + 2] = id;
    }
    this.slots = slots;
  }

  /**
   * Group ids of the packed rows w0, w1. A slot holds its key's two words and group id + 1 (0: empty), so a probe
   * reads one cache line of the table, not the slot and then the group's key. Up to 3/4 full: probes stay within
   * a line or two, and h2o q10's 5e6-group final tables take 2^23 slots (96 MiB), not 2^24.
   */
  private probeAll(n: number, gids: Int32Array): void {
    const { w0, w1 } = this;
    let slots = this.slots;
    let mask = slots.length / 3 - 1;
    let keys = this.keys;
    for (let r = 0; r < n; r++) {
      const a = w0[r]!;
      const b = w1[r]!;
      let i = hashPair(a, b) & mask;
      let g = -1;
      for (;;) {
        const id = slots[3 * i + 2]!;
        if (id === 0) break;
        if (slots[3 * i] === a && slots[3 * i + 1] === b) {
          g = id - 1;
          break;
        }
        i = (i + 1) & mask;
      }
      if (g < 0) {
        g = this.count++;
        if (2 * g + 2 > keys.length) {
          const bigger = new Int32Array(keys.length * 2);
          bigger.set(keys);
          this.keys = keys = bigger;
        }
        keys[2 * g] = a;
        keys[2 * g + 1] = b;
        slots[3 * i] = a;
        slots[3 * i + 1] = b;
        slots[3 * i + 2] = g + 1;
        if (this.count * 4 > (mask + 1) * 3) {
          this.grow();
          slots = this.slots;
          mask = slots.length / 3 - 1;
        }
      }
      gids[r] = g;
    }
  }

  /**
   * Column c's key words of the groups `order` alone, as its encoder lays them out with stride e.width: codes
   * (one word each) or [null flag, value]. Output reads these instead of all columns' words interleaved.
   */
  columnWords(order: ArrayLike<number>, c: number): Int32Array {
    const n = order.length;
    const f = this.fields![c]!;
    const k = this.keys;
    if (!this.ints[c]) {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = field(k, order[i]!, f);
      return out;
    }
    const out = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const x = field(k, order[i]!, f);
      if (x === 0) out[2 * i] = 1;
      else out[2 * i + 1] = x + f.base;
    }
    return out;
  }

  /** The key words of the groups `order` as KeyWords lays them out (GroupTable.keysOf's form). */
  keysOf(order: ArrayLike<number>): Int32Array {
    const W = this.width;
    const out = new Int32Array(order.length * W);
    if (!this.fields) return out;
    const enc = this.encoders;
    for (let c = 0; c < enc.length; c++) {
      const f = this.fields[c]!;
      const off = this.offsets[c]!;
      const k = this.keys;
      const int = this.ints[c]!;
      for (let i = 0, at = off; i < order.length; i++, at += W) {
        const x = field(k, order[i]!, f);
        if (!int) out[at] = x;
        else if (x === 0) out[at] = 1;
        else out[at + 1] = x + f.base;
      }
    }
    return out;
  }

  private hashed = new Int32Array(0);

  /** Group hashes as KeyWords.encode gives their rows (mixWord of each column's value or code hash), cached. */
  get hashes(): Int32Array {
    if (this.hashed.length === this.count) return this.hashed;
    const n = this.count;
    const out = new Int32Array(n).fill(SEED);
    const k = this.keys;
    this.encoders.forEach((e, c) => {
      const f = this.fields![c]!;
      if (!this.ints[c]) for (let g = 0; g < n; g++) out[g] = mixWord(out[g]!, e.hashOf!(field(k, g, f)));
      else {
        for (let g = 0; g < n; g++) {
          const x = field(k, g, f);
          out[g] = mixWord(out[g]!, x === 0 ? NULL_HASH : x + f.base);
        }
      }
    });
    return (this.hashed = out);
  }

  /** A GroupTable holding the same groups under the same ids (distinct keys, inserted in id order). */
  toTable(): GroupTable {
    const t = new GroupTable(this.width);
    const all = new Int32Array(this.count);
    for (let g = 0; g < this.count; g++) all[g] = g;
    t.insert(this.keysOf(all), this.hashes, this.count, new Int32Array(this.count));
    return t;
  }
}

function field(k: Int32Array, g: number, f: Field): number {
  const w = k[2 * g + f.word]!;
  return f.bits === 32 ? w >>> 0 : (w >>> f.shift) & ((1 << f.bits) - 1);
}

function hashPair(a: number, b: number): number {
  return fmix(mixWord(a, b) ^ b);
}
