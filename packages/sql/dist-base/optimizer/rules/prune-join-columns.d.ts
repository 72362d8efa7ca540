import type { Rule } from '../rule.js';
/**
 * Column pruning through projections and joins: a Project or Aggregate over a Project drops the inner
 * expressions nothing above reads; over a Join, each side is narrowed to the columns the parent, the join keys
 * and the residual condition read. Joins then carry (and shuffle, and decode) only those columns.
 */
export declare const pruneJoinColumns: Rule;
//# sourceMappingURL=prune-join-columns.d.ts.map