#!/usr/bin/env node
// Peer "duckdb": the h2o questions as SQL in an in-memory DuckDB (@duckdb/node-api; all cores).
// "In memory" = a DuckDB table created from the file. See common.mjs for tasks and output.
import { DuckDBInstance } from '@duckdb/node-api';
import { peerArgs, timed, emitChk } from './common.mjs';

const { task, files, hasBig } = peerArgs();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
const GCOLS = "{'id1':'VARCHAR','id2':'VARCHAR','id3':'VARCHAR','id4':'INTEGER','id5':'INTEGER','id6':'INTEGER','v1':'INTEGER','v2':'INTEGER','v3':'DOUBLE'}";
const readCsv = (f, cols) => `read_csv(${lit(f)}, header = true, columns = ${cols})`;
const rows = async (sql) => (await con.runAndReadAll(sql)).getRows();
const num = (v) => (v === null || v === undefined ? null : Number(v));

async function check(label, sql, cols) {
  const [r] = await rows(`SELECT count(*), ${cols.map((c) => `sum(${c})`).join(', ')} FROM (${sql})`);
  emitChk(label, num(r[0]), ...r.slice(1).map(num));
}

const Q = {
  q1: ['SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1', ['v1']],
  q2: ['SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2', ['v1']],
  q3: ['SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3', ['v1', 'v3']],
  q4: ['SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4', ['v1', 'v2', 'v3']],
  q5: ['SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6', ['v1', 'v2', 'v3']],
  q6: ['SELECT id4, id5, median(v3) AS median_v3, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5', ['median_v3', 'sd_v3']],
  q7: ['SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3', ['range_v1_v2']],
  q8: ['SELECT id6, v3 AS largest2_v3 FROM (SELECT id6, v3, row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC) AS rn FROM x) WHERE rn <= 2', ['largest2_v3']],
  q9: ['SELECT id2, id4, pow(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4', ['r2']],
  q10: ['SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count FROM x GROUP BY id1, id2, id3, id4, id5, id6', ['v3', '"count"']],
};

if (task === 'load-csv') {
  await timed('load', () => con.run(`CREATE TABLE x AS SELECT * FROM ${readCsv(files.csv, GCOLS)}`));
  emitChk('load', (await rows('SELECT count(*) FROM x'))[0][0]);
} else if (task === 'load-parquet') {
  await timed('load', () => con.run(`CREATE TABLE x AS SELECT * FROM read_parquet(${lit(files.parquet)})`));
  emitChk('load', (await rows('SELECT count(*) FROM x'))[0][0]);
} else if (task === 'q1-csv') {
  await timed('q1-csv', () => check('q1-csv', `SELECT id1, sum(v1) AS v1 FROM ${readCsv(files.csv, GCOLS)} GROUP BY id1`, ['v1']));
} else if (task === 'groupby') {
  await timed('load', () => con.run(`CREATE TABLE x AS SELECT * FROM ${readCsv(files.csv, GCOLS)}`));
  emitChk('load', (await rows('SELECT count(*) FROM x'))[0][0]);
  for (const [q, [sql, cols]] of Object.entries(Q)) await timed(q, () => check(q, sql, cols));
} else if (task === 'join') {
  await timed('load', async () => {
    await con.run(`CREATE TABLE x AS SELECT * FROM ${readCsv(files.x, "{'id1':'INTEGER','id2':'INTEGER','id3':'INTEGER','id4':'VARCHAR','id5':'VARCHAR','id6':'VARCHAR','v1':'DOUBLE'}")}`);
    await con.run(`CREATE TABLE small AS SELECT * FROM ${readCsv(files.small, "{'id1':'INTEGER','id4':'VARCHAR','v2':'DOUBLE'}")}`);
    await con.run(`CREATE TABLE medium AS SELECT * FROM ${readCsv(files.medium, "{'id1':'INTEGER','id2':'INTEGER','id4':'VARCHAR','id5':'VARCHAR','v2':'DOUBLE'}")}`);
    if (hasBig) await con.run(`CREATE TABLE big AS SELECT * FROM ${readCsv(files.big, "{'id1':'INTEGER','id2':'INTEGER','id3':'INTEGER','id4':'VARCHAR','id5':'VARCHAR','id6':'VARCHAR','v2':'DOUBLE'}")}`);
  });
  const J = {
    j1: 'SELECT x.v1, small.v2 FROM x JOIN small USING (id1)',
    j2: 'SELECT x.v1, medium.v2 FROM x JOIN medium USING (id2)',
    j3: 'SELECT x.v1, medium.v2 FROM x LEFT JOIN medium USING (id2)',
    j4: 'SELECT x.v1, medium.v2 FROM x JOIN medium USING (id5)',
    j5: hasBig ? 'SELECT x.v1, big.v2 FROM x JOIN big USING (id3)' : null,
  };
  for (const [q, sql] of Object.entries(J)) if (sql) await timed(q, () => check(q, sql, ['v1', 'v2']));
} else {
  console.error(`unknown task '${task}'`);
  process.exitCode = 2;
}
