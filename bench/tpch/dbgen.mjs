#!/usr/bin/env node
// Deterministic TPC-H data generator: the eight tables of the TPC-H specification (v3, §4.2.3) at a scale factor,
// as '|'-separated CSV with a header line and (through DuckDB's COPY) Parquet with the same column types.
//
//   node bench/tpch/dbgen.mjs --sf 1 [--out bench/data/tpch-sf1] [--seed 19920101] [--no-parquet]
//
// It follows the specification's value rules, not dbgen's random streams: the same SF and seed give the same
// bytes, but not dbgen's bytes. What is followed: cardinalities (part 200,000 × SF, supplier 10,000 × SF,
// partsupp 4 per part, customer 150,000 × SF, orders 1,500,000 × SF, 1–7 lineitems per order, 25 nations,
// 5 regions); key ranges and the sparse o_orderkey (8 keys used of every 32); partsupp's and lineitem's supplier
// formula; o_custkey never a multiple of 3 (a third of the customers have no orders); every value domain (p_name
// from the 92 colour words, types, containers, segments, priorities, instructions, ship modes, phone numbers,
// brands, clerks); dates (o_orderdate uniform in [1992-01-01, 1998-12-31 − 151 days], ship/commit/receipt
// offsets, returnflag and linestatus against CURRENTDATE 1995-06-17); p_retailprice's formula, l_extendedprice =
// quantity × retailprice, o_totalprice = Σ extendedprice × (1 + tax) × (1 − discount) of its lineitems,
// o_orderstatus from the linestatuses; comments from the specification's text grammar (text.mjs), with the
// "Customer … Complaints" / "Customer … Recommends" supplier comments. One difference: SF × 5 of each kind of
// supplier comment is rounded up, so that small scale factors still have one of each.
//
// Files are written as <name>.partial and renamed; `tpch.json` (scale factor, seed, row counts) is written
// last and marks a complete directory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRng, openChunkWriter, parseArgs, DATA_DIR } from '../lib/common.mjs';
import { TABLES, TABLE_NAMES, SEP, duckdbColumns } from './schema.mjs';
import { textPool, makeText } from './text.mjs';

export const DEFAULT_SEED = 19920101;

const COLOURS = ['almond', 'antique', 'aquamarine', 'azure', 'beige', 'bisque', 'black', 'blanched', 'blue', 'blush',
  'brown', 'burlywood', 'burnished', 'chartreuse', 'chiffon', 'chocolate', 'coral', 'cornflower', 'cornsilk', 'cream',
  'cyan', 'dark', 'deep', 'dim', 'dodger', 'drab', 'firebrick', 'floral', 'forest', 'frosted', 'gainsboro', 'ghost',
  'goldenrod', 'green', 'grey', 'honeydew', 'hot', 'indian', 'ivory', 'khaki', 'lace', 'lavender', 'lawn', 'lemon',
  'light', 'lime', 'linen', 'magenta', 'maroon', 'medium', 'metallic', 'midnight', 'mint', 'misty', 'moccasin',
  'navajo', 'navy', 'olive', 'orange', 'orchid', 'pale', 'papaya', 'peach', 'peru', 'pink', 'plum', 'powder', 'puff',
  'purple', 'red', 'rose', 'rosy', 'royal', 'saddle', 'salmon', 'sandy', 'seashell', 'sienna', 'sky', 'slate', 'smoke',
  'snow', 'spring', 'steel', 'tan', 'thistle', 'tomato', 'turquoise', 'violet', 'wheat', 'white', 'yellow'];
const TYPE_S1 = ['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'];
const TYPE_S2 = ['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'];
const TYPE_S3 = ['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'];
const CONTAINER_S1 = ['SM', 'LG', 'MED', 'JUMBO', 'WRAP'];
const CONTAINER_S2 = ['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'];
const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'];
const PRIORITIES = ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'];
const INSTRUCTIONS = ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'];
const MODES = ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'];
const REGIONS = ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'];
/** [name, regionkey], indexed by nationkey (§4.2.3). */
const NATIONS = [['ALGERIA', 0], ['ARGENTINA', 1], ['BRAZIL', 1], ['CANADA', 1], ['EGYPT', 4], ['ETHIOPIA', 0],
  ['FRANCE', 3], ['GERMANY', 3], ['INDIA', 2], ['INDONESIA', 2], ['IRAN', 4], ['IRAQ', 4], ['JAPAN', 2], ['JORDAN', 4],
  ['KENYA', 0], ['MOROCCO', 0], ['MOZAMBIQUE', 0], ['PERU', 1], ['CHINA', 2], ['ROMANIA', 3], ['SAUDI ARABIA', 4],
  ['VIETNAM', 2], ['RUSSIA', 3], ['UNITED KINGDOM', 3], ['UNITED STATES', 1]];

