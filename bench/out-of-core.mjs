#!/usr/bin/env node
// Out-of-core benchmark: word count and sortByKey over inputs of 1×, 4× and 16× the memory budget.
//
//   node bench/out-of-core.mjs [--budget 32] [--mult 1,4,16] [--jobs wordcount,sort] [--master local[2]]
//                              [--runs 1] [--unbounded] [--data bench/data/out-of-core] [--out bench/results]
//
// --unbounded also runs the largest input under the default budget (nothing spills), to show what spilling costs.
//
// Each (job, size) runs in a fresh child process: wall time from the child's start, peak RSS from its VmHWM (worker
// threads live in the same process, so they count), and the spill metrics summed over the job's tasks. Every
// answer is checked against what the generated data holds by construction. Inputs are generated on first use
// (deterministic) under --data; bench/data is git-ignored. See docs/BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './lib/common.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2), {
  budget: '32',
  mult: '1,4,16',
  jobs: 'wordcount,sort',
  master: 'local[2]',
  runs: '1',
  data: path.join(BENCH_DIR, 'data', 'out-of-core'),
  out: path.join(BENCH_DIR, 'results'),
});

// ---------------------------------------------------------------------------------------------- inputs ---
// Word data: a vocabulary of V words 'w' + base-36 index; one round holds every word i exactly 1 + i % 3 times,
// in a scrambled order, 12 words a line. The file is R rounds, so count(word i) = R * (1 + i % 3).
export const V = 300_000;
export function wordRound() {
  const words = [];
  for (let j = 0; j < V; j++) {
    const i = (j * 7919) % V;
    const w = 'w' + i.toString(36).padStart(4, '0');
    for (let c = 0; c <= i % 3; c++) words.push(w);
  }
  let text = '';
  for (let k = 0; k < words.length; k += 12) text += words.slice(k, k + 12).join(' ') + '\n';
  return Buffer.from(text, 'latin1');
}

export function writeWordData(file, targetBytes) {
  const round = wordRound();
  const rounds = Math.max(1, Math.round(targetBytes / round.length));
  const fd = fs.openSync(file + '.partial', 'w');
  for (let r = 0; r < rounds; r++) fs.writeSync(fd, round);
  fs.closeSync(fd);
  fs.renameSync(file + '.partial', file);
  return { rounds };
}

// Sort data: M lines of 101 bytes, `key<TAB>payload`. Line j has key (j * A) mod M, zero-padded to 10 digits, so
// the keys are a permutation of 0 .. M-1; its payload is 89 characters of PAY starting at (j * 31) mod 1000.
export const A = 1_000_003;
export const PAY = Array.from({ length: 1100 }, (_, i) => String.fromCharCode(97 + ((i * i + 7 * i) % 26))).join('');
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

export function sortLines(targetBytes) {
  let m = Math.max(1000, Math.round(targetBytes / 101));
  while (gcd(A, m) !== 1) m++;
  return m;
}

export function writeSortData(file, m) {
  // Straight into a reused buffer: no strings, so generating stays fast and small.
  const pay = Buffer.from(PAY, 'latin1');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file + '.partial', 'w');
  let pos = 0;
  for (let j = 0; j < m; j++) {
    if (pos + 101 > buf.length) {
      fs.writeSync(fd, buf, 0, pos);
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
  fs.writeSync(fd, buf, 0, pos);
  fs.closeSync(fd);
  fs.renameSync(file + '.partial', file);
}

/** j with (j * A) mod m = x: the line a key came from. */
export function inverseOf(a, m) {
  let [r0, r1, s0, s1] = [BigInt(m), BigInt(a), 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return Number(((s0 % BigInt(m)) + BigInt(m)) % BigInt(m));
}

// -------------------------------------------------------------------------------------------- child run ---
function peakRssMiB() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {}
  return process.memoryUsage().rss / 2 ** 20;
}

function spillTotals(sc) {
  let mem = 0;
  let disk = 0;
  let peakExec = 0;
  for (const j of sc.statusStore.jobs()) {
    for (const s of sc.statusStore.stagesOfJob(j.jobId)) {
      for (const t of s.tasks) {
        mem += t.metrics.memoryBytesSpilled ?? 0;
        disk += t.metrics.diskBytesSpilled ?? 0;
        peakExec = Math.max(peakExec, t.metrics.peakExecutionMemory ?? 0);
      }
    }
  }
  return { memoryBytesSpilled: mem, diskBytesSpilled: disk, peakTaskExecutionMemory: peakExec };
}

async function child(job, file, budgetMiB, master, expect) {
  const t0 = performance.now();
  const { Context } = await import('@kindling/core');
  const sc = new Context({ master, appName: `ooc-${job}`, ...(budgetMiB > 0 ? { memoryBudget: `${budgetMiB}mb` } : {}) });
  let ok = false;
  let detail = '';
  try {
    if (job === 'wordcount') {
      const R = expect.rounds;
      const counts = sc
        .textFile(file)
        .flatMap((line) => line.split(' '))
        .map((w) => [w, 1])
        .reduceByKey((a, b) => a + b);
      const st = await counts.map(([w, c]) => (c === R * (1 + (parseInt(w.slice(1), 36) % 3)) ? 1 : 0)).stats();
      ok = st.count === V && st.sum === V;
      detail = `${st.count} words, ${st.sum} with the right count`;
    } else {
      const M = expect.lines;
      const INV = inverseOf(A, M);
      const sorted = sc
        .textFile(file)
        .map((line) => [line.slice(0, 10), line.slice(11)])
        .sortByKey();
      const parts = await sorted
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
          return [[idx, first, prev, n, good]];
        })
        .collect();
      let next = 0;
      let total = 0;
      ok = true;
      for (const [, first, last, n, good] of parts.sort((a, b) => a[0] - b[0])) {
        if (n === 0) continue;
        if (!good || first !== next) ok = false;
        next = last + 1;
        total += n;
      }
      ok = ok && total === M && next === M;
      detail = `${total} records in ${parts.length} partitions, globally sorted: ${ok}`;
    }
    const wall = (performance.now() - t0) / 1000;
    const spills = spillTotals(sc);
    await sc.stop();
    const cpu = process.cpuUsage(); // every thread of the process
    process.stdout.write(JSON.stringify({ ok, detail, wall, cpu: (cpu.user + cpu.system) / 1e6, peakRssMiB: peakRssMiB(), ...spills }) + '\n');
  } catch (e) {
    await sc.stop();
    throw e;
  }
}

