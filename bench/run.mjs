#!/usr/bin/env node
// Kindling benchmark runner.
//
//   node bench/run.mjs [--only wordcount|topurls] [--runs N] [--skip-gen]
//                      [--peers kindling,plain-loop,...] [--mb 200] [--lines 5000000]
//                      [--corpus FILE] [--log FILE] [--timeout SECONDS] [--out DIR]
//
// Generates the inputs if missing, runs every peer of each job as a separate
// child process (N times, median taken), measures wall time and peak RSS,
// checks each peer's output against the plain-loop reference, and writes
// bench/results/<timestamp>.json and .md. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { BENCH_DIR, DATA_DIR, parseArgs } from './lib/common.mjs';

const ROOT = path.resolve(BENCH_DIR, '..');
const args = parseArgs(process.argv.slice(2), {
  runs: '1', mb: '200', lines: '5000000', timeout: '1800', out: path.join(BENCH_DIR, 'results'),
  corpus: path.join(DATA_DIR, 'corpus.txt'), log: path.join(DATA_DIR, 'access.log'),
});
const RUNS = Math.max(1, Number(args.runs) | 0);
const TIMEOUT_MS = Number(args.timeout) * 1000;
const ONLY = args.only ? String(args.only).split(',') : ['wordcount', 'topurls'];
for (const j of ONLY) if (j !== 'wordcount' && j !== 'topurls') die(`--only: unknown job '${j}' (wordcount|topurls)`);
const PEER_FILTER = args.peers ? new Set(String(args.peers).split(',')) : null;
const CORPUS = path.resolve(String(args.corpus));
const LOG = path.resolve(String(args.log));

function die(msg) { console.error(`bench: ${msg}`); process.exit(2); }
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- inputs ---
function ensureData(job) {
  const [file, gen, genArgs] = job === 'wordcount'
    ? [CORPUS, 'gen/text-corpus.mjs', ['--mb', String(args.mb)]]
    : [LOG, 'gen/access-log.mjs', ['--lines', String(args.lines)]];
  if (fs.existsSync(file)) return file;
  if (args['skip-gen']) die(`${file} is missing and --skip-gen was given`);
  log(`generating ${path.relative(ROOT, file)} ...`);
  const r = spawnSync(process.execPath, [path.join(BENCH_DIR, gen), ...genArgs, '--out', file], { stdio: 'inherit' });
  if (r.status !== 0) die(`generator ${gen} failed`);
  return file;
}

/** Read the file once so every peer starts from a warm page cache. */
function warmCache(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  let lines = 0;
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
    for (let i = buf.indexOf(10, 0); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  }
  fs.closeSync(fd);
  return lines;
}

// ------------------------------------------------------------ peer setup ---
const node = process.execPath;
const P = (...p) => path.join(BENCH_DIR, ...p);

/** Try to import a module from a given directory in a fresh node; return null or an error string. */
function importCheck(spec, fromDir, probe = '') {
  const code = `const m = await import(${JSON.stringify(spec)}); ${probe}`;
  const r = spawnSync(node, ['--input-type=module', '-e', code], { cwd: fromDir, encoding: 'utf8', timeout: 60_000 });
  if (r.status === 0) return null;
  const err = (r.stderr || '').split('\n').find((l) => /Error|error:/.test(l)) || r.stderr.trim().split('\n').pop();
  return err?.trim() || `exit ${r.status}`;
}

/**
 * '@kindling/core' must resolve from bench/kindling/. If the workspace root does
 * not depend on it, link bench/node_modules/@kindling/core -> packages/core
 * (node_modules/ is git-ignored).
 */
function kindlingAvailability() {
  const pkgDir = path.join(ROOT, 'packages', 'core');
  const kdir = P('kindling');
  let err = importCheck('@kindling/core', kdir);
  if (err && /Cannot find package '@kindling\/core'|ERR_MODULE_NOT_FOUND/.test(err) && fs.existsSync(path.join(pkgDir, 'package.json'))
      && !fs.existsSync(P('node_modules', '@kindling', 'core'))) {
    fs.mkdirSync(P('node_modules', '@kindling'), { recursive: true });
    fs.symlinkSync(path.relative(P('node_modules', '@kindling'), pkgDir), P('node_modules', '@kindling', 'core'), 'dir');
    log('linked bench/node_modules/@kindling/core -> packages/core');
    err = importCheck('@kindling/core', kdir);
  }
  if (err) {
    const built = fs.existsSync(path.join(pkgDir, 'dist', 'index.js'));
    return `cannot import @kindling/core (${built ? err : 'packages/core/dist/index.js missing — run `npx pnpm build`'})`;
  }
  const e2 = importCheck('@kindling/core', kdir, "if (typeof m.Context !== 'function') { console.error('Error: @kindling/core does not export Context yet'); process.exit(1); }");
  return e2 ? e2 : null;
}

