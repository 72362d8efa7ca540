import { type Expr } from '../expr/ast.js';
import type { LogicalPlan } from '../plan/logical.js';
import type { ResolvedPlan } from './resolved.js';
/**
 * Subquery expressions, rewritten into joins before the analyzer resolves them (Spark's RewritePredicateSubquery,
 * RewriteCorrelatedScalarSubquery and PullupCorrelatedPredicates, done on the unresolved plan):
 *
 * - a correlated predicate (a WHERE conjunct of the subquery naming a column its own input lacks) is pulled out of
 *   the subquery; the inner columns it uses are passed up through the subquery's projections and aggregates (as
 *   extra grouping keys) under generated names, and it becomes (part of) the join condition;
 * - `EXISTS` / `NOT EXISTS` as a WHERE conjunct: left semi / left anti join; `x IN (q)`: left semi join on x = v;
 *   `x NOT IN (q)`: null-aware left anti join on `(x = v) OR (x = v) IS NULL`;
 * - a scalar subquery anywhere in a WHERE condition or select list: uncorrelated, a cross join with a one-row
 *   aggregate that checks the row count; correlated, a left join with the aggregate grouped by the correlation
 *   keys, and the value the aggregate has over no rows where nothing matched (count(*) is 0, not NULL);
 * - EXISTS / IN elsewhere (inside OR, in a select list): left joins computing an existence flag (and, for IN, the
 *   counts that give three-valued NULLs); correlated ones need equality correlation predicates.
 *
 * The rewritten plan keeps the original output columns: generated columns are dropped by a `pickColumns` node.
 */
type Analyze = (p: LogicalPlan) => ResolvedPlan;
/** Generated names of one rewrite: `__sq1`, `__sq2`, ... (deterministic, so equal queries give equal plans). */
declare class Names {
    private n;
    next(): string;
}
/** `child` filtered by `conds` (each containing a subquery), with `child`'s columns. */
export declare function applySubqueryConjuncts(child: LogicalPlan, conds: Expr[], analyze: Analyze, names?: Names): LogicalPlan;
/** filter(child, cond) with subqueries in cond: the plain conjuncts filter first, then the subquery ones. */
export declare function rewriteFilter(plan: Extract<LogicalPlan, {
    kind: 'filter';
}>, analyze: Analyze): LogicalPlan;
/** select(...) with subqueries in its expressions: computed over the joined plan, then the select's columns picked. */
export declare function rewriteProject(plan: Extract<LogicalPlan, {
    kind: 'project';
}>, analyze: Analyze): LogicalPlan;
/**
 * An aggregate whose output expressions hold subqueries (SQL's HAVING and select lists compile to those): the
 * aggregate computes their aggregate calls and grouping-key references as hidden columns, and a select over it
 * evaluates the expressions with the subqueries (rewritten as in a select), keeping the aggregate's column order.
 * The subqueries see the aggregate's output, so they cannot be correlated with the rows being aggregated.
 */
export declare function rewriteAggregate(plan: Extract<LogicalPlan, {
    kind: 'aggregate';
}>, analyze: Analyze): LogicalPlan;
export {};
//# sourceMappingURL=subquery.d.ts.map