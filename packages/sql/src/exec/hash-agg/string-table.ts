import { fmix, hashBytes } from './hashing.js';
import { growInt32 } from './int-arrays.js';


/**
 * The distinct UTF-8 byte strings seen so far, one dense code each in order of first appearance: an
 * open-addressing table over an arena, hashed and compared in place (no JS strings). Shared by the aggregate's
 * string key encoder and the cache's partition dictionaries.
 */
export class StringTable {
  size = 0;
  arena = new Uint8Array(1 << 16);
  used = 0;
  /** code → start in the arena; starts[code + 1] is its end. */
  starts = new Int32Array(1024);
  hashes = new Int32Array(1024);
  // Slot i is [code + 1 (0 = empty), hash, start, length] side by side: a probe touches one cache line, then the
  // arena's bytes (not `starts` as well: one cache miss fewer per lookup of a large table).
  private slots = new Int32Array(8192);
  /** Codes below this are in the slots (or were kept out of them); `append` leaves later ones for `lookup`. */
  private indexed = 0;

  /** Appends bytes [s, e) with hash h as a new code; `index` false keeps it out of the table (NULL's code). */
  add(bytes: Uint8Array, s: number, e: number, h: number, index = true): number {
    const code = this.store(bytes, s, e, h);
    if (this.indexed !== code) return code; // appended entries wait: the next lookup indexes them all
    this.indexed = code + 1;
    if (index) {
      if (this.size * 2 > this.slots.length >> 2) this.rehash();
      else this.place(code, h);
    }
    return code;
  }

  /**
   * Appends bytes [s, e) as a new code without looking for them first: for strings known to be new (the entries of
   * a dictionary, each new to a table that holds only that dictionary's entries). Hashing the bytes is all it costs;
   * the entries enter the slots only if a lookup follows.
   */
  append(bytes: Uint8Array, s: number, e: number): number {
    return this.store(bytes, s, e, hashBytes(bytes, s, e));
  }

  private store(bytes: Uint8Array, s: number, e: number, h: number): number {
    const code = this.size++;
    const len = e - s;
    if (this.used + len > this.arena.length) {
      let n = this.arena.length * 2;
      while (n < this.used + len) n *= 2;
      const a = new Uint8Array(n);
      a.set(this.arena.subarray(0, this.used));
      this.arena = a;
    }
    // Keys are mostly short: a byte loop, not a subarray object per string (garbage at millions of strings).
    if (len <= 64) {
      const arena = this.arena;
      for (let i = 0, at = this.used; i < len; i++) arena[at + i] = bytes[s + i]!;
    } else this.arena.set(bytes.subarray(s, e), this.used);
    this.starts = growInt32(this.starts, code + 2);
    this.hashes = growInt32(this.hashes, code + 1);
    this.starts[code] = this.used;
    this.used += len;
    this.starts[code + 1] = this.used;
    this.hashes[code] = h;
    return code;
  }

  private place(code: number, h: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    let i = fmix(h) & mask;
    while (slots[4 * i] !== 0) i = (i + 1) & mask;
    const start = this.starts[code]!;
    slots[4 * i] = code + 1;
    slots[4 * i + 1] = h;
    slots[4 * i + 2] = start;
    slots[4 * i + 3] = this.starts[code + 1]! - start;
  }

  /** Grows the slots for `size` codes, re-placing the indexed ones, then places codes [from, size). */
  private rehash(from = this.size - 1): void {
    // Entries left out of the index (NULL codes) have no slot: only placed codes are re-placed.
    const old = this.slots;
    let n = old.length * 2;
    while (this.size * 2 > n >> 2) n *= 2;
    this.slots = new Int32Array(n);
    for (let i = 0; i < old.length; i += 4) if (old[i] !== 0) this.place(old[i]! - 1, old[i + 1]!);
    for (let c = from; c < this.size; c++) this.place(c, this.hashes[c]!);
  }

  /**
   * Places appended codes in the slots. A NULL code added among them is placed too: harmless, as no string
   * matches it (only "" has its length, and "" hashes to another value than NULL_HASH).
   */
  private indexAppended(): void {
    const from = this.indexed;
    this.indexed = this.size;
    if (this.size * 2 > this.slots.length >> 2) this.rehash(from);
    else for (let c = from; c < this.size; c++) this.place(c, this.hashes[c]!);
  }

  /** The code of the bytes [s, e), added if new. */
  lookup(bytes: Uint8Array, s: number, e: number): number {
    if (this.indexed !== this.size) this.indexAppended();
    const h = hashBytes(bytes, s, e);
    const len = e - s;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const arena = this.arena;
    let i = fmix(h) & mask;
    for (;;) {
      const c1 = slots[4 * i]!;
      if (c1 === 0) return this.add(bytes, s, e, h);
      if (slots[4 * i + 1] === h && slots[4 * i + 3] === len) {
        const a = slots[4 * i + 2]!;
        let k = 0;
        while (k < len && arena[a + k] === bytes[s + k]) k++;
        if (k === len) return c1 - 1;
      }
      i = (i + 1) & mask;
    }
  }
}
