#!/usr/bin/env node
// Peer "arquero": the h2o questions with Arquero 7 (JavaScript, one thread; column arrays in memory).
// Arquero has no Parquet reader: load-parquet is reported unsupported. See common.mjs for tasks and output.
import * as aq from 'arquero';
import { peerArgs, timed, emitChk, emitUnsupported } from './common.mjs';

const { op } = aq;
const { task, files, hasBig } = peerArgs();
// Parse every column explicitly (ids as strings or ints, values as numbers) rather than autoType.
const int = (s) => +s, str = (s) => s, dbl = (s) => +s;
const load = (f, parse) => aq.loadCSV(f, { parse, autoType: false });
const GPARSE = { id1: str, id2: str, id3: str, id4: int, id5: int, id6: int, v1: int, v2: int, v3: dbl };

function check(label, ans, cols) {
  const s = ans.rollup(Object.fromEntries(cols.map((k, i) => [`c${i}`, op.sum(k)]))).object();
  emitChk(label, ans.numRows(), ...cols.map((_, i) => s[`c${i}`]));
}

const Q = {
  q1: (x) => [x.groupby('id1').rollup({ v1: op.sum('v1') }), ['v1']],
  q2: (x) => [x.groupby('id1', 'id2').rollup({ v1: op.sum('v1') }), ['v1']],
  q3: (x) => [x.groupby('id3').rollup({ v1: op.sum('v1'), v3: op.mean('v3') }), ['v1', 'v3']],
  q4: (x) => [x.groupby('id4').rollup({ v1: op.mean('v1'), v2: op.mean('v2'), v3: op.mean('v3') }), ['v1', 'v2', 'v3']],
  q5: (x) => [x.groupby('id6').rollup({ v1: op.sum('v1'), v2: op.sum('v2'), v3: op.sum('v3') }), ['v1', 'v2', 'v3']],
  q6: (x) => [x.groupby('id4', 'id5').rollup({ median_v3: op.median('v3'), sd_v3: op.stdev('v3') }), ['median_v3', 'sd_v3']],
  q7: (x) => [x.groupby('id3').rollup({ range_v1_v2: (d) => op.max(d.v1) - op.min(d.v2) }), ['range_v1_v2']],
  q8: (x) => [x.select('id6', 'v3').groupby('id6').orderby(aq.desc('v3')).filter(() => op.row_number() <= 2)
    .ungroup().select('id6', { v3: 'largest2_v3' }), ['largest2_v3']],
  q9: (x) => [x.groupby('id2', 'id4').rollup({ r2: (d) => op.corr(d.v1, d.v2) * op.corr(d.v1, d.v2) }), ['r2']],
  q10: (x) => [x.groupby('id1', 'id2', 'id3', 'id4', 'id5', 'id6').rollup({ v3: op.sum('v3'), count: op.count() }), ['v3', 'count']],
};

if (task === 'load-csv') {
  const x = await timed('load', () => load(files.csv, GPARSE));
  emitChk('load', x.numRows());
} else if (task === 'load-parquet') {
  emitUnsupported('load', 'Arquero has no Parquet reader (it reads Arrow IPC; Parquet needs a separate decoder)');
} else if (task === 'q1-csv') {
  await timed('q1-csv', async () => check('q1-csv', (await load(files.csv, GPARSE)).groupby('id1').rollup({ v1: op.sum('v1') }), ['v1']));
} else if (task === 'groupby') {
  const x = await timed('load', () => load(files.csv, GPARSE));
  emitChk('load', x.numRows());
  for (const [q, def] of Object.entries(Q)) await timed(q, () => { const [ans, cols] = def(x); check(q, ans, cols); });
} else if (task === 'join') {
  const JX = { id1: int, id2: int, id3: int, id4: str, id5: str, id6: str };
  let x, small, medium, big;
  await timed('load', async () => {
    x = await load(files.x, { ...JX, v1: dbl });
    small = await load(files.small, { id1: int, id4: str, v2: dbl });
    medium = await load(files.medium, { id1: int, id2: int, id4: str, id5: str, v2: dbl });
    if (hasBig) big = await load(files.big, { ...JX, v2: dbl });
  });
  const J = {
    j1: () => x.join(small.select('id1', 'v2'), 'id1'),
    j2: () => x.join(medium.select('id2', 'v2'), 'id2'),
    j3: () => x.join_left(medium.select('id2', 'v2'), 'id2'),
    j4: () => x.join(medium.select('id5', 'v2'), 'id5'),
    j5: hasBig ? () => x.join(big.select('id3', 'v2'), 'id3') : null,
  };
  for (const [q, fn] of Object.entries(J)) if (fn) await timed(q, () => check(q, fn(), ['v1', 'v2']));
} else {
  console.error(`unknown task '${task}'`);
  process.exitCode = 2;
}
