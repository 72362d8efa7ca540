import type { Expr } from '../expr/ast.js';
/**
 * SQL statements as the visitor builds them from the CST: plain data, names not yet looked up. sql/compile.ts turns
 * a Query into the LogicalPlan the DataFrame API builds; sql/statements.ts runs the other statements.
 */
export type Statement = {
    kind: 'query';
    query: Query;
} | {
    kind: 'createView';
    name: string;
    replace: boolean;
    ifNotExists: boolean;
    columns: string[] | null;
    query: Query;
} | {
    kind: 'createViewUsing';
    name: string;
    replace: boolean;
    ifNotExists: boolean;
    format: string;
    options: Record<string, string>;
    /** A DDL schema ("a INT, b STRING") when the statement lists typed columns. */
    schema: string | null;
} | {
    kind: 'dropView';
    name: string;
    ifExists: boolean;
} | {
    kind: 'showTables';
    pattern: string | null;
} | {
    kind: 'describe';
    name: string;
} | {
    kind: 'describeQuery';
    query: Query;
} | {
    kind: 'explain';
    extended: boolean;
    query: Query;
} | {
    kind: 'cacheTable';
    name: string;
    lazy: boolean;
    query: Query | null;
} | {
    kind: 'uncacheTable';
    name: string;
    ifExists: boolean;
} | {
    kind: 'set';
    key: string | null;
    value: string | null;
};
export interface Query {
    ctes: {
        name: string;
        columns: string[] | null;
        query: Query;
    }[];
    body: QueryBody;
    /** sortOrder expressions; ordinals are integer literals. */
    orderBy: Expr[];
    limit: Expr | null;
    offset: Expr | null;
}
export type QueryBody = {
    kind: 'select';
    spec: SelectSpec;
} | {
    kind: 'setOp';
    op: 'union' | 'intersect' | 'except';
    all: boolean;
    left: QueryBody;
    right: QueryBody;
} | {
    kind: 'nested';
    query: Query;
} | {
    kind: 'values';
    rows: Expr[][];
    alias: TableAlias | null;
} | {
    kind: 'table';
    name: string[];
};
export interface SelectSpec {
    distinct: boolean;
    items: Expr[];
    /** Comma-separated FROM items (cross joins); empty without FROM. */
    from: Relation[];
    lateralViews: LateralView[];
    /** FROM ... PIVOT (aggregates FOR column IN (values)): values are named expressions (literals, AS name). */
    pivot?: {
        aggregates: Expr[];
        column: string;
        values: Expr[];
    } | null;
    where: Expr | null;
    groupBy: GroupBy | null;
    having: Expr | null;
}
export type GroupBy = {
    kind: 'all';
}
/** `sets` is null for a plain GROUP BY; otherwise the grouping sets (ROLLUP, CUBE and GROUPING SETS expanded). */
 | {
    kind: 'exprs';
    exprs: Expr[];
    sets: Expr[][] | null;
};
export interface LateralView {
    fn: string;
    args: Expr[];
    outer: boolean;
    table: string;
    columns: string[];
}
export type Relation = {
    kind: 'table';
    name: string[];
    alias: TableAlias | null; /** where the name starts, for errors */
    line: number;
    column: number;
} | {
    kind: 'subquery';
    query: Query;
    alias: TableAlias | null;
} | {
    kind: 'tableFunction';
    name: string;
    args: Expr[];
    alias: TableAlias | null;
} | {
    kind: 'values';
    rows: Expr[][];
    alias: TableAlias | null;
} | {
    kind: 'join';
    left: Relation;
    right: Relation;
    how: SqlJoinType;
    on: Expr | null;
    using: string[] | null;
} | {
    kind: 'parenthesized';
    relation: Relation;
    alias: TableAlias | null;
};
export type SqlJoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';
export interface TableAlias {
    name: string;
    columns: string[] | null;
}
/**
 * A subquery inside an expression, as parsed. The compiler replaces it by the expression forms of
 * expr/ast.ts (scalarSubquery, exists, inSubquery) once the inner query is a LogicalPlan.
 */
export interface ParsedSubquery {
    kind: 'parsedSubquery';
    form: 'scalar' | 'exists' | 'in';
    /** For IN: the values compared with the subquery's columns. */
    values: Expr[];
    query: Query;
}
export declare const isParsedSubquery: (e: unknown) => e is ParsedSubquery;
//# sourceMappingURL=sql-ast.d.ts.map