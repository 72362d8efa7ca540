#!/usr/bin/env node
// TPC-H runner: Kindling (local[2]) against DuckDB and nodejs-polars' SQL, at a scale factor (1 by default).
//
//   node bench/tpch/run.mjs [--sf 1] [--seed N] [--dir D] [--peers duckdb,polars,kindling] [--tasks load-csv,load-parquet,queries]
//                           [--queries q01,..] [--timeout 7200] [--step-timeout 900] [--mem-cap-gib 14]
//                           [--out bench/results] [--no-docs] [--render a.json[,b.json]]
//
// Generates bench/data/tpch-sf<SF>/ if missing (dbgen.mjs), warms the page cache, then runs every peer as its own
// process per task (bench/lib/measure.mjs): load-csv and load-parquet time reading the eight tables into memory;
// `queries` loads from Parquet and runs the 22 queries over the in-memory tables, each timed inside the process. A
// query that runs longer than --step-timeout, or a process above the memory cap, is killed; the runner then
// restarts that peer with the queries after it, so one query cannot take the others down. Every answer is compared
// with DuckDB's (answers.mjs: in order, numbers within 1e-9 relative or half a unit of a decimal's last digit).
// Writes bench/results/tpch-<stamp>.{md,json} and the section "SQL: TPC-H" of docs/BENCHMARKS.md, whose notes
// come from bench/tpch/NOTES.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, parseArgs } from '../lib/common.mjs';
import { runMeasured, median, warmPageCache } from '../lib/measure.mjs';
import { ensureData, defaultDir, DEFAULT_SEED } from './dbgen.mjs';
import { QUERY_IDS, tpchQuery } from './queries.mjs';
import { compareAnswers } from './answers.mjs';
import { TABLE_NAMES } from './schema.mjs';

const ROOT = path.resolve(BENCH_DIR, '..');
const TPCH = path.join(BENCH_DIR, 'tpch');
const args = parseArgs(process.argv.slice(2), {
  sf: '1', seed: String(DEFAULT_SEED), timeout: '7200', 'step-timeout': '900', 'mem-cap-gib': '14', out: path.join(BENCH_DIR, 'results'),
  peers: 'duckdb,polars,kindling', tasks: 'load-csv,load-parquet,queries',
});
const SF = Number(args.sf);
let PEERS = String(args.peers).split(',');
const TASKS = String(args.tasks).split(',');
const QUERIES = args.queries ? String(args.queries).split(',') : QUERY_IDS;
const DIR = path.resolve(String(args.dir ?? defaultDir(SF)));
const log = (...a) => console.error(...a);
const node = process.execPath;

const pkgVersion = (n) => { try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', n, 'package.json'), 'utf8')).version; } catch { return null; } };
let meta, raw = {};
if (args.render) {
  // several comma-separated runs merge, peer by peer (a later file's peer replaces an earlier one's); meta is the
  // first file's, with the runs listed
  const files = String(args.render).split(',');
  const saved = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  meta = saved[0].meta;
  if (files.length > 1) meta.merged = saved.map((sv, i) => ({ file: path.relative(ROOT, path.resolve(files[i])), date: sv.meta.date, loadavg: sv.meta.host.loadavg, peers: [...new Set(Object.values(sv.raw).flatMap((r) => Object.keys(r)))] }));
  for (const sv of saved) for (const [task, byPeer] of Object.entries(sv.raw)) Object.assign((raw[task] ??= {}), byPeer);
} else {
  const gen = await ensureData({ sf: SF, dir: DIR, seed: Number(args.seed), log });
  const files = TABLE_NAMES.flatMap((t) => [path.join(DIR, `${t}.csv`), path.join(DIR, `${t}.parquet`)]);
  warmPageCache(files);
  const mb = (ext) => +(TABLE_NAMES.reduce((n, t) => n + fs.statSync(path.join(DIR, `${t}.${ext}`)).size, 0) / 1e6).toFixed(1);
  meta = {
    date: new Date().toISOString(), sf: SF, argv: process.argv.slice(2), rows: gen.rows, csvMB: mb('csv'), parquetMB: mb('parquet'),
    host: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), loadavg: os.loadavg().map((v) => +v.toFixed(2)) },
    versions: { '@duckdb/node-api': pkgVersion('@duckdb/node-api'), 'nodejs-polars': pkgVersion('nodejs-polars') },
  };
}
if (args.render) PEERS = ['duckdb', 'polars', 'kindling'].filter((p) => Object.values(raw).some((r) => r[p]));
const stamp = meta.date.replace(/:/g, '-').replace(/\..*$/, '');
fs.mkdirSync(String(args.out), { recursive: true });
const suffix = args.render ? (String(args.render).includes(',') ? '-merged' : '-rendered') : '';
const mdFile = path.join(String(args.out), `tpch-${stamp}${suffix}.md`), jsonFile = path.join(String(args.out), `tpch-${stamp}${suffix}.json`);
// answers are kept (git-ignored, next to the results) so that a run of one peer is checked against another run's DuckDB
const answersDir = path.join(String(args.out), `tpch-answers-sf${SF}`);
const readAnswer = (peer, q) => { const f = path.join(answersDir, peer, `${q}.json`); return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null; };

