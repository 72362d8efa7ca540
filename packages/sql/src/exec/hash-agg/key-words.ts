import type { Bound } from '../../eval/bound.js';
import type { Vec } from '../../eval/vec.js';
import { parseType } from '../../types/parse-type.js';
import type { ColumnarBatch } from '../columnar-batch.js';
import { SEED } from './hashing.js';
import { keyEncoder, keySource, type KeyEncoder, type KeySource } from './key-encoders.js';

/**
 * The key columns of a hash operator (aggregate, join, hash partitioning) as rows of fixed-width words plus a
 * row hash, batch by batch; the encoders (and their string dictionaries) live as long as the operator.
 */
export class KeyWords {
  readonly encoders: KeyEncoder[];
  readonly offsets: number[];
  readonly width: number;
  words = new Int32Array(0);
  h = new Int32Array(0);
  private readonly evals: ((b: ColumnarBatch) => Vec)[];

  /** `partial`: a partial aggregate's keys, where a key may form more than one group (see keyEncoder). */
  constructor(
    readonly keys: Bound[],
    evals: ((b: ColumnarBatch) => Vec)[],
    partial = false,
  ) {
    this.evals = evals;
    this.encoders = keys.map((k) => keyEncoder(parseType(k.type), partial));
    let w = 0;
    this.offsets = this.encoders.map((e) => ((w += e.width), w - e.width));
    this.width = w;
  }

  /** The same encoders (and dictionaries) over other key expressions of the same types (a join's other side). */
  withKeys(keys: Bound[], evals: ((b: ColumnarBatch) => Vec)[]): KeyWords {
    const other = Object.create(KeyWords.prototype) as KeyWords;
    Object.assign(other, { keys, evals, encoders: this.encoders, offsets: this.offsets, width: this.width, words: new Int32Array(0), h: new Int32Array(0) });
    return other;
  }

  /** A single string (or other dictionary-coded) key: its codes are dense ids, no table needed. */
  get dense(): boolean {
    return this.encoders.length === 1 && this.encoders[0]!.dense;
  }

  sources(b: ColumnarBatch): KeySource[] {
    return this.keys.map((k, c) => keySource(b, k, this.evals[c]!));
  }

  /** Encodes the keys of n rows into `words` and `h` (valid until the next call). */
  encode(sources: KeySource[], n: number): void {
    if (this.h.length < n) {
      this.h = new Int32Array(n);
      this.words = new Int32Array(n * Math.max(1, this.width));
    }
    this.h.fill(SEED, 0, n);
    this.encoders.forEach((e, c) => e.encode(sources[c]!, n, this.words, this.width, this.offsets[c]!, this.h));
  }

  /** Rows with a NULL in any key column (1), for joins, where NULL never matches. */
  static nullRows(sources: KeySource[], n: number): Uint8Array | null {
    let out: Uint8Array | null = null;
    for (const s of sources) {
      const nulls = s.utf8 ? s.utf8.nulls : s.dict ? s.dict.nulls : s.vec().nulls;
      if (!nulls) continue;
      out ??= new Uint8Array(n);
      for (let r = 0; r < n; r++) out[r]! |= nulls[r]!;
    }
    return out;
  }
}
