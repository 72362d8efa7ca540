import type { Rule } from '../rule.js';
/**
 * Filter(Aggregate) → conjuncts that read only grouping keys run before the aggregation, on fewer rows (they keep
 * or drop whole groups, so the result is the same).
 */
export declare const pushFilterThroughAggregate: Rule;
//# sourceMappingURL=push-filter-through-aggregate.d.ts.map