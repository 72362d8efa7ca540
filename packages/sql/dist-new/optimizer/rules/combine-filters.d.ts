import type { Rule } from '../rule.js';
/** Filter(Filter(x, a), b) → Filter(x, a AND b): one pass over the rows instead of two. */
export declare const combineFilters: Rule;
//# sourceMappingURL=combine-filters.d.ts.map