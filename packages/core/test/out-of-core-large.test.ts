import { closeSync, existsSync, openSync, readdirSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context, type RDD } from '@kindling/core';
import { tempDir } from './helpers.js';

// Word count and sortByKey over ~500 MB of generated data under a 32 MB budget, on two worker threads: the answers
// are checked against what the data holds by construction (never by a second full computation), the jobs must
// spill, and the RSS of this process (worker threads included) is sampled every 50 ms. Its own test file, so vitest
// runs it in a fresh process and the RSS is this test's alone.

function spills(sc: Context, fromJob: number): { memory: number; disk: number } {
  let memory = 0;
  let disk = 0;
  for (const j of sc.statusStore.jobs()) {
    if (j.jobId < fromJob) continue;
    for (const s of sc.statusStore.stagesOfJob(j.jobId)) {
      for (const t of s.tasks) {
        memory += t.metrics.memoryBytesSpilled;
        disk += t.metrics.diskBytesSpilled;
      }
    }
  }
  return { memory, disk };
}

const nextJob = (sc: Context) => (sc.statusStore.lastJob()?.jobId ?? -1) + 1;

function expectReleased(sc: Context): void {
  expect(sc.memory.activeTasks).toBe(0);
  const tasks = join(sc.localDir, 'tasks');
  expect(existsSync(tasks) ? readdirSync(tasks) : []).toEqual([]);
}

/** Word data: V words 'w' + base 36; a round holds word i 1 + i % 3 times, scrambled, 12 words a line. */
const V = 300_000;
function writeWordData(file: string, targetBytes: number): number {
  // One round, written byte by byte into a buffer (no strings: generating does not swell this process's heap).
  const round = Buffer.allocUnsafe(2 * V * 6);
  let pos = 0;
  let onLine = 0;
  for (let j = 0; j < V; j++) {
    const i = (j * 7919) % V;
    for (let c = 0; c <= i % 3; c++) {
      round[pos] = 119; // 'w', then i in base 36 on 4 digits
      for (let d = 4, x = i; d >= 1; d--, x = Math.floor(x / 36)) round[pos + d] = (x % 36 < 10 ? 48 : 87) + (x % 36);
      round[pos + 5] = ++onLine === 12 ? 10 : 32;
      if (onLine === 12) onLine = 0;
      pos += 6;
    }
  }
  const rounds = Math.max(1, Math.round(targetBytes / round.length));
  const fd = openSync(file + '.partial', 'w');
  for (let r = 0; r < rounds; r++) writeSync(fd, round);
  closeSync(fd);
  renameSync(file + '.partial', file);
  return rounds;
}

/** Sort data: M lines `key<TAB>payload`; line j has key (j * A) mod M (a permutation), payload PAY at (j*31)%1000. */
const A = 1_000_003;
const PAY = Array.from({ length: 1100 }, (_, i) => String.fromCharCode(97 + ((i * i + 7 * i) % 26))).join('');
function writeSortData(file: string, m: number): void {
  // Straight into a reused buffer: no strings, so generating does not swell this process's heap.
  const pay = Buffer.from(PAY, 'latin1');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file + '.partial', 'w');
  let pos = 0;
  for (let j = 0; j < m; j++) {
    if (pos + 101 > buf.length) {
      writeSync(fd, buf, 0, pos);
      pos = 0;
    }
    let key = (j * A) % m;
    for (let d = 9; d >= 0; d--) {
      buf[pos + d] = 48 + (key % 10);
      key = Math.floor(key / 10);
    }
    buf[pos + 10] = 9;
    const off = (j * 31) % 1000;
    pay.copy(buf, pos + 11, off, off + 89);
    buf[pos + 100] = 10;
    pos += 101;
  }
  writeSync(fd, buf, 0, pos);
  closeSync(fd);
  renameSync(file + '.partial', file);
}

