import { describe, expect, it } from 'vitest';
import { keyEncoder, ValueCodes, type KeySource } from '../src/exec/hash-agg/key-encoders.js';
import { parseType } from '../src/types/parse-type.js';
import { NULL_HASH } from '../src/exec/hash-agg/hashing.js';
import { giveInt32, takeInt32 } from '../src/exec/int32-pool.js';

// A one-column int key's codes are its group ids: codes in order of first appearance, one per distinct value
// (NULL one of its own), whatever table (direct by value, or hashed) a value went through, also when the direct
// table grows past a value that was hashed before. These feed batches of values and check the codes against a
// reference Map, and the hash and decoded value of every code.

const INT = parseType('int');

function source(values: (number | null)[]): KeySource {
  const vals = new Int32Array(values.length);
  const nulls = values.some((v) => v === null) ? new Uint8Array(values.length) : null;
  values.forEach((v, i) => (v === null ? (nulls![i] = 1) : (vals[i] = v)));
  return { vec: () => ({ type: INT, length: values.length, values: vals, nulls }), utf8: null };
}

/** Feeds the batches to one encoder and checks codes, hashes and decoded values against a reference. */
function check(batches: (number | null)[][]): number {
  const e = keyEncoder(INT);
  const ref = new Map<number | null, number>();
  for (const b of batches) {
    const out = new Int32Array(b.length);
    e.codes!(source(b), b.length, out);
    const wrong: unknown[] = [];
    b.forEach((v, i) => {
      if (!ref.has(v)) ref.set(v, ref.size);
      if (out[i] !== ref.get(v)) wrong.push([i, v, out[i], ref.get(v)]);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  }
  expect(e.size).toBe(ref.size);
  const codes = Int32Array.from(ref.values());
  const dec = e.decodeCodes!(codes);
  const keys = [...ref.keys()];
  const bad = keys.filter((v, i) =>
    v === null ? dec.nulls?.[i] !== 1 || e.hashOf!(codes[i]!) !== NULL_HASH : dec.nulls?.[i] === 1 || dec.values[i] !== v || e.hashOf!(codes[i]!) !== v,
  );
  expect(bad.slice(0, 5)).toEqual([]);
  return ref.size;
}

const range = (from: number, n: number, step = 1) => Array.from({ length: n }, (_, i) => from + i * step);

describe('int key codes (IntEncoder.codes)', () => {
  it('small non-negative values, negatives, NULL, int extremes and repeats', () => {
    check([
      [3, 0, null, -1, 3, 2147483647, -2147483648, 0, null, -1],
      [1023, 1024, 1 << 20, (1 << 20) - 1, -5, 3, 2147483647],
    ]);
  });

  it('sparse values past 2^20 stay hashed (many distinct, the hash table grows)', () => {
    // 50,000 values spread over 2^31: never dense enough for the direct table.
    const vals = range(0, 50_000).map((i) => ((i * 2654435761) % 2147483647) | 0);
    expect(check([vals.slice(0, 20_000), vals, vals.slice(10_000).reverse()])).toBe(new Set(vals).size);
  });

  it('a dense range past 2^20 (l_orderkey-like): the direct table grows; values hashed before it grew keep their codes', () => {
    // First a few values near 3 M (a direct table around them), then 4.5 M (too far for so few codes: hashed),
    // then 600,000 values of 1.9..4.3 M step 4 (hashed until there are codes enough for a direct table of that
    // range, then it takes their codes over), then values past 3 M again, and the ends of the int range.
    const early = [3_000_001, 3_000_005, 2_999_999, 4_500_000, null];
    const dense = range(1_900_000, 600_000, 4);
    const late = range(2_999_990, 200_000, 2);
    expect(check([early, dense, late, early, dense.slice(0, 1000), [8_388_607, 8_388_608, 9_000_000, -7]])).toBe(
      new Set([...early, ...dense, ...late, 8_388_607, 8_388_608, 9_000_000, -7]).size,
    );
  });

  it('values rising through a sorted table (TPC-H l_orderkey: 1.5 M of 1..6 M) all stay in the direct table', () => {
    // 8 of every 32 values, four rows each, in batches as a cached block of lineitem gives them
    const keys = range(0, 1_500_000).map((i) => 1 + 32 * Math.floor(i / 8) + (i % 8));
    const rows = keys.flatMap((k) => [k, k, k, k]);
    const batches = Array.from({ length: Math.ceil(rows.length / 65536) }, (_, b) => rows.slice(b * 65536, (b + 1) * 65536));
    const e = keyEncoder(INT);
    for (const b of batches) e.codes!(source(b), b.length, new Int32Array(b.length));
    expect(e.size).toBe(keys.length);
    // none went through the hash table of values off the direct table
    expect((e as unknown as { others: { count: number } }).others.count).toBe(0);
  });

  it("direct tables come from the thread's pool dirty, and are given back by dispose", () => {
    // Junk in every pooled buffer the growing table may be handed: a table that did not zero it would read codes
    // that were never given out.
    for (const n of [1 << 18, 1 << 19, 1 << 20, 1 << 21, 1 << 22]) giveInt32(new Int32Array(n).fill(12345));
    const keys = range(7, 300_000, 5);
    expect(check([keys.slice(0, 1000), keys, keys.slice(5000, 9000)])).toBe(keys.length);
    const e = keyEncoder(INT);
    e.codes!(source(keys), keys.length, new Int32Array(keys.length));
    const direct = (e as unknown as { direct: Int32Array }).direct;
    expect(direct.length).toBeGreaterThanOrEqual(1 << 18);
    e.dispose!();
    expect(takeInt32(direct.length).buffer).toBe(direct.buffer);
  });

  it('the switch point: values just below and above 2^20 and the direct table limit 2^23', () => {
    const at = [(1 << 20) - 1, 1 << 20, (1 << 20) + 1, (1 << 23) - 1, 1 << 23, (1 << 23) + 1];
    check([at, range((1 << 20) - 500, 1000), at, range((1 << 23) - 300, 600), at]);
  });
});

describe('ValueCodes', () => {
  it('maps Int32 values to codes through rehashes, -1 for values not in it', () => {
    const t = new ValueCodes();
    const vals = range(-100_000, 10_000, 17);
    vals.forEach((v, i) => t.set(v, i));
    expect(t.count).toBe(vals.length);
    expect(vals.every((v, i) => t.get(v) === i)).toBe(true);
    expect([t.get(1), t.get(-99_999), t.get(2147483647)]).toEqual([-1, -1, -1]);
  });
});