/** Runs a peer's task; for `queries`, restarts it after a killed query with the queries that follow. */
async function runTask(peer, task) {
  const opts = { cwd: ROOT, timeoutS: Number(args.timeout), memCapGiB: Number(args['mem-cap-gib']), stepTimeoutS: Number(args['step-timeout']) };
  const base = [node, path.join(TPCH, `${peer}.mjs`), task, '--sf', String(SF), '--dir', DIR];
  if (task !== 'queries') {
    const x = await runMeasured(base, opts);
    return { wallS: x.wallS, peakMiB: x.peakMiB, cpuPct: x.cpuPct, T: x.T, U: x.U, failed: x.failed, F: {}, answers: {} };
  }
  const ans = path.join(answersDir, peer);
  fs.rmSync(ans, { recursive: true, force: true });
  const acc = { wallS: 0, peakMiB: 0, cpuPct: null, T: {}, U: {}, F: {}, failed: null, processes: 0, answers: {} };
  let remaining = [...QUERIES];
  while (remaining.length) {
    const x = await runMeasured([...base, '--queries', remaining.join(','), '--answers', ans], opts);
    acc.processes++;
    acc.wallS += x.wallS; acc.peakMiB = Math.max(acc.peakMiB, x.peakMiB); acc.cpuPct ??= x.cpuPct;
    if (acc.T.load === undefined && x.T.load !== undefined) acc.T.load = x.T.load;
    for (const q of remaining) { if (x.T[q] !== undefined) acc.T[q] = x.T[q]; if (x.U[q] !== undefined) acc.U[q] = x.U[q]; }
    const done = new Set(remaining.filter((q) => x.T[q] !== undefined || x.U[q] !== undefined));
    if (!x.failed) break;
    const running = x.started.find((q) => !done.has(q));
    if (!running) { acc.failed = x.failed; break; } // died while loading
    acc.F[running] = x.failed;
    log(`    ${peer}: ${running} ${x.failed}; restarting with the queries after it`);
    remaining = remaining.filter((q) => !done.has(q) && q !== running);
  }
  for (const q of QUERIES) { const a = readAnswer(peer, q); if (a) acc.answers[q] = a; }
  return acc;
}

/** Marks answers that differ from DuckDB's (this run's or the last saved one), else from the first peer's. */
function checkAnswers(byPeer) {
  for (const q of QUERIES) {
    const duck = byPeer.duckdb?.answers[q] ?? (byPeer.duckdb ? null : readAnswer('duckdb', q));
    const ref = duck ? 'duckdb' : PEERS.find((p) => byPeer[p]?.answers[q]);
    if (!ref) continue;
    const expected = duck ?? byPeer[ref].answers[q];
    for (const peer of PEERS) {
      const r = byPeer[peer];
      if (!r || peer === ref || !r.answers[q]) continue;
      const diff = compareAnswers(expected, r.answers[q]);
      (r.wrong ??= {});
      if (diff) r.wrong[q] = `differs from ${ref}: ${diff}`;
    }
  }
  for (const peer of PEERS) if (byPeer[peer]) byPeer[peer].rowsOf = Object.fromEntries(Object.entries(byPeer[peer].answers).map(([q, a]) => [q, a.rows.length]));
  if (!byPeer.duckdb) byPeer.reference = { rowsOf: Object.fromEntries(QUERIES.map((q) => [q, readAnswer('duckdb', q)?.rows.length])) };
  for (const peer of PEERS) if (byPeer[peer]) delete byPeer[peer].answers; // keep the saved JSON small
}

