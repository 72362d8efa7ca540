import { type Expr } from '../expr/ast.js';
import type { DataType } from '../types/data-types.js';
import type { WindowSpec } from './window.js';
type ColumnLike = Column | string | number | boolean | bigint | Date | null;
/** A literal, or a column when given a Column. Strings are literals here, as in Spark's Column operators. */
export declare function toExpr(v: ColumnLike | unknown): Expr;
/** Spark's Column: an expression over a DataFrame's rows. Immutable; every method returns a new Column. */
export declare class Column {
    readonly expr: Expr;
    constructor(expr: Expr);
    private bin;
    plus(other: unknown): Column;
    minus(other: unknown): Column;
    multiply(other: unknown): Column;
    /** Always a double (or decimal), as Spark's `/`. */
    divide(other: unknown): Column;
    mod(other: unknown): Column;
    equalTo(other: unknown): Column;
    eq(other: unknown): Column;
    notEqual(other: unknown): Column;
    ne(other: unknown): Column;
    /** Null-safe equality: NULL <=> NULL is true. */
    eqNullSafe(other: unknown): Column;
    lt(other: unknown): Column;
    leq(other: unknown): Column;
    gt(other: unknown): Column;
    geq(other: unknown): Column;
    and(other: unknown): Column;
    or(other: unknown): Column;
    not(): Column;
    negate(): Column;
    isNull(): Column;
    isNotNull(): Column;
    isNaN(): Column;
    /**
     * `col.isin(1, 2, 3)` (a list), or `col.isin(df)`: an IN subquery over the one-column DataFrame `df` (which may
     * refer to this query's columns with col('x').outer()).
     */
    isin(...values: unknown[]): Column;
    between(lower: unknown, upper: unknown): Column;
    like(pattern: string): Column;
    rlike(pattern: string): Column;
    startsWith(prefix: unknown): Column;
    endsWith(suffix: unknown): Column;
    contains(other: unknown): Column;
    substr(pos: number | Column, len: number | Column): Column;
    /** Casts to a type (a DataType or Spark's type string such as 'int', 'decimal(10,2)'); invalid input is an error. */
    cast(to: DataType | string): Column;
    /** Like cast, but invalid input gives null. */
    tryCast(to: DataType | string): Column;
    alias(name: string): Column;
    as(name: string): Column;
    name(name: string): Column;
    /** when(...).when(...).otherwise(...): extends a CASE built by functions.when. */
    when(condition: Column, value: unknown): Column;
    otherwise(value: unknown): Column;
    asc(): Column;
    asc_nulls_first(): Column;
    asc_nulls_last(): Column;
    desc(): Column;
    desc_nulls_first(): Column;
    desc_nulls_last(): Column;
    private sort;
    /** This window or aggregate function computed over a window: `rank().over(Window.partitionBy('k').orderBy('t'))`. */
    over(window?: WindowSpec): Column;
    /**
     * Marks this column as an outer reference (Spark 4's Column.outer()): inside a subquery DataFrame it names a column
     * of the enclosing query, e.g. `orders.where(col('o_custkey').eq(col('c_custkey').outer())).exists()`.
     */
    outer(): Column;
    toString(): string;
}
export {};
//# sourceMappingURL=column.d.ts.map