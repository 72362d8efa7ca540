import { type Expr } from '../expr/ast.js';
import type { Bound } from '../eval/bound.js';
import type { ResolvedPlan } from './resolved.js';
export declare function containsWindow(e: Expr): boolean;
/**
 * A select with window expressions: Window nodes compute them over the child, and a Project on top computes each
 * requested expression with the window results as inputs (so `rank().over(w) + 1` works).
 */
export declare function analyzeWindowProject(child: ResolvedPlan, exprs: Expr[], outputName: (e: Expr) => string, nullable: (b: Bound) => boolean): ResolvedPlan;
//# sourceMappingURL=window.d.ts.map