// -------------------------------------------------------------- report ---
const t = (v) => (v >= 10 ? v.toFixed(1) : v >= 0.1 ? v.toFixed(2) : v.toFixed(3));
const x = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
const short = (s) => String(s).replace(/\s+/g, ' ').slice(0, 160).replace(/\|/g, '\\|');

function markdownTable() {
  const notes = [];
  const note = (text) => { let i = notes.indexOf(text); if (i < 0) { notes.push(text); i = notes.length - 1; } return `[${i + 1}]`; };
  const peersIn = (task) => PEERS.filter((p) => raw[task]?.[p]);
  const head = ['| measurement | ' + PEERS.map((p) => (p === 'kindling' ? '**kindling** local[2]' : p)).join(' | ') + ' | kindling ÷ duckdb |',
    `|---|${PEERS.map(() => '--:').join('|')}|--:|`];
  const lines = [...head];
  const row = (label, cellsOf) => {
    const cells = cellsOf();
    const good = Object.values(cells).filter((c) => c.ok).map((c) => c.s);
    const fastest = Math.min(...good);
    const ratio = cells.kindling?.ok && cells.duckdb?.ok ? `${x(cells.kindling.s / cells.duckdb.s)}×` : '—';
    lines.push(`| ${label} | ${PEERS.map((p) => {
      const c = cells[p];
      if (!c) return '—';
      if (!c.ok) return c.text;
      const body = `${t(c.s)} s ×${x(c.s / fastest)}${c.mem ? ` · ${c.mem.toFixed(0)} MiB` : ''}`;
      const s = c.wrong ? `**wrong** ${note(`${p}: ${c.wrong}`)} ${body}` : body;
      return p === 'kindling' ? `**${s}**` : s;
    }).join(' | ')} | ${ratio} |`);
    return cells;
  };
  for (const [task, label] of [['load-csv', `load CSV (${meta.csvMB} MB) into memory`], ['load-parquet', `load Parquet (${meta.parquetMB} MB) into memory`]]) {
    if (!raw[task]) continue;
    row(label, () => Object.fromEntries(peersIn(task).map((p) => {
      const r = raw[task][p];
      if (r.failed || r.T.load === undefined) return [p, { ok: false, text: `failed ${note(`${p}: ${short(r.failed ?? 'no result')}`)}` }];
      return [p, { ok: true, s: r.T.load, mem: r.peakMiB }];
    })));
  }
  const Q = raw.queries;
  if (Q) {
    const cellOf = (p, q) => {
      const r = Q[p];
      if (r.U[q] !== undefined) return { ok: false, text: `unsupported ${note(`${p}: ${short(r.U[q])}`)}` };
      if (r.F[q] !== undefined) return { ok: false, text: `failed ${note(`${p}: ${short(r.F[q])}`)}` };
      if (r.T[q] === undefined) return { ok: false, text: `not run ${note(`${p}: ${short(r.failed ?? 'no result')}`)}` };
      if (r.wrong?.[q]) return { ok: false, text: `**wrong** ${note(`${p} ${q}: ${short(r.wrong[q])}`)} ${t(r.T[q])} s` };
      return { ok: true, s: r.T[q] };
    };
    for (const q of QUERIES) row(`${q} (${(Q.duckdb ?? Q.reference)?.rowsOf?.[q] ?? '?'} rows)`, () => Object.fromEntries(peersIn('queries').map((p) => [p, cellOf(p, q)])));
    // totals: over the queries every peer listed answered correctly, and each peer's own total
    const all = QUERIES.filter((q) => peersIn('queries').every((p) => cellOf(p, q).ok));
    row(`total of the ${all.length} queries every peer answered`, () => Object.fromEntries(peersIn('queries').map((p) => [p, { ok: all.length > 0, s: all.reduce((n, q) => n + Q[p].T[q], 0), text: '—' }])));
    const kd = QUERIES.filter((q) => Q.kindling && Q.duckdb && cellOf('kindling', q).ok && cellOf('duckdb', q).ok);
    if (Q.kindling && Q.duckdb && kd.length !== all.length) {
      row(`total of the ${kd.length} queries Kindling and DuckDB answered`, () => Object.fromEntries(['duckdb', 'kindling'].map((p) => [p, { ok: kd.length > 0, s: kd.reduce((n, q) => n + Q[p].T[q], 0) }])));
    }
    row('queries process: load from Parquet + queries, peak RSS', () => Object.fromEntries(peersIn('queries').map((p) => [p, Q[p].failed && Q[p].T.load === undefined
      ? { ok: false, text: `failed ${note(`${p}: ${short(Q[p].failed)}`)}` } : { ok: true, s: Q[p].wallS, mem: Q[p].peakMiB }])));
  }
  lines.push('', 'Cells: time, × the fastest peer that answered correctly, and for whole-process rows the peak RSS of the process tree. "kindling ÷ duckdb" is the time ratio.');
  if (notes.length) lines.push('', ...notes.map((n, i) => `[${i + 1}] ${n}  `));
  return lines.join('\n');
}

