import type { Expr } from '../expr/ast.js';
import { Column } from './column.js';
import type { DataFrame } from './dataframe.js';
type AggArg = Column | Record<string, string>;
/** groupBy(keys).pivot(p, values).agg(aggs) as plans (plan/pivot-plan.ts), analyzed now so mistakes fail here. */
export declare function pivotAggregate(df: DataFrame, keys: Expr[], pivot: Expr, values: {
    value: unknown;
    name: string;
}[], aggs: Expr[]): DataFrame;
declare abstract class PivotBase<R> {
    protected readonly df: DataFrame;
    protected readonly keys: Expr[];
    protected readonly pivot: Expr;
    constructor(df: DataFrame, keys: Expr[], pivot: Expr);
    protected abstract run(aggs: Expr[]): R;
    agg(...exprs: AggArg[]): R;
    /** Rows per group and pivot value (NULL where there are none, as Spark). */
    count(): R;
    sum(...cols: string[]): R;
    avg(...cols: string[]): R;
    mean(...cols: string[]): R;
    min(...cols: string[]): R;
    max(...cols: string[]): R;
    private each;
    private numericColumns;
}
/** groupBy(...).pivot(col, values): the pivot values are given, so the aggregations are DataFrames right away. */
export declare class PivotedData extends PivotBase<DataFrame> {
    private readonly values;
    constructor(df: DataFrame, keys: Expr[], pivot: Expr, values: unknown[]);
    protected run(aggs: Expr[]): DataFrame;
}
/**
 * groupBy(...).pivot(col) without values: like Spark, a job first finds the pivot column's distinct values (sorted,
 * NULL first; at most spark.sql.pivotMaxValues, 10000 by default), so the aggregations return Promises.
 */
export declare class PendingPivot extends PivotBase<Promise<DataFrame>> {
    protected run(aggs: Expr[]): Promise<DataFrame>;
}
export {};
//# sourceMappingURL=pivot.d.ts.map