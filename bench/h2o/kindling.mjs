#!/usr/bin/env node
// Peer "kindling": the h2o questions with @kindling/sql's DataFrame API, master local[2].
// `KINDLING_MASTER` overrides the master. See common.mjs for tasks and output.
import * as K from '@kindling/sql';
import { peerArgs, timed, emitChk, emitUnsupported } from './common.mjs';

const { Session, col, functions: F } = K;
const { task, files, hasBig } = peerArgs();

const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').appName('h2o').getOrCreate();
const GSCHEMA = 'id1 string, id2 string, id3 string, id4 int, id5 int, id6 int, v1 int, v2 int, v3 double';
const csv = (file, schema) => spark.read.option('header', true).schema(schema).csv(file);
const num = (v) => (v === null || v === undefined ? null : Number(v));

/** Run the checksum aggregate over a question's answer (the answer itself is computed inside that job). */
async function check(label, ans, cols) {
  const [row] = await ans.agg(F.count('*').alias('n'), ...cols.map((c, i) => F.sum(col(c)).alias(`c${i}`))).collect();
  emitChk(label, num(row.n), ...cols.map((_, i) => num(row[`c${i}`])));
}

const questions = {
  q1: (x) => [x.groupBy('id1').agg(F.sum('v1').alias('v1')), ['v1']],
  q2: (x) => [x.groupBy('id1', 'id2').agg(F.sum('v1').alias('v1')), ['v1']],
  q3: (x) => [x.groupBy('id3').agg(F.sum('v1').alias('v1'), F.avg('v3').alias('v3')), ['v1', 'v3']],
  q4: (x) => [x.groupBy('id4').agg(F.avg('v1').alias('v1'), F.avg('v2').alias('v2'), F.avg('v3').alias('v3')), ['v1', 'v2', 'v3']],
  q5: (x) => [x.groupBy('id6').agg(F.sum('v1').alias('v1'), F.sum('v2').alias('v2'), F.sum('v3').alias('v3')), ['v1', 'v2', 'v3']],
  q6: (x) => [x.groupBy('id4', 'id5').agg(F.median('v3').alias('median_v3'), F.stddev('v3').alias('sd_v3')), ['median_v3', 'sd_v3']],
  q7: (x) => [x.groupBy('id3').agg(F.max('v1').minus(F.min('v2')).alias('range_v1_v2')), ['range_v1_v2']],
  q8: (x) => {
    if (!K.Window || typeof F.row_number !== 'function') return 'no window functions (Window / row_number not exported by @kindling/sql)';
    const w = K.Window.partitionBy('id6').orderBy(col('v3').desc());
    return [x.select('id6', 'v3').withColumn('rn', F.row_number().over(w)).filter(col('rn').leq(2)).select('id6', col('v3').alias('largest2_v3')), ['largest2_v3']];
  },
  q9: (x) => [x.groupBy('id2', 'id4').agg(F.pow(F.corr('v1', 'v2'), 2).alias('r2')), ['r2']],
  q10: (x) => [x.groupBy('id1', 'id2', 'id3', 'id4', 'id5', 'id6').agg(F.sum('v3').alias('v3'), F.count('*').alias('count')), ['v3', 'count']],
};

async function runQuestion(label, x, def) {
  let q;
  try { q = def(x); } catch (e) { emitUnsupported(label, `${e.code ?? e.name}: ${e.message.split('\n')[0]}`); return; }
  if (typeof q === 'string') { emitUnsupported(label, q); return; }
  await timed(label, () => check(label, q[0], q[1]));
}

if (task === 'load-csv') {
  const n = await timed('load', async () => csv(files.csv, GSCHEMA).cache().count());
  emitChk('load', n);
} else if (task === 'load-parquet') {
  const n = await timed('load', async () => spark.read.parquet(files.parquet).cache().count());
  emitChk('load', n);
} else if (task === 'q1-csv') {
  await timed('q1-csv', () => check('q1-csv', csv(files.csv, GSCHEMA).groupBy('id1').agg(F.sum('v1').alias('v1')), ['v1']));
} else if (task === 'groupby') {
  const x = csv(files.csv, GSCHEMA).cache();
  emitChk('load', await timed('load', () => x.count()));
  for (const [q, def] of Object.entries(questions)) await runQuestion(q, x, def);
} else if (task === 'join') {
  const x = csv(files.x, 'id1 int, id2 int, id3 int, id4 string, id5 string, id6 string, v1 double').cache();
  const small = csv(files.small, 'id1 int, id4 string, v2 double').cache();
  const medium = csv(files.medium, 'id1 int, id2 int, id4 string, id5 string, v2 double').cache();
  const big = hasBig ? csv(files.big, 'id1 int, id2 int, id3 int, id4 string, id5 string, id6 string, v2 double').cache() : null;
  await timed('load', async () => { await x.count(); await small.count(); await medium.count(); if (big) await big.count(); });
  // The right side is projected to (key, v2): the checksum only reads v1 and v2, and USING joins keep one key column.
  const jq = {
    j1: () => x.join(small.select('id1', 'v2'), 'id1', 'inner'),
    j2: () => x.join(medium.select('id2', 'v2'), 'id2', 'inner'),
    j3: () => x.join(medium.select('id2', 'v2'), 'id2', 'left'),
    j4: () => x.join(medium.select('id5', 'v2'), 'id5', 'inner'),
    j5: () => (big ? x.join(big.select('id3', 'v2'), 'id3', 'inner') : 'big table not generated'),
  };
  for (const [q, def] of Object.entries(jq)) await runQuestion(q, null, () => { const d = def(); return typeof d === 'string' ? d : [d, ['v1', 'v2']]; });
} else {
  console.error(`unknown task '${task}'`);
  process.exitCode = 2;
}
await spark.stop();
