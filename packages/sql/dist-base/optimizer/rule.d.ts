import type { ResolvedPlan } from '../analysis/resolved.js';
/** One rewrite of the plan. `apply` looks at one node and returns it unchanged when the rule does not match. */
export interface Rule {
    name: string;
    apply(plan: ResolvedPlan): ResolvedPlan;
}
//# sourceMappingURL=rule.d.ts.map