#!/usr/bin/env node
// Where Kindling's time goes in TPC-H queries: loads the tables (Parquet, cached, as the benchmark does), then for
// each query prints its physical plan and, per stage, the wall time, the summed task time, rows out and shuffle
// bytes, from the scheduler's stageCompleted events.
//
// The CPU seconds of the process (all worker threads) are printed too: on a shared machine they move far less
// than wall time. So are the process's minor page faults: on a VM, the first touch of a fresh page can cost
// microseconds, and such faults from two threads do not run in parallel. `--brief` prints one line per query
// (wall and CPU seconds, page faults) and no plans or stages.
//
//   node bench/tpch/profile.mjs --sf 1 --queries q18,q09 [--master local[2]] [--brief] [--repeat N]
import { Session } from '@kindling/sql';
import { parseArgs } from '../lib/common.mjs';
import { defaultDir } from './dbgen.mjs';
import { tpchQuery } from './queries.mjs';
import { registerKindlingTables } from './kindling-tables.mjs';

const args = parseArgs(process.argv.slice(2), { sf: '1', master: 'local[2]', queries: 'q01', brief: false, repeat: '1' });
const brief = Boolean(args.brief);
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const ALL = Array.from({ length: 22 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
const sf = Number(args.sf);
const spark = Session.builder().master(String(args.master)).appName('tpch-profile').getOrCreate();
const t0 = Date.now();
await registerKindlingTables(spark, String(args.dir ?? defaultDir(sf)), 'parquet', { cache: true });
console.log(`load: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const mb = (b) => (b / 2 ** 20).toFixed(1);
let totalWall = 0;
let totalCpu = 0;
const ids = String(args.queries) === 'all' ? ALL : String(args.queries).split(',');
for (const id of ids.flatMap((q) => Array(Number(args.repeat)).fill(q))) {
  const stages = [];
  const off = spark.sparkContext.events.on('stageCompleted', ({ stage }) => stages.push(stage));
  const df = spark.sql(tpchQuery(id, { sf }).sql);
  if (!brief) console.log(`\n=== ${id}\n${df.explainString()}`);
  const q0 = Date.now();
  const c0 = cpuSeconds();
  const f0 = process.resourceUsage().minorPageFault;
  const rows = await df.collect();
  const wall = (Date.now() - q0) / 1000;
  const cpu = cpuSeconds() - c0;
  const faults = process.resourceUsage().minorPageFault - f0;
  totalWall += wall;
  totalCpu += cpu;
  off();
  console.log(`${id}: ${rows.length} rows in ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${(faults / 1000).toFixed(0)}k page faults`);
  if (brief) continue;
  console.log('stage | name | tasks | wall s | task s | rows out | shuffle write MiB | shuffle read MiB');
  for (const s of stages) {
    const taskS = s.tasks.reduce((n, t) => n + (t.durationMs ?? 0), 0) / 1000;
    const wallS = ((s.completionTime ?? 0) - (s.submissionTime ?? 0)) / 1000;
    console.log(`${s.stageId} | ${s.name} | ${s.numTasks} | ${wallS.toFixed(2)} | ${taskS.toFixed(2)} | ${s.metrics.outputRecords} | ${mb(s.metrics.shuffleBytesWritten)} | ${mb(s.metrics.shuffleBytesRead)}`);
  }
}
if (ids.length > 1) console.log(`total: ${totalWall.toFixed(2)} s, CPU ${totalCpu.toFixed(2)} s`);
await spark.stop();
