#!/usr/bin/env node
// Deterministic synthetic web-server access log in Common Log Format.
//
//   node bench/gen/access-log.mjs [--lines 5000000] [--out bench/data/access.log]
//                                 [--seed 7] [--paths 50000] [--zipf 1.0]
//
// host ident authuser [date] "method path protocol" status bytes, e.g.
//   127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
// Every field is free of spaces except the bracketed date and the quoted
// request, so the request path is always whitespace field index 6 (awk's $7).
// Paths are Zipf-distributed over --paths distinct URLs; client IPs are
// Zipf-distributed (s=0.8) over 30k addresses; time advances monotonically.
import path from 'node:path';
import { makeRng, makeZipf, randInt, parseArgs, openChunkWriter, DATA_DIR } from '../lib/common.mjs';

const args = parseArgs(process.argv.slice(2), {
  lines: '5000000', out: path.join(DATA_DIR, 'access.log'), seed: '7', paths: '50000', zipf: '1.0',
});
const nLines = Number(args.lines);
const nPaths = Number(args.paths);
const rng = makeRng(Number(args.seed));
const pick = (arr) => arr[Math.floor(rng() * arr.length)];
/** Pick from [[value, weight], ...] */
const weighted = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cum = [];
  let acc = 0;
  for (const [v, w] of pairs) { acc += w / total; cum.push([v, acc]); }
  return () => { const u = rng(); for (const [v, c] of cum) if (u < c) return v; return cum[cum.length - 1][0]; };
};

// --- URL space --------------------------------------------------------------
const SLUG = ['spark', 'rdd', 'node', 'stream', 'cluster', 'shuffle', 'partition', 'lineage', 'cache', 'worker',
  'release', 'notes', 'guide', 'intro', 'deep', 'dive', 'tuning', 'memory', 'disk', 'join', 'sort', 'merge',
  'blue', 'red', 'green', 'summer', 'winter', 'sale', 'new', 'best', 'top', 'faq', 'help', 'about', 'team'];
const RES = ['users', 'orders', 'items', 'carts', 'sessions', 'search', 'reviews', 'events', 'metrics', 'tags'];
const EXT = ['png', 'jpg', 'gif', 'svg', 'webp'];
const seen = new Set();
const paths = [];
const fixed = ['/', '/index.html', '/favicon.ico', '/robots.txt', '/apache_pb.gif', '/login', '/logout',
  '/search', '/sitemap.xml', '/about', '/contact', '/cart', '/checkout'];
for (const p of fixed) { seen.add(p); paths.push(p); }
const slug = () => { const n = randInt(rng, 1, 4); const a = []; for (let i = 0; i < n; i++) a.push(pick(SLUG)); return a.join('-'); };
const templates = [
  () => `/blog/${randInt(rng, 2012, 2025)}/${String(randInt(rng, 1, 12)).padStart(2, '0')}/${slug()}.html`,
  () => { const t = pick(['js', 'css']); return `/static/${t}/${slug()}.${(rng() * 0xffffffff >>> 0).toString(16).padStart(8, '0')}.${t}`; },
  () => `/images/${slug()}-${randInt(rng, 1, 999)}.${pick(EXT)}`,
  () => `/api/v${randInt(rng, 1, 3)}/${pick(RES)}/${randInt(rng, 1, 99999)}`,
  () => `/api/v${randInt(rng, 1, 3)}/${pick(RES)}?page=${randInt(rng, 1, 50)}&limit=${pick([10, 20, 50, 100])}`,
  () => `/products/${slug()}/${randInt(rng, 1000, 99999)}`,
  () => `/docs/${slug()}/${slug()}.html`,
  () => `/~${pick(SLUG)}${randInt(rng, 1, 500)}/${slug()}.html`,
];
while (paths.length < nPaths) {
  const p = pick(templates)();
  if (!seen.has(p)) { seen.add(p); paths.push(p); }
}
// Shuffle (Fisher-Yates) so popularity is not tied to template order, but keep '/' on top.
for (let i = paths.length - 1; i > 1; i--) { const j = 1 + Math.floor(rng() * i); [paths[i], paths[j]] = [paths[j], paths[i]]; }

// --- clients --------------------------------------------------------------
const nIps = 30000;
const ips = [];
for (let i = 0; i < nIps; i++) {
  const r = rng();
  ips.push(r < 0.1 ? `10.${randInt(rng, 0, 255)}.${randInt(rng, 0, 255)}.${randInt(rng, 1, 254)}`
    : r < 0.15 ? `192.168.${randInt(rng, 0, 255)}.${randInt(rng, 1, 254)}`
    : `${randInt(rng, 1, 223)}.${randInt(rng, 0, 255)}.${randInt(rng, 0, 255)}.${randInt(rng, 1, 254)}`);
}
const USERS = ['frank', 'alice', 'bob', 'carol', 'dave', 'erin', 'mallory', 'trent'];

const method = weighted([['GET', 85], ['POST', 9], ['HEAD', 3], ['PUT', 1.5], ['DELETE', 1], ['OPTIONS', 0.5]]);
const proto = weighted([['HTTP/1.1', 80], ['HTTP/1.0', 8], ['HTTP/2.0', 12]]);
const status = weighted([[200, 78], [304, 7], [404, 5], [301, 2], [302, 3], [403, 1], [401, 1], [500, 1.5], [502, 0.5], [503, 0.5], [206, 0.5]]);

// --- emit ------------------------------------------------------------------
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => (n < 10 ? '0' : '') + n;
const TZ_MIN = -7 * 60; // log written in -0700
let clock = Date.UTC(2024, 2, 1, 0, 0, 0); // ms, UTC
let lastSec = -1, stamp = '';
const fmtStamp = (ms) => {
  const d = new Date(ms + TZ_MIN * 60000);
  return `[${p2(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} -0700]`;
};

const urlZipf = makeZipf(nPaths, Number(args.zipf), rng);
const ipZipf = makeZipf(nIps, 0.8, rng);
const out = openChunkWriter(args.out);
const t0 = Date.now();
for (let i = 0; i < nLines; i++) {
  clock += Math.floor(rng() * 60); // ~30 ms between requests on average
  const sec = Math.floor(clock / 1000);
  if (sec !== lastSec) { lastSec = sec; stamp = fmtStamp(clock); }
  const st = status();
  const size = st === 304 || st === 301 || st === 302 ? '-' : String(Math.floor(Math.exp(4 + rng() * 9)));
  const user = rng() < 0.03 ? pick(USERS) : '-';
  out.write(`${ips[ipZipf()]} - ${user} ${stamp} "${method()} ${paths[urlZipf()]} ${proto()}" ${st} ${size}\n`);
}
const bytes = out.close();
console.error(`wrote ${args.out}: ${(bytes / 1e6).toFixed(1)} MB, ${nLines} lines, ${nPaths} paths, ` +
  `zipf s=${args.zipf}, seed ${args.seed}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
