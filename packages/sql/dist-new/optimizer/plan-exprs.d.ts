import type { Bound } from '../eval/bound.js';
import type { ResolvedPlan } from '../analysis/resolved.js';
/** The node with `f` applied to each of its own expressions (not its children's). */
export declare function mapExprs(p: ResolvedPlan, f: (b: Bound) => Bound): ResolvedPlan;
//# sourceMappingURL=plan-exprs.d.ts.map