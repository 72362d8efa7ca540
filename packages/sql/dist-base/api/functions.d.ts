import { Column } from './column.js';
export declare function col(name: string): Column;
export declare const column: typeof col;
/** A column from a SQL expression: expr("upper(name) AS shout"), expr("price * qty > 100"). */
export declare function expr(text: string): Column;
export declare function lit(value: unknown): Column;
type C = Column | string;
export declare const when: (condition: Column, value: unknown) => Column;
export declare const asc: (x: C) => Column;
export declare const desc: (x: C) => Column;
export declare const asc_nulls_last: (x: C) => Column;
export declare const desc_nulls_first: (x: C) => Column;
export declare const count: (x: C) => Column;
export declare const countDistinct: (x: C, ...more: C[]) => Column;
export declare const count_distinct: (x: C, ...more: C[]) => Column;
export declare const sum: (x: C) => Column;
export declare const avg: (x: C) => Column;
export declare const mean: (x: C) => Column;
export declare const min: (x: C) => Column;
export declare const max: (x: C) => Column;
export declare const first: (x: C, ignoreNulls?: boolean) => Column;
export declare const last: (x: C, ignoreNulls?: boolean) => Column;
/** In rollup/cube/groupingSets aggregations: 1 when `x` is rolled up (NULL because it is not grouped) in the row, else 0. */
export declare const grouping: (x: C) => Column;
/** The grouping bits of the columns (all grouping columns if none given), the first column the most significant bit. */
export declare const grouping_id: (...xs: C[]) => Column;
export declare const collect_list: (x: C) => Column;
export declare const collect_set: (x: C) => Column;
export declare const stddev: (x: C) => Column;
export declare const stddev_samp: (x: C) => Column;
export declare const stddev_pop: (x: C) => Column;
export declare const variance: (x: C) => Column;
export declare const var_samp: (x: C) => Column;
export declare const var_pop: (x: C) => Column;
/** Distinct values, estimated with HyperLogLog++ within `rsd` relative standard deviation (Spark's default 0.05). */
export declare const approx_count_distinct: (x: C, rsd?: number) => Column;
export declare const approxCountDistinct: (x: C, rsd?: number) => Column;
/** An input value at about the given percentage(s) of the sorted values, within 1/accuracy of its rank. */
export declare const percentile_approx: (x: C, percentage: number | number[] | Column, accuracy?: number) => Column;
export declare const approx_percentile: (x: C, percentage: number | number[] | Column, accuracy?: number) => Column;
/** Exact percentile(s), interpolating between the closest ranks; `frequency` weights each row. */
export declare const percentile: (x: C, percentage: number | number[] | Column, frequency?: C | number) => Column;
/** The exact median (percentile 0.5, interpolated), as Spark 4. */
export declare const median: (x: C) => Column;
export declare const corr: (x: C, y: C) => Column;
export declare const covar_pop: (x: C, y: C) => Column;
export declare const covar_samp: (x: C, y: C) => Column;
export declare const skewness: (x: C) => Column;
export declare const kurtosis: (x: C) => Column;
export declare const count_if: (x: C) => Column;
export declare const bool_and: (x: C) => Column;
export declare const every: (x: C) => Column;
export declare const bool_or: (x: C) => Column;
export declare const some: (x: C) => Column;
/** The value of `x` in the row where `ord` is largest (nulls in `ord` skipped). */
export declare const max_by: (x: C, ord: C) => Column;
export declare const min_by: (x: C, ord: C) => Column;
export declare const sum_distinct: (x: C) => Column;
export declare const sumDistinct: (x: C) => Column;
export declare const row_number: () => Column;
export declare const rank: () => Column;
export declare const dense_rank: () => Column;
export declare const percent_rank: () => Column;
export declare const cume_dist: () => Column;
export declare const ntile: (n: number) => Column;
/** The value `offset` rows before the current one in its window partition, or `defaultValue` past its start. */
export declare const lag: (x: C, offset?: number, defaultValue?: unknown) => Column;
/** The value `offset` rows after the current one in its window partition, or `defaultValue` past its end. */
export declare const lead: (x: C, offset?: number, defaultValue?: unknown) => Column;
/** The value of the frame's `offset`-th row (1-based), or of its `offset`-th non-null value with ignoreNulls. */
export declare const nth_value: (x: C, offset: number, ignoreNulls?: boolean) => Column;
export declare const concat: (...xs: C[]) => Column;
export declare const concat_ws: (sep: string, ...xs: C[]) => Column;
export declare const substring: (x: C, pos: number, len: number) => Column;
export declare const upper: (x: C) => Column;
export declare const lower: (x: C) => Column;
export declare const trim: (x: C) => Column;
export declare const ltrim: (x: C) => Column;
export declare const rtrim: (x: C) => Column;
export declare const length: (x: C) => Column;
export declare const split: (x: C, pattern: string, limit?: number) => Column;
export declare const regexp_replace: (x: C, pattern: string, replacement: string) => Column;
export declare const regexp_extract: (x: C, pattern: string, idx: number) => Column;
export declare const lpad: (x: C, len: number, pad: string) => Column;
export declare const rpad: (x: C, len: number, pad: string) => Column;
export declare const instr: (x: C, substr: string) => Column;
export declare const to_date: (x: C, format?: string) => Column;
export declare const to_timestamp: (x: C, format?: string) => Column;
export declare const year: (x: C) => Column;
export declare const month: (x: C) => Column;
export declare const dayofmonth: (x: C) => Column;
export declare const hour: (x: C) => Column;
export declare const date_add: (x: C, days: number | Column) => Column;
export declare const date_sub: (x: C, days: number | Column) => Column;
export declare const datediff: (end: C, start: C) => Column;
export declare const date_format: (x: C, format: string) => Column;
export declare const current_date: () => Column;
export declare const current_timestamp: () => Column;
export declare const abs: (x: C) => Column;
export declare const round: (x: C, scale?: number) => Column;
export declare const floor: (x: C) => Column;
export declare const ceil: (x: C) => Column;
export declare const sqrt: (x: C) => Column;
export declare const pow: (x: C | number, y: C | number) => Column;
export declare const exp: (x: C) => Column;
export declare const log: (x: C | number, y?: C) => Column;
export declare const coalesce: (...xs: C[]) => Column;
export declare const nullif: (a: C, b: C) => Column;
export declare const greatest: (...xs: C[]) => Column;
export declare const least: (...xs: C[]) => Column;
export declare const isnull: (x: C) => Column;
export declare const array: (...xs: C[]) => Column;
export declare const size: (x: C) => Column;
export declare const array_contains: (x: C, value: unknown) => Column;
export declare const struct: (...xs: C[]) => Column;
export declare const map: (...xs: C[]) => Column;
export declare const explode: (x: C) => Column;
export declare const explode_outer: (x: C) => Column;
export declare const posexplode: (x: C) => Column;
export declare const posexplode_outer: (x: C) => Column;
/** Marks a DataFrame to be broadcast to every task when joined (Spark's broadcast hint), whatever its size. */
export declare function broadcast<T extends {
    plan: unknown;
    session: unknown;
}>(df: T): T;
export {};
//# sourceMappingURL=functions.d.ts.map