function write() {
  const md = [`# TPC-H SF ${meta.sf} — ${meta.date}`, '',
    `Node ${meta.host.node}, ${meta.host.cpus} × ${meta.host.cpuModel}, ${meta.host.memGiB} GiB, load average at start ${meta.host.loadavg.join(' ')}. ` +
    `Data: bench/tpch/dbgen.mjs, ${Object.entries(meta.rows).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')} rows; CSV ${meta.csvMB} MB, Parquet ${meta.parquetMB} MB. ` +
    `Versions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(', ')}, Kindling local[2]. One run, warm page cache.`, '',
    markdownTable(), ''].join('\n');
  fs.writeFileSync(mdFile, md);
  fs.writeFileSync(jsonFile, JSON.stringify({ meta, raw }, null, 2) + '\n');
  if (!args['no-docs']) updateDocs();
  return md;
}

function updateDocs() {
  const docs = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  let text = fs.readFileSync(docs, 'utf8');
  const title = '\n## SQL: TPC-H';
  const start = text.indexOf(title);
  const notesFile = path.join(TPCH, 'NOTES.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : '';
  const sec = ['', title.trim(), '',
    `Run: \`node bench/tpch/run.mjs ${meta.argv.join(' ')}\` (see \`bench/tpch/README.md\`). **SF ${meta.sf}**, ${meta.date.slice(0, 16).replace('T', ' ')} UTC, one run, ` +
    `load average ${meta.host.loadavg.join(' ')} at start — ${args.machine ?? 'the 2-core machine was shared with other work, so timings are noisy'}. ` +
    (meta.merged ? `Merged from ${meta.merged.map((m) => `\`${m.file}\` (${m.peers.join(', ')}; started ${m.date.slice(11, 16)}, load ${m.loadavg[0]})`).join(' and ')}. ` : '') +
    `Data from \`bench/tpch/dbgen.mjs\` (lineitem ${meta.rows.lineitem.toLocaleString('en-US')} rows; CSV ${meta.csvMB} MB, Parquet ${meta.parquetMB} MB). Raw: \`bench/results/tpch-${stamp}${suffix}.md\`.`, '',
    'Load rows time reading the eight tables into memory (Kindling: `cache()` + `count()`; DuckDB: `CREATE TABLE AS`; polars: `readCSV`/`readParquet`). ' +
    'Query rows time one query over the tables loaded from Parquet, inside one process per peer, up to the whole answer on the driver. ' +
    'Every answer is compared with DuckDB\'s, row by row.', '',
    markdownTable(), '', notes, ''].join('\n');
  if (start < 0) text = text.trimEnd() + '\n' + sec;
  else {
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + sec + (next >= 0 ? '\n' + text.slice(next + 1) : '');
  }
  fs.writeFileSync(docs, text);
}

if (!args.render) {
  for (const task of TASKS) {
    raw[task] = {};
    for (const peer of PEERS) {
      log(`  ${task} ${peer} ...`);
      const x = await runTask(peer, task);
      raw[task][peer] = x;
      log(`  ${task} ${peer}: ${x.wallS.toFixed(1)} s, peak ${x.peakMiB.toFixed(0)} MiB${x.failed ? ` — ${x.failed}` : ''}`);
    }
    if (task === 'queries') checkAnswers(raw.queries);
    write();
  }
}

if (args.render) write();
process.stdout.write('\n' + fs.readFileSync(mdFile, 'utf8'));
log(`wrote ${path.relative(ROOT, mdFile)} and .json${args['no-docs'] ? '' : ', updated docs/BENCHMARKS.md'}`);
