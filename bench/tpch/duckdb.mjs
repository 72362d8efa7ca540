#!/usr/bin/env node
// Peer "duckdb": TPC-H in an in-memory DuckDB (@duckdb/node-api; all cores). See common.mjs for tasks and output.
import { DuckDBInstance } from '@duckdb/node-api';
import { timed } from '../lib/protocol.mjs';
import { peerArgs, runQueries } from './common.mjs';
import { loadDuckdbTables } from './duckdb-tables.mjs';
import { duckdbAnswer } from './answers.mjs';

const args = peerArgs();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
if (args.task === 'load-csv' || args.task === 'load-parquet') {
  await timed('load', () => loadDuckdbTables(con, args.dir, args.task === 'load-csv' ? 'csv' : 'parquet'));
} else if (args.task === 'queries') {
  await timed('load', () => loadDuckdbTables(con, args.dir, 'parquet'));
  await runQueries(args, (sql) => duckdbAnswer(con, sql));
} else {
  console.error(`unknown task '${args.task}'`);
  process.exitCode = 2;
}
