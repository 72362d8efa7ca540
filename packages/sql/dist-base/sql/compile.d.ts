import type { Session } from '../api/session.js';
import { type Expr } from '../expr/ast.js';
import type { Query } from '../parser/sql-ast.js';
import type { LogicalPlan } from '../plan/logical.js';
export declare class QueryCompiler {
    private readonly session;
    /** CTEs in scope, innermost last (names lower-cased). */
    private readonly ctes;
    constructor(session: Session);
    private output;
    query(q: Query): LogicalPlan;
    private count;
    private body;
    private setOp;
    /** ORDER BY over a set operation or VALUES: ordinals and names of the output only. */
    private sortOutput;
    private select;
    /**
     * The select list plus hidden columns, and the projection that drops them again. When output names repeat,
     * the select list is renamed internally so the outer projection can still tell its columns apart.
     */
    private withHidden;
    private resolves;
    /** A select with GROUP BY, HAVING or aggregates: an Aggregate node (plus hidden aggregates for HAVING/ORDER BY). */
    private aggregateSelect;
    /**
     * Window functions over a grouped select (`rank() OVER (ORDER BY sum(x))`), as Spark plans them: the aggregate
     * computes every aggregate and grouping column the select list uses, and a projection above it computes the
     * window expressions over those columns.
     */
    private windowsOverAggregate;
    private from;
    /**
     * FROM ... PIVOT (aggs FOR col IN (values)), as Spark: grouped by every input column that neither the aggregates
     * nor the pivot column use; one column per value (its alias, or the value as text) per aggregate.
     */
    private pivot;
    private lateralView;
    private relation;
    private aliased;
    private renameColumns;
    /** A view, CTE or file (csv.`path`); errors name the position and suggest the nearest name. */
    private table;
    private tableFunction;
    /** VALUES rows: one projection of a single-row relation per row, under a UNION ALL (types widen as Spark's). */
    private values;
    /** Compiles subqueries inside an expression into plans (the expression forms of expr/ast.ts). */
    expr(e: Expr): Expr;
    private subquery;
}
//# sourceMappingURL=compile.d.ts.map