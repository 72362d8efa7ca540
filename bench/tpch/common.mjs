// Shared by the TPC-H peers: the CLI and the per-query loop. Every peer is run as
//   node bench/tpch/<peer>.mjs <task> --sf 1 [--dir bench/data/tpch-sf1] [--queries q01,q02,..] [--answers DIR]
// where task is
//   load-csv       read the eight tables from the CSV files into memory
//   load-parquet   the same from the Parquet files
//   queries        load from Parquet, then run the queries (all 22 unless --queries) over the in-memory tables
// and prints the lines of bench/lib/protocol.mjs: `T load s`, `T qNN s`, `C qNN rows`, `U qNN reason`, plus
// `S qNN` when a query starts (the runner's per-query timeout counts from it). With --answers, each answer is
// written to DIR/qNN.json in the shape of answers.mjs, for the runner to compare.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../lib/common.mjs';
import { emitChk, emitUnsupported, timed } from '../lib/protocol.mjs';
import { defaultDir } from './dbgen.mjs';
import { QUERY_IDS, tpchQuery } from './queries.mjs';

export function peerArgs() {
  const a = parseArgs(process.argv.slice(2), { sf: '1' });
  const sf = Number(a.sf);
  return {
    task: a._[0], sf,
    dir: path.resolve(String(a.dir ?? defaultDir(sf))),
    queries: a.queries ? String(a.queries).split(',') : QUERY_IDS,
    answers: a.answers ? path.resolve(String(a.answers)) : null,
  };
}

/** A one-line reason from an error (its Spark-style code when it has one). */
export const reasonOf = (e) => `${e.code ? `[${e.code}] ` : ''}${String(e.message ?? e).replace(/^\[[A-Z_]+\]\s*/, '').split('\n')[0]}`.slice(0, 300);

/**
 * Runs each query: `run(sql, id)` returns the answer (answers.mjs shape); its time covers producing the whole
 * answer. A query that throws is reported unsupported with the reason, and the loop goes on.
 */
export async function runQueries({ sf, queries, answers }, run) {
  if (answers) fs.mkdirSync(answers, { recursive: true });
  for (const id of queries) {
    const { sql } = tpchQuery(id, { sf });
    process.stdout.write(`S\t${id}\n`);
    let ans;
    try { ans = await timed(id, () => run(sql, id)); } catch (e) { emitUnsupported(id, reasonOf(e)); continue; }
    emitChk(id, ans.rows.length);
    if (answers) fs.writeFileSync(path.join(answers, `${id}.json`), JSON.stringify(ans));
  }
}
