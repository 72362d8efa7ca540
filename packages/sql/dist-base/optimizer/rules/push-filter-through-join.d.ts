import type { Rule } from '../rule.js';
/** Filter(Join) → conjuncts that read only one side move below the join, into that side (predicate pushdown). */
export declare const pushFilterThroughJoin: Rule;
//# sourceMappingURL=push-filter-through-join.d.ts.map