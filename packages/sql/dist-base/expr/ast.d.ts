import type { LogicalPlan } from '../plan/logical.js';
export type Expr = {
    kind: 'column';
    name: string;
    /** qualifier from alias(), e.g. "t" in t.col */ qualifier?: string;
    /** col('x').outer(): inside a subquery, resolve against the enclosing query, never the subquery's own input */ outer?: boolean;
} | {
    kind: 'star';
    qualifier?: string;
} | {
    kind: 'literal';
    value: unknown;
    type: string | null;
}
/**
 * `names`: a generator's several output columns (LATERAL VIEW posexplode(a) t AS pos, v; `name` is the last);
 * `qualifier`: the table alias of a generator's columns (the `t` of LATERAL VIEW ... t, so `t.v` resolves).
 */
 | {
    kind: 'alias';
    child: Expr;
    name: string;
    names?: string[];
    qualifier?: string;
} | {
    kind: 'unary';
    op: UnaryOp;
    child: Expr;
} | {
    kind: 'binary';
    op: BinaryOp;
    left: Expr;
    right: Expr;
} | {
    kind: 'cast';
    child: Expr;
    to: string;
    ansi: boolean;
} | {
    kind: 'case';
    branches: {
        when: Expr;
        then: Expr;
    }[];
    otherwise: Expr | null;
} | {
    kind: 'in';
    child: Expr;
    list: Expr[];
} | {
    kind: 'call';
    name: string;
    args: Expr[];
    distinct?: boolean;
} | {
    kind: 'sortOrder';
    child: Expr;
    ascending: boolean;
    nullsFirst: boolean;
} | {
    kind: 'window';
    fn: Expr;
    spec: WindowSpecDef;
}
/**
 * Subquery expressions (analysis/subquery.ts decorrelates them into joins). Inside `plan`, a column its own
 * inputs cannot resolve is an outer reference, resolved against the enclosing query's input (innermost first).
 * NOT EXISTS / NOT IN are a `unary not` around them.
 */
 | {
    kind: 'scalarSubquery';
    plan: LogicalPlan;
} | {
    kind: 'exists';
    plan: LogicalPlan;
} | {
    kind: 'inSubquery';
    values: Expr[];
    plan: LogicalPlan;
};
/** A window frame: ROWS or RANGE between two bounds; null is unbounded, 0 the current row, n rows/values after. */
export interface WindowFrame {
    type: 'rows' | 'range';
    lower: number | null;
    upper: number | null;
}
/** What `Window.partitionBy(...).orderBy(...).rowsBetween(...)` builds; frame null means Spark's default. */
export interface WindowSpecDef {
    partitionBy: Expr[];
    orderBy: Expr[];
    frame: WindowFrame | null;
}
export type UnaryOp = 'not' | 'negate' | 'isNull' | 'isNotNull' | 'isNaN';
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | 'div' | '=' | '<=>' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | 'like' | 'rlike';
export declare const col: (name: string, qualifier?: string) => Expr;
export declare const lit: (value: unknown, type?: string | null) => Expr;
export declare const call: (name: string, ...args: Expr[]) => Expr;
/** Children of an expression, for generic walks. */
export declare function children(e: Expr): Expr[];
/** Whether `pred` holds for `e` or any expression inside it (not looking inside nodes `descend` rejects). */
export declare function anyExpr(e: Expr, pred: (e: Expr) => boolean, descend?: (e: Expr) => boolean): boolean;
/** Spark's auto-generated column name for an expression, e.g. "(a + 1)", "upper(name)", "count(1)". */
export declare function exprName(e: Expr): string;
/** Whether `e` contains a subquery expression (scalar, EXISTS or IN). */
export declare function containsSubquery(e: Expr): boolean;
//# sourceMappingURL=ast.d.ts.map