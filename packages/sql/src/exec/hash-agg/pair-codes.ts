import { GroupTable } from './group-table.js';
import { mixWord, SEED } from './hashing.js';
import type { KeyEncoder } from './key-encoders.js';

/** Largest direct table (entries): 2^22 Int32s, 16 MiB. */
const MAX_ENTRIES = 1 << 22;

function pow2AtLeast(n: number, min: number): number {
  let p = min;
  while (p < n) p *= 2;
  return p;
}

/**
 * Group ids of a two-column key whose columns are both coded (strings, dictionary-coded or not: one word per
 * column, the code): a direct table indexed by (c1 << shift) | c2, no row hash and no probe (h2o q2's id1, id2:
 * 100 values each). Groups keep the words and hash a GroupTable would give them, so it can take over when the
 * codes outgrow MAX_ENTRIES (`toTable`), and partial aggregates with either agree on a key's reduce partition.
 */
export class PairCodes {
  count = 0;
  hashes = new Int32Array(1024);
  private keys = new Int32Array(2048); // [c1, c2] of group g at 2g, 2g + 1
  private ids = new Int32Array(0); // (c1 << shift) | c2 → group id + 1
  private rows = 0;
  private shift = 0;
  c1 = new Int32Array(0);
  c2 = new Int32Array(0);

  constructor(
    private readonly e1: KeyEncoder,
    private readonly e2: KeyEncoder,
  ) {}

  /** Both columns coded with one word each, with code hashes: the words KeyWords.encode writes are the codes. */
  static fits(encoders: KeyEncoder[]): boolean {
    return encoders.length === 2 && encoders.every((e) => e.width === 1 && e.codes !== undefined && e.hashOf !== undefined);
  }

  /** Room for the encoders' codes so far; false when that would pass MAX_ENTRIES. */
  private layout(): boolean {
    const rows = pow2AtLeast(this.e1.size, 64);
    const cols = pow2AtLeast(this.e2.size, 64);
    if (rows === this.rows && 1 << this.shift === cols) return true;
    if (rows * cols > MAX_ENTRIES) return false;
    this.rows = rows;
    this.shift = Math.log2(cols);
    this.ids = new Int32Array(rows * cols);
    for (let g = 0; g < this.count; g++) this.ids[(this.keys[2 * g]! << this.shift) | this.keys[2 * g + 1]!] = g + 1;
    return true;
  }

  /** Group ids of n rows whose codes are in c1, c2 (filled by the caller); false: the codes outgrew the table. */
  insert(n: number, gids: Int32Array): boolean {
    if (!this.layout()) return false;
    const { c1, c2, shift } = this;
    const ids = this.ids;
    for (let r = 0; r < n; r++) {
      const a = c1[r]!;
      const b = c2[r]!;
      const k = (a << shift) | b;
      let g = ids[k]! - 1;
      if (g < 0) {
        g = this.count++;
        if (g >= this.hashes.length) this.grow();
        this.keys[2 * g] = a;
        this.keys[2 * g + 1] = b;
        this.hashes[g] = mixWord(mixWord(SEED, this.e1.hashOf!(a)), this.e2.hashOf!(b));
        ids[k] = g + 1;
      }
      gids[r] = g;
    }
    return true;
  }

  private grow(): void {
    const h = new Int32Array(this.hashes.length * 2);
    h.set(this.hashes);
    this.hashes = h;
    const k = new Int32Array(this.keys.length * 2);
    k.set(this.keys);
    this.keys = k;
  }

  /** The key words of the groups `order` (two per group), as GroupTable.keysOf gives them. */
  keysOf(order: ArrayLike<number>): Int32Array {
    const out = new Int32Array(order.length * 2);
    for (let i = 0; i < order.length; i++) {
      const g = order[i]!;
      out[2 * i] = this.keys[2 * g]!;
      out[2 * i + 1] = this.keys[2 * g + 1]!;
    }
    return out;
  }

  /** A GroupTable holding the same groups under the same ids (they are distinct keys, inserted in id order). */
  toTable(): GroupTable {
    const t = new GroupTable(2);
    t.insert(this.keys, this.hashes, this.count, new Int32Array(this.count));
    return t;
  }
}
