import { describe, expect, it } from 'vitest';
import { keyEncoder, type KeySource } from '../src/exec/hash-agg/key-encoders.js';
import { parseType } from '../src/types/parse-type.js';

// A one-column string key over dictionary-encoded batches (cached tables): its codes are group ids, one per
// distinct string (NULL one of its own), in order of first use, whether the dictionary's entries are looked up
// or (a partial aggregate's first dictionary) appended as first used. The batches share a dictionary that grows,
// as a cached block's do; entries no row uses get no code.

const STRING = parseType('string');
const utf8 = new TextEncoder();

function dictionary(words: string[]): { offsets: Int32Array; bytes: Uint8Array } {
  const parts = words.map((w) => utf8.encode(w));
  const offsets = new Int32Array(words.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const bytes = new Uint8Array(offsets[words.length]!);
  parts.forEach((p, i) => bytes.set(p, offsets[i]!));
  return { offsets, bytes };
}

function check(partial: boolean, withNulls: boolean): void {
  const words = Array.from({ length: 40 }, (_, i) => `w${i % 37}`); // entries 37.. repeat earlier strings
  const { offsets, bytes } = dictionary(words);
  const key = {};
  const e = keyEncoder(STRING, partial);
  const ref = new Map<string | null, number>();
  const owner = new Map<number, string | null>();
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  // the dictionary grows batch by batch: batch b uses entries below 10 + 10 b, so new entries appear mid-batch
  for (let b = 0; b < 4; b++) {
    const size = Math.min(words.length, 10 + 10 * b);
    const n = 500;
    const indices = new Int32Array(n);
    const nulls = withNulls ? new Uint8Array(n) : null;
    for (let r = 0; r < n; r++) {
      indices[r] = next() % size;
      if (nulls && next() % 7 === 0) nulls[r] = 1;
    }
    const src: KeySource = {
      vec: () => {
        throw new Error('read as a Vec');
      },
      utf8: null,
      dict: { indices, offsets, bytes, size, nulls, key },
    };
    const out = new Int32Array(n);
    e.codes!(src, n, out);
    const values = Array.from(indices, (i, r) => (nulls?.[r] === 1 ? null : words[i]!));
    for (const v of values) if (!ref.has(v)) ref.set(v, ref.size);
    if (partial) {
      // appended entries: a string the dictionary repeats may get two codes, but a code is one string
      const wrong = values.filter((v, r) => {
        if (!owner.has(out[r]!)) owner.set(out[r]!, v);
        return owner.get(out[r]!) !== v;
      });
      expect(wrong).toEqual([]);
    } else {
      expect(values.filter((v, r) => out[r] !== ref.get(v))).toEqual([]);
    }
  }
  if (partial) expect(e.size).toBe(owner.size);
  else expect(e.size).toBe(ref.size);
}

describe('string key codes over dictionary-encoded batches (StringEncoder.codes)', () => {
  it.each([
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ])('partial %s, NULLs %s: one code per string in order of first use', (partial, withNulls) => check(partial, withNulls));
});
