// The eight TPC-H tables (specification §1.4): column names and types, and the same schema spelled for each
// reader: Kindling's DDL string, DuckDB's read_csv `columns` struct, nodejs-polars dtypes.
//
// Types follow the specification: identifiers are integers (32-bit is enough below SF 350: the largest key,
// the sparse o_orderkey, is about 6,000,000 × SF), money and quantities DECIMAL(15,2), dates DATE, fixed and
// variable text as strings.

/** @type {Record<string, Array<[string, 'int' | 'decimal' | 'date' | 'string']>>} */
export const TABLES = {
  part: [['p_partkey', 'int'], ['p_name', 'string'], ['p_mfgr', 'string'], ['p_brand', 'string'], ['p_type', 'string'],
    ['p_size', 'int'], ['p_container', 'string'], ['p_retailprice', 'decimal'], ['p_comment', 'string']],
  supplier: [['s_suppkey', 'int'], ['s_name', 'string'], ['s_address', 'string'], ['s_nationkey', 'int'], ['s_phone', 'string'],
    ['s_acctbal', 'decimal'], ['s_comment', 'string']],
  partsupp: [['ps_partkey', 'int'], ['ps_suppkey', 'int'], ['ps_availqty', 'int'], ['ps_supplycost', 'decimal'], ['ps_comment', 'string']],
  customer: [['c_custkey', 'int'], ['c_name', 'string'], ['c_address', 'string'], ['c_nationkey', 'int'], ['c_phone', 'string'],
    ['c_acctbal', 'decimal'], ['c_mktsegment', 'string'], ['c_comment', 'string']],
  orders: [['o_orderkey', 'int'], ['o_custkey', 'int'], ['o_orderstatus', 'string'], ['o_totalprice', 'decimal'], ['o_orderdate', 'date'],
    ['o_orderpriority', 'string'], ['o_clerk', 'string'], ['o_shippriority', 'int'], ['o_comment', 'string']],
  lineitem: [['l_orderkey', 'int'], ['l_partkey', 'int'], ['l_suppkey', 'int'], ['l_linenumber', 'int'], ['l_quantity', 'decimal'],
    ['l_extendedprice', 'decimal'], ['l_discount', 'decimal'], ['l_tax', 'decimal'], ['l_returnflag', 'string'], ['l_linestatus', 'string'],
    ['l_shipdate', 'date'], ['l_commitdate', 'date'], ['l_receiptdate', 'date'], ['l_shipinstruct', 'string'], ['l_shipmode', 'string'],
    ['l_comment', 'string']],
  nation: [['n_nationkey', 'int'], ['n_name', 'string'], ['n_regionkey', 'int'], ['n_comment', 'string']],
  region: [['r_regionkey', 'int'], ['r_name', 'string'], ['r_comment', 'string']],
};

export const TABLE_NAMES = Object.keys(TABLES);

/** Field separator of the generated CSV files (dbgen's; comments contain commas). */
export const SEP = '|';

const KINDLING = { int: 'int', decimal: 'decimal(15,2)', date: 'date', string: 'string' };
const DUCKDB = { int: 'INTEGER', decimal: 'DECIMAL(15,2)', date: 'DATE', string: 'VARCHAR' };

/** `'p_partkey int, p_name string, ...'` for `spark.read.schema(..)`. */
export const kindlingSchema = (table) => TABLES[table].map(([n, t]) => `${n} ${KINDLING[t]}`).join(', ');

/** `{'p_partkey':'INTEGER', ...}` for DuckDB's `read_csv(.., columns = ..)`. */
export const duckdbColumns = (table) => `{${TABLES[table].map(([n, t]) => `'${n}':'${DUCKDB[t]}'`).join(', ')}}`;
