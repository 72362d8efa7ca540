#!/usr/bin/env node
// Profile helper: Kindling loads the groupby CSV into memory, then runs one h2o groupby question (`--q q8`, the
// DataFrame code of kindling.mjs) `--times` times (default 5), printing each time. Run it under
// `node --cpu-prof --cpu-prof-dir=DIR bench/h2o/profile-q.mjs --rows 1e6 --q q8`: one profile per thread.
import * as K from '@kindling/sql';
import { peerArgs } from './common.mjs';
import { parseArgs } from '../lib/common.mjs';

const { Session, col, functions: F } = K;
const { files } = peerArgs();
const opts = parseArgs(process.argv.slice(2), { times: '5', q: 'q8' });
const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').getOrCreate();
const x = spark.read.option('header', true)
  .schema('id1 string, id2 string, id3 string, id4 int, id5 int, id6 int, v1 int, v2 int, v3 double').csv(files.csv).cache();
const questions = {
  q6: () => [x.groupBy('id4', 'id5').agg(F.median('v3').alias('median_v3'), F.stddev('v3').alias('sd_v3')), ['median_v3', 'sd_v3']],
  q8: () => [x.select('id6', 'v3').withColumn('rn', F.row_number().over(K.Window.partitionBy('id6').orderBy(col('v3').desc())))
    .filter(col('rn').leq(2)).select('id6', col('v3').alias('largest2_v3')), ['largest2_v3']],
  q9: () => [x.groupBy('id2', 'id4').agg(F.pow(F.corr('v1', 'v2'), 2).alias('r2')), ['r2']],
};
let t0 = performance.now();
console.log(`load ${await x.count()} rows: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
for (let i = 0; i < Number(opts.times); i++) {
  t0 = performance.now();
  const cpu0 = process.cpuUsage(); // process-wide: every worker thread's CPU too
  const [ans, cols] = questions[opts.q]();
  const [r] = await ans.agg(F.count('*').alias('n'), ...cols.map((c, j) => F.sum(col(c)).alias(`c${j}`))).collect();
  console.log(`${opts.q}: ${Object.values(r).map(String).join(" ")}: ${((performance.now() - t0) / 1000).toFixed(3)} s, cpu ${((({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu0))).toFixed(2)} s`);
}
await spark.stop();