const DAY = 86_400_000;
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const START_DATE = dayOf('1992-01-01');
const CURRENT_DATE = dayOf('1995-06-17');
const END_DATE = dayOf('1998-12-31');
const DATE_TEXT = [];
for (let d = START_DATE; d <= END_DATE + 160; d++) DATE_TEXT.push(new Date(d * DAY).toISOString().slice(0, 10));
const dateText = (d) => DATE_TEXT[d - START_DATE];

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,';
const pad9 = (n) => String(n).padStart(9, '0');
/** Cents as a decimal(15,2) literal. */
const money = (c) => {
  const a = c < 0 ? -c : c;
  const cents = a % 100;
  return `${c < 0 ? '-' : ''}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
};
const PERCENT = Array.from({ length: 11 }, (_, i) => money(i)); // 0.00 .. 0.10

/** Row counts of a scale factor (§4.2.5). */
export function cardinalities(sf) {
  const n = (base) => Math.max(1, Math.round(base * sf));
  return { part: n(200_000), supplier: n(10_000), partsupp: 4 * n(200_000), customer: n(150_000), orders: n(1_500_000), nation: 25, region: 5 };
}

/** p_retailprice in cents (§4.2.3): (90000 + ((key / 10) mod 20001) + 100 × (key mod 1000)) / 100. */
export const retailCents = (partkey) => 90000 + (Math.floor(partkey / 10) % 20001) + 100 * (partkey % 1000);

/** The supplier of a part's i-th partsupp row, i in 0..3 (§4.2.3). */
export const partSupplier = (partkey, i, S) => ((partkey + i * (Math.floor(S / 4) + Math.floor((partkey - 1) / S))) % S) + 1;

/** The sparse order key of the n-th order (n from 1): of each 32 keys the first 8 are used. */
export const orderKey = (n) => Math.floor(n / 8) * 32 + (n % 8);

/**
 * Generates the tables of scale factor `sf` into `out`.
 * @returns {{ dir: string, sf: number, seed: number, rows: Record<string, number> }}
 */
export async function generate({ sf, out, seed = DEFAULT_SEED, parquet = true, log = () => {} }) {
  fs.mkdirSync(out, { recursive: true });
  const marker = path.join(out, 'tpch.json');
  if (fs.existsSync(marker)) fs.unlinkSync(marker);
  const card = cardinalities(sf);
  const poolRng = makeRng(seed);
  const text = makeText(textPool(poolRng, Math.min(8 << 20, Math.max(1 << 20, Math.round(sf * (8 << 20))))));
  const rows = {};
  const table = (name, gen) => {
    const t0 = Date.now();
    const w = openChunkWriter(path.join(out, `${name}.csv`));
    w.write(TABLES[name].map(([c]) => c).join(SEP) + '\n');
    const rng = makeRng(seed + 1 + TABLE_NAMES.indexOf(name));
    rows[name] = gen(rng, w);
    const bytes = w.close();
    log(`  ${name}: ${rows[name].toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const vstring = (rng, min, max) => {
    const len = int(rng, min, max);
    let s = '';
    for (let i = 0; i < len; i++) s += ALNUM[Math.floor(rng() * ALNUM.length)];
    return s;
  };
  const phone = (rng, nation) => `${nation + 10}-${int(rng, 100, 999)}-${int(rng, 100, 999)}-${int(rng, 1000, 9999)}`;
  const S = card.supplier;

  table('region', (rng, w) => {
    REGIONS.forEach((r, i) => w.write([i, r, text(rng, 31, 115)].join(SEP) + '\n'));
    return REGIONS.length;
  });
  table('nation', (rng, w) => {
    NATIONS.forEach(([n, r], i) => w.write([i, n, r, text(rng, 31, 114)].join(SEP) + '\n'));
    return NATIONS.length;
  });
  table('part', (rng, w) => {
    for (let k = 1; k <= card.part; k++) {
      const words = [];
      while (words.length < 5) { const c = COLOURS[Math.floor(rng() * COLOURS.length)]; if (!words.includes(c)) words.push(c); }
      const m = int(rng, 1, 5);
      const type = `${TYPE_S1[int(rng, 0, 5)]} ${TYPE_S2[int(rng, 0, 4)]} ${TYPE_S3[int(rng, 0, 4)]}`;
      const container = `${CONTAINER_S1[int(rng, 0, 4)]} ${CONTAINER_S2[int(rng, 0, 7)]}`;
      w.write(`${k}|${words.join(' ')}|Manufacturer#${m}|Brand#${m}${int(rng, 1, 5)}|${type}|${int(rng, 1, 50)}|${container}|${money(retailCents(k))}|${text(rng, 5, 22)}\n`);
    }
    return card.part;
  });
  table('supplier', (rng, w) => {
    // which suppliers get a "Customer … Complaints" / "Customer … Recommends" comment
    const special = new Map();
    const k = Math.min(Math.floor(S / 2), Math.ceil(sf * 5));
    const order = Array.from({ length: S }, (_, i) => i + 1);
    for (let i = 0; i < 2 * k; i++) { const j = i + Math.floor(rng() * (S - i)); [order[i], order[j]] = [order[j], order[i]]; }
    for (let i = 0; i < 2 * k; i++) special.set(order[i], i < k ? 'Complaints' : 'Recommends');
    for (let s = 1; s <= S; s++) {
      const nation = int(rng, 0, 24);
      let comment = text(rng, 25, 100);
      const what = special.get(s);
      if (what) { // "Customer" … what, at random positions inside the comment, keeping its length
        const L = comment.length, need = 9 + what.length;
        const p = int(rng, 0, L - need), q = int(rng, p + 9, L - what.length);
        comment = comment.slice(0, p) + 'Customer ' + comment.slice(p + 9, q) + what + comment.slice(q + what.length);
      }
      w.write(`${s}|Supplier#${pad9(s)}|${vstring(rng, 10, 40)}|${nation}|${phone(rng, nation)}|${money(int(rng, -99999, 999999))}|${comment}\n`);
    }
    return S;
  });
  table('partsupp', (rng, w) => {
    let buf = '';
    for (let p = 1; p <= card.part; p++) {
      for (let i = 0; i < 4; i++) {
        buf += `${p}|${partSupplier(p, i, S)}|${int(rng, 1, 9999)}|${money(int(rng, 100, 100000))}|${text(rng, 49, 198)}\n`;
      }
      if ((p & 1023) === 0) { w.write(buf); buf = ''; }
    }
    w.write(buf);
    return card.partsupp;
  });
  table('customer', (rng, w) => {
    let buf = '';
    for (let c = 1; c <= card.customer; c++) {
      const nation = int(rng, 0, 24);
      buf += `${c}|Customer#${pad9(c)}|${vstring(rng, 10, 40)}|${nation}|${phone(rng, nation)}|${money(int(rng, -99999, 999999))}|${SEGMENTS[int(rng, 0, 4)]}|${text(rng, 29, 116)}\n`;
      if ((c & 4095) === 0) { w.write(buf); buf = ''; }
    }
    w.write(buf);
    return card.customer;
  });
  // orders and lineitem together: an order's status and total price come from its lineitems
  {
    const t0 = Date.now();
    const ow = openChunkWriter(path.join(out, 'orders.csv'));
    const lw = openChunkWriter(path.join(out, 'lineitem.csv'));
    ow.write(TABLES.orders.map(([c]) => c).join(SEP) + '\n');
    lw.write(TABLES.lineitem.map(([c]) => c).join(SEP) + '\n');
    const rng = makeRng(seed + 1 + TABLE_NAMES.indexOf('orders'));
    const customersWithOrders = card.customer - Math.floor(card.customer / 3); // keys not divisible by 3
    const clerks = Math.max(1, Math.round(sf * 1000));
    const lastOrderDate = END_DATE - 151;
    let obuf = '', lbuf = '', nLines = 0;
    for (let n = 1; n <= card.orders; n++) {
      const okey = orderKey(n);
      const ci = int(rng, 0, customersWithOrders - 1);
      const custkey = Math.floor(ci / 2) * 3 + (ci % 2) + 1;
      const od = int(rng, START_DATE, lastOrderDate);
      const lines = int(rng, 1, 7);
      let total = 0, shippedF = 0;
      for (let ln = 1; ln <= lines; ln++) {
        const partkey = int(rng, 1, card.part);
        const suppkey = partSupplier(partkey, int(rng, 0, 3), S);
        const qty = int(rng, 1, 50);
        const ext = qty * retailCents(partkey);
        const disc = int(rng, 0, 10), tax = int(rng, 0, 8);
        const ship = od + int(rng, 1, 121), commit = od + int(rng, 30, 90), receipt = ship + int(rng, 1, 30);
        const flag = receipt <= CURRENT_DATE ? (rng() < 0.5 ? 'R' : 'A') : 'N';
        const status = ship > CURRENT_DATE ? 'O' : 'F';
        if (status === 'F') shippedF++;
        total += Math.floor((Math.floor((ext * (100 - disc)) / 100) * (100 + tax)) / 100);
        lbuf += `${okey}|${partkey}|${suppkey}|${ln}|${qty}.00|${money(ext)}|${PERCENT[disc]}|${PERCENT[tax]}|${flag}|${status}|` +
          `${dateText(ship)}|${dateText(commit)}|${dateText(receipt)}|${INSTRUCTIONS[int(rng, 0, 3)]}|${MODES[int(rng, 0, 6)]}|${text(rng, 10, 43)}\n`;
      }
      nLines += lines;
      const ostatus = shippedF === lines ? 'F' : shippedF === 0 ? 'O' : 'P';
      obuf += `${okey}|${custkey}|${ostatus}|${money(total)}|${dateText(od)}|${PRIORITIES[int(rng, 0, 4)]}|Clerk#${pad9(int(rng, 1, clerks))}|0|${text(rng, 19, 78)}\n`;
      if ((n & 1023) === 0) { ow.write(obuf); lw.write(lbuf); obuf = ''; lbuf = ''; }
    }
    ow.write(obuf); lw.write(lbuf);
    rows.orders = card.orders;
    rows.lineitem = nLines;
    const ob = ow.close(), lb = lw.close();
    log(`  orders: ${card.orders.toLocaleString('en-US')} rows, ${(ob / 1e6).toFixed(1)} MB; lineitem: ${nLines.toLocaleString('en-US')} rows, ${(lb / 1e6).toFixed(1)} MB; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (parquet) await toParquet(out, log);
  fs.writeFileSync(marker, JSON.stringify({ sf, seed, parquet, rows }, null, 2) + '\n');
  return { dir: out, sf, seed, rows };
}

/** `<table>.parquet` next to each `<table>.csv`, with the schema's types, through DuckDB's COPY. */
async function toParquet(out, log) {
  const t0 = Date.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const lit = (s) => `'${s.replaceAll("'", "''")}'`;
  for (const name of TABLE_NAMES) {
    const csv = path.join(out, `${name}.csv`), pq = path.join(out, `${name}.parquet`);
    await con.run(`COPY (SELECT * FROM read_csv(${lit(csv)}, header = true, delim = '${SEP}', quote = '', columns = ${duckdbColumns(name)})) ` +
      `TO ${lit(pq + '.partial')} (FORMAT parquet, COMPRESSION snappy)`);
    fs.renameSync(pq + '.partial', pq);
  }
  con.closeSync?.();
  log(`  parquet: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** The directory's generation parameters when it holds a complete data set, else null. */
export function readMarker(dir) {
  try { return JSON.parse(fs.readFileSync(path.join(dir, 'tpch.json'), 'utf8')); } catch { return null; }
}

/** Generates into `dir` unless it already holds SF `sf` with that seed (and Parquet when asked). */
export async function ensureData({ sf, dir, seed = DEFAULT_SEED, parquet = true, log = () => {} }) {
  const m = readMarker(dir);
  if (m && m.sf === sf && m.seed === seed && (m.parquet || !parquet)) return m;
  log(`generating TPC-H SF ${sf} into ${dir} ...`);
  return generate({ sf, out: dir, seed, parquet, log });
}

export const defaultDir = (sf) => path.join(DATA_DIR, `tpch-sf${sf}`);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { sf: '1', seed: String(DEFAULT_SEED) });
  const sf = Number(args.sf);
  if (!(sf > 0)) { console.error('usage: node bench/tpch/dbgen.mjs --sf <scale factor> [--out DIR] [--seed N] [--no-parquet]'); process.exit(2); }
  const out = path.resolve(String(args.out ?? defaultDir(sf)));
  const t0 = Date.now();
  console.error(`generating TPC-H SF ${sf} into ${out} ...`);
  const r = await generate({ sf, out, seed: Number(args.seed), parquet: !args['no-parquet'], log: (...a) => console.error(...a) });
  console.error(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(r.rows).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
