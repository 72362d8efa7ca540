#!/usr/bin/env node
// Profile helper: Kindling loads the groupby CSV into memory, then runs q1 `--times` times (default 5), printing
// each time. Use with `node --cpu-prof --cpu-prof-dir=DIR bench/h2o/profile-q1.mjs --rows 1e6`: Node writes one
// profile per thread (the driver and each local[2] worker).
import { Session, functions as F } from '@kindling/sql';
import { peerArgs } from './common.mjs';
import { parseArgs } from '../lib/common.mjs';

const { files } = peerArgs();
const times = Number(parseArgs(process.argv.slice(2), { times: '5' }).times);
const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').getOrCreate();
const x = spark.read.option('header', true)
  .schema('id1 string, id2 string, id3 string, id4 int, id5 int, id6 int, v1 int, v2 int, v3 double').csv(files.csv).cache();
let t0 = performance.now();
console.log(`load ${await x.count()} rows: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
for (let i = 0; i < times; i++) {
  t0 = performance.now();
  const [r] = await x.groupBy('id1').agg(F.sum('v1').alias('v1')).agg(F.count('*').alias('n'), F.sum('v1').alias('s')).collect();
  console.log(`q1: ${r.n} groups, sum ${r.s}: ${((performance.now() - t0) / 1000).toFixed(3)} s`);
}
await spark.stop();
