// Shared by the h2o peers: file names, CLI, and the line protocol the runner parses.
//
// Every peer is run as `node bench/h2o/<peer>.mjs <task> [--rows 1e7] [--dir bench/data/h2o]` where task is
//   load-csv      read the groupby CSV into memory, print its row count
//   load-parquet  the same from the Parquet copy
//   q1-csv        groupby q1 straight over the CSV file (read + aggregate, nothing cached)
//   groupby       load the CSV into memory, then q1..q10 over it
//   join          load x, small, medium, big into memory, then join q1..q5
// and prints, on stdout, one line per measurement:
//   T <label> <seconds>                      time of one step inside the process
//   C <label> <rows> <chk1> [<chk2> ...]     checksum of a question's answer (rows = answer rows)
//   U <label> <reason>                       step not supported by this peer
// (fields separated by tabs).
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, parseArgs } from '../lib/common.mjs';
import { names } from './gen.mjs';

export function peerArgs() {
  const a = parseArgs(process.argv.slice(2), { rows: '1e7', dir: path.join(DATA_DIR, 'h2o') });
  const task = a._[0];
  const N = Math.round(Number(a.rows));
  const nm = names(N, 100);
  const dir = path.resolve(String(a.dir));
  const f = (n, ext = 'csv') => path.join(dir, `${n}.${ext}`);
  const files = {
    csv: f(nm.groupby), parquet: f(nm.groupby, 'parquet'),
    x: f(nm.x), small: f(nm.small), medium: f(nm.medium), big: f(nm.big),
  };
  return { task, N, files, hasBig: fs.existsSync(files.big) };
}

export const GROUPBY_Q = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'];
export const JOIN_Q = ['j1', 'j2', 'j3', 'j4', 'j5'];

/** What each question computes (for reports). */
export const QUESTIONS = {
  q1: 'sum v1 by id1', q2: 'sum v1 by id1:id2', q3: 'sum v1 mean v3 by id3', q4: 'mean v1:v3 by id4',
  q5: 'sum v1:v3 by id6', q6: 'median v3 sd v3 by id4 id5', q7: 'max v1 - min v2 by id3',
  q8: 'largest two v3 by id6 (window)', q9: 'regression v1 v2 by id2 id4', q10: 'sum v3 count by id1:id6',
  j1: 'small inner on int', j2: 'medium inner on int', j3: 'medium outer on int', j4: 'medium inner on factor',
  j5: 'big inner on int',
};

export { emitTime, emitChk, emitUnsupported, timed } from '../lib/protocol.mjs';
