import type { Rule } from '../rule.js';
/**
 * Filter(inner or cross Join) → conditions that read both sides become the join's own: equalities between a
 * left-only and a right-only expression become hash keys, the rest its residual condition (Spark's
 * PushPredicateThroughJoin, then ExtractEquiJoinKeys). So `FROM a, b WHERE a.k = b.k` is a hash join, not a
 * cartesian product. Conditions on one side only are left to PushFilterThroughJoin.
 */
export declare const pushFilterIntoJoinCondition: Rule;
//# sourceMappingURL=push-filter-into-join-condition.d.ts.map