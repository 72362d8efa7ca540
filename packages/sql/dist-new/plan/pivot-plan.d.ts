import type { Expr } from '../expr/ast.js';
import type { LogicalPlan } from './logical.js';
/**
 * A pivot as plans, as Spark's PivotFirst: aggregate by (keys, pivot), then group by the keys and pick each
 * (value, aggregate) cell with first(CASE WHEN pivot <=> value THEN cell END, ignoreNulls), so a combination
 * without rows is NULL (also for count). Columns: the keys, then per value (in order) per aggregate: `name` for one
 * aggregate, `name_aggregate` for several (the aggregate's alias or SQL text). Used by GroupedData.pivot and SQL's
 * PIVOT clause.
 */
export declare function pivotPlan(child: LogicalPlan, keys: Expr[], pivot: Expr, values: {
    value: Expr;
    name: string;
}[], aggs: Expr[]): LogicalPlan;
//# sourceMappingURL=pivot-plan.d.ts.map