import type { ResolvedPlan } from '../analysis/resolved.js';
import type { LogicalPlan } from './logical.js';
/**
 * The physical plan, as the planner runs it: each Exchange is a shuffle (a stage boundary in the core scheduler),
 * and `*(n)` marks operators fused into stage n's tasks.
 */
type JoinNode = Extract<ResolvedPlan, {
    kind: 'join';
}>;
export declare function explainPlan(parsed: LogicalPlan, analyzed: ResolvedPlan, optimized: ResolvedPlan, extended: boolean, shufflePartitions?: number, broadcastSide?: (j: JoinNode) => 'left' | 'right' | null): string;
export {};
//# sourceMappingURL=explain.d.ts.map