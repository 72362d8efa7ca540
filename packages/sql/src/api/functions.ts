import { Column, toExpr } from './column.js';
import type { Expr } from '../expr/ast.js';
import { parseNamedExpressions, ParseError } from '../parser/parse.js';

// Spark's functions module (pyspark.sql.functions / org.apache.spark.sql.functions), under Spark's names.
// Every function builds an expression; the analyzer checks names and types, the evaluator computes them.

export function col(name: string): Column {
  if (name === '*') return new Column({ kind: 'star' });
  const dot = name.lastIndexOf('.');
  if (dot > 0 && !name.includes('`')) {
    const q = name.slice(0, dot);
    const n = name.slice(dot + 1);
    return new Column(n === '*' ? { kind: 'star', qualifier: q } : { kind: 'column', name: n, qualifier: q });
  }
  return new Column({ kind: 'column', name: name.replace(/^`(.*)`$/, '$1') });
}
export const column = col;

/** A column from a SQL expression: expr("upper(name) AS shout"), expr("price * qty > 100"). */
export function expr(text: string): Column {
  const items = parseNamedExpressions(text);
  if (items.length !== 1) throw new ParseError(`[PARSE_SYNTAX_ERROR] expr() takes one expression, got ${items.length}`, 1, 1);
  return new Column(items[0]!);
}

export function lit(value: unknown): Column {
  return value instanceof Column ? value : new Column(toExpr(value));
}

type C = Column | string;
const c = (x: C): Expr => (typeof x === 'string' ? col(x).expr : x.expr);
const fn = (name: string, ...args: Expr[]) => new Column({ kind: 'call', name, args });
const anyArg = (x: unknown): Expr => (x instanceof Column ? x.expr : toExpr(x));

export const when = (condition: Column, value: unknown): Column =>
  new Column({ kind: 'case', branches: [{ when: condition.expr, then: anyArg(value) }], otherwise: null });

export const asc = (x: C) => (typeof x === 'string' ? col(x) : x).asc();
export const desc = (x: C) => (typeof x === 'string' ? col(x) : x).desc();
export const asc_nulls_last = (x: C) => (typeof x === 'string' ? col(x) : x).asc_nulls_last();
export const desc_nulls_first = (x: C) => (typeof x === 'string' ? col(x) : x).desc_nulls_first();

// aggregates
export const count = (x: C) => fn('count', x === '*' ? toExpr(1) : c(x));
export const countDistinct = (x: C, ...more: C[]) => new Column({ kind: 'call', name: 'count', args: [c(x), ...more.map(c)], distinct: true });
export const count_distinct = countDistinct;
export const sum = (x: C) => fn('sum', c(x));
export const avg = (x: C) => fn('avg', c(x));
export const mean = avg;
export const min = (x: C) => fn('min', c(x));
export const max = (x: C) => fn('max', c(x));
export const first = (x: C, ignoreNulls = false) => fn('first', c(x), toExpr(ignoreNulls));
export const last = (x: C, ignoreNulls = false) => fn('last', c(x), toExpr(ignoreNulls));
/** In rollup/cube/groupingSets aggregations: 1 when `x` is rolled up (NULL because it is not grouped) in the row, else 0. */
export const grouping = (x: C) => fn('grouping', c(x));
/** The grouping bits of the columns (all grouping columns if none given), the first column the most significant bit. */
export const grouping_id = (...xs: C[]) => fn('grouping_id', ...xs.map(c));
export const collect_list = (x: C) => fn('collect_list', c(x));
export const collect_set = (x: C) => fn('collect_set', c(x));
export const stddev = (x: C) => fn('stddev', c(x));
export const stddev_samp = (x: C) => fn('stddev_samp', c(x));
export const stddev_pop = (x: C) => fn('stddev_pop', c(x));
export const variance = (x: C) => fn('variance', c(x));
export const var_samp = (x: C) => fn('var_samp', c(x));
export const var_pop = (x: C) => fn('var_pop', c(x));
/** Distinct values, estimated with HyperLogLog++ within `rsd` relative standard deviation (Spark's default 0.05). */
export const approx_count_distinct = (x: C, rsd?: number) => fn('approx_count_distinct', c(x), ...(rsd === undefined ? [] : [toExpr(rsd)]));
export const approxCountDistinct = approx_count_distinct;
const percentages = (p: number | number[] | Column): Expr =>
  p instanceof Column ? p.expr : Array.isArray(p) ? { kind: 'call', name: 'array', args: p.map((x) => toExpr(x)) } : toExpr(p);
