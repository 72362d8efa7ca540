#!/usr/bin/env node
// Profile helper: Kindling loads the join tables into memory, then runs the join questions given by `--q`
// (default j1,j2,j3,j4,j5) `--times` times each (default 3), printing each time. Use with
// `node --cpu-prof --cpu-prof-dir=DIR bench/h2o/profile-join.mjs --rows 1e6 --q j5`: Node writes one profile per
// thread (the driver and each local[2] worker). Each run prints its wall time and the CPU time of all threads
// (robust on a shared machine). `--explain` prints each question's physical plan once.
import { Session, col, functions as F } from '@kindling/sql';
import { peerArgs } from './common.mjs';
import { parseArgs } from '../lib/common.mjs';

const { files, hasBig } = peerArgs();
const a = parseArgs(process.argv.slice(2), { times: '3', q: 'j1,j2,j3,j4,j5' });
const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').getOrCreate();
const csv = (file, schema) => spark.read.option('header', true).schema(schema).csv(file).cache();
const x = csv(files.x, 'id1 int, id2 int, id3 int, id4 string, id5 string, id6 string, v1 double');
const small = csv(files.small, 'id1 int, id4 string, v2 double');
const medium = csv(files.medium, 'id1 int, id2 int, id4 string, id5 string, v2 double');
const big = hasBig ? csv(files.big, 'id1 int, id2 int, id3 int, id4 string, id5 string, id6 string, v2 double') : null;
let t0 = performance.now();
await x.count(); await small.count(); await medium.count(); if (big) await big.count();
console.log(`load: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const jq = {
  j1: () => x.join(small.select('id1', 'v2'), 'id1', 'inner'),
  j2: () => x.join(medium.select('id2', 'v2'), 'id2', 'inner'),
  j3: () => x.join(medium.select('id2', 'v2'), 'id2', 'left'),
  j4: () => x.join(medium.select('id5', 'v2'), 'id5', 'inner'),
  j5: () => x.join(big.select('id3', 'v2'), 'id3', 'inner'),
};
for (const q of String(a.q).split(',')) {
  if (a.explain) console.log(await jq[q]().agg(F.count('*')).explain?.());
  for (let i = 0; i < Number(a.times); i++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const [r] = await jq[q]().agg(F.count('*').alias('n'), F.sum(col('v1')).alias('s1'), F.sum(col('v2')).alias('s2')).collect();
    const c = process.cpuUsage(c0);
    console.log(`${q}: ${r.n} rows, ${r.s1} ${r.s2}: ${((performance.now() - t0) / 1000).toFixed(3)} s, CPU ${((c.user + c.system) / 1e6).toFixed(3)} s (all threads)`);
  }
}
await spark.stop();
