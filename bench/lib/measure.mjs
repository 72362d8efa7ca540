// Running one benchmark peer as its own process tree and measuring it: wall time, peak RSS (/usr/bin/time -v,
// cross-checked by sampling the tree's RSS, which also enforces a memory cap on a shared machine), CPU share, and
// the peer's result lines (the protocol of bench/lib/protocol.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

/** RSS in KiB of a process and all its descendants. */
export function treeRssKb(root) {
  let sum = 0; const stack = [root]; const seen = new Set();
  while (stack.length) {
    const pid = stack.pop();
    if (seen.has(pid)) continue; seen.add(pid);
    try { const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m); if (m) sum += Number(m[1]); } catch { continue; }
    try { for (const t of fs.readdirSync(`/proc/${pid}/task`)) { const c = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim(); if (c) stack.push(...c.split(/\s+/).map(Number)); } } catch {}
  }
  return sum;
}

/** Parses the peer's stdout lines: `T label s`, `C label rows chk…`, `U label reason`, `S label` (step started). */
export function parseResultLines(stdout) {
  const T = {}, C = {}, U = {}, started = [];
  for (const line of stdout.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'T') T[f[1]] = Number(f[2]);
    else if (f[0] === 'C') C[f[1]] = f.slice(2).map((v) => (v === 'null' ? null : Number(v)));
    else if (f[0] === 'U') U[f[1]] = f.slice(2).join(' ');
    else if (f[0] === 'S') started.push(f[1]);
  }
  return { T, C, U, started };
}

/**
 * Runs `argv` (node and its arguments) under /usr/bin/time -v in its own process group; kills the group after
 * `timeoutS` seconds, after `stepTimeoutS` seconds without a line on stdout (one step running too long), or when
 * the tree's RSS passes `memCapGiB`.
 * @returns {Promise<{wallS:number, peakMiB:number, cpuPct:number|null, T:object, C:object, U:object, failed:string|null, stdout:string, stderr:string}>}
 */
export function runMeasured(argv, { cwd, timeoutS, memCapGiB, env, stepTimeoutS = Infinity } = {}) {
  return new Promise((resolve) => {
    const timeFile = path.join(os.tmpdir(), `kindling-bench-time-${process.pid}-${Date.now()}.txt`);
    const cmd = ['/usr/bin/time', '-v', '-o', timeFile, ...argv];
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd[0], cmd.slice(1), { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = [], err = [];
    let killed = null, maxTree = 0;
    const kill = (why) => { if (!killed) { killed = why; try { process.kill(-child.pid, 'SIGKILL'); } catch {} } };
    const timer = setTimeout(() => kill(`timeout after ${timeoutS} s`), timeoutS * 1000);
    let stepTimer = null;
    const armStep = () => {
      if (!Number.isFinite(stepTimeoutS)) return;
      clearTimeout(stepTimer);
      stepTimer = setTimeout(() => kill(`step timeout: more than ${stepTimeoutS} s on one step`), stepTimeoutS * 1000);
    };
    armStep();
    child.stdout.on('data', (d) => { out.push(d); if (d.includes(10)) armStep(); });
    child.stderr.on('data', (d) => err.push(d));
    const capKb = memCapGiB * 1024 * 1024;
    const sampler = setInterval(() => { const kb = treeRssKb(child.pid); maxTree = Math.max(maxTree, kb); if (kb > capKb) kill(`killed above the ${memCapGiB} GiB memory cap`); }, 100);
    child.on('close', (code, signal) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      clearTimeout(timer); clearTimeout(stepTimer); clearInterval(sampler);
      let tv = '';
      try { tv = fs.readFileSync(timeFile, 'utf8'); fs.unlinkSync(timeFile); } catch {}
      const m = tv.match(/Maximum resident set size \(kbytes\): (\d+)/);
      const cpu = tv.match(/Percent of CPU this job got: (\d+)%/);
      const peakKb = m ? Number(m[1]) : maxTree;
      const stdout = Buffer.concat(out).toString('utf8'), stderr = Buffer.concat(err).toString('utf8');
      const oom = /JavaScript heap out of memory|Reached heap limit/.test(stderr);
      const failed = killed ?? (code !== 0 ? `exit ${code ?? signal}: ${oom ? 'JavaScript heap out of memory' : stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` : null);
      resolve({ wallS, peakMiB: peakKb / 1024, cpuPct: cpu ? Number(cpu[1]) : null, ...parseResultLines(stdout), failed, stdout, stderr });
    });
  });
}

export const median = (xs) => { const s = xs.filter((v) => Number.isFinite(v)).sort((a, b) => a - b); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Reads files once so that the first peer does not pay for a cold page cache. */
export function warmPageCache(files) {
  const b = Buffer.allocUnsafe(16 << 20);
  for (const f of files) { const fd = fs.openSync(f, 'r'); while (fs.readSync(fd, b, 0, b.length, null) > 0); fs.closeSync(fd); }
}