function toolAvailability(tools) {
  const missing = tools.filter((t) => spawnSync('bash', ['-c', `command -v ${t}`]).status !== 0);
  return missing.length ? `missing tools: ${missing.join(', ')}` : null;
}

const UNIX = {
  wordcount: `tr ' ' '\\n' < "$1" | tr A-Z a-z | sort | uniq -c | sort -k1,1nr -k2,2 | head -20 | awk '{print $2 "\\t" $1}'`,
  topurls: `awk '{print $7}' "$1" | sort | uniq -c | sort -k1,1nr -k2,2 | head -5 | awk '{print $2 "\\t" $1}'`,
};

const availCache = new Map();
const once = (key, fn) => { if (!availCache.has(key)) availCache.set(key, fn()); return availCache.get(key); };

function peersFor(job, file) {
  return [
    { id: 'kindling', desc: 'Kindling, local[2] (worker threads)',
      cmd: [node, P('kindling', job === 'wordcount' ? 'word-count.mjs' : 'top-urls.mjs'), file],
      avail: () => once('kindling', kindlingAvailability) },
    { id: 'plain-loop', desc: 'same user functions, plain single-thread loop', reference: true,
      cmd: [node, P('peers', 'plain-loop.mjs'), job, file], avail: () => null },
    { id: 'idiomatic-js', desc: 'readline + split + Map, single thread',
      cmd: [node, P('peers', 'idiomatic.mjs'), job, file], avail: () => null },
    { id: 'duckdb', desc: 'DuckDB SQL via @duckdb/node-api (all cores)',
      cmd: [node, P('peers', 'duckdb.mjs'), job, file],
      avail: () => once('duckdb', () => importCheck('@duckdb/node-api', BENCH_DIR, 'await m.DuckDBInstance.create(":memory:")')) },
    { id: 'polars', desc: 'nodejs-polars lazy query (all cores)',
      cmd: [node, P('peers', 'polars.mjs'), job, file],
      avail: () => once('polars', () => importCheck('nodejs-polars', BENCH_DIR, 'm.default.Series("a", [1])')) },
    { id: 'unix', desc: `LC_ALL=C shell pipeline: ${UNIX[job]}`,
      cmd: ['bash', '-c', UNIX[job], 'unix-pipeline', file], env: { LC_ALL: 'C' },
      avail: () => once('unix', () => toolAvailability(['tr', 'sort', 'uniq', 'head', 'awk'])) },
  ].filter((p) => !PEER_FILTER || PEER_FILTER.has(p.id));
}

// ------------------------------------------------------------ measuring ---
const HAVE_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

function readStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => { const m = s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')); return m ? Number(m[1]) : 0; };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch { return null; }
}

function childrenOf(pid) {
  const out = [];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const c = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (c) out.push(...c.split(/\s+/).map(Number));
      } catch { /* thread gone */ }
    }
  } catch { /* process gone */ }
  return out;
}

