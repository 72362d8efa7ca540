import { Column, toExpr } from './column.js';
import { parseNamedExpressions, ParseError } from '../parser/parse.js';
// Spark's functions module (pyspark.sql.functions / org.apache.spark.sql.functions), under Spark's names.
// Every function builds an expression; the analyzer checks names and types, the evaluator computes them.
export function col(name) {
    if (name === '*')
        return new Column({ kind: 'star' });
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
export function expr(text) {
    const items = parseNamedExpressions(text);
    if (items.length !== 1)
        throw new ParseError(`[PARSE_SYNTAX_ERROR] expr() takes one expression, got ${items.length}`, 1, 1);
    return new Column(items[0]);
}
export function lit(value) {
    return value instanceof Column ? value : new Column(toExpr(value));
}
const c = (x) => (typeof x === 'string' ? col(x).expr : x.expr);
const fn = (name, ...args) => new Column({ kind: 'call', name, args });
const anyArg = (x) => (x instanceof Column ? x.expr : toExpr(x));
export const when = (condition, value) => new Column({ kind: 'case', branches: [{ when: condition.expr, then: anyArg(value) }], otherwise: null });
export const asc = (x) => (typeof x === 'string' ? col(x) : x).asc();
export const desc = (x) => (typeof x === 'string' ? col(x) : x).desc();
export const asc_nulls_last = (x) => (typeof x === 'string' ? col(x) : x).asc_nulls_last();
export const desc_nulls_first = (x) => (typeof x === 'string' ? col(x) : x).desc_nulls_first();
// aggregates
export const count = (x) => fn('count', x === '*' ? toExpr(1) : c(x));
export const countDistinct = (x, ...more) => new Column({ kind: 'call', name: 'count', args: [c(x), ...more.map(c)], distinct: true });
export const count_distinct = countDistinct;
export const sum = (x) => fn('sum', c(x));
export const avg = (x) => fn('avg', c(x));
export const mean = avg;
export const min = (x) => fn('min', c(x));
export const max = (x) => fn('max', c(x));
export const first = (x, ignoreNulls = false) => fn('first', c(x), toExpr(ignoreNulls));
export const last = (x, ignoreNulls = false) => fn('last', c(x), toExpr(ignoreNulls));
/** In rollup/cube/groupingSets aggregations: 1 when `x` is rolled up (NULL because it is not grouped) in the row, else 0. */
export const grouping = (x) => fn('grouping', c(x));
/** The grouping bits of the columns (all grouping columns if none given), the first column the most significant bit. */
export const grouping_id = (...xs) => fn('grouping_id', ...xs.map(c));
export const collect_list = (x) => fn('collect_list', c(x));
export const collect_set = (x) => fn('collect_set', c(x));
export const stddev = (x) => fn('stddev', c(x));
export const stddev_samp = (x) => fn('stddev_samp', c(x));
export const stddev_pop = (x) => fn('stddev_pop', c(x));
export const variance = (x) => fn('variance', c(x));
export const var_samp = (x) => fn('var_samp', c(x));
export const var_pop = (x) => fn('var_pop', c(x));
/** Distinct values, estimated with HyperLogLog++ within `rsd` relative standard deviation (Spark's default 0.05). */
export const approx_count_distinct = (x, rsd) => fn('approx_count_distinct', c(x), ...(rsd === undefined ? [] : [toExpr(rsd)]));
export const approxCountDistinct = approx_count_distinct;
const percentages = (p) => p instanceof Column ? p.expr : Array.isArray(p) ? { kind: 'call', name: 'array', args: p.map((x) => toExpr(x)) } : toExpr(p);
/** An input value at about the given percentage(s) of the sorted values, within 1/accuracy of its rank. */
export const percentile_approx = (x, percentage, accuracy = 10000) => fn('percentile_approx', c(x), percentages(percentage), toExpr(accuracy));
export const approx_percentile = (x, percentage, accuracy = 10000) => fn('approx_percentile', c(x), percentages(percentage), toExpr(accuracy));
/** Exact percentile(s), interpolating between the closest ranks; `frequency` weights each row. */
export const percentile = (x, percentage, frequency = 1) => fn('percentile', c(x), percentages(percentage), typeof frequency === 'number' ? toExpr(frequency) : c(frequency));
/** The exact median (percentile 0.5, interpolated), as Spark 4. */
export const median = (x) => fn('median', c(x));
export const corr = (x, y) => fn('corr', c(x), c(y));
export const covar_pop = (x, y) => fn('covar_pop', c(x), c(y));
export const covar_samp = (x, y) => fn('covar_samp', c(x), c(y));
export const skewness = (x) => fn('skewness', c(x));
export const kurtosis = (x) => fn('kurtosis', c(x));
export const count_if = (x) => fn('count_if', c(x));
export const bool_and = (x) => fn('bool_and', c(x));
export const every = (x) => fn('every', c(x));
export const bool_or = (x) => fn('bool_or', c(x));
export const some = (x) => fn('some', c(x));
/** The value of `x` in the row where `ord` is largest (nulls in `ord` skipped). */
export const max_by = (x, ord) => fn('max_by', c(x), c(ord));
export const min_by = (x, ord) => fn('min_by', c(x), c(ord));
export const sum_distinct = (x) => new Column({ kind: 'call', name: 'sum', args: [c(x)], distinct: true });
export const sumDistinct = sum_distinct;
// window functions (use with .over(Window...))
export const row_number = () => fn('row_number');
export const rank = () => fn('rank');
export const dense_rank = () => fn('dense_rank');
export const percent_rank = () => fn('percent_rank');
export const cume_dist = () => fn('cume_dist');
export const ntile = (n) => fn('ntile', toExpr(n));
/** The value `offset` rows before the current one in its window partition, or `defaultValue` past its start. */
export const lag = (x, offset = 1, defaultValue = null) => fn('lag', c(x), toExpr(offset), anyArg(defaultValue));
/** The value `offset` rows after the current one in its window partition, or `defaultValue` past its end. */
export const lead = (x, offset = 1, defaultValue = null) => fn('lead', c(x), toExpr(offset), anyArg(defaultValue));
/** The value of the frame's `offset`-th row (1-based), or of its `offset`-th non-null value with ignoreNulls. */
export const nth_value = (x, offset, ignoreNulls = false) => fn('nth_value', c(x), toExpr(offset), toExpr(ignoreNulls));
// strings
export const concat = (...xs) => fn('concat', ...xs.map(c));
export const concat_ws = (sep, ...xs) => fn('concat_ws', toExpr(sep), ...xs.map(c));
export const substring = (x, pos, len) => fn('substring', c(x), toExpr(pos), toExpr(len));
export const upper = (x) => fn('upper', c(x));
export const lower = (x) => fn('lower', c(x));
export const trim = (x) => fn('trim', c(x));
export const ltrim = (x) => fn('ltrim', c(x));
export const rtrim = (x) => fn('rtrim', c(x));
export const length = (x) => fn('length', c(x));
export const split = (x, pattern, limit = -1) => fn('split', c(x), toExpr(pattern), toExpr(limit));
export const regexp_replace = (x, pattern, replacement) => fn('regexp_replace', c(x), toExpr(pattern), toExpr(replacement));
export const regexp_extract = (x, pattern, idx) => fn('regexp_extract', c(x), toExpr(pattern), toExpr(idx));
export const lpad = (x, len, pad) => fn('lpad', c(x), toExpr(len), toExpr(pad));
export const rpad = (x, len, pad) => fn('rpad', c(x), toExpr(len), toExpr(pad));
export const instr = (x, substr) => fn('instr', c(x), toExpr(substr));
// dates
export const to_date = (x, format) => fn('to_date', c(x), ...(format ? [toExpr(format)] : []));
export const to_timestamp = (x, format) => fn('to_timestamp', c(x), ...(format ? [toExpr(format)] : []));
export const year = (x) => fn('year', c(x));
export const month = (x) => fn('month', c(x));
export const dayofmonth = (x) => fn('dayofmonth', c(x));
export const hour = (x) => fn('hour', c(x));
export const date_add = (x, days) => fn('date_add', c(x), anyArg(days));
export const date_sub = (x, days) => fn('date_sub', c(x), anyArg(days));
export const datediff = (end, start) => fn('datediff', c(end), c(start));
export const date_format = (x, format) => fn('date_format', c(x), toExpr(format));
export const current_date = () => fn('current_date');
export const current_timestamp = () => fn('current_timestamp');
// math
export const abs = (x) => fn('abs', c(x));
export const round = (x, scale = 0) => fn('round', c(x), toExpr(scale));
export const floor = (x) => fn('floor', c(x));
export const ceil = (x) => fn('ceil', c(x));
export const sqrt = (x) => fn('sqrt', c(x));
export const pow = (x, y) => fn('pow', typeof x === 'number' ? toExpr(x) : c(x), typeof y === 'number' ? toExpr(y) : c(y));
export const exp = (x) => fn('exp', c(x));
export const log = (x, y) => (y === undefined ? fn('ln', c(x)) : fn('log', typeof x === 'number' ? toExpr(x) : c(x), c(y)));
// conditionals
export const coalesce = (...xs) => fn('coalesce', ...xs.map(c));
export const nullif = (a, b) => fn('nullif', c(a), c(b));
export const greatest = (...xs) => fn('greatest', ...xs.map(c));
export const least = (...xs) => fn('least', ...xs.map(c));
export const isnull = (x) => fn('isnull', c(x));
// collections
export const array = (...xs) => fn('array', ...xs.map(c));
export const size = (x) => fn('size', c(x));
export const array_contains = (x, value) => fn('array_contains', c(x), anyArg(value));
export const struct = (...xs) => fn('struct', ...xs.map(c));
export const map = (...xs) => fn('map', ...xs.map(c));
export const explode = (x) => fn('explode', c(x));
export const explode_outer = (x) => fn('explode_outer', c(x));
export const posexplode = (x) => fn('posexplode', c(x));
export const posexplode_outer = (x) => fn('posexplode_outer', c(x));
/** Marks a DataFrame to be broadcast to every task when joined (Spark's broadcast hint), whatever its size. */
export function broadcast(df) {
    const D = df.constructor;
    return new D(df.session, { kind: 'broadcastHint', child: df.plan });
}
//# sourceMappingURL=functions.js.map