import type { Bound } from '../../eval/bound.js';
import { compileBound } from '../../eval/evaluate.js';
import { kindOf } from '../../eval/types.js';
import type { Vec } from '../../eval/vec.js';
import { parseType } from '../../types/parse-type.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { GroupTable } from '../hash-agg/group-table.js';
import { fmix } from '../hash-agg/hashing.js';
import { KeyWords } from '../hash-agg/key-words.js';
import type { KeySource } from '../hash-agg/key-encoders.js';
import { iota } from '../hash-agg/int-arrays.js';
import { giveInt32, takeInt32 } from '../int32-pool.js';

const evalsOf = (keys: Bound[]) =>
  keys.map((k) => {
    const f = compileBound(k);
    return (b: ColumnarBatch) => f(b.columns, b.length);
  });

/** Matching (probe row, build row) pairs of one probe batch, in growable typed arrays reused across batches. */
export class Pairs {
  probe = new Int32Array(1024);
  build = new Int32Array(1024);
  n = 0;
  /** The arrays are this batch's alone (JoinTable.probe allocated them), not reused by the next probe. */
  owned = false;
  grow(): void {
    const p = new Int32Array(this.probe.length * 2);
    p.set(this.probe);
    this.probe = p;
    const b = new Int32Array(this.build.length * 2);
    b.set(this.build);
    this.build = b;
  }
}

/** The widest key range a bitmap of keys covers (2^26 bits, 8 MB). */
const MAX_BITS = 1 << 26;
/** Integer keys over a range this long are looked up in an array over the range, however few they are (4 MB). */
const DENSE_ALWAYS = 1 << 20;

/** Whether bit `at` of a key bitmap is set (at within its range). */
function hasBit(bits: Int32Array, at: number): boolean {
  return ((bits[at >>> 5]! >>> (at & 31)) & 1) === 1;
}

/** One bit per value of [min, min + range), set where a build key is. */
function keyBits(vals: ArrayLike<number>, skip: Uint8Array | null, n: number, min: number, range: number, alloc: (n: number) => Int32Array): Int32Array {
  const bits = alloc((range + 31) >>> 5).fill(0);
  for (let r = 0; r < n; r++) {
    if (skip !== null && skip[r] === 1) continue;
    const at = vals[r]! - min;
    bits[at >>> 5]! |= 1 << (at & 31);
  }
  return bits;
}

/** Single-column keys whose values are 32-bit integers in their Vec (or bigint values that fit in 32 bits). */
const INT_KINDS = new Set(['byte', 'short', 'int', 'date', 'boolean']);

/**
 * A key column as int32 values plus a mask of rows that cannot match (NULL, or a bigint outside int32), or null
 * when the column is not of an integer kind.
 */
function intKeys(v: Vec, kind: string, alloc: (n: number) => Int32Array = (n) => new Int32Array(n)): { vals: ArrayLike<number>; skip: Uint8Array | null; wide: boolean } | null {
  if (INT_KINDS.has(kind)) return { vals: v.values as ArrayLike<number>, skip: v.nulls, wide: false };
  if (kind !== 'long') return null;
  const b = v.values as BigInt64Array;
  const w = new Int32Array(b.buffer, b.byteOffset, v.length * 2);
  const vals = alloc(v.length);
  const nulls = v.nulls;
  let skip: Uint8Array | null = nulls ? nulls.slice(0, v.length) : null;
  let wide = false;
  for (let r = 0; r < v.length; r++) {
    const lo = w[2 * r]!;
    vals[r] = lo;
    if (w[2 * r + 1] !== lo >> 31) {
      (skip ??= new Uint8Array(v.length))[r] = 1;
      if (nulls === null || nulls[r] === 0) wide = true;
    }
  }
  return { vals, skip, wide };
}

/**
 * The build side of a hash join, built once over all its rows; NULL keys never match. Rows with equal keys are
 * chained (head per key, next per row, in row order; `next` is dropped when every key is unique, the common
 * foreign-key case). Keys are looked up three ways:
 * - one integer column with a dense range of values: an array indexed by value - min (no hashing at all);
 * - one integer column otherwise: open addressing over [key, head row + 1] slot pairs (one cache line a probe);
 * - anything else: the hash aggregate's key words (exec/hash-agg), probe keys encoded by the same encoders so
 *   string dictionaries are shared, and its group table.
 */
