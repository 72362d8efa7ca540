#!/usr/bin/env node
// Peer "kindling": TPC-H through @kindling/sql's session.sql, master local[2] (`KINDLING_MASTER` overrides it).
// Tables are read with the schema, cached and counted (the load), and registered as temp views. See common.mjs.
import { Session } from '@kindling/sql';
import { timed } from '../lib/protocol.mjs';
import { peerArgs, runQueries } from './common.mjs';
import { registerKindlingTables } from './kindling-tables.mjs';
import { kindlingAnswer } from './answers.mjs';

const args = peerArgs();
const spark = Session.builder().master(process.env.KINDLING_MASTER || 'local[2]').appName('tpch').getOrCreate();
if (args.task === 'load-csv' || args.task === 'load-parquet') {
  await timed('load', () => registerKindlingTables(spark, args.dir, args.task === 'load-csv' ? 'csv' : 'parquet', { cache: true }));
} else if (args.task === 'queries') {
  await timed('load', () => registerKindlingTables(spark, args.dir, 'parquet', { cache: true }));
  await runQueries(args, (sql) => kindlingAnswer(spark.sql(sql)));
} else {
  console.error(`unknown task '${args.task}'`);
  process.exitCode = 2;
}
await spark.stop();