// ------------------------------------------------------------------------------------------------ main ---
/** Runs one (job, input, budget) `runs` times in fresh child processes; the run with the median wall time. */
function runMedian(job, file, budget, expect, runs, label, bytes) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const res = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', job, '--file', file, '--budget', String(budget), '--master', String(args.master), '--expect', JSON.stringify(expect)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status})`);
    const out = JSON.parse(res.stdout.trim().split('\n').pop());
    if (!out.ok) throw new Error(`${label}: wrong answer (${out.detail})`);
    results.push(out);
    console.error(`  ${label} (${(bytes / 2 ** 20).toFixed(0)} MiB) run ${r + 1}/${runs}: ${out.wall.toFixed(2)} s (CPU ${out.cpu.toFixed(1)} s), peak RSS ${out.peakRssMiB.toFixed(0)} MiB, spilled ${(out.diskBytesSpilled / 2 ** 20).toFixed(0)} MiB to disk`);
  }
  results.sort((a, b) => a.wall - b.wall);
  return results[Math.floor(results.length / 2)];
}

async function main() {
  if (args.child) {
    await child(String(args.child), String(args.file), Number(args.budget), String(args.master), JSON.parse(String(args.expect)));
    return;
  }
  const budget = Number(args.budget);
  const mults = String(args.mult).split(',').map(Number);
  const jobs = String(args.jobs).split(',');
  const runs = Math.max(1, Number(args.runs) | 0);
  fs.mkdirSync(String(args.data), { recursive: true });
  const rows = [];
  for (const job of jobs) {
    for (const mult of mults) {
      const target = mult * budget * 2 ** 20;
      const file = path.join(String(args.data), `${job}-${mult * budget}mib.txt`);
      let expect;
      if (job === 'wordcount') {
        const rounds = Math.max(1, Math.round(target / wordRound.size()));
        expect = { rounds };
        if (!fs.existsSync(file)) {
          console.error(`generating ${file} ...`);
          writeWordData(file, target);
        }
      } else {
        expect = { lines: sortLines(target) };
        if (!fs.existsSync(file)) {
          console.error(`generating ${file} ...`);
          writeSortData(file, expect.lines);
        }
      }
      const bytes = fs.statSync(file).size;
      rows.push({ job, mult, budget: `${budget} MiB`, inputMiB: bytes / 2 ** 20, ...runMedian(job, file, budget, expect, runs, `${job} ×${mult}`, bytes) });
      if (args.unbounded && mult === Math.max(...mults)) {
        // The same input under the default budget (nothing spills): what spilling costs.
        rows.push({ job, mult, budget: 'default', inputMiB: bytes / 2 ** 20, ...runMedian(job, file, 0, expect, runs, `${job} ×${mult}, default budget`, bytes) });
      }
    }
  }
  const lines = [
    `| job | budget | input | input (MiB) | wall (s) | CPU (s) | MiB/s | peak RSS (MiB) | spilled, in memory (MiB) | spilled, on disk (MiB) |`,
    `|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|`,
    ...rows.map(
      (r) =>
        `| ${r.job} | ${r.budget} | ${r.mult}× ${budget} MiB | ${r.inputMiB.toFixed(0)} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(1)} | ${(r.inputMiB / r.wall).toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${(r.memoryBytesSpilled / 2 ** 20).toFixed(0)} | ${(r.diskBytesSpilled / 2 ** 20).toFixed(0)} |`,
    ),
  ];
  console.log(`budget ${budget} MiB, master ${args.master}, median of ${runs}\n`);
  console.log(lines.join('\n'));
  fs.mkdirSync(String(args.out), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outFile = path.join(String(args.out), `out-of-core-${stamp}.json`);
  fs.writeFileSync(outFile, JSON.stringify({ budgetMiB: budget, master: args.master, runs, node: process.version, rows }, null, 2));
  console.error(`wrote ${path.relative(process.cwd(), outFile)}`);
}

wordRound.size = () => {
  wordRound.cached ??= wordRound().length;
  return wordRound.cached;
};

await main();
