import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '@kindling/sql';
import { generate } from '../../bench/tpch/dbgen.mjs';
import { QUERY_IDS, tpchQuery } from '../../bench/tpch/queries.mjs';
import { loadDuckdbTables } from '../../bench/tpch/duckdb-tables.mjs';
import { registerKindlingTables } from '../../bench/tpch/kindling-tables.mjs';
import { compareAnswers, duckdbAnswer, kindlingAnswer } from '../../bench/tpch/answers.mjs';

// TPC-H at SF 0.01: the generator's rules, checked with DuckDB, and the 22 queries through Kindling's SQL
// (local[2], tables read from the generated CSV) against DuckDB on the same files. The queries are the validation
// texts (SF 1's parameters, so Q11's FRACTION is 0.0001). Seed 8 is one with which every query's answer has
// rows at this scale (q18, q20 and q21 depend on a handful of orders and suppliers); a test checks that it still is.
const SF = 0.01;
const SEED = 8;

// Queries Kindling does not answer correctly yet, and why. A query listed here must still fail; one that starts to
// match DuckDB fails this test until it is removed from the list.
const NOT_YET: Record<string, string> = {};

import * as duck from '@duckdb/node-api';
let dir: string;
let spark: Session;
let con: Awaited<ReturnType<Awaited<ReturnType<typeof duck.DuckDBInstance.create>>['connect']>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kindling-tpch-'));
  await generate({ sf: SF, out: dir, seed: SEED, parquet: false });
  const db = await duck.DuckDBInstance.create(':memory:');
  con = await db.connect();
  await loadDuckdbTables(con, dir, 'csv');
  spark = Session.builder().master('local[2]').appName('tpch-test').getOrCreate();
  await registerKindlingTables(spark, dir, 'csv');
}, 120_000);