/** Sample the process tree under `root`: max of summed VmRSS, and max single-process VmHWM. */
function startTreeSampler(root, intervalMs = 50) {
  const st = { treeKb: 0, maxProcKb: 0 };
  const sample = () => {
    const stack = [root];
    let sum = 0;
    const seen = new Set();
    while (stack.length) {
      const pid = stack.pop();
      if (seen.has(pid)) continue;
      seen.add(pid);
      const s = readStatus(pid);
      if (!s) continue;
      sum += s.rss;
      if (s.hwm > st.maxProcKb) st.maxProcKb = s.hwm;
      stack.push(...childrenOf(pid));
    }
    if (sum > st.treeKb) st.treeKb = sum;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return { stop() { clearInterval(timer); return st; } };
}

function parseTimeV(text) {
  const num = (re) => { const m = text.match(re); return m ? Number(m[1]) : null; };
  return {
    maxRssKb: num(/Maximum resident set size \(kbytes\): (\d+)/),
    userS: num(/User time \(seconds\): ([\d.]+)/),
    sysS: num(/System time \(seconds\): ([\d.]+)/),
    cpuPct: num(/Percent of CPU this job got: (\d+)%/),
  };
}

function runOnce(peer) {
  return new Promise((resolve) => {
    const timeFile = path.join(os.tmpdir(), `kindling-bench-time-${process.pid}-${Date.now()}.txt`);
    const [cmd, ...rest] = HAVE_TIME ? ['/usr/bin/time', '-v', '-o', timeFile, ...peer.cmd] : peer.cmd;
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, rest, {
      cwd: ROOT, env: { ...process.env, ...(peer.env || {}) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const sampler = startTreeSampler(child.pid);
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const killer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      clearTimeout(killer);
      const tree = sampler.stop();
      let tv = {};
      if (HAVE_TIME) { try { tv = parseTimeV(fs.readFileSync(timeFile, 'utf8')); fs.unlinkSync(timeFile); } catch {} }
      // time -v reports the peak RSS of the largest single process it waited for
      // (for a pipeline: the biggest stage). treeRss sums all live processes.
      const peakKb = tv.maxRssKb ?? tree.maxProcKb;
      resolve({
        code, signal, timedOut, wallS,
        peakRssMiB: +(peakKb / 1024).toFixed(1),
        treeRssMiB: +(Math.max(tree.treeKb, peakKb) / 1024).toFixed(1),
        userS: tv.userS ?? null, sysS: tv.sysS ?? null, cpuPct: tv.cpuPct ?? null,
        stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();

// ---------------------------------------------------------------- run ---
function pkgVersion(name) {
  try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return null; }
}
const firstLine = (cmd) => { const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' }); return (r.stdout || '').split('\n')[0].trim() || null; };

const meta = {
  date: new Date().toISOString(),
  host: { node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}`, cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1) },
  versions: { '@kindling/core': pkgVersion('../packages/core'), '@duckdb/node-api': pkgVersion('@duckdb/node-api'),
    'nodejs-polars': pkgVersion('nodejs-polars'), sort: firstLine('sort --version'), awk: firstLine('readlink -f "$(command -v awk)"') },
  runs: RUNS, rssSource: HAVE_TIME ? '/usr/bin/time -v (max RSS of the largest process)' : '/proc VmHWM sampling',
};

const results = { meta, jobs: {} };
for (const job of ONLY) {
  const file = ensureData(job);
  const bytes = fs.statSync(file).size;
  log(`\n== ${job}: ${path.relative(ROOT, file)} (${(bytes / 1e6).toFixed(1)} MB) — warming page cache`);
  const lines = warmCache(file);
  const peers = peersFor(job, file);
  const res = [];
  for (const p of peers) {
    const reason = p.avail();
    res.push({ id: p.id, desc: p.desc, command: p.cmd.map((c) => (c === node ? 'node' : path.isAbsolute(c) ? path.relative(ROOT, c) : c)),
      status: reason ? 'unavailable' : 'pending', reason: reason || undefined, runs: [] });
    if (reason) log(`  ${p.id}: UNAVAILABLE — ${reason}`);
  }
  for (let r = 0; r < RUNS; r++) {
    for (const [i, p] of peers.entries()) {
      const e = res[i];
      if (e.status === 'unavailable' || e.status === 'failed') continue;
      const x = await runOnce(p);
      const ok = x.code === 0 && !x.timedOut;
      log(`  ${p.id} run ${r + 1}/${RUNS}: ${ok ? `${x.wallS.toFixed(2)} s, peak ${x.peakRssMiB} MiB` : x.timedOut ? 'TIMEOUT' : `FAILED (exit ${x.code ?? x.signal})`}`);
      if (!ok) {
        e.status = 'failed';
        e.reason = x.timedOut ? `timeout after ${args.timeout} s` : `exit ${x.code ?? x.signal}: ${x.stderr.trim().split('\n').slice(-4).join(' | ')}`;
        continue;
      }
      e.runs.push({ wallS: +x.wallS.toFixed(3), peakRssMiB: x.peakRssMiB, treeRssMiB: x.treeRssMiB, userS: x.userS, sysS: x.sysS, cpuPct: x.cpuPct });
      e.output = x.stdout;
    }
  }
  // check outputs against the reference
  const ref = res.find((e) => peers.find((p) => p.id === e.id)?.reference && e.output !== undefined);
  for (const e of res) {
    if (e.status !== 'pending') continue;
    e.wallS = +median(e.runs.map((x) => x.wallS)).toFixed(3);
    e.mbPerS = +(bytes / 1e6 / e.wallS).toFixed(1);
    e.peakRssMiB = +median(e.runs.map((x) => x.peakRssMiB)).toFixed(1);
    e.treeRssMiB = +median(e.runs.map((x) => x.treeRssMiB)).toFixed(1);
    if (!ref) e.status = 'unchecked';
    else if (norm(e.output) === norm(ref.output)) e.status = 'ok';
    else { e.status = 'mismatch'; e.reason = `output differs from ${ref.id}`; }
  }
  const timed = res.filter((e) => e.wallS !== undefined);
  const fastest = Math.min(...timed.filter((e) => e.status !== 'mismatch').map((e) => e.wallS));
  const kind = res.find((e) => e.id === 'kindling' && e.wallS !== undefined && e.status !== 'mismatch');
  for (const e of timed) {
    e.vsKindling = kind ? +(e.wallS / kind.wallS).toFixed(2) : null;
    e.vsFastest = Number.isFinite(fastest) ? +(e.wallS / fastest).toFixed(2) : null;
  }
  results.jobs[job] = { input: path.relative(ROOT, file), bytes, lines, reference: ref?.id ?? null, expected: ref?.output ?? null, peers: res };
}

// ---------------------------------------------------------------- report ---
function markdown() {
  const m = [`# Kindling benchmark — ${meta.date}`, '',
    `Node ${meta.host.node}, ${meta.host.cpus} × ${meta.host.cpuModel}, ${meta.host.memGiB} GiB, ${meta.host.platform}. ` +
    `Median of ${RUNS} run(s), warm page cache; wall time of the whole process (start-up included). ` +
    `Peak RSS: ${meta.rssSource}; tree RSS: sampled sum over the process tree every 50 ms.`, ''];
  for (const [job, j] of Object.entries(results.jobs)) {
    m.push(`## ${job} — ${j.input}, ${(j.bytes / 1e6).toFixed(1)} MB, ${j.lines.toLocaleString('en-US')} lines`, '');
    m.push('| peer | status | wall (s) | MB/s | peak RSS (MiB) | tree RSS (MiB) | CPU % | × Kindling | × fastest |');
    m.push('|---|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const e of j.peers) {
      const f = (v, d = 2) => (v === undefined || v === null ? '—' : typeof v === 'number' ? v.toFixed(d) : v);
      const cpu = e.runs.length ? median(e.runs.map((r) => r.cpuPct ?? NaN)) : undefined;
      const status = e.status === 'ok' ? 'ok' : `${e.status}${e.reason ? `: ${e.reason.replace(/\|/g, '\\|').slice(0, 160)}` : ''}`;
      m.push(`| ${e.id} | ${status} | ${f(e.wallS)} | ${f(e.mbPerS, 1)} | ${f(e.peakRssMiB, 0)} | ${f(e.treeRssMiB, 0)} | ${Number.isFinite(cpu) ? cpu : '—'} | ${f(e.vsKindling)} | ${f(e.vsFastest)} |`);
    }
    m.push('', `Reference output (${j.reference ?? 'none'}):`, '', '```', (j.expected ?? '').trimEnd(), '```', '');
  }
  m.push('Peers:', '');
  const seen = new Set();
  for (const j of Object.values(results.jobs)) for (const e of j.peers) if (!seen.has(e.id)) { seen.add(e.id); m.push(`- **${e.id}**: ${e.desc}`); }
  return m.join('\n') + '\n';
}

fs.mkdirSync(String(args.out), { recursive: true });
const stamp = meta.date.replace(/:/g, '-').replace(/\..*$/, '');
const jsonFile = path.join(String(args.out), `${stamp}.json`);
const mdFile = path.join(String(args.out), `${stamp}.md`);
const md = markdown();
fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
fs.writeFileSync(mdFile, md);
process.stdout.write('\n' + md);
log(`wrote ${path.relative(ROOT, jsonFile)} and ${path.relative(ROOT, mdFile)}`);
const bad = Object.values(results.jobs).flatMap((j) => j.peers).filter((e) => e.status === 'mismatch');
if (bad.length) { log(`MISMATCH: ${bad.map((e) => e.id).join(', ')}`); process.exitCode = 1; }
