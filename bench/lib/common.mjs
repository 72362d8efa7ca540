// Shared helpers for the Kindling benchmark harness: seeded PRNG, Zipf sampling,
// CLI parsing, and the one result format every peer prints.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = path.join(BENCH_DIR, 'data');

/** sfc32: small, fast, seeded PRNG; returns floats in [0, 1). */
export function makeRng(seed) {
  // Derive four 32-bit state words from one integer seed via splitmix32.
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** Integer in [lo, hi] inclusive. */
export const randInt = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

/**
 * Zipf sampler over ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s.
 * Inverse-CDF with a guide table so each draw is a short binary search.
 */
export function makeZipf(n, s, rng) {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) { acc += 1 / Math.pow(k + 1, s); cdf[k] = acc; }
  for (let k = 0; k < n; k++) cdf[k] /= acc;
  cdf[n - 1] = 1;
  const G = 1 << 16;
  const guide = new Int32Array(G + 1);
  let i = 0;
  for (let g = 0; g <= G; g++) {
    const u = g / G;
    while (i < n - 1 && cdf[i] < u) i++;
    guide[g] = i;
  }
  return () => {
    const u = rng();
    const g = Math.floor(u * G);
    let lo = guide[g], hi = guide[g + 1];
    while (lo < hi) { // first k with cdf[k] > u
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid; else lo = mid + 1;
    }
    return lo;
  };
}

/** --key value / --flag parsing; positional args in `_`. */
export function parseArgs(argv, defaults = {}) {
  const out = { ...defaults, _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) { out[a.slice(2, eq)] = a.slice(eq + 1); continue; }
      const key = a.slice(2);
      const nxt = argv[i + 1];
      if (nxt !== undefined && !nxt.startsWith('--')) { out[key] = nxt; i++; } else out[key] = true;
    } else out._.push(a);
  }
  return out;
}

/**
 * Buffered writer: accumulate strings and flush in big chunks with writeSync.
 * Writes to `<file>.partial` and renames on close, so an interrupted run never
 * leaves a file that looks complete.
 */
export function openChunkWriter(file, chunkBytes = 8 << 20) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = file + '.partial';
  const fd = fs.openSync(tmp, 'w');
  let parts = [];
  let pending = 0;
  let written = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = Buffer.from(parts.join(''), 'latin1'); // generators emit ASCII only
    fs.writeSync(fd, buf);
    written += buf.length;
    parts = [];
    pending = 0;
  };
  return {
    write(s) { parts.push(s); pending += s.length; if (pending >= chunkBytes) flush(); },
    get bytes() { return written + pending; },
    close() { flush(); fs.closeSync(fd); fs.renameSync(tmp, file); return written; },
  };
}

/** The canonical ordering: count descending, then key ascending (code-unit order = LC_ALL=C byte order for ASCII). */
export function compareCountThenKey(a, b) {
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Print `[key, count]` pairs as `key\tcount` lines in the canonical order. */
export function printTop(pairs) {
  const rows = pairs.map(([k, c]) => [String(k), Number(c)]).sort(compareCountThenKey);
  process.stdout.write(rows.map(([k, c]) => `${k}\t${c}\n`).join(''));
}

export const JOBS = {
  wordcount: { top: 20, defaultInput: path.join(DATA_DIR, 'corpus.txt') },
  topurls: { top: 5, defaultInput: path.join(DATA_DIR, 'access.log') },
};

/** `<job> [file]` from argv, with the job's default input. */
export function jobArgs(argv = process.argv.slice(2)) {
  const [job, file] = argv;
  if (!JOBS[job]) {
    console.error(`usage: ${path.basename(process.argv[1])} wordcount|topurls [input-file]`);
    process.exit(2);
  }
  return { job, file: file ?? JOBS[job].defaultInput, top: JOBS[job].top };
}
