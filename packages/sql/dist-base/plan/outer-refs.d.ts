import { type LogicalPlan } from './logical.js';
/**
 * Whether the plan names a column of an enclosing query with col('x').outer(). Such a DataFrame is only meaningful
 * as a subquery, so it is not analyzed on its own when it is built (as in Spark 4).
 */
export declare function hasOuterReference(p: LogicalPlan): boolean;
//# sourceMappingURL=outer-refs.d.ts.map