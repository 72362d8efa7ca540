#!/usr/bin/env node
// Peer "polars": the h2o questions with nodejs-polars (Rust, all cores); lazy queries over an in-memory
// DataFrame, eager read for loads. String ids are read as Utf8 (the db-benchmark's polars script casts them to
// Categorical; not done here). See common.mjs for tasks and output.
import pl from 'nodejs-polars';
import { peerArgs, timed, emitChk } from './common.mjs';

const { task, files, hasBig } = peerArgs();
const S = pl.Utf8, I = pl.Int32, D = pl.Float64;
const GTYPES = { id1: S, id2: S, id3: S, id4: I, id5: I, id6: I, v1: I, v2: I, v3: D };
const readCsv = (f, dtypes) => pl.readCSV(f, { hasHeader: true, dtypes });
const c = (n) => pl.col(n);

function check(label, ans, cols) {
  const s = ans.select(...cols.map((k, i) => c(k).cast(D).sum().alias(`c${i}`))).toRecords()[0];
  emitChk(label, ans.height, ...cols.map((_, i) => s[`c${i}`]));
}

const Q = {
  q1: (x) => [x.groupBy('id1').agg(c('v1').sum()), ['v1']],
  q2: (x) => [x.groupBy(['id1', 'id2']).agg(c('v1').sum()), ['v1']],
  q3: (x) => [x.groupBy('id3').agg(c('v1').sum(), c('v3').mean()), ['v1', 'v3']],
  q4: (x) => [x.groupBy('id4').agg(c('v1').mean(), c('v2').mean(), c('v3').mean()), ['v1', 'v2', 'v3']],
  q5: (x) => [x.groupBy('id6').agg(c('v1').sum(), c('v2').sum(), c('v3').sum()), ['v1', 'v2', 'v3']],
  q6: (x) => [x.groupBy(['id4', 'id5']).agg(c('v3').median().alias('median_v3'), c('v3').std().alias('sd_v3')), ['median_v3', 'sd_v3']],
  q7: (x) => [x.groupBy('id3').agg(c('v1').max().sub(c('v2').min()).alias('range_v1_v2')), ['range_v1_v2']],
  q8: (x) => [x.select('id6', 'v3').sort('v3', true).groupBy('id6').agg(c('v3').head(2).alias('largest2_v3')).explode('largest2_v3'), ['largest2_v3']],
  q9: (x) => [x.groupBy(['id2', 'id4']).agg(pl.pearsonCorr('v1', 'v2').pow(2).alias('r2')), ['r2']],
  q10: (x) => [x.groupBy(['id1', 'id2', 'id3', 'id4', 'id5', 'id6']).agg(c('v3').sum(), c('v1').count().alias('count')), ['v3', 'count']],
};

if (task === 'load-csv') {
  const x = await timed('load', () => readCsv(files.csv, GTYPES));
  emitChk('load', x.height);
} else if (task === 'load-parquet') {
  const x = await timed('load', () => pl.readParquet(files.parquet));
  emitChk('load', x.height);
} else if (task === 'q1-csv') {
  await timed('q1-csv', () => check('q1-csv', pl.scanCSV(files.csv, { hasHeader: true, dtypes: GTYPES }).groupBy('id1').agg(c('v1').sum()).collectSync(), ['v1']));
} else if (task === 'groupby') {
  const x = await timed('load', () => readCsv(files.csv, GTYPES));
  emitChk('load', x.height);
  for (const [q, def] of Object.entries(Q)) await timed(q, () => { const [lz, cols] = def(x.lazy()); check(q, lz.collectSync(), cols); });
} else if (task === 'join') {
  const JX = { id1: I, id2: I, id3: I, id4: S, id5: S, id6: S };
  let x, small, medium, big;
  await timed('load', () => {
    x = readCsv(files.x, { ...JX, v1: D });
    small = readCsv(files.small, { id1: I, id4: S, v2: D });
    medium = readCsv(files.medium, { id1: I, id2: I, id4: S, id5: S, v2: D });
    if (hasBig) big = readCsv(files.big, { ...JX, v2: D });
  });
  const j = (r, key, how) => x.lazy().join(r.lazy().select(key, 'v2'), { on: key, how }).collectSync();
  const J = { j1: () => j(small, 'id1', 'inner'), j2: () => j(medium, 'id2', 'inner'), j3: () => j(medium, 'id2', 'left'),
    j4: () => j(medium, 'id5', 'inner'), j5: hasBig ? () => j(big, 'id3', 'inner') : null };
  for (const [q, fn] of Object.entries(J)) if (fn) await timed(q, () => check(q, fn(), ['v1', 'v2']));
} else {
  console.error(`unknown task '${task}'`);
  process.exitCode = 2;
}
