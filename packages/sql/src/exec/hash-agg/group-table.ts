import { fmix } from './hashing.js';

const PAGE_BITS = 16;
/** Groups per page of key words. */
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/**
 * Open-addressing hash table from fixed-width key words (a row of `width` Int32 words) to dense group ids
 * 0, 1, 2, ... in order of first appearance. Keys and hashes live in typed arrays: no object per group.
 * Key words are kept in pages of PAGE groups (the first page grows up to that): a table of millions of groups
 * (h2o q10's final side) adds a page instead of doubling and copying one array, which held up to three times
 * the keys at the moment of growing.
 */
export class GroupTable {
  count = 0;
  /** Group g's key words: page g >> PAGE_BITS, at [(g & PAGE_MASK) * width, ... + width). */
  private pages: Int32Array[];
  /** Group g's hash (the row hash before the finalizer; it also picks the group's reduce partition). */
  hashes: Int32Array;
  /**
   * 0 = empty, else (tag << idBits) | (group id + 1): the tag is the top bits of the slot hash (the index takes the
   * low idBits), so a probe passes over other groups' slots without reading their hashes (with ~a group per row,
   * h2o q10's final side, each such read was a cache miss into an array of millions of hashes).
   */
  private slots: Int32Array;
  private idBits = 11;

  constructor(readonly width: number) {
    this.pages = [new Int32Array(Math.max(1, width) * 1024)];
    this.hashes = new Int32Array(1024);
    this.slots = new Int32Array(2048);
  }

  /** The key words of the groups `order`, group order[i] at [i * width, (i + 1) * width). */
  keysOf(order: ArrayLike<number>): Int32Array {
    const W = this.width;
    const out = new Int32Array(order.length * W);
    for (let i = 0; i < order.length; i++) {
      const g = order[i]!;
      const page = this.pages[g >>> PAGE_BITS]!;
      const kb = (g & PAGE_MASK) * W;
      for (let k = 0; k < W; k++) out[i * W + k] = page[kb + k]!;
    }
    return out;
  }

  /**
   * Where the key at words[base, base + width) with hash hr is: its group id, or -1 - the empty slot where it
   * would go. Shared by insert and find (small enough for V8 to inline into both loops). A slot whose tag matches
   * is compared by its key words (equal words are equal keys; the hash is only a filter).
   */
  private probe(words: Int32Array, base: number, hr: number): number {
    const W = this.width;
    const slots = this.slots;
    const mask = slots.length - 1;
    const bits = this.idBits;
    const pages = this.pages;
    const f = fmix(hr);
    const tag = bits === 32 ? 0 : f >>> bits;
    const idMask = bits === 32 ? -1 : (1 << bits) - 1;
    let i = f & mask;
    for (;;) {
      const s = slots[i]!;
      if (s === 0) return -1 - i;
      if (bits === 32 || s >>> bits === tag) {
        const c = (s & idMask) - 1;
        const keys = pages[c >>> PAGE_BITS]!;
        const kb = (c & PAGE_MASK) * W;
        let k = 0;
        while (k < W && keys[kb + k] === words[base + k]) k++;
        if (k === W) return c;
      }
      i = (i + 1) & mask;
    }
  }

  /** The slot word of group g with hash hr (see `slots`). */
  private slotOf(g: number, hr: number): number {
    const bits = this.idBits;
    return bits === 32 ? g + 1 : ((fmix(hr) >>> bits) << bits) | (g + 1);
  }

  /** Group ids of the rows whose key words are `words` (row r at r * width) and hashes `h`. */
  insert(words: Int32Array, h: Int32Array, n: number, gids: Int32Array): void {
    const W = this.width;
    for (let r = 0; r < n; r++) {
      const hr = h[r]!;
      const base = r * W;
      let g = this.probe(words, base, hr);
      if (g < 0) {
        const slot = -1 - g;
        g = this.count++;
        if (g >= this.hashes.length) this.grow();
        const keys = this.pageFor(g);
        const kb = (g & PAGE_MASK) * W;
        for (let k = 0; k < W; k++) keys[kb + k] = words[base + k]!;
        this.hashes[g] = hr;
        if (this.count * 2 > this.slots.length) this.rehash();
        else this.slots[slot] = this.slotOf(g, hr);
      }
      gids[r] = g;
    }
  }

  /** Group ids of rows that match an existing group, -1 for the others (nothing is inserted). */
  find(words: Int32Array, h: Int32Array, n: number, gids: Int32Array): void {
    const W = this.width;
    for (let r = 0; r < n; r++) {
      const g = this.probe(words, r * W, h[r]!);
      gids[r] = g < 0 ? -1 : g;
    }
  }

  /** The page that holds group g's key words (g is the next group: a new page, or a bigger first page). */
  private pageFor(g: number): Int32Array {
    const p = g >>> PAGE_BITS;
    const W = Math.max(1, this.width);
    if (p === this.pages.length) this.pages.push(new Int32Array(PAGE * W));
    else if (p === 0 && g * W >= this.pages[0]!.length) {
      const bigger = new Int32Array(Math.min(PAGE, (this.pages[0]!.length / W) * 2) * W);
      bigger.set(this.pages[0]!);
      this.pages[0] = bigger;
    }
    return this.pages[p]!;
  }

  private grow(): void {
    const n = this.hashes.length * 2;
    const h = new Int32Array(n);
    h.set(this.hashes);
    this.hashes = h;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    // Group ids + 1 stay below the slot count (at most half full), so log2 of it bits hold them.
    this.idBits = Math.min(32, Math.log2(slots.length));
    this.slots = slots;
    for (let g = 0; g < this.count; g++) {
      const hr = this.hashes[g]!;
      let i = fmix(hr) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = this.slotOf(g, hr);
    }
  }

  /** Bytes held (for memory accounting). */
  get bytes(): number {
    return this.pages.reduce((s, p) => s + p.byteLength, 0) + this.hashes.byteLength + this.slots.byteLength;
  }
}
