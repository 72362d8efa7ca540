import type { Rule } from '../rule.js';
/**
 * Spark's ReorderJoin (with PushPredicateThroughJoin's handling of inner joins): a chain of inner/cross joins —
 * typically `FROM a, b, c WHERE ...` — is rebuilt left-deep, starting from its first table and adding each time the
 * first remaining table that an equality condition connects to the tables joined so far (else one that any
 * condition connects, else the next in order), so that no join is a cartesian product when a condition could key
 * it. Each condition is placed at the lowest join that sees all its columns: equalities between the two sides
 * become hash keys, the rest the join's residual, and conditions on one table a filter on that table. A
 * projection on top restores the original column order. Plans with non-deterministic conditions are left alone.
 */
export declare const reorderJoin: Rule;
//# sourceMappingURL=reorder-join.d.ts.map