import type { ResolvedPlan } from '../analysis/resolved.js';
import type { Rule } from './rule.js';
/** The rules, in order. Each is a small module with its own plan tests. */
export declare const RULES: Rule[];
/**
 * Applies every rule bottom-up, repeating until the plan stops changing (at most 10 rounds). A rule must not change
 * the plan's output schema; that is checked after each one.
 */
export declare function optimize(plan: ResolvedPlan, rules?: Rule[]): ResolvedPlan;
//# sourceMappingURL=optimizer.d.ts.map