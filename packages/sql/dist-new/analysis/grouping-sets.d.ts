import { type Expr } from '../expr/ast.js';
import type { Bound } from '../eval/bound.js';
import type { LogicalPlan } from '../plan/logical.js';
import type { Attribute } from './attribute.js';
import type { ResolvedPlan } from './resolved.js';
type AggregatePlan = Extract<LogicalPlan, {
    kind: 'aggregate';
}>;
/**
 * GROUPING SETS / ROLLUP / CUBE as Spark plans them: an Expand emits each row once per grouping set, with copies
 * of the grouping keys (NULL where the set leaves a key out) and a grouping id whose bit for key i (the first key
 * the most significant bit) is 1 when the set leaves it out; then an ordinary aggregate keyed by the key copies
 * and the id, so partial/final aggregation and the shuffle are the usual ones. Aggregate arguments see the
 * original columns; key references outside aggregates see the copies; grouping()/grouping_id() read the id.
 */
export declare function analyzeGroupingSets(plan: AggregatePlan, analyze: (p: LogicalPlan) => ResolvedPlan, resolveOver: (e: Expr, input: Attribute[]) => Bound, aggregateOver: (plan: AggregatePlan, child: ResolvedPlan) => ResolvedPlan): ResolvedPlan;
export {};
//# sourceMappingURL=grouping-sets.d.ts.map