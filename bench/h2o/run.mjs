#!/usr/bin/env node
// h2o db-benchmark runner: Kindling (local[2]) against DuckDB, nodejs-polars and Arquero.
//
//   node bench/h2o/run.mjs [--rows 1e7] [--runs 1] [--peers kindling,duckdb,polars,arquero]
//                          [--tasks load-csv,load-parquet,q1-csv,groupby,join] [--timeout 1800]
//                          [--mem-cap-gib 14] [--out bench/results] [--no-docs]
//
// Generates bench/data/h2o/ if missing (bench/h2o/gen.mjs), warms the page cache, then for every task runs every
// peer as its own process (runs interleaved), under /usr/bin/time -v. End-to-end tasks (load-csv, load-parquet,
// q1-csv) are timed as whole processes; in-memory questions by the peer around each question (answer + its
// checksum aggregate), the data having been loaded by that same process. Checks every peer's checksums against
// the others, and writes bench/results/h2o-<timestamp>.{md,json} and the "DataFrame: h2o db-benchmark" section
// of docs/BENCHMARKS.md. Results are rewritten after every task, so an interrupted run still leaves a report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, DATA_DIR, parseArgs } from '../lib/common.mjs';
import { runMeasured, median, warmPageCache } from '../lib/measure.mjs';
import { names } from './gen.mjs';
import { GROUPBY_Q, JOIN_Q, QUESTIONS } from './common.mjs';

const ROOT = path.resolve(BENCH_DIR, '..');
const H2O = path.join(BENCH_DIR, 'h2o');
const args = parseArgs(process.argv.slice(2), {
  rows: '1e7', runs: '1', timeout: '1800', 'mem-cap-gib': '14', out: path.join(BENCH_DIR, 'results'),
  peers: 'duckdb,polars,arquero,kindling', tasks: 'load-csv,load-parquet,q1-csv,groupby,join',
});
const N = Math.round(Number(args.rows));
const RUNS = Math.max(1, Number(args.runs) | 0);
const PEERS = String(args.peers).split(',');
const TASKS = String(args.tasks).split(',');
const DIR = path.join(DATA_DIR, 'h2o');
const log = (...a) => console.error(...a);
const node = process.execPath;

// ---------------------------------------------------------------- inputs ---
const nm = names(N, 100);
const need = [`${nm.groupby}.csv`, `${nm.groupby}.parquet`, `${nm.x}.csv`, `${nm.small}.csv`, `${nm.medium}.csv`];
if (!args.render && need.some((f) => !fs.existsSync(path.join(DIR, f)))) {
  log(`generating h2o data for ${N} rows ...`);
  const r = spawnSync(node, [path.join(H2O, 'gen.mjs'), '--rows', String(N)], { stdio: 'inherit' });
  if (r.status !== 0) { log('generator failed'); process.exit(2); }
}
const fileOf = (f) => path.join(DIR, f);
const inputs = Object.fromEntries(Object.entries(nm).map(([k, v]) => [k, fileOf(`${v}.csv`)]).filter(([, f]) => fs.existsSync(f)));
if (!args.render) warmPageCache(Object.values(inputs));

// ------------------------------------------------------------ measuring ---
const runOnce = (peer, task) => runMeasured([node, path.join(H2O, `${peer}.mjs`), task, '--rows', String(N), '--dir', DIR],
  { cwd: ROOT, timeoutS: Number(args.timeout), memCapGiB: Number(args['mem-cap-gib']) });

const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));
const sameChk = (a, b) => a.length === b.length && a.every((v, i) => close(v, b[i]));