/** An input value at about the given percentage(s) of the sorted values, within 1/accuracy of its rank. */
export const percentile_approx = (x: C, percentage: number | number[] | Column, accuracy = 10000) =>
  fn('percentile_approx', c(x), percentages(percentage), toExpr(accuracy));
export const approx_percentile = (x: C, percentage: number | number[] | Column, accuracy = 10000) =>
  fn('approx_percentile', c(x), percentages(percentage), toExpr(accuracy));
/** Exact percentile(s), interpolating between the closest ranks; `frequency` weights each row. */
export const percentile = (x: C, percentage: number | number[] | Column, frequency: C | number = 1) =>
  fn('percentile', c(x), percentages(percentage), typeof frequency === 'number' ? toExpr(frequency) : c(frequency));
/** The exact median (percentile 0.5, interpolated), as Spark 4. */
export const median = (x: C) => fn('median', c(x));
export const corr = (x: C, y: C) => fn('corr', c(x), c(y));
export const covar_pop = (x: C, y: C) => fn('covar_pop', c(x), c(y));
export const covar_samp = (x: C, y: C) => fn('covar_samp', c(x), c(y));
export const skewness = (x: C) => fn('skewness', c(x));
export const kurtosis = (x: C) => fn('kurtosis', c(x));
export const count_if = (x: C) => fn('count_if', c(x));
export const bool_and = (x: C) => fn('bool_and', c(x));
export const every = (x: C) => fn('every', c(x));
export const bool_or = (x: C) => fn('bool_or', c(x));
export const some = (x: C) => fn('some', c(x));
/** The value of `x` in the row where `ord` is largest (nulls in `ord` skipped). */
export const max_by = (x: C, ord: C) => fn('max_by', c(x), c(ord));
export const min_by = (x: C, ord: C) => fn('min_by', c(x), c(ord));
export const sum_distinct = (x: C) => new Column({ kind: 'call', name: 'sum', args: [c(x)], distinct: true });
export const sumDistinct = sum_distinct;

// window functions (use with .over(Window...))
export const row_number = () => fn('row_number');
export const rank = () => fn('rank');
export const dense_rank = () => fn('dense_rank');
export const percent_rank = () => fn('percent_rank');
export const cume_dist = () => fn('cume_dist');
export const ntile = (n: number) => fn('ntile', toExpr(n));
/** The value `offset` rows before the current one in its window partition, or `defaultValue` past its start. */
export const lag = (x: C, offset = 1, defaultValue: unknown = null) => fn('lag', c(x), toExpr(offset), anyArg(defaultValue));
/** The value `offset` rows after the current one in its window partition, or `defaultValue` past its end. */
export const lead = (x: C, offset = 1, defaultValue: unknown = null) => fn('lead', c(x), toExpr(offset), anyArg(defaultValue));
/** The value of the frame's `offset`-th row (1-based), or of its `offset`-th non-null value with ignoreNulls. */
export const nth_value = (x: C, offset: number, ignoreNulls = false) => fn('nth_value', c(x), toExpr(offset), toExpr(ignoreNulls));

