import type { Rule } from '../rule.js';
/**
 * Simplifies boolean expressions, then prunes filters: a filter that is always true goes away; one that is false
 * or NULL keeps no row, so its input need not run at all (Spark's PruneFilters).
 */
export declare const booleanSimplification: Rule;
//# sourceMappingURL=boolean-simplification.d.ts.map