// ------------------------------------------------------------------ run ---
const pkgVersion = (n) => { try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', n, 'package.json'), 'utf8')).version; } catch { return null; } };
const meta = {
  date: new Date().toISOString(), rows: N, runs: RUNS, argv: process.argv.slice(2),
  host: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), loadavg: os.loadavg().map((v) => +v.toFixed(2)) },
  versions: { '@duckdb/node-api': pkgVersion('@duckdb/node-api'), 'nodejs-polars': pkgVersion('nodejs-polars'), arquero: pkgVersion('arquero') },
  inputs: Object.fromEntries(Object.entries(inputs).map(([k, f]) => [k, { file: path.relative(ROOT, f), mb: +(fs.statSync(f).size / 1e6).toFixed(1) }])),
};
const raw = {}; // task -> peer -> [run]
const stamp = (args.render ? JSON.parse(fs.readFileSync(String(args.render).split(',')[0], 'utf8')).meta.date : meta.date).replace(/:/g, '-').replace(/\..*$/, '');
fs.mkdirSync(String(args.out), { recursive: true });
const suffix = args.render ? (String(args.render).includes(',') ? '-merged' : '-rendered') : '';
const mdFile = path.join(String(args.out), `h2o-${stamp}${suffix}.md`), jsonFile = path.join(String(args.out), `h2o-${stamp}${suffix}.json`);

if (args.render) { // re-render a saved run: --render bench/results/h2o-<stamp>.json
  // several comma-separated files merge per task and peer (later files win); meta is the first file's
  const files = String(args.render).split(',');
  const saved = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  Object.assign(meta, saved[0].meta);
  if (files.length > 1) meta.merged = files.map((f, i) => ({ file: path.relative(ROOT, path.resolve(f)), date: saved[i].meta.date, tasks: Object.keys(saved[i].raw), loadavg: saved[i].meta.host.loadavg }));
  for (const sv of saved) for (const [task, per] of Object.entries(sv.raw)) raw[task] = { ...raw[task], ...per };
}
for (const task of args.render ? [] : TASKS) {
  raw[task] = {};
  for (let r = 0; r < RUNS; r++) {
    for (const peer of PEERS) {
      const x = await runOnce(peer, task);
      (raw[task][peer] ??= []).push(x);
      log(`  ${task} ${peer} run ${r + 1}/${RUNS}: ${x.wallS.toFixed(2)} s, peak ${x.peakMiB.toFixed(0)} MiB${x.failed ? ` — ${x.failed}` : ''}` +
        `${Object.keys(x.T).length > 1 ? ` [${Object.entries(x.T).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}]` : ''}`);
    }
  }
  write();
}

