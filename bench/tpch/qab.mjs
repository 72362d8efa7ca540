// A/B of two builds in one process: BASE_DIR (another worktree, built, e.g. at the base commit) and NEW_DIR (this
// checkout by default) each get a session with the SF1 tables cached, then each query runs alternately on one and
// the other after a warm-up; prints per-query medians of wall and CPU (process CPU: one query runs at a time) and
// whether the answers are equal.
//
//   BASE_DIR=/path/to/base-worktree node bench/tpch/qab.mjs q02,q11 9
import { fileURLToPath } from 'node:url';
import { defaultDir } from './dbgen.mjs';
import { tpchQuery } from './queries.mjs';
import { registerKindlingTables } from './kindling-tables.mjs';
const [qs = 'q02,q11,q22,q14,q15,q16', reps = '7'] = process.argv.slice(2);
if (!process.env.BASE_DIR) throw new Error('BASE_DIR: the checkout of the build to compare with');
const dirs = { base: process.env.BASE_DIR, new: process.env.NEW_DIR ?? fileURLToPath(new URL('../..', import.meta.url)) };
const sessions = {};
for (const [k, d] of Object.entries(dirs)) {
  const { Session } = await import(`${d}/packages/sql/dist/index.js`);
  sessions[k] = Session.builder().master(process.env.MASTER ?? 'local[2]').appName(k).getOrCreate();
  await registerKindlingTables(sessions[k], defaultDir(1), 'parquet', { cache: true });
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const id of qs.split(',')) {
  const sql = tpchQuery(id, { sf: 1 }).sql;
  const res = { base: { wall: [], cpu: [], rows: null }, new: { wall: [], cpu: [], rows: null } };
  for (const k of ['base', 'new']) await sessions[k].sql(sql).collect(); // warm-up
  for (let i = 0; i < Number(reps); i++) {
    for (const k of i % 2 ? ['new', 'base'] : ['base', 'new']) {
      const t0 = performance.now(); const c0 = cpu();
      const rows = await sessions[k].sql(sql).collect();
      res[k].wall.push(performance.now() - t0); res[k].cpu.push(cpu() - c0);
      res[k].rows = JSON.stringify(rows.map((r) => ({ ...r })), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    }
  }
  const same = res.base.rows === res.new.rows ? 'same rows' : 'ROWS DIFFER';
  console.log(`${id}: base wall ${med(res.base.wall).toFixed(0)} ms cpu ${med(res.base.cpu).toFixed(0)} ms | new wall ${med(res.new.wall).toFixed(0)} ms cpu ${med(res.new.cpu).toFixed(0)} ms | ${same} | base walls ${res.base.wall.map((x) => x.toFixed(0)).join(' ')} | new walls ${res.new.wall.map((x) => x.toFixed(0)).join(' ')}`);
}
for (const s of Object.values(sessions)) await s.stop();
