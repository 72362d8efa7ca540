#!/usr/bin/env node
// Peer "duckdb": the job as one SQL query in DuckDB (@duckdb/node-api, native,
// multi-threaded; uses all cores). The file is read as a one-column CSV with a
// delimiter that never occurs and quoting/escaping off, so each line is one value.
//
//   node bench/peers/duckdb.mjs wordcount|topurls [file]
import { DuckDBInstance } from '@duckdb/node-api';
import { jobArgs, printTop } from '../lib/common.mjs';

const { job, file, top } = jobArgs();
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
const lines = `read_csv(${lit(file)}, columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
  delim = '\x01', quote = '', escape = '', new_line = '\\n', strict_mode = false, max_line_size = 1048576)`;
const sql = job === 'wordcount'
  ? `SELECT lower(w) AS k, count(*) AS c
       FROM (SELECT unnest(string_split(line, ' ')) AS w FROM ${lines})
      GROUP BY k ORDER BY c DESC, k ASC LIMIT ${top}`
  : `SELECT split_part(line, ' ', 7) AS k, count(*) AS c
       FROM ${lines}
      GROUP BY k ORDER BY c DESC, k ASC LIMIT ${top}`;

const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const reader = await conn.runAndReadAll(sql);
printTop(reader.getRows().map(([k, c]) => [k, Number(c)]));
conn.closeSync?.();