// -------------------------------------------------------------- report ---
/** Rows of the results table: one per measurement and peer. */
function table() {
  const rows = [];
  const add = (measure, what, task, label, endToEnd) => {
    const per = {};
    for (const peer of PEERS) {
      const runs = raw[task]?.[peer];
      if (!runs) continue;
      const e = { peer };
      const u = runs.find((x) => x.U[label] !== undefined);
      const ok = runs.filter((x) => (endToEnd ? !x.failed : x.T[label] !== undefined));
      if (u) { e.status = 'unsupported'; e.reason = u.U[label]; }
      else if (!ok.length) {
        e.status = 'failed';
        const f = runs.find((x) => x.failed), why = f?.failed ?? 'no result';
        // a V8 abort prints a native stack; keep the gist
        e.reason = /^exit 134: .*(v8::|heap)/i.test(why) ? `process aborted by V8 (exit 134: JavaScript heap limit) at ${f.peakMiB.toFixed(0)} MiB RSS` : why;
        if (!endToEnd && f && f.T.load !== undefined) {
          const first = (task === 'join' ? JOIN_Q : GROUPBY_Q).find((q) => f.T[q] === undefined && f.U[q] === undefined);
          e.reason = label === first ? `${e.reason}, while running this question (the ones before it finished)` : `not reached: ${e.reason} during ${first}`;
        }
        if (endToEnd && f) { e.failWall = f.wallS; e.failPeak = f.peakMiB; }
      }
      else {
        e.status = 'ok';
        e.timeS = median(ok.map((x) => (endToEnd ? x.wallS : x.T[label])));
        e.peakMiB = median(ok.map((x) => x.peakMiB));
        e.cpuPct = median(ok.map((x) => x.cpuPct));
        e.chk = ok.find((x) => x.C[label])?.C[label] ?? null;
      }
      per[peer] = e;
    }
    // answers: compare with the first peer that has one (duckdb first by default); a peer disagreeing with the
    // majority of the others is the one marked.
    const withChk = Object.values(per).filter((e) => e.chk);
    for (const e of withChk) {
      const agree = withChk.filter((o) => o !== e && sameChk(o.chk, e.chk)).length;
      const others = withChk.length - 1;
      if (others > 0 && agree * 2 < others) { e.status = 'mismatch'; e.reason = `checksum ${e.chk.join(' ')} differs`; }
    }
    const good = Object.values(per).filter((e) => e.status === 'ok');
    const fastest = Math.min(...good.map((e) => e.timeS)), leanest = Math.min(...good.map((e) => e.peakMiB));
    for (const e of Object.values(per)) if (e.timeS !== undefined) { e.xFastest = e.timeS / fastest; e.xLeanest = e.peakMiB / leanest; }
    rows.push({ measure, what, task, label, endToEnd, peers: per });
  };
  if (raw['load-csv']) add('load CSV', 'read the groupby CSV into memory (whole process)', 'load-csv', 'load', true);
  if (raw['load-parquet']) add('load Parquet', 'read the Parquet copy into memory (whole process)', 'load-parquet', 'load', true);
  if (raw['q1-csv']) add('q1 over CSV', 'sum v1 by id1 straight over the CSV file (whole process)', 'q1-csv', 'q1-csv', true);
  if (raw.groupby) {
    add('groupby', 'whole process: load the CSV, then q1–q10', 'groupby', '__process', true);
    add('groupby load', 'CSV into memory, timed inside that process', 'groupby', 'load', false);
    for (const q of GROUPBY_Q) add(`groupby ${q}`, QUESTIONS[q], 'groupby', q, false);
  }
  if (raw.join) {
    add('join', `whole process: load x, small, medium${meta.inputs.big ? ', big' : ''}, then j1–j5`, 'join', '__process', true);
    add('join load', 'the join tables into memory, timed inside that process', 'join', 'load', false);
    for (const q of JOIN_Q) add(`join ${q}`, QUESTIONS[q], 'join', q, false);
  }
  return rows;
}

function markdownTable(rows) {
  const notes = [];
  const note = (text) => { let i = notes.indexOf(text); if (i < 0) { notes.push(text); i = notes.length - 1; } return `[${i + 1}]`; };
  const t = (v) => (v >= 10 ? v.toFixed(1) : v >= 0.1 ? v.toFixed(2) : v.toFixed(3));
  const x = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
  const m = [`| measurement | ${PEERS.map((p) => (p === 'kindling' ? '**kindling** local[2]' : p)).join(' | ')} |`, `|---|${PEERS.map(() => '--:').join('|')}|`];
  for (const r of rows) {
    const cells = PEERS.map((peer) => {
      const e = r.peers[peer];
      if (!e) return '—';
      if (e.status === 'unsupported') return `unsupported ${note(`${peer}: ${e.reason}`)}`;
      if (e.status === 'failed') return `failed ${note(`${peer}: ${e.reason}`)}${e.failWall ? ` at ${e.failWall.toFixed(0)} s · ${e.failPeak.toFixed(0)} MiB` : ''}`;
      const body = `${t(e.timeS)} s ×${x(e.xFastest)}${r.endToEnd ? ` · ${e.peakMiB.toFixed(0)} MiB` : ''}`;
      const s = e.status === 'mismatch' ? `**wrong** ${note(`${peer}: ${e.reason}`)} ${body}` : body;
      return peer === 'kindling' ? `**${s}**` : s;
    });
    m.push(`| ${r.measure}: ${r.what} | ${cells.join(' | ')} |`);
  }
  m.push('', 'Cells: time, × the fastest correct peer, and for whole-process rows the peak RSS (`/usr/bin/time -v`; Kindling\'s worker threads included).');
  if (notes.length) m.push('', ...notes.map((n, i) => `[${i + 1}] ${n.replace(/\|/g, '\\|')}  `));
  return m.join('\n');
}

