#!/usr/bin/env node
// Peer "polars": TPC-H through nodejs-polars' SQLContext (Rust, all cores) over in-memory DataFrames. Money
// columns are Float64 (polars' decimal type is not usable from its SQL). Its SQL cannot take every query text:
// the one change made is the specification's permitted "minor modification" of date arithmetic (§2.2.3.3):
// `date 'D' ± interval 'N' unit` is replaced by the date it denotes; a query polars still rejects is reported
// unsupported with polars' message. See common.mjs for tasks and output.
import pl from 'nodejs-polars';
import path from 'node:path';
import { timed } from '../lib/protocol.mjs';
import { peerArgs, runQueries } from './common.mjs';
import { TABLES, TABLE_NAMES, SEP } from './schema.mjs';
import { polarsAnswer } from './answers.mjs';

const args = peerArgs();
const DT = { int: pl.Int32, decimal: pl.Float64, date: pl.Utf8, string: pl.Utf8 };

function load(format) {
  const frames = {};
  for (const t of TABLE_NAMES) {
    const file = path.join(args.dir, `${t}.${format}`);
    let df = format === 'csv'
      ? pl.readCSV(file, { sep: SEP, hasHeader: true, dtypes: Object.fromEntries(TABLES[t].map(([n, ty]) => [n, DT[ty]])) })
      : pl.readParquet(file);
    const conv = TABLES[t].filter(([, ty]) => ty === 'date' || ty === 'decimal')
      .map(([n, ty]) => (ty === 'date' && format === 'csv' ? pl.col(n).str.strptime(pl.Date, '%Y-%m-%d') : ty === 'decimal' ? pl.col(n).cast(pl.Float64) : null))
      .filter(Boolean);
    if (conv.length) df = df.withColumns(...conv);
    frames[t] = df;
  }
  return frames;
}

/** `date 'D' ± interval 'N' day|month|year` → `date 'D2'`. */
export function foldDateIntervals(sql) {
  return sql.replace(/date\s+'(\d{4})-(\d{2})-(\d{2})'\s*([+-])\s*interval\s+'(\d+)'\s+(day|month|year)/gi, (_, y, m, d, sign, n, unit) => {
    const k = (sign === '-' ? -1 : 1) * Number(n);
    const t = new Date(Date.UTC(Number(y) + (/year/i.test(unit) ? k : 0), Number(m) - 1 + (/month/i.test(unit) ? k : 0), Number(d) + (/day/i.test(unit) ? k : 0)));
    return `date '${t.toISOString().slice(0, 10)}'`;
  });
}

if (args.task === 'load-csv' || args.task === 'load-parquet') {
  await timed('load', () => load(args.task === 'load-csv' ? 'csv' : 'parquet'));
} else if (args.task === 'queries') {
  const frames = await timed('load', () => load('parquet'));
  const ctx = pl.SQLContext(frames);
  await runQueries(args, async (sql) => {
    const lf = ctx.execute(foldDateIntervals(sql));
    // nodejs-polars hands back the native error object in place of the plan when the SQL is rejected
    if (typeof lf._ldf?.collect !== 'function') throw new Error(`polars SQL: ${String(lf._ldf?.message ?? lf._ldf)}`);
    return polarsAnswer(await lf.collect());
  });
} else {
  console.error(`unknown task '${args.task}'`);
  process.exitCode = 2;
}
