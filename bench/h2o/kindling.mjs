#!/usr/bin/env node
// Peer "kindling": the h2o questions with @kindling/sql's DataFrame API, master local[2].
// `KINDLING_MASTER` overrides the master. See common.mjs for tasks and output.
import * as K from '@kindling/sql';
import { peerArgs, timed, emitChk, emitUnsupported } from './common.mjs';
import { groupbyQuestions, checksum } from './kindling-questions.mjs';

const { Session, functions: F } = K;
const { task, files, hasBig } = peerArgs();

const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').appName('h2o').getOrCreate();
const GSCHEMA = 'id1 string, id2 string, id3 string, id4 int, id5 int, id6 int, v1 int, v2 int, v3 double';
const csv = (file, schema) => spark.read.option('header', true).schema(schema).csv(file);

/** Run the checksum aggregate over a question's answer (the answer itself is computed inside that job). */
async function check(label, ans, cols) {
  emitChk(label, ...(await checksum(K, ans, cols)));
}

const questions = groupbyQuestions(K);

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