function write() {
  const rows = table();
  const inp = Object.entries(meta.inputs).map(([k, v]) => `${k} ${v.file.split('/').pop()} (${v.mb} MB)`).join(', ');
  const md = [`# h2o db-benchmark — ${meta.date}`, '',
    `${meta.rows.toLocaleString('en-US')} rows. Node ${meta.host.node}, ${meta.host.cpus} × ${meta.host.cpuModel}, ${meta.host.memGiB} GiB, load average at start ${meta.host.loadavg.join(' ')}. ` +
    `Median of ${meta.runs} run(s), warm page cache. Inputs: ${inp}. Versions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(', ')}, Kindling local[2].`, '',
    'Whole-process rows (load CSV, load Parquet, q1 over CSV, and the groupby / join processes) time the process, start-up included, and give its peak RSS. ' +
    'Question rows time one question (answer + the small checksum aggregate over it) inside the groupby / join process, which loaded the data first.', '',
    markdownTable(rows), ''].join('\n');
  fs.writeFileSync(mdFile, md);
  fs.writeFileSync(jsonFile, JSON.stringify({ meta, rows, raw }, null, 2) + '\n');
  if (!args['no-docs']) updateDocs(rows);
  return md;
}

function updateDocs(rows) {
  const docs = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  let text = fs.readFileSync(docs, 'utf8');
  const start = text.indexOf('\n## DataFrame: h2o db-benchmark');
  const notesFile = path.join(H2O, 'NOTES.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : '';
  const sec = ['', '## DataFrame: h2o db-benchmark', '',
    `Run: \`node bench/h2o/run.mjs ${meta.argv ? meta.argv.join(' ') : `--rows ${meta.rows.toExponential().replace('e+', 'e')} --runs ${meta.runs}`}\` (see \`bench/h2o/README.md\`). Table of this run: ` +
    `**${meta.rows.toLocaleString('en-US')} rows**, ${meta.date.slice(0, 16).replace('T', ' ')} UTC, median of ${meta.runs} run(s), ` +
    `load average ${meta.host.loadavg.join(' ')} at start — ${args.machine ?? 'the 2-core machine was shared with other work, so timings are noisy'}. ` +
    (meta.merged ? `Merged from ${meta.merged.map((m) => `\`${m.file}\` (${m.tasks.join(', ')}; started ${m.date.slice(11, 16)}, load ${m.loadavg[0]})`).join(' and ')}. ` : '') +
    `Raw: \`bench/results/h2o-${stamp}${suffix}.md\`.`, '',
    'Whole-process rows time the process, start-up included, and give its peak RSS; question rows time one question (answer + a small checksum ' +
    'aggregate over it) inside the groupby / join process, which loaded the data first. "×" is the time over the fastest peer that answered correctly. ' +
    'Every answer is checked against the other peers\' (row count and column sums, relative tolerance 1e-6).', '',
    markdownTable(rows), '', notes, ''].join('\n');
  if (start < 0) text = text.trimEnd() + '\n' + sec;
  else { // replace only this section; keep any section that follows it
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + sec + (next >= 0 ? '\n' + text.slice(next + 1) : '');
  }
  fs.writeFileSync(docs, text);
}

const md = write();
process.stdout.write('\n' + md);
log(`wrote ${path.relative(ROOT, mdFile)} and .json${args['no-docs'] ? '' : ', updated docs/BENCHMARKS.md'}`);
