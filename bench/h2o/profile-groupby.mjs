#!/usr/bin/env node
// Profile helper: Kindling loads the groupby CSV into memory (cached), then runs the questions `--q` (default q1,
// comma-separated) `--times` times each (default 5), printing each time and checksum. Use with
// `node --cpu-prof --cpu-prof-dir=DIR bench/h2o/profile-groupby.mjs --rows 1e6 --q q3`: Node writes one profile
// per thread (the driver and each local[2] worker).
import * as K from '@kindling/sql';
import { peerArgs } from './common.mjs';
import { parseArgs } from '../lib/common.mjs';
import { groupbyQuestions, checksum } from './kindling-questions.mjs';

const { files } = peerArgs();
const a = parseArgs(process.argv.slice(2), { times: '5', q: 'q1' });
const spark = K.Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').getOrCreate();
const x = spark.read.option('header', true)
  .schema('id1 string, id2 string, id3 string, id4 int, id5 int, id6 int, v1 int, v2 int, v3 double').csv(files.csv).cache();
let t0 = performance.now();
console.log(`load ${await x.count()} rows: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const qs = groupbyQuestions(K);
for (const q of String(a.q).split(',')) {
  for (let i = 0; i < Number(a.times); i++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const [ans, cols] = qs[q](x);
    const chk = await checksum(K, ans, cols);
    const c = process.cpuUsage(c0);
    // CPU time is the process's (all threads): on a shared machine it is steadier than wall time.
    console.log(`${q}: ${chk.join(' ')}: ${((performance.now() - t0) / 1000).toFixed(3)} s, cpu ${((c.user + c.system) / 1e6).toFixed(3)} s`);
  }
}
if (a.mem) console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
await spark.stop();
