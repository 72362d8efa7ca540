import type { Bound } from '../eval/bound.js';
import type { Expr } from '../expr/ast.js';
import type { LogicalPlan } from '../plan/logical.js';
import type { Attribute } from './attribute.js';
import type { ResolvedPlan } from './resolved.js';
type JoinPlan = Extract<LogicalPlan, {
    kind: 'join';
}>;
/**
 * Resolves a join. Equalities between a left-only and a right-only expression become hash keys (cast to a common
 * type on both sides, so equal keys hash alike); the rest of the condition stays a residual checked on candidate
 * pairs. `using` columns join on equality and appear once, as Spark does.
 */
export declare function analyzeJoin(plan: JoinPlan, analyze: (p: LogicalPlan) => ResolvedPlan, resolveOver: (e: Expr, input: Attribute[]) => Bound): ResolvedPlan;
export {};
//# sourceMappingURL=join.d.ts.map