afterAll(async () => {
  await spark?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const scalar = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);

describe('the generated data follow the specification', () => {
  it('cardinalities, key ranges and the sparse order keys', async () => {
    expect(await scalar('SELECT count(*) FROM part')).toBe(2000);
    expect(await scalar('SELECT count(*) FROM supplier')).toBe(100);
    expect(await scalar('SELECT count(*) FROM partsupp')).toBe(8000);
    expect(await scalar('SELECT count(*) FROM customer')).toBe(1500);
    expect(await scalar('SELECT count(*) FROM orders')).toBe(15000);
    expect(await scalar('SELECT count(*) FROM nation')).toBe(25);
    expect(await scalar('SELECT count(*) FROM region')).toBe(5);
    const lines = await scalar('SELECT count(*) FROM lineitem');
    expect(lines).toBeGreaterThan(15000 * 3.5);
    expect(lines).toBeLessThan(15000 * 4.5);
    expect(await scalar('SELECT count(*) FROM orders WHERE o_orderkey % 32 NOT BETWEEN 0 AND 7')).toBe(0);
    expect(await scalar('SELECT max(o_orderkey) FROM orders')).toBe(Math.floor(15000 / 8) * 32 + (15000 % 8));
    expect(await scalar('SELECT count(*) FROM orders WHERE o_custkey % 3 = 0 OR o_custkey NOT BETWEEN 1 AND 1500')).toBe(0);
    expect(await scalar('SELECT count(DISTINCT (l_orderkey, l_linenumber)) - count(*) FROM lineitem')).toBe(0);
    expect(await scalar('SELECT count(*) FROM lineitem WHERE (l_partkey, l_suppkey) NOT IN (SELECT (ps_partkey, ps_suppkey) FROM partsupp)')).toBe(0);
    expect(await scalar('SELECT count(DISTINCT (ps_partkey, ps_suppkey)) FROM partsupp')).toBe(8000);
  });

  it('derived values: prices, totals, statuses and dates', async () => {
    expect(await scalar(`SELECT count(*) FROM part WHERE p_retailprice * 100 <> 90000 + ((p_partkey // 10) % 20001) + 100 * (p_partkey % 1000)`)).toBe(0);
    expect(await scalar('SELECT count(*) FROM lineitem JOIN part ON l_partkey = p_partkey WHERE l_extendedprice <> l_quantity * p_retailprice')).toBe(0);
    // o_totalprice = Σ extendedprice × (1 − discount) × (1 + tax) over the order's lineitems, in cents truncated at each step as dbgen
    expect(await scalar(`SELECT count(*) FROM orders JOIN (SELECT l_orderkey,
        sum((((l_extendedprice * 100)::BIGINT * (100 - (l_discount * 100)::BIGINT)) // 100) * (100 + (l_tax * 100)::BIGINT) // 100) AS cents
        FROM lineitem GROUP BY 1) ON o_orderkey = l_orderkey WHERE (o_totalprice * 100)::BIGINT <> cents`)).toBe(0);
    expect(await scalar(`SELECT max(abs(o_totalprice - t)) FROM orders JOIN (SELECT l_orderkey, sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)) AS t FROM lineitem GROUP BY 1) ON o_orderkey = l_orderkey`)).toBeLessThan(0.15);
    expect(await scalar(`SELECT count(*) FROM orders JOIN (SELECT l_orderkey, bool_and(l_linestatus = 'F') AS f, bool_and(l_linestatus = 'O') AS o FROM lineitem GROUP BY 1) ON o_orderkey = l_orderkey
      WHERE o_orderstatus <> CASE WHEN f THEN 'F' WHEN o THEN 'O' ELSE 'P' END`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM orders WHERE o_orderdate NOT BETWEEN DATE '1992-01-01' AND DATE '1998-08-02'`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_shipdate - o_orderdate NOT BETWEEN 1 AND 121
      OR l_commitdate - o_orderdate NOT BETWEEN 30 AND 90 OR l_receiptdate - l_shipdate NOT BETWEEN 1 AND 30`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM lineitem WHERE l_linestatus <> CASE WHEN l_shipdate > DATE '1995-06-17' THEN 'O' ELSE 'F' END
      OR (l_receiptdate <= DATE '1995-06-17') <> (l_returnflag IN ('R', 'A')) OR l_returnflag NOT IN ('R', 'A', 'N')`)).toBe(0);
    expect(await scalar('SELECT count(*) FROM lineitem WHERE l_discount NOT BETWEEN 0 AND 0.10 OR l_tax NOT BETWEEN 0 AND 0.08 OR l_quantity NOT BETWEEN 1 AND 50')).toBe(0);
  });

  it('value domains and text', async () => {
    expect(await scalar(`SELECT count(*) FROM part WHERE len(string_split(p_name, ' ')) <> 5 OR len(list_distinct(string_split(p_name, ' '))) <> 5`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM part WHERE p_brand <> 'Brand#' || substring(p_mfgr, 14, 1) || substring(p_brand, 8, 1) OR p_size NOT BETWEEN 1 AND 50`)).toBe(0);
    expect(await scalar(`SELECT count(DISTINCT p_type) FROM part`)).toBe(150);
    expect(await scalar(`SELECT count(DISTINCT p_container) FROM part`)).toBe(40);
    expect(await scalar(`SELECT count(*) FROM customer JOIN nation ON c_nationkey = n_nationkey WHERE substring(c_phone, 1, 2)::INT <> n_nationkey + 10 OR NOT regexp_full_match(c_phone, '\\d\\d-\\d{3}-\\d{3}-\\d{4}')`)).toBe(0);
    expect(await scalar(`SELECT count(DISTINCT c_mktsegment) + count(DISTINCT o_orderpriority) FROM customer, orders WHERE c_custkey = o_custkey`)).toBe(10);
    expect(await scalar(`SELECT count(DISTINCT l_shipmode) * 10 + count(DISTINCT l_shipinstruct) FROM lineitem`)).toBe(74);
    expect(await scalar(`SELECT count(*) FROM supplier WHERE s_comment LIKE '%Customer%Complaints%'`)).toBe(1);
    expect(await scalar(`SELECT count(*) FROM supplier WHERE s_comment LIKE '%Customer%Recommends%'`)).toBe(1);
    expect(await scalar(`SELECT count(*) FROM orders WHERE o_comment LIKE '%special%requests%'`)).toBeGreaterThan(0);
    expect(await scalar(`SELECT count(*) FROM orders WHERE length(o_comment) NOT BETWEEN 19 AND 78`)).toBe(0);
  });

  it('every query has a non-empty answer in DuckDB', async () => {
    const empty: string[] = [];
    for (const id of QUERY_IDS) if ((await duckdbAnswer(con, tpchQuery(id).sql)).rows.length === 0) empty.push(id);
    expect(empty).toEqual([]);
  });
});

describe('TPC-H SF 0.01: Kindling answers as DuckDB does', () => {
  for (const id of QUERY_IDS) {
    it(NOT_YET[id] ? `${id} (not yet: ${NOT_YET[id]})` : id, async () => {
      const { sql } = tpchQuery(id);
      const expected = await duckdbAnswer(con, sql);
      let problem: string | null;
      try {
        problem = compareAnswers(expected, await kindlingAnswer(spark.sql(sql)));
      } catch (e) {
        problem = `${(e as Error).message}`;
      }
      if (NOT_YET[id]) expect(problem, `${id} now matches DuckDB: remove it from NOT_YET`).not.toBeNull();
      else expect(problem).toBeNull();
    }, 120_000);
  }
});
