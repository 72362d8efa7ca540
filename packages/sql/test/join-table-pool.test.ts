// Join tables reuse the Int32 arrays of the thread's finished tables (exec/int32-pool.ts), which come back
// dirty. A table built after another's release, over other keys and of about the same size (so that it gets the
// first one's arrays), must find exactly the build rows a plain reference finds, on every lookup path.
import { describe, expect, it } from 'vitest';
import { Pairs, JoinTable } from '../src/exec/hash-join/join-table.js';
import { giveInt32, takeInt32 } from '../src/exec/int32-pool.js';
import type { ColumnarBatch } from '../src/exec/columnar-batch.js';
import { col, column } from './eval/helpers.js';

const N = 300_000; // arrays of 1.2 MB and more are pooled

/** Seeded generator, so a failure is reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const batch = (type: string, values: unknown[]): ColumnarBatch => ({ names: ['k'], columns: [column(type, values)], length: values.length });

/** Every (probe row, build row) pair of equal, non-NULL keys, probe rows in order and build rows in order. */
function reference(build: unknown[], probe: unknown[]): string[] {
  const rows = new Map<unknown, number[]>();
  build.forEach((k, j) => k !== null && rows.set(String(k), [...(rows.get(String(k)) ?? []), j]));
  return probe.flatMap((k, i) => (k === null ? [] : (rows.get(String(k)) ?? []).map((j) => `${i}:${j}`)));
}

function pairsOf(table: JoinTable, probe: ColumnarBatch): string[] {
  const p = new Pairs();
  table.probe(probe, p);
  return Array.from({ length: p.n }, (_, k) => `${p.probe[k]}:${p.build[k]}`);
}

// key generators: dense ints with repeats, sparse ints, bigints, strings (the general path)
const kinds: [string, string, (r: () => number, salt: number) => unknown][] = [
  ['dense int', 'int', (r, salt) => (r() < 0.02 ? null : Math.floor(r() * N) + salt)],
  ['sparse int', 'int', (r, salt) => (r() < 0.02 ? null : Math.floor(r() * 2 ** 30) - salt * 1_000_003)],
  ['bigint', 'bigint', (r, salt) => (r() < 0.02 ? null : BigInt(Math.floor(r() * N * 3) + salt))],
  ['string', 'string', (r, salt) => (r() < 0.02 ? null : `k${Math.floor(r() * N) + salt}`)],
];

// First in the file: the pool is this module's, empty until the join tables below give their arrays back.
describe('Int32 pool', () => {
  it('hands a given-back buffer to the next fitting take, once, and never a small or a too-large one', () => {
    const a = takeInt32(1 << 19); // 2 MB
    a.fill(7);
    giveInt32(a);
    giveInt32(a); // given twice: pooled once
    const b = takeInt32((1 << 19) - 5);
    expect(b.buffer === a.buffer).toBe(true);
    expect(b[0]).toBe(7); // dirty: takers fill what they read
    expect(takeInt32((1 << 19) - 5).buffer === a.buffer).toBe(false);
    giveInt32(b);
    expect(takeInt32(1 << 17).buffer === a.buffer).toBe(false); // 512 KB: under the pooled size, from the allocator
    expect(takeInt32(1 << 20).buffer === a.buffer).toBe(false); // 4 MB: does not fit
    expect(takeInt32(1 << 18).buffer === a.buffer).toBe(true); // 1 MB: fits and wastes no more than half
  });
});

describe('join tables over pooled arrays', () => {
  it.each(kinds)('%s keys: a table built on a released table\'s arrays finds the reference pairs', (_, type, key) => {
    for (const [seed, salt] of [
      [1, 0],
      [2, 7],
      [3, 1],
    ] as const) {
      const r = rng(seed);
      const build = Array.from({ length: N }, () => key(r, salt));
      // a probe batch: keys of the build side, keys of none, NULLs
      const probe = Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? build[Math.floor(r() * N)]! : key(r, salt + 1)));
      const k = col(0, type);
      const table = new JoinTable([k], [k], batch(type, build));
      expect(pairsOf(table, batch(type, probe)), `seed ${seed}`).toEqual(reference(build, probe));
      table.release();
    }
  });
});
