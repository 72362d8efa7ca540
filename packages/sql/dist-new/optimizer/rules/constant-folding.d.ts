import type { Rule } from '../rule.js';
/** Computes expressions that read no column once, while planning: `col('x').gt(lit(1).plus(2))` → `x > 3`. */
export declare const constantFolding: Rule;
//# sourceMappingURL=constant-folding.d.ts.map