export class JoinTable {
  readonly buildRows: number;
  private readonly intKind: string | null;
  private readonly probeEval: ((b: ColumnarBatch) => Vec) | null = null;
  // dense integer keys
  private min = 0;
  private range = 0;
  private head: Int32Array = new Int32Array(0);
  // sparse integer keys: slots[2i] = key, slots[2i + 1] = head row + 1 (0 = empty)
  private slots: Int32Array | null = null;
  // integer keys few for their range (sparse ones over at most MAX_BITS values, or under a quarter of a dense
  // array's): one bit per value of the range, set where a key is. A semi / anti join only asks whether a key is
  // there (TPC-H Q21's 150,000 order keys in 6 M are 750 KB of bits), other probes ask it before the array or hash.
  private bits: Int32Array | null = null;
  // general keys
  private probeKw: KeyWords | null = null;
  private table: GroupTable | null = null;
  private gids = new Int32Array(0);
  private next: Int32Array | null;
  /** The arrays taken from the thread's pool, given back by `release`. */
  private readonly pooled: Int32Array[] = [];
  private readonly alloc = (n: number): Int32Array => {
    const a = takeInt32(n);
    this.pooled.push(a);
    return a;
  };

  constructor(buildKeys: Bound[], probeKeys: Bound[], build: ColumnarBatch) {
    const n = (this.buildRows = build.length);
    const kind = buildKeys.length === 1 ? kindOf(parseType(buildKeys[0]!.type)) : null;
    // bigint keys take the integer paths when every build key fits in 32 bits (a wider probe key matches none).
    const buildEval = kind !== null && (INT_KINDS.has(kind) || kind === 'long') ? evalsOf(buildKeys)[0]! : null;
    const ints = buildEval ? intKeys(buildEval(build), kind!, this.alloc) : null;
    this.intKind = ints && !ints.wide ? kind : null;
    // Chains exist only once a key repeats: the unique keys of most build sides (foreign keys' targets) need none,
    // which spares an array as long as the build side, filled and then never read.
    let next: Int32Array | null = null;
    const chain = (r: number, h: number) => ((next ??= this.alloc(n).fill(-1))[r] = h);
    if (this.intKind !== null) {
      this.probeEval = evalsOf(probeKeys)[0]!;
      const { vals, skip } = ints!;
      let min = 0x7fffffff;
      let max = -0x80000000;
      let live = 0;
      for (let r = 0; r < n; r++) {
        if (skip !== null && skip[r] === 1) continue;
        const k = vals[r]!;
        if (k < min) min = k;
        if (k > max) max = k;
        live++;
      }
      const range = max - min + 1;
      // An array over the whole range costs 4 bytes a value and one read a probe; the hashed slots 16-32 bytes a key
      // and a hash and probe loop (TPC-H Q09's 10,800 green parts in 200,000 part keys: 800 KB of array).
      if (live > 0 && range <= Math.max(4 * live + 65536, DENSE_ALWAYS)) {
        this.min = min;
        this.range = range;
        const head = (this.head = this.alloc(range).fill(-1));
        // From the last row back, so that chains list rows in order.
        for (let r = n - 1; r >= 0; r--) {
          if (skip !== null && skip[r] === 1) continue;
          const at = vals[r]! - min;
          const h = head[at]!;
          if (h >= 0) chain(r, h);
          head[at] = r;
        }
        // Few keys in a wide array (TPC-H Q17's 2,000 parts of 200,000): a probe asks the bits first, which stay in
        // cache where the array does not.
        if (4 * live < range) this.bits = keyBits(vals, skip, n, min, range, this.alloc);
      } else {
        if (range <= MAX_BITS) {
          this.min = min;
          this.range = range;
          this.bits = keyBits(vals, skip, n, min, range, this.alloc);
        }
        let cap = 16;
        while (cap < 2 * live) cap *= 2;
        const slots = (this.slots = this.alloc(2 * cap).fill(0));
        const mask = cap - 1;
        for (let r = n - 1; r >= 0; r--) {
          if (skip !== null && skip[r] === 1) continue;
          const k = vals[r]!;
          let i = fmix(k) & mask;
          while (slots[2 * i + 1] !== 0 && slots[2 * i] !== k) i = (i + 1) & mask;
          const h = slots[2 * i + 1]!;
          if (h !== 0) chain(r, h - 1);
          slots[2 * i] = k;
          slots[2 * i + 1] = r + 1;
        }
      }
    } else {
      const kw = new KeyWords(buildKeys, evalsOf(buildKeys));
      this.probeKw = kw.withKeys(probeKeys, evalsOf(probeKeys));
      const sources = kw.sources(build);
      const nulls = KeyWords.nullRows(sources, n);
      kw.encode(sources, n);
      const gids = this.alloc(n);
      if (kw.dense) gids.set(kw.words.subarray(0, n));
      this.table = kw.dense ? null : new GroupTable(kw.width);
      this.table?.insert(kw.words, kw.h, n, gids);
      const head = (this.head = this.alloc(this.table ? this.table.count : kw.encoders[0]!.size).fill(-1));
      for (let r = n - 1; r >= 0; r--) {
        if (nulls !== null && nulls[r] === 1) continue;
        const g = gids[r]!;
        const h = head[g]!;
        if (h >= 0) chain(r, h);
        head[g] = r;
      }
      this.giveBack(gids);
    }
    // A bigint key's 32-bit copy is read only while building.
    if (ints !== null) this.giveBack(ints.vals as Int32Array);
    this.next = next;
  }

  /**
   * For each probe row, 1 when its key has a build row and 0 otherwise (NULL keys have none); null when the table
   * has no bitmap of its keys (then `lookup` answers).
   */
  contains(b: ColumnarBatch): Uint8Array | null {
    if (this.bits === null) return null;
    const { vals, skip } = intKeys(this.probeEval!(b), this.intKind!)!;
    const bits = this.bits;
    const min = this.min;
    const range = this.range;
    const n = b.length;
    const out = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const at = vals[r]! - min;
      // outside the range: at is negative or past it, and the unsigned compare rejects both
      const inside = (at >>> 0) < range ? 1 : 0;
      out[r] = inside & (bits[(at >>> 5) & (inside * 0x7ffffff)]! >>> (at & 31)) & (skip === null ? 1 : skip[r]! ^ 1);
    }
    return out;
  }

  /** Whether some key has several build rows. */
  get hasDuplicates(): boolean {
    return this.next !== null;
  }

  /** Gives one pooled array back before the table is done (an array only the build reads). */
  private giveBack(a: Int32Array): void {
    const i = this.pooled.indexOf(a);
    if (i < 0) return;
    this.pooled.splice(i, 1);
    giveInt32(a);
  }

  /**
   * Gives the table's arrays back to the thread's pool: the table is not probed again (a shuffled join's, once its
   * task has streamed every batch; the output's gathers read index vectors and the build side, not the table).
   */
  release(): void {
    for (const a of this.pooled) giveInt32(a);
    this.pooled.length = 0;
    this.head = this.gids = new Int32Array(0);
    this.slots = this.bits = this.next = null;
  }

  /**
   * The first build row of each probe row's key into `first` (-1: no match); the others follow via `nextRow`.
   */
  lookup(b: ColumnarBatch, first: Int32Array): void {
    const n = b.length;
    if (this.intKind !== null) {
      const { vals, skip } = intKeys(this.probeEval!(b), this.intKind)!;
      if (this.slots === null) {
        const head = this.head;
        const min = this.min;
        const range = this.range;
        const bits = this.bits;
        if (bits !== null) {
          for (let r = 0; r < n; r++) {
            const at = vals[r]! - min;
            first[r] = at >= 0 && at < range && hasBit(bits, at) && (skip === null || skip[r] === 0) ? head[at]! : -1;
          }
          return;
        }
        for (let r = 0; r < n; r++) {
          const at = vals[r]! - min;
          first[r] = at >= 0 && at < range && (skip === null || skip[r] === 0) ? head[at]! : -1;
        }
      } else {
        const slots = this.slots;
        const mask = (slots.length >> 1) - 1;
        const bits = this.bits;
        const min = this.min;
        const range = this.range;
        for (let r = 0; r < n; r++) {
          if (skip !== null && skip[r] === 1) {
            first[r] = -1;
            continue;
          }
          const k = vals[r]!;
          if (bits !== null) {
            // most probe keys of a selective join are not there: one bit says so without hashing (cache-resident)
            const at = k - min;
            if ((at >>> 0) >= range || !hasBit(bits, at)) {
              first[r] = -1;
              continue;
            }
          }
          let i = fmix(k) & mask;
          let h = slots[2 * i + 1]!;
          while (h !== 0 && slots[2 * i] !== k) {
            i = (i + 1) & mask;
            h = slots[2 * i + 1]!;
          }
          first[r] = h - 1;
        }
      }
      return;
    }
    const kw = this.probeKw!;
    const sources = kw.sources(b);
    const dict = kw.dense ? sources[0]!.dict : undefined;
    if (dict !== undefined && kw.encoders[0]!.codes) return this.lookupDict(dict, n, first);
    const nulls = KeyWords.nullRows(sources, n);
    kw.encode(sources, n);
    if (this.gids.length < n) this.gids = new Int32Array(n);
    const gids = this.gids;
    if (this.table) this.table.find(kw.words, kw.h, n, gids);
    else gids.set(kw.words.subarray(0, n));
    const head = this.head;
    const groups = head.length;
    for (let r = 0; r < n; r++) {
      const g = gids[r]!;
      first[r] = g < 0 || g >= groups || (nulls !== null && nulls[r] === 1) ? -1 : head[g]!;
    }
  }

  private first = new Int32Array(0);
  // A dictionary-encoded probe key (cached tables): the first build row of each entry of its dictionary.
  private dictKey: object | null = null;
  private dictRows = new Int32Array(0);

  /**
   * `lookup` of a single dictionary-encoded string key: each dictionary entry is looked up once (the batches of a
   * cached block share their dictionary), then a row's build row is its entry's.
   */
  private lookupDict(d: NonNullable<KeySource['dict']>, n: number, first: Int32Array): void {
    if (d.key !== this.dictKey || this.dictRows.length < d.size) {
      const codes = new Int32Array(d.size);
      const entries: KeySource = {
        vec: () => {
          throw new Error('internal: a dictionary key source read as a Vec');
        },
        utf8: null,
        // A key of its own: the encoder's memo of the rows' dictionary is not this one's.
        dict: { ...d, indices: iota(d.size), nulls: null, key: {} },
      };
      this.probeKw!.encoders[0]!.codes!(entries, d.size, codes);
      const head = this.head;
      const rows = new Int32Array(d.size);
      for (let i = 0; i < d.size; i++) rows[i] = codes[i]! < head.length ? head[codes[i]!]! : -1;
      this.dictKey = d.key;
      this.dictRows = rows;
    }
    const rows = this.dictRows;
    const { indices, nulls } = d;
    if (nulls === null) for (let r = 0; r < n; r++) first[r] = rows[indices[r]!]!;
    else for (let r = 0; r < n; r++) first[r] = nulls[r] === 1 ? -1 : rows[indices[r]!]!;
  }

  /**
   * All matching (probe row, build row) pairs of a probe batch, probe rows in order, into `out`. With unique
   * build keys the pairs go into arrays of their own (`out.owned`): at most one pair a probe row, so they need no
   * growing, and the caller may keep them without a copy.
   */
  probe(b: ColumnarBatch, out: Pairs): void {
    const n = b.length;
    const next = this.next;
    if (next === null) {
      const pi = (out.probe = new Int32Array(n));
      const bi = (out.build = new Int32Array(n));
      out.owned = true;
      out.n = this.uniquePairs(b, pi, bi);
      return;
    }
    if (out.owned) {
      out.probe = new Int32Array(1024);
      out.build = new Int32Array(1024);
      out.owned = false;
    }
    if (this.first.length < n) this.first = new Int32Array(n);
    const first = this.first;
    this.lookup(b, first);
    let pi = out.probe;
    let bi = out.build;
    let m = 0;
    let cap = pi.length;
    for (let r = 0; r < n; r++) {
      for (let j = first[r]!; j >= 0; j = next[j]!) {
        if (m === cap) {
          out.n = m;
          out.grow();
          pi = out.probe;
          bi = out.build;
          cap = pi.length;
        }
        pi[m] = r;
        bi[m++] = j;
      }
    }
    out.n = m;
  }

  /**
   * The pairs of a probe batch when no key repeats, as their count. Each row's pair is written and kept only when
   * it matched (no branch on the match, which is unpredictable when a fraction of keys match); a dense integer
   * key is looked up in the same loop.
   */
  private uniquePairs(b: ColumnarBatch, pi: Int32Array, bi: Int32Array): number {
    const n = b.length;
    let m = 0;
    if (this.intKind !== null && this.slots === null && this.bits === null) {
      const { vals, skip } = intKeys(this.probeEval!(b), this.intKind)!;
      const head = this.head;
      const min = this.min;
      const range = this.range;
      if (skip === null) {
        for (let r = 0; r < n; r++) {
          const at = vals[r]! - min;
          const j = at >= 0 && at < range ? head[at]! : -1;
          pi[m] = r;
          bi[m] = j;
          m += (j >>> 31) ^ 1;
        }
      } else {
        for (let r = 0; r < n; r++) {
          const at = vals[r]! - min;
          const j = at >= 0 && at < range && skip[r] === 0 ? head[at]! : -1;
          pi[m] = r;
          bi[m] = j;
          m += (j >>> 31) ^ 1;
        }
      }
      return m;
    }
    // The looked-up rows go into bi first: the compaction below only ever writes at or before the row it reads.
    this.lookup(b, bi);
    for (let r = 0; r < n; r++) {
      const j = bi[r]!;
      pi[m] = r;
      bi[m] = j;
      m += (j >>> 31) ^ 1;
    }
    return m;
  }
}