function modInverse(a: number, m: number): number {
  let [r0, r1, s0, s1] = [BigInt(m), BigInt(a), 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return Number(((s0 % BigInt(m)) + BigInt(m)) % BigInt(m));
}

describe('~500 MB under a 32 MB budget', () => {
  const tmp = tempDir('kindling-ooc-');
  const MB = 2 ** 20;
  let sc: Context;
  let peak = 0;
  let sampler: NodeJS.Timeout;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  let baseline = 0;
  beforeAll(async () => {
    sc = new Context({ master: 'local[2]', appName: 'ooc-500mb', memoryBudget: '32mb' });
    await sc.range(0, 10).count(); // workers started: what follows is the jobs' own memory
    baseline = process.memoryUsage().rss;
    sampler = setInterval(sample, 50);
  });
  afterAll(async () => {
    clearInterval(sampler);
    await sc.stop();
    tmp.cleanup();
  });

  it('word count: right counts, spilled, bounded memory', async () => {
    const file = join(tmp.path, 'words.txt');
    const R = writeWordData(file, 500 * MB);
    const bytes = statSync(file).size;
    peak = 0;
    const t0 = Date.now();
    const from = nextJob(sc);
    const counts = sc
      .textFile(file)
      .flatMap((line) => line.split(' '))
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((a, b) => a + b);
    // Each word's count is known by construction: 1 where it is right, 0 where not; all V words present.
    const st = await counts.map(([w, c]) => (c === R * (1 + (parseInt(w.slice(1), 36) % 3)) ? 1 : 0)).stats();
    sample();
    const s = spills(sc, from);
    console.log(
      `word count: ${(bytes / MB).toFixed(0)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(peak / MB).toFixed(0)} MiB ` +
        `(${(baseline / MB).toFixed(0)} MiB with the workers idle), ` +
        `spilled ${(s.memory / MB).toFixed(0)} MiB (in memory) / ${(s.disk / MB).toFixed(0)} MiB (on disk)`,
    );
    expect(st.count).toBe(V);
    expect(st.sum).toBe(V);
    expect(s.memory).toBeGreaterThan(0);
    expect(s.disk).toBeGreaterThan(0);
    expect(peak).toBeLessThan(bytes * 0.8);
    expectReleased(sc);
  }, 240_000);

  it('sortByKey: globally sorted, every record intact, spilled, bounded memory', async () => {
    const file = join(tmp.path, 'sort.txt');
    let M = 5_000_000;
    while (M % 1_000_003 === 0) M++;
    writeSortData(file, M);
    const bytes = statSync(file).size;
    const INV = modInverse(A, M);
    peak = 0;
    const t0 = Date.now();
    const from = nextJob(sc);
    const sortedRdd: RDD<[string, string]> = sc
      .textFile(file)
      .map((line) => [line.slice(0, 10), line.slice(11)] as [string, string])
      .sortByKey();
    // Per partition (streamed, never collected): first and last key, count, and whether keys are consecutive and
    // each payload is the one its key was generated with.
    const parts = await sortedRdd
      .mapPartitionsWithIndex((idx, it) => {
        let first = -1;
        let prev = -1;
        let n = 0;
        let good = true;
        for (let r = it.next(); !r.done; r = it.next()) {
          const x = Number(r.value[0]);
          if (prev >= 0 && x !== prev + 1) good = false;
          const j = Number((BigInt(x) * BigInt(INV)) % BigInt(M));
          const off = (j * 31) % 1000;
          if (r.value[1] !== PAY.slice(off, off + 89)) good = false;
          if (first < 0) first = x;
          prev = x;
          n++;
        }
        return [[idx, first, prev, n, good] as [number, number, number, number, boolean]];
      })
      .collect();
    sample();
    const s = spills(sc, from);
    console.log(
      `sortByKey: ${(bytes / MB).toFixed(0)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(peak / MB).toFixed(0)} MiB ` +
        `(${(baseline / MB).toFixed(0)} MiB with the workers idle), ` +
        `spilled ${(s.memory / MB).toFixed(0)} MiB (in memory) / ${(s.disk / MB).toFixed(0)} MiB (on disk), ${parts.length} partitions`,
    );
    let next = 0;
    let total = 0;
    for (const [, first, last, n, good] of parts) {
      if (n === 0) continue;
      expect(good).toBe(true);
      expect(first).toBe(next); // partition p starts right after partition p - 1 ends
      next = last + 1;
      total += n;
    }
    expect(total).toBe(M);
    expect(next).toBe(M);
    expect(parts.filter((p) => p[3] > 0).length).toBeGreaterThan(8);
    expect(s.memory).toBeGreaterThan(0);
    expect(s.disk).toBeGreaterThan(0);
    expect(peak).toBeLessThan(bytes * 0.8);
    expectReleased(sc);
  }, 240_000);
});
