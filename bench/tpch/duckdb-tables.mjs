// Loading the generated tables into DuckDB (for the oracle test and the benchmark's DuckDB peer).
import path from 'node:path';
import { TABLE_NAMES, SEP, duckdbColumns } from './schema.mjs';

const lit = (s) => `'${s.replaceAll("'", "''")}'`;

/** The table function that reads `table` from `dir` in `format` ('csv' | 'parquet'). */
export function duckdbSource(dir, table, format) {
  const f = path.join(dir, `${table}.${format}`);
  return format === 'csv'
    ? `read_csv(${lit(f)}, header = true, delim = '${SEP}', quote = '', columns = ${duckdbColumns(table)})`
    : `read_parquet(${lit(f)})`;
}

/** CREATE TABLE for each of the eight tables (in memory), from CSV or Parquet. */
export async function loadDuckdbTables(con, dir, format) {
  for (const t of TABLE_NAMES) await con.run(`CREATE OR REPLACE TABLE ${t} AS SELECT * FROM ${duckdbSource(dir, t, format)}`);
}
