#!/usr/bin/env node
// Peer "polars": nodejs-polars lazy query (native Rust, multi-threaded; uses all
// cores). Lines are scanned as a one-column CSV with a delimiter that never
// occurs and quoting off; then split / explode / lowercase / group-count / top.
//
//   node bench/peers/polars.mjs wordcount|topurls [file]
import pl from 'nodejs-polars';
import { jobArgs, printTop } from '../lib/common.mjs';

const { job, file, top } = jobArgs();
const lines = pl.scanCSV(file, {
  hasHeader: false, sep: '\x01', quoteChar: '', schema: { line: pl.Utf8 }, missingUtf8IsEmptyString: true,
});
const key = job === 'wordcount'
  ? pl.col('line').str.split(' ').explode().str.toLowerCase().alias('k')
  : pl.col('line').str.split(' ').lst.get(6).alias('k');
const df = await lines
  .select(key)
  .groupBy('k').agg(pl.len().alias('c'))
  // count desc, key asc (this binding takes one `descending` bool, so negate the count)
  .sort([pl.col('c').cast(pl.Int64).mul(-1), pl.col('k')], false, false, false)
  .head(top)
  .collect();
printTop(df.rows().map(([k, c]) => [k, Number(c)]));