// strings
export const concat = (...xs: C[]) => fn('concat', ...xs.map(c));
export const concat_ws = (sep: string, ...xs: C[]) => fn('concat_ws', toExpr(sep), ...xs.map(c));
export const substring = (x: C, pos: number, len: number) => fn('substring', c(x), toExpr(pos), toExpr(len));
export const upper = (x: C) => fn('upper', c(x));
export const lower = (x: C) => fn('lower', c(x));
export const trim = (x: C) => fn('trim', c(x));
export const ltrim = (x: C) => fn('ltrim', c(x));
export const rtrim = (x: C) => fn('rtrim', c(x));
export const length = (x: C) => fn('length', c(x));
export const split = (x: C, pattern: string, limit = -1) => fn('split', c(x), toExpr(pattern), toExpr(limit));
export const regexp_replace = (x: C, pattern: string, replacement: string) => fn('regexp_replace', c(x), toExpr(pattern), toExpr(replacement));
export const regexp_extract = (x: C, pattern: string, idx: number) => fn('regexp_extract', c(x), toExpr(pattern), toExpr(idx));
export const lpad = (x: C, len: number, pad: string) => fn('lpad', c(x), toExpr(len), toExpr(pad));
export const rpad = (x: C, len: number, pad: string) => fn('rpad', c(x), toExpr(len), toExpr(pad));
export const instr = (x: C, substr: string) => fn('instr', c(x), toExpr(substr));

// dates
export const to_date = (x: C, format?: string) => fn('to_date', c(x), ...(format ? [toExpr(format)] : []));
export const to_timestamp = (x: C, format?: string) => fn('to_timestamp', c(x), ...(format ? [toExpr(format)] : []));
export const year = (x: C) => fn('year', c(x));
export const month = (x: C) => fn('month', c(x));
export const dayofmonth = (x: C) => fn('dayofmonth', c(x));
export const hour = (x: C) => fn('hour', c(x));
export const date_add = (x: C, days: number | Column) => fn('date_add', c(x), anyArg(days));
export const date_sub = (x: C, days: number | Column) => fn('date_sub', c(x), anyArg(days));
export const datediff = (end: C, start: C) => fn('datediff', c(end), c(start));
export const date_format = (x: C, format: string) => fn('date_format', c(x), toExpr(format));
export const current_date = () => fn('current_date');
export const current_timestamp = () => fn('current_timestamp');

// math
export const abs = (x: C) => fn('abs', c(x));
export const round = (x: C, scale = 0) => fn('round', c(x), toExpr(scale));
export const floor = (x: C) => fn('floor', c(x));
export const ceil = (x: C) => fn('ceil', c(x));
export const sqrt = (x: C) => fn('sqrt', c(x));
export const pow = (x: C | number, y: C | number) => fn('pow', typeof x === 'number' ? toExpr(x) : c(x), typeof y === 'number' ? toExpr(y) : c(y));
export const exp = (x: C) => fn('exp', c(x));
export const log = (x: C | number, y?: C) => (y === undefined ? fn('ln', c(x as C)) : fn('log', typeof x === 'number' ? toExpr(x) : c(x), c(y)));

// conditionals
export const coalesce = (...xs: C[]) => fn('coalesce', ...xs.map(c));
export const nullif = (a: C, b: C) => fn('nullif', c(a), c(b));
export const greatest = (...xs: C[]) => fn('greatest', ...xs.map(c));
export const least = (...xs: C[]) => fn('least', ...xs.map(c));
export const isnull = (x: C) => fn('isnull', c(x));

// collections
export const array = (...xs: C[]) => fn('array', ...xs.map(c));
export const size = (x: C) => fn('size', c(x));
export const array_contains = (x: C, value: unknown) => fn('array_contains', c(x), anyArg(value));
export const struct = (...xs: C[]) => fn('struct', ...xs.map(c));
export const map = (...xs: C[]) => fn('map', ...xs.map(c));
export const explode = (x: C) => fn('explode', c(x));
export const explode_outer = (x: C) => fn('explode_outer', c(x));
export const posexplode = (x: C) => fn('posexplode', c(x));
export const posexplode_outer = (x: C) => fn('posexplode_outer', c(x));

/** Marks a DataFrame to be broadcast to every task when joined (Spark's broadcast hint), whatever its size. */
export function broadcast<T extends { plan: unknown; session: unknown }>(df: T): T {
  const D = (df as unknown as { constructor: new (s: unknown, p: unknown) => T }).constructor;
  return new D(df.session, { kind: 'broadcastHint', child: df.plan });
}
