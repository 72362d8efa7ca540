import { CstParser, type CstNode, type IToken } from 'chevrotain';
export declare function isIntervalUnit(t: IToken): boolean;
export declare class SqlParser extends CstParser {
    /** `validate`: run chevrotain's grammar checks (ambiguities, left recursion); the grammar test does, parsing skips them. */
    constructor(validate?: boolean);
    /** One statement, optionally followed by semicolons. */
    singleStatement: import("chevrotain").ParserMethod<[], CstNode>;
    statement: import("chevrotain").ParserMethod<[], CstNode>;
    createView: import("chevrotain").ParserMethod<[], CstNode>;
    /** A view column: a name (CREATE VIEW v (a, b) AS ...) or a name and type (... (a INT, b STRING) USING csv). */
    columnDefinition: import("chevrotain").ParserMethod<[], CstNode>;
    optionList: import("chevrotain").ParserMethod<[], CstNode>;
    dropView: import("chevrotain").ParserMethod<[], CstNode>;
    showTables: import("chevrotain").ParserMethod<[], CstNode>;
    describe: import("chevrotain").ParserMethod<[], CstNode>;
    explain: import("chevrotain").ParserMethod<[], CstNode>;
    cacheTable: import("chevrotain").ParserMethod<[], CstNode>;
    uncacheTable: import("chevrotain").ParserMethod<[], CstNode>;
    query: import("chevrotain").ParserMethod<[], CstNode>;
    /** name [(columns)] [AS] (query) */
    cte: import("chevrotain").ParserMethod<[], CstNode>;
    /** UNION / EXCEPT / MINUS (left-associative) over INTERSECT terms. */
    setExpression: import("chevrotain").ParserMethod<[], CstNode>;
    intersectExpression: import("chevrotain").ParserMethod<[], CstNode>;
    setQuantifier: import("chevrotain").ParserMethod<[], CstNode>;
    queryPrimary: import("chevrotain").ParserMethod<[], CstNode>;
    querySpecification: import("chevrotain").ParserMethod<[], CstNode>;
    namedWindow: import("chevrotain").ParserMethod<[], CstNode>;
    fromClause: import("chevrotain").ParserMethod<[], CstNode>;
    /** PIVOT (agg [AS name], ... FOR column IN (value [AS name], ...)) */
    pivotClause: import("chevrotain").ParserMethod<[], CstNode>;
    /** LATERAL VIEW [OUTER] f(args) table [AS] col, ... */
    lateralView: import("chevrotain").ParserMethod<[], CstNode>;
    groupByClause: import("chevrotain").ParserMethod<[], CstNode>;
    groupingItem: import("chevrotain").ParserMethod<[], CstNode>;
    /** (a, b), (), or a single expression. */
    groupingSet: import("chevrotain").ParserMethod<[], CstNode>;
    relation: import("chevrotain").ParserMethod<[], CstNode>;
    joinRelation: import("chevrotain").ParserMethod<[], CstNode>;
    joinType: import("chevrotain").ParserMethod<[], CstNode>;
    relationPrimary: import("chevrotain").ParserMethod<[], CstNode>;
    /** [AS] alias [(col, ...)], all optional. */
    tableAlias: import("chevrotain").ParserMethod<[], CstNode>;
    /** VALUES (1, 'a'), (2, 'b') [AS t(a, b)] — or VALUES 1, 2 for one column. */
    inlineTable: import("chevrotain").ParserMethod<[], CstNode>;
    valuesRow: import("chevrotain").ParserMethod<[], CstNode>;
    identifierList: import("chevrotain").ParserMethod<[], CstNode>;
    multipartIdentifier: import("chevrotain").ParserMethod<[], CstNode>;
    namedExpressionList: import("chevrotain").ParserMethod<[], CstNode>;
    namedExpression: import("chevrotain").ParserMethod<[], CstNode>;
    sortItem: import("chevrotain").ParserMethod<[], CstNode>;
    expression: import("chevrotain").ParserMethod<[], CstNode>;
    orExpression: import("chevrotain").ParserMethod<[], CstNode>;
    andExpression: import("chevrotain").ParserMethod<[], CstNode>;
    notExpression: import("chevrotain").ParserMethod<[], CstNode>;
    predicate: import("chevrotain").ParserMethod<[], CstNode>;
    comparison: import("chevrotain").ParserMethod<[], CstNode>;
    concatExpression: import("chevrotain").ParserMethod<[], CstNode>;
    additive: import("chevrotain").ParserMethod<[], CstNode>;
    multiplicative: import("chevrotain").ParserMethod<[], CstNode>;
    unary: import("chevrotain").ParserMethod<[], CstNode>;
    /** primary [:: type]... (Spark 4's cast shorthand, binding tighter than any operator). */
    castSuffix: import("chevrotain").ParserMethod<[], CstNode>;
    primary: import("chevrotain").ParserMethod<[], CstNode>;
    /**
     * A column (a, t.a, `a b`), t.*, or a function call: f(args), count(*), count(DISTINCT a, b),
     * substring(s FROM a FOR b), optionally with OVER (window) or OVER name.
     */
    reference: import("chevrotain").ParserMethod<[], CstNode>;
    /** [base] [PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE frame] */
    windowSpec: import("chevrotain").ParserMethod<[], CstNode>;
    windowFrame: import("chevrotain").ParserMethod<[], CstNode>;
    frameBound: import("chevrotain").ParserMethod<[], CstNode>;
    literal: import("chevrotain").ParserMethod<[], CstNode>;
    /**
     * INTERVAL '3' MONTH, INTERVAL 1 DAY, INTERVAL '1-2' YEAR TO MONTH, INTERVAL 1 DAY 2 HOURS, INTERVAL '1 day'.
     * Units are plain names (year, month, day, ...), checked by a gate so that `INTERVAL '1 day' AS x` still parses.
     */
    intervalLiteral: import("chevrotain").ParserMethod<[], CstNode>;
    intervalPart: import("chevrotain").ParserMethod<[], CstNode>;
    /** EXTRACT(field FROM source) */
    extractExpression: import("chevrotain").ParserMethod<[], CstNode>;
    castExpression: import("chevrotain").ParserMethod<[], CstNode>;
    dataType: import("chevrotain").ParserMethod<[], CstNode>;
    caseExpression: import("chevrotain").ParserMethod<[], CstNode>;
    /** Names: plain, back-quoted, or a non-reserved keyword (first, date, range, view, ...; see lexer.ts). */
    identifier: import("chevrotain").ParserMethod<[], CstNode>;
}
export type { CstNode };
//# sourceMappingURL=grammar.d.ts.map