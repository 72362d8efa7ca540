#!/usr/bin/env node
// Deterministic generator of the h2oai db-benchmark tables (groupby G1_<N>_1e2_0_0 and
// join J1_<N>_NA_0_0 with its small / medium / big right-hand tables), as CSV and Parquet.
//
//   node bench/h2o/gen.mjs [--rows 1e7] [--k 100] [--seed 108] [--only groupby|join] [--no-big]
//                          [--no-parquet] [--out bench/data/h2o]
//
// groupby (after _data/groupby-datagen.R): id1,id2 = sample("id001".."id<K>"), id3 = sample("id0000000001"..
// "id<N/K, 10 digits>"), id4,id5 = sample(1..K), id6 = sample(1..N/K), v1 = sample(1..5), v2 = sample(1..15),
// v3 = runif(0,100) rounded to 2 decimals (the brief's distributions; the R script's versions differ on v2's range
// and v3's rounding, see README). No NAs, random order.
//
// join (after _data/join-datagen.R): keys split 0.9 common / 0.1 left-only / 0.1 right-only of N/1e6, N/1e3 and N
// distinct values; x = id1,id2,id3 (ints), id4,id5,id6 = "id<id1>", "id<id2>", "id<id3>", v1 = runif(0,100) to
// 6 decimals; small = id1,id4,v2 (N/1e6 rows, at least 10); medium = id1,id2,id4,id5,v2 (N/1e3 rows);
// big = id1..id6,v2 (N rows). Every key of each side occurs at least once (the R script's sample_all).
//
// Files are written as <name>.csv.partial and renamed, so an interrupted run leaves nothing that looks complete.
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, makeRng, parseArgs, openChunkWriter } from '../lib/common.mjs';

const args = parseArgs(process.argv.slice(2), { rows: '1e7', k: '100', seed: '108', out: path.join(DATA_DIR, 'h2o') });
const N = Math.round(Number(args.rows));
const K = Math.round(Number(args.k));
const OUT = path.resolve(String(args.out));
const sci = (x) => { const e = Math.floor(Math.log10(x)); const m = x / 10 ** e; return `${Number.isInteger(m) ? m : m.toFixed(1)}e${e}`; };
export const names = (n = N, k = K) => ({
  groupby: `G1_${sci(n)}_${sci(k)}_0_0`,
  x: `J1_${sci(n)}_NA_0_0`, small: `J1_${sci(n)}_${sci(Math.max(10, n / 1e6))}_0_0`,
  medium: `J1_${sci(n)}_${sci(n / 1e3)}_0_0`, big: `J1_${sci(n)}_${sci(n)}_0_0`,
});

function log(...a) { console.error(...a); }

/** Fisher–Yates in place. */
function shuffle(a, rng) {
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; }
  return a;
}
const pad = (n, w) => String(n).padStart(w, '0');

function genGroupby(file, rng) {
  const ngrp = Math.max(1, Math.round(N / K));
  const small = Array.from({ length: K }, (_, i) => `id${pad(i + 1, 3)}`);
  const big = Array.from({ length: ngrp }, (_, i) => `id${pad(i + 1, 10)}`);
  const w = openChunkWriter(file);
  w.write('id1,id2,id3,id4,id5,id6,v1,v2,v3\n');
  let buf = '';
  for (let i = 0; i < N; i++) {
    const id1 = small[(rng() * K) | 0], id2 = small[(rng() * K) | 0], id3 = big[(rng() * ngrp) | 0];
    const id4 = 1 + ((rng() * K) | 0), id5 = 1 + ((rng() * K) | 0), id6 = 1 + ((rng() * ngrp) | 0);
    const v1 = 1 + ((rng() * 5) | 0), v2 = 1 + ((rng() * 15) | 0);
    const c = Math.round(rng() * 10000); // v3 = c / 100, printed exactly with 2 decimals (fwrite drops trailing 0s)
    const v3 = String(c / 100);
    buf += `${id1},${id2},${id3},${id4},${id5},${id6},${v1},${v2},${v3}\n`;
    if ((i & 4095) === 4095) { w.write(buf); buf = ''; }
  }
  w.write(buf);
  return w.close();
}

// ---- join tables ----
/** 0.9 common / 0.1 left / 0.1 right split of a permutation of 1..n*1.1. */
function splitXLR(n, rng) {
  const tot = Math.round(n * 1.1);
  const key = new Int32Array(tot);
  for (let i = 0; i < tot; i++) key[i] = i + 1;
  shuffle(key, rng);
  const a = Math.round(n * 0.9);
  return { x: key.subarray(0, a), l: key.subarray(a, n), r: key.subarray(n, tot) };
}
/** Every key of `keys` at least once, the rest sampled with replacement, shuffled. */
function sampleAll(keys, size, rng) {
  const y = new Int32Array(size);
  y.set(keys.subarray(0, Math.min(keys.length, size)));
  for (let i = keys.length; i < size; i++) y[i] = keys[(rng() * keys.length) | 0];
  return shuffle(y, rng);
}
const cat = (a, b) => { const r = new Int32Array(a.length + b.length); r.set(a); r.set(b, a.length); return r; };
const v6 = (rng) => String(Math.round(rng() * 1e8) / 1e6);

function writeTable(file, header, n, row) {
  const w = openChunkWriter(file);
  w.write(header + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += row(i) + '\n';
    if ((i & 4095) === 4095) { w.write(buf); buf = ''; }
  }
  w.write(buf);
  return w.close();
}

function genJoin(nm, rng, withBig) {
  const n1 = Math.max(10, Math.round(N / 1e6)), n2 = Math.round(N / 1e3), n3 = N;
  const k1 = splitXLR(n1, rng), k2 = splitXLR(n2, rng), k3 = splitXLR(n3, rng);
  log(`  x: ${N} rows`);
  {
    const a = sampleAll(cat(k1.x, k1.l), N, rng), b = sampleAll(cat(k2.x, k2.l), N, rng), c = sampleAll(cat(k3.x, k3.l), N, rng);
    writeTable(path.join(OUT, `${nm.x}.csv`), 'id1,id2,id3,id4,id5,id6,v1', N,
      (i) => `${a[i]},${b[i]},${c[i]},id${a[i]},id${b[i]},id${c[i]},${v6(rng)}`);
  }
  log(`  small: ${n1} rows`);
  { const a = sampleAll(cat(k1.x, k1.r), n1, rng);
    writeTable(path.join(OUT, `${nm.small}.csv`), 'id1,id4,v2', n1, (i) => `${a[i]},id${a[i]},${v6(rng)}`); }
  log(`  medium: ${n2} rows`);
  { const a = sampleAll(cat(k1.x, k1.r), n2, rng), b = sampleAll(cat(k2.x, k2.r), n2, rng);
    writeTable(path.join(OUT, `${nm.medium}.csv`), 'id1,id2,id4,id5,v2', n2, (i) => `${a[i]},${b[i]},id${a[i]},id${b[i]},${v6(rng)}`); }
  if (withBig) {
    log(`  big: ${n3} rows`);
    const a = sampleAll(cat(k1.x, k1.r), n3, rng), b = sampleAll(cat(k2.x, k2.r), n3, rng), c = sampleAll(cat(k3.x, k3.r), n3, rng);
    writeTable(path.join(OUT, `${nm.big}.csv`), 'id1,id2,id3,id4,id5,id6,v2', n3,
      (i) => `${a[i]},${b[i]},${c[i]},id${a[i]},id${b[i]},id${c[i]},${v6(rng)}`);
  }
}

export const GROUPBY_COLUMNS = "{'id1':'VARCHAR','id2':'VARCHAR','id3':'VARCHAR','id4':'INTEGER','id5':'INTEGER','id6':'INTEGER','v1':'INTEGER','v2':'INTEGER','v3':'DOUBLE'}";

async function toParquet(csv, columns) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const pq = csv.replace(/\.csv$/, '.parquet');
  const lit = (s) => `'${s.replaceAll("'", "''")}'`;
  await con.run(`COPY (SELECT * FROM read_csv(${lit(csv)}, header = true, columns = ${columns})) TO ${lit(pq + '.partial')} (FORMAT parquet, COMPRESSION snappy)`);
  fs.renameSync(pq + '.partial', pq);
  return pq;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const nm = names();
  fs.mkdirSync(OUT, { recursive: true });
  const only = args.only ? String(args.only) : 'groupby,join';
  const t0 = Date.now();
  if (only.includes('groupby')) {
    const f = path.join(OUT, `${nm.groupby}.csv`);
    log(`generating ${f} (${N} rows, K=${K}) ...`);
    const bytes = genGroupby(f, makeRng(Number(args.seed)));
    log(`  ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (!args['no-parquet']) { const pq = await toParquet(f, GROUPBY_COLUMNS); log(`  ${pq}: ${(fs.statSync(pq).size / 1e6).toFixed(1)} MB`); }
  }
  if (only.includes('join')) {
    log(`generating join tables ${nm.x} (+ small, medium${args['no-big'] ? '' : ', big'}) ...`);
    genJoin(nm, makeRng(Number(args.seed) + 1), !args['no-big']);
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
