import { CstParser, EOF } from 'chevrotain';
import * as T from './lexer.js';
/**
 * The grammar of Spark SQL, as a chevrotain CST parser (grammar only: visitor.ts builds expressions and
 * query-visitor.ts statements from the CST). One instance is reused for every parse.
 *
 * Statements: queries (WITH, set operations, SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... WINDOW,
 * ORDER BY / LIMIT / OFFSET), CREATE TEMP VIEW, DROP VIEW, SHOW TABLES, DESCRIBE, EXPLAIN, CACHE/UNCACHE TABLE.
 * (SET is read by a regular expression before parsing, as Spark does: its value is raw text.)
 *
 * Expression precedence, loosest first: OR, AND, NOT, predicates (comparisons, IS [NOT] NULL, [NOT] IN, [NOT]
 * BETWEEN, [NOT] LIKE/ILIKE/RLIKE), ||, + -, * / % DIV, unary - +, primary.
 * Set operations as Spark: INTERSECT binds tighter than UNION, EXCEPT and MINUS, which associate to the left.
 */
/** Tokens that start a query where a subquery may appear: `(SELECT ...)`, `(WITH ...)`, `(VALUES ...)`. */
const QUERY_START = new Set([T.Select, T.With, T.Values]);
const INTERVAL_UNITS = new Set([
    'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second',
    'seconds', 'millisecond', 'milliseconds', 'microsecond', 'microseconds',
]);
export function isIntervalUnit(t) {
    return t.tokenType === T.Identifier && INTERVAL_UNITS.has(t.image.toLowerCase());
}
export class SqlParser extends CstParser {
    /** `validate`: run chevrotain's grammar checks (ambiguities, left recursion); the grammar test does, parsing skips them. */
    constructor(validate = false) {
        super(T.allTokens, { recoveryEnabled: false, maxLookahead: 3, skipValidations: !validate });
        this.performSelfAnalysis();
    }
    // ---- statements ---------------------------------------------------------------------------------------------
    /** One statement, optionally followed by semicolons. */
    singleStatement = this.RULE('singleStatement', () => {
        this.SUBRULE(this.statement);
        this.MANY(() => this.CONSUME(T.Semicolon));
    });
    statement = this.RULE('statement', () => {
        this.OR([
            { ALT: () => this.SUBRULE(this.query) },
            { ALT: () => this.SUBRULE(this.createView) },
            { ALT: () => this.SUBRULE(this.dropView) },
            { ALT: () => this.SUBRULE(this.showTables) },
            { ALT: () => this.SUBRULE(this.describe) },
            { ALT: () => this.SUBRULE(this.explain) },
            { ALT: () => this.SUBRULE(this.cacheTable) },
            { ALT: () => this.SUBRULE(this.uncacheTable) },
        ]);
    });
    createView = this.RULE('createView', () => {
        this.CONSUME(T.Create);
        this.OPTION(() => {
            this.CONSUME(T.Or);
            this.CONSUME(T.Replace);
        });
        this.OPTION2(() => this.CONSUME(T.Global));
        this.OPTION3(() => this.CONSUME(T.Temporary));
        this.OR([{ ALT: () => this.CONSUME(T.View) }, { ALT: () => this.CONSUME(T.Table, { LABEL: 'tableKw' }) }]);
        this.OPTION4(() => {
            this.CONSUME(T.If);
            this.CONSUME(T.Not);
            this.CONSUME(T.Exists);
        });
        this.SUBRULE(this.multipartIdentifier, { LABEL: 'name' });
        this.OPTION5(() => {
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.columnDefinition) });
            this.CONSUME(T.RParen);
        });
        this.OR2([
            {
                ALT: () => {
                    this.CONSUME(T.Using);
                    this.SUBRULE(this.identifier, { LABEL: 'format' });
                    this.OPTION6(() => this.SUBRULE(this.optionList));
                },
            },
            {
                ALT: () => {
                    this.CONSUME(T.As);
                    this.SUBRULE(this.query);
                },
            },
        ]);
    });
    /** A view column: a name (CREATE VIEW v (a, b) AS ...) or a name and type (... (a INT, b STRING) USING csv). */
    columnDefinition = this.RULE('columnDefinition', () => {
        this.SUBRULE(this.identifier, { LABEL: 'name' });
        this.OPTION(() => this.SUBRULE(this.dataType));
    });
    optionList = this.RULE('optionList', () => {
        this.CONSUME(T.Options);
        this.CONSUME(T.LParen);
        this.MANY_SEP({
            SEP: T.Comma,
            DEF: () => {
                this.OR([
                    { ALT: () => this.SUBRULE(this.multipartIdentifier, { LABEL: 'keys' }) },
                    { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'keys' }) },
                ]);
                this.OPTION(() => this.CONSUME(T.Eq));
                this.OR2([
                    { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: 'values' }) },
                    { ALT: () => this.CONSUME(T.IntegerLiteral, { LABEL: 'values' }) },
                    { ALT: () => this.CONSUME(T.DecimalLiteral, { LABEL: 'values' }) },
                    { ALT: () => this.CONSUME(T.True, { LABEL: 'values' }) },
                    { ALT: () => this.CONSUME(T.False, { LABEL: 'values' }) },
                ]);
            },
        });
        this.CONSUME(T.RParen);
    });
    dropView = this.RULE('dropView', () => {
        this.CONSUME(T.Drop);
        this.OR([{ ALT: () => this.CONSUME(T.View) }, { ALT: () => this.CONSUME(T.Table) }]);
        this.OPTION(() => {
            this.CONSUME(T.If);
            this.CONSUME(T.Exists);
        });
        this.SUBRULE(this.multipartIdentifier, { LABEL: 'name' });
    });
    showTables = this.RULE('showTables', () => {
        this.CONSUME(T.Show);
        this.CONSUME(T.Tables);
        this.OPTION(() => {
            this.OR([{ ALT: () => this.CONSUME(T.From) }, { ALT: () => this.CONSUME(T.In) }]);
            this.SUBRULE(this.identifier, { LABEL: 'namespace' });
        });
        this.OPTION2(() => {
            this.OPTION3(() => this.CONSUME(T.Like));
            this.CONSUME(T.StringLiteral, { LABEL: 'pattern' });
        });
    });
    describe = this.RULE('describe', () => {
        this.OR([{ ALT: () => this.CONSUME(T.Describe) }, { ALT: () => this.CONSUME(T.Desc) }]);
        this.OR2([
            {
                GATE: () => this.LA(1).tokenType === T.Query || QUERY_START.has(this.LA(1).tokenType),
                ALT: () => {
                    this.OPTION(() => this.CONSUME(T.Query));
                    this.SUBRULE(this.query);
                },
            },
            {
                ALT: () => {
                    this.OPTION2({ GATE: () => this.LA(2).tokenType !== EOF && this.LA(2).tokenType !== T.Semicolon, DEF: () => this.CONSUME(T.Table) });
                    this.SUBRULE(this.multipartIdentifier, { LABEL: 'name' });
                },
            },
        ]);
    });
    explain = this.RULE('explain', () => {
        this.CONSUME(T.Explain);
        this.OPTION(() => this.CONSUME(T.Extended));
        this.SUBRULE(this.query);
    });
    cacheTable = this.RULE('cacheTable', () => {
        this.CONSUME(T.Cache);
        this.OPTION(() => this.CONSUME(T.Lazy));
        this.CONSUME(T.Table);
        this.SUBRULE(this.multipartIdentifier, { LABEL: 'name' });
        this.OPTION2(() => this.SUBRULE(this.optionList));
        this.OPTION3(() => {
            this.OPTION4(() => this.CONSUME(T.As));
            this.SUBRULE(this.query);
        });
    });
    uncacheTable = this.RULE('uncacheTable', () => {
        this.CONSUME(T.Uncache);
        this.CONSUME(T.Table);
        this.OPTION(() => {
            this.CONSUME(T.If);
            this.CONSUME(T.Exists);
        });
        this.SUBRULE(this.multipartIdentifier, { LABEL: 'name' });
    });
    // ---- queries ------------------------------------------------------------------------------------------------
    query = this.RULE('query', () => {
        this.OPTION(() => {
            this.CONSUME(T.With);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.cte, { LABEL: 'ctes' }) });
        });
        this.SUBRULE(this.setExpression);
        this.OPTION2(() => {
            this.CONSUME(T.Order);
            this.CONSUME(T.By);
            this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.sortItem, { LABEL: 'orderBy' }) });
        });
        this.OPTION3(() => {
            this.CONSUME(T.Limit);
            this.OR([{ ALT: () => this.CONSUME(T.All, { LABEL: 'limitAll' }) }, { ALT: () => this.SUBRULE(this.expression, { LABEL: 'limit' }) }]);
        });
        this.OPTION4(() => {
            this.CONSUME(T.Offset);
            this.SUBRULE2(this.expression, { LABEL: 'offset' });
        });
    });
    /** name [(columns)] [AS] (query) */
    cte = this.RULE('cte', () => {
        this.SUBRULE(this.identifier, { LABEL: 'name' });
        this.OPTION({ GATE: () => !QUERY_START.has(this.LA(2).tokenType), DEF: () => this.SUBRULE(this.identifierList, { LABEL: 'columns' }) });
        this.OPTION2(() => this.CONSUME(T.As));
        this.CONSUME(T.LParen);
        this.SUBRULE(this.query);
        this.CONSUME(T.RParen);
    });
    /** UNION / EXCEPT / MINUS (left-associative) over INTERSECT terms. */
    setExpression = this.RULE('setExpression', () => {
        this.SUBRULE(this.intersectExpression, { LABEL: 'operands' });
        this.MANY(() => {
            this.OR([
                { ALT: () => this.CONSUME(T.Union, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Except, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Minus_, { LABEL: 'ops' }) },
            ]);
            this.OPTION(() => this.SUBRULE(this.setQuantifier, { LABEL: 'quantifiers' }));
            this.SUBRULE2(this.intersectExpression, { LABEL: 'operands' });
        });
    });
    intersectExpression = this.RULE('intersectExpression', () => {
        this.SUBRULE(this.queryPrimary, { LABEL: 'operands' });
        this.MANY(() => {
            this.CONSUME(T.Intersect, { LABEL: 'ops' });
            this.OPTION(() => this.SUBRULE(this.setQuantifier, { LABEL: 'quantifiers' }));
            this.SUBRULE2(this.queryPrimary, { LABEL: 'operands' });
        });
    });
    setQuantifier = this.RULE('setQuantifier', () => {
        this.OR([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => this.CONSUME(T.Distinct) }]);
    });
    queryPrimary = this.RULE('queryPrimary', () => {
        this.OR([
            { ALT: () => this.SUBRULE(this.querySpecification) },
            {
                ALT: () => {
                    this.CONSUME(T.LParen);
                    this.SUBRULE(this.query);
                    this.CONSUME(T.RParen);
                },
            },
            { ALT: () => this.SUBRULE(this.inlineTable) },
            {
                ALT: () => {
                    this.CONSUME(T.Table);
                    this.SUBRULE(this.multipartIdentifier, { LABEL: 'table' });
                },
            },
        ]);
    });
    querySpecification = this.RULE('querySpecification', () => {
        this.CONSUME(T.Select);
        this.OPTION(() => this.SUBRULE(this.setQuantifier));
        this.SUBRULE(this.namedExpressionList);
        this.OPTION2(() => this.SUBRULE(this.fromClause));
        this.OPTION3(() => {
            this.CONSUME(T.Where);
            this.SUBRULE(this.expression, { LABEL: 'where' });
        });
        this.OPTION4(() => {
            this.CONSUME(T.Group);
            this.CONSUME(T.By);
            this.SUBRULE(this.groupByClause);
        });
        this.OPTION5(() => {
            this.CONSUME(T.Having);
            this.SUBRULE2(this.expression, { LABEL: 'having' });
        });
        this.OPTION6(() => {
            this.CONSUME(T.Window);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.namedWindow, { LABEL: 'windows' }) });
        });
    });
    namedWindow = this.RULE('namedWindow', () => {
        this.SUBRULE(this.identifier, { LABEL: 'name' });
        this.CONSUME(T.As);
        this.CONSUME(T.LParen);
        this.SUBRULE(this.windowSpec);
        this.CONSUME(T.RParen);
    });
    fromClause = this.RULE('fromClause', () => {
        this.CONSUME(T.From);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.relation, { LABEL: 'relations' }) });
        this.MANY(() => this.SUBRULE(this.lateralView, { LABEL: 'lateralViews' }));
        this.OPTION(() => this.SUBRULE(this.pivotClause, { LABEL: 'pivot' }));
    });
    /** PIVOT (agg [AS name], ... FOR column IN (value [AS name], ...)) */
    pivotClause = this.RULE('pivotClause', () => {
        this.CONSUME(T.Pivot);
        this.CONSUME(T.LParen);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.namedExpression, { LABEL: 'aggregates' }) });
        this.CONSUME(T.For);
        this.SUBRULE(this.identifier, { LABEL: 'column' });
        this.CONSUME(T.In);
        this.CONSUME2(T.LParen);
        this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.namedExpression, { LABEL: 'values' }) });
        this.CONSUME2(T.RParen);
        this.CONSUME3(T.RParen);
    });
    /** LATERAL VIEW [OUTER] f(args) table [AS] col, ... */
    lateralView = this.RULE('lateralView', () => {
        this.CONSUME(T.Lateral);
        this.CONSUME(T.View);
        this.OPTION(() => this.CONSUME(T.Outer));
        this.SUBRULE(this.identifier, { LABEL: 'fn' });
        this.CONSUME(T.LParen);
        this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
        this.CONSUME(T.RParen);
        this.SUBRULE2(this.identifier, { LABEL: 'table' });
        this.OPTION2(() => {
            this.OPTION3(() => this.CONSUME(T.As));
            this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE3(this.identifier, { LABEL: 'columns' }) });
        });
    });
    groupByClause = this.RULE('groupByClause', () => {
        this.OR([
            { ALT: () => this.CONSUME(T.All) },
            {
                ALT: () => {
                    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.groupingItem, { LABEL: 'items' }) });
                    this.OPTION(() => {
                        this.CONSUME(T.With);
                        this.OR2([{ ALT: () => this.CONSUME(T.Rollup, { LABEL: 'withRollup' }) }, { ALT: () => this.CONSUME(T.Cube, { LABEL: 'withCube' }) }]);
                    });
                },
            },
        ]);
    });
    groupingItem = this.RULE('groupingItem', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                {
                    ALT: () => {
                        this.OR2([{ ALT: () => this.CONSUME(T.Rollup, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.Cube, { LABEL: 'op' }) }]);
                        this.CONSUME(T.LParen);
                        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.groupingSet, { LABEL: 'sets' }) });
                        this.CONSUME(T.RParen);
                    },
                },
                {
                    GATE: () => this.LA(2).tokenType === T.Sets,
                    ALT: () => {
                        this.CONSUME(T.Grouping);
                        this.CONSUME(T.Sets);
                        this.CONSUME2(T.LParen);
                        this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.groupingSet, { LABEL: 'sets' }) });
                        this.CONSUME2(T.RParen);
                    },
                },
                { ALT: () => this.SUBRULE(this.expression) },
            ],
        });
    });
    /** (a, b), (), or a single expression. */
    groupingSet = this.RULE('groupingSet', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                {
                    GATE: () => this.LA(1).tokenType === T.LParen,
                    ALT: () => {
                        this.CONSUME(T.LParen);
                        this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'exprs' }) });
                        this.CONSUME(T.RParen);
                    },
                },
                { ALT: () => this.SUBRULE2(this.expression, { LABEL: 'exprs' }) },
            ],
        });
    });
    relation = this.RULE('relation', () => {
        this.SUBRULE(this.relationPrimary);
        this.MANY(() => this.SUBRULE(this.joinRelation, { LABEL: 'joins' }));
    });
    joinRelation = this.RULE('joinRelation', () => {
        this.OR([
            {
                ALT: () => {
                    this.CONSUME(T.Cross);
                    this.CONSUME(T.Join);
                    this.SUBRULE(this.relationPrimary, { LABEL: 'right' });
                },
            },
            {
                ALT: () => {
                    this.OPTION(() => this.SUBRULE(this.joinType));
                    this.CONSUME2(T.Join);
                    this.SUBRULE2(this.relationPrimary, { LABEL: 'right' });
                    this.OPTION2(() => this.OR2([
                        {
                            ALT: () => {
                                this.CONSUME(T.On);
                                this.SUBRULE(this.expression, { LABEL: 'on' });
                            },
                        },
                        {
                            ALT: () => {
                                this.CONSUME(T.Using);
                                this.SUBRULE(this.identifierList, { LABEL: 'using' });
                            },
                        },
                    ]));
                },
            },
        ]);
    });
    joinType = this.RULE('joinType', () => {
        this.OR([
            { ALT: () => this.CONSUME(T.Inner) },
            {
                ALT: () => {
                    this.CONSUME(T.Left);
                    this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.Outer) }, { ALT: () => this.CONSUME(T.Semi) }, { ALT: () => this.CONSUME(T.Anti) }]));
                },
            },
            {
                ALT: () => {
                    this.CONSUME(T.Right);
                    this.OPTION2(() => this.CONSUME2(T.Outer));
                },
            },
            {
                ALT: () => {
                    this.CONSUME(T.Full);
                    this.OPTION3(() => this.CONSUME3(T.Outer));
                },
            },
            { ALT: () => this.CONSUME2(T.Semi) },
            { ALT: () => this.CONSUME2(T.Anti) },
        ]);
    });
    relationPrimary = this.RULE('relationPrimary', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                {
                    GATE: () => this.LA(1).tokenType === T.LParen && QUERY_START.has(this.LA(2).tokenType),
                    ALT: () => {
                        this.CONSUME(T.LParen);
                        this.SUBRULE(this.query);
                        this.CONSUME(T.RParen);
                        this.SUBRULE(this.tableAlias);
                    },
                },
                {
                    ALT: () => {
                        this.CONSUME2(T.LParen);
                        this.SUBRULE(this.relation);
                        this.CONSUME2(T.RParen);
                        this.SUBRULE2(this.tableAlias);
                    },
                },
                { ALT: () => this.SUBRULE(this.inlineTable) },
                {
                    GATE: () => this.LA(2).tokenType === T.LParen,
                    ALT: () => {
                        this.SUBRULE(this.identifier, { LABEL: 'function' });
                        this.CONSUME3(T.LParen);
                        this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
                        this.CONSUME3(T.RParen);
                        this.SUBRULE4(this.tableAlias);
                    },
                },
                {
                    ALT: () => {
                        this.SUBRULE(this.multipartIdentifier, { LABEL: 'table' });
                        this.SUBRULE5(this.tableAlias);
                    },
                },
            ],
        });
    });
    /** [AS] alias [(col, ...)], all optional. */
    tableAlias = this.RULE('tableAlias', () => {
        // `FROM t PIVOT (...)`: PIVOT is non-reserved, but there it starts the pivot clause, not an alias.
        this.OPTION({
            GATE: () => !(this.LA(1).tokenType === T.Pivot && this.LA(2).tokenType === T.LParen),
            DEF: () => {
                this.OPTION2(() => this.CONSUME(T.As));
                this.SUBRULE(this.identifier, { LABEL: 'alias' });
                this.OPTION3(() => this.SUBRULE(this.identifierList, { LABEL: 'columns' }));
            },
        });
    });
    /** VALUES (1, 'a'), (2, 'b') [AS t(a, b)] — or VALUES 1, 2 for one column. */
    inlineTable = this.RULE('inlineTable', () => {
        this.CONSUME(T.Values);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.valuesRow, { LABEL: 'rows' }) });
        this.SUBRULE(this.tableAlias);
    });
    valuesRow = this.RULE('valuesRow', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                {
                    GATE: () => this.LA(1).tokenType === T.LParen && !QUERY_START.has(this.LA(2).tokenType),
                    ALT: () => {
                        this.CONSUME(T.LParen);
                        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'values' }) });
                        this.CONSUME(T.RParen);
                    },
                },
                { ALT: () => this.SUBRULE2(this.expression, { LABEL: 'values' }) },
            ],
        });
    });
    identifierList = this.RULE('identifierList', () => {
        this.CONSUME(T.LParen);
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.identifier, { LABEL: 'names' }) });
        this.CONSUME(T.RParen);
    });
    multipartIdentifier = this.RULE('multipartIdentifier', () => {
        this.AT_LEAST_ONE_SEP({ SEP: T.Dot, DEF: () => this.SUBRULE(this.identifier, { LABEL: 'parts' }) });
    });
    // ---- expressions --------------------------------------------------------------------------------------------
    namedExpressionList = this.RULE('namedExpressionList', () => {
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.namedExpression) });
    });
    namedExpression = this.RULE('namedExpression', () => {
        this.SUBRULE(this.expression);
        // `*` and `t.*` take no alias, so `SELECT * FORM t` fails at FORM (as in Spark), not later.
        this.OPTION({
            GATE: () => this.LA(0).tokenType !== T.Star,
            DEF: () => {
                this.OPTION2(() => this.CONSUME(T.As));
                this.SUBRULE(this.identifier, { LABEL: 'alias' });
            },
        });
    });
    sortItem = this.RULE('sortItem', () => {
        this.SUBRULE(this.expression);
        this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
        this.OPTION2(() => {
            this.CONSUME(T.Nulls);
            this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
        });
    });
    expression = this.RULE('expression', () => {
        this.SUBRULE(this.orExpression);
    });
    orExpression = this.RULE('orExpression', () => {
        this.SUBRULE(this.andExpression, { LABEL: 'operands' });
        this.MANY(() => {
            this.CONSUME(T.Or);
            this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
        });
    });
    andExpression = this.RULE('andExpression', () => {
        this.SUBRULE(this.notExpression, { LABEL: 'operands' });
        this.MANY(() => {
            this.CONSUME(T.And);
            this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
        });
    });
    notExpression = this.RULE('notExpression', () => {
        this.OR([
            {
                ALT: () => {
                    this.CONSUME(T.Not);
                    this.SUBRULE(this.notExpression);
                },
            },
            { ALT: () => this.SUBRULE(this.predicate) },
        ]);
    });
    predicate = this.RULE('predicate', () => {
        this.SUBRULE(this.comparison);
        this.OPTION(() => {
            this.OR([
                {
                    ALT: () => {
                        this.CONSUME(T.Is);
                        this.OPTION2(() => this.CONSUME(T.Not, { LABEL: 'isNot' }));
                        this.CONSUME(T.Null);
                    },
                },
                {
                    ALT: () => {
                        this.OPTION3(() => this.CONSUME2(T.Not, { LABEL: 'negated' }));
                        this.OR2([
                            {
                                ALT: () => {
                                    this.CONSUME(T.In);
                                    this.CONSUME(T.LParen);
                                    this.OR4([
                                        { GATE: () => QUERY_START.has(this.LA(1).tokenType), ALT: () => this.SUBRULE(this.query, { LABEL: 'inQuery' }) },
                                        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'inList' }) }) },
                                    ]);
                                    this.CONSUME(T.RParen);
                                },
                            },
                            {
                                ALT: () => {
                                    this.CONSUME(T.Between);
                                    this.SUBRULE2(this.comparison, { LABEL: 'lower' });
                                    this.CONSUME(T.And);
                                    this.SUBRULE3(this.comparison, { LABEL: 'upper' });
                                },
                            },
                            {
                                ALT: () => {
                                    this.OR3([
                                        { ALT: () => this.CONSUME(T.Like, { LABEL: 'likeOp' }) },
                                        { ALT: () => this.CONSUME(T.ILike, { LABEL: 'likeOp' }) },
                                        { ALT: () => this.CONSUME(T.RLike, { LABEL: 'likeOp' }) },
                                        { ALT: () => this.CONSUME(T.Regexp, { LABEL: 'likeOp' }) },
                                    ]);
                                    this.SUBRULE4(this.comparison, { LABEL: 'pattern' });
                                },
                            },
                        ]);
                    },
                },
            ]);
        });
    });
    comparison = this.RULE('comparison', () => {
        this.SUBRULE(this.concatExpression, { LABEL: 'operands' });
        this.MANY(() => {
            this.OR([
                { ALT: () => this.CONSUME(T.Eq, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.NullSafeEq, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.LtEq, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.GtEq, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Lt, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Gt, { LABEL: 'ops' }) },
            ]);
            this.SUBRULE2(this.concatExpression, { LABEL: 'operands' });
        });
    });
    concatExpression = this.RULE('concatExpression', () => {
        this.SUBRULE(this.additive, { LABEL: 'operands' });
        this.MANY(() => {
            this.CONSUME(T.Concat);
            this.SUBRULE2(this.additive, { LABEL: 'operands' });
        });
    });
    additive = this.RULE('additive', () => {
        this.SUBRULE(this.multiplicative, { LABEL: 'operands' });
        this.MANY(() => {
            this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'ops' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'ops' }) }]);
            this.SUBRULE2(this.multiplicative, { LABEL: 'operands' });
        });
    });
    multiplicative = this.RULE('multiplicative', () => {
        this.SUBRULE(this.unary, { LABEL: 'operands' });
        this.MANY(() => {
            this.OR([
                { ALT: () => this.CONSUME(T.Star, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Slash, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Percent, { LABEL: 'ops' }) },
                { ALT: () => this.CONSUME(T.Div, { LABEL: 'ops' }) },
            ]);
            this.SUBRULE2(this.unary, { LABEL: 'operands' });
        });
    });
    unary = this.RULE('unary', () => {
        this.OR([
            {
                ALT: () => {
                    this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: 'sign' }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: 'sign' }) }]);
                    this.SUBRULE(this.unary);
                },
            },
            { ALT: () => this.SUBRULE(this.castSuffix) },
        ]);
    });
    /** primary [:: type]... (Spark 4's cast shorthand, binding tighter than any operator). */
    castSuffix = this.RULE('castSuffix', () => {
        this.SUBRULE(this.primary);
        this.MANY(() => {
            this.CONSUME(T.DoubleColon);
            this.SUBRULE(this.dataType, { LABEL: 'types' });
        });
    });
    primary = this.RULE('primary', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                { ALT: () => this.SUBRULE(this.literal) },
                { ALT: () => this.SUBRULE(this.intervalLiteral) },
                { ALT: () => this.SUBRULE(this.castExpression) },
                { ALT: () => this.SUBRULE(this.caseExpression) },
                { ALT: () => this.SUBRULE(this.extractExpression) },
                {
                    ALT: () => {
                        this.CONSUME(T.Exists);
                        this.CONSUME(T.LParen, { LABEL: 'existsOpen' });
                        this.SUBRULE(this.query, { LABEL: 'exists' });
                        this.CONSUME(T.RParen, { LABEL: 'existsClose' });
                    },
                },
                {
                    GATE: () => QUERY_START.has(this.LA(2).tokenType),
                    ALT: () => {
                        this.CONSUME2(T.LParen, { LABEL: 'subqueryOpen' });
                        this.SUBRULE2(this.query, { LABEL: 'subquery' });
                        this.CONSUME2(T.RParen, { LABEL: 'subqueryClose' });
                    },
                },
                {
                    ALT: () => {
                        this.CONSUME3(T.LParen);
                        this.SUBRULE(this.expression);
                        this.CONSUME3(T.RParen);
                    },
                },
                { ALT: () => this.CONSUME(T.Star) },
                { ALT: () => this.SUBRULE(this.reference) },
            ],
        });
    });
    /**
     * A column (a, t.a, `a b`), t.*, or a function call: f(args), count(*), count(DISTINCT a, b),
     * substring(s FROM a FOR b), optionally with OVER (window) or OVER name.
     */
    reference = this.RULE('reference', () => {
        this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
                { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'parts' }) },
                // left(s, n) and right(s, n) are functions although LEFT and RIGHT are join keywords.
                { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.CONSUME(T.Left, { LABEL: 'keywordName' }) },
                { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.CONSUME(T.Right, { LABEL: 'keywordName' }) },
            ],
        });
        this.MANY(() => {
            this.CONSUME(T.Dot);
            this.OR2([{ ALT: () => this.SUBRULE2(this.identifier, { LABEL: 'parts' }) }, { ALT: () => this.CONSUME(T.Star, { LABEL: 'qualifiedStar' }) }]);
        });
        this.OPTION(() => {
            this.CONSUME(T.LParen, { LABEL: 'call' });
            this.OPTION2(() => {
                this.OR3({
                    IGNORE_AMBIGUITIES: true,
                    DEF: [
                        { GATE: () => this.LA(2).tokenType === T.RParen, ALT: () => this.CONSUME2(T.Star, { LABEL: 'starArg' }) },
                        {
                            ALT: () => {
                                this.OPTION3(() => this.CONSUME(T.Distinct));
                                this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
                                this.OPTION4(() => {
                                    this.CONSUME(T.From, { LABEL: 'fromKw' });
                                    this.SUBRULE2(this.expression, { LABEL: 'fromArg' });
                                    this.OPTION5(() => {
                                        this.CONSUME(T.For);
                                        this.SUBRULE3(this.expression, { LABEL: 'forArg' });
                                    });
                                });
                            },
                        },
                    ],
                });
            });
            this.CONSUME(T.RParen);
            // count(*) FILTER (WHERE cond): the aggregate over the rows where cond is true.
            this.OPTION7({
                GATE: () => this.LA(2).tokenType === T.LParen && this.LA(3).tokenType === T.Where,
                DEF: () => {
                    this.CONSUME(T.Filter);
                    this.CONSUME3(T.LParen);
                    this.CONSUME(T.Where);
                    this.SUBRULE4(this.expression, { LABEL: 'filterWhere' });
                    this.CONSUME3(T.RParen);
                },
            });
            this.OPTION6(() => {
                this.CONSUME(T.Over);
                this.OR4([
                    {
                        ALT: () => {
                            this.CONSUME2(T.LParen);
                            this.SUBRULE(this.windowSpec);
                            this.CONSUME2(T.RParen);
                        },
                    },
                    { ALT: () => this.SUBRULE3(this.identifier, { LABEL: 'windowName' }) },
                ]);
            });
        });
    });
    /** [base] [PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE frame] */
    windowSpec = this.RULE('windowSpec', () => {
        this.OPTION({
            GATE: () => this.LA(1).tokenType === T.Identifier || this.LA(1).tokenType === T.QuotedIdentifier,
            DEF: () => this.SUBRULE(this.identifier, { LABEL: 'base' }),
        });
        this.OPTION2(() => {
            this.CONSUME(T.Partition);
            this.CONSUME(T.By);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'partitionBy' }) });
        });
        this.OPTION3(() => {
            this.CONSUME(T.Order);
            this.CONSUME2(T.By);
            this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.sortItem, { LABEL: 'orderBy' }) });
        });
        this.OPTION4(() => this.SUBRULE(this.windowFrame));
    });
    windowFrame = this.RULE('windowFrame', () => {
        this.OR([{ ALT: () => this.CONSUME(T.Rows, { LABEL: 'type' }) }, { ALT: () => this.CONSUME(T.Range, { LABEL: 'type' }) }]);
        this.OR2([
            {
                ALT: () => {
                    this.CONSUME(T.Between);
                    this.SUBRULE(this.frameBound, { LABEL: 'lower' });
                    this.CONSUME(T.And);
                    this.SUBRULE2(this.frameBound, { LABEL: 'upper' });
                },
            },
            { ALT: () => this.SUBRULE3(this.frameBound, { LABEL: 'lower' }) },
        ]);
    });
    frameBound = this.RULE('frameBound', () => {
        this.OR([
            {
                ALT: () => {
                    this.CONSUME(T.Unbounded);
                    this.OR2([{ ALT: () => this.CONSUME(T.Preceding, { LABEL: 'direction' }) }, { ALT: () => this.CONSUME(T.Following, { LABEL: 'direction' }) }]);
                },
            },
            {
                ALT: () => {
                    this.CONSUME(T.Current);
                    this.CONSUME(T.Row);
                },
            },
            {
                ALT: () => {
                    this.SUBRULE(this.comparison, { LABEL: 'offset' });
                    this.OR3([{ ALT: () => this.CONSUME2(T.Preceding, { LABEL: 'direction' }) }, { ALT: () => this.CONSUME2(T.Following, { LABEL: 'direction' }) }]);
                },
            },
        ]);
    });
    literal = this.RULE('literal', () => {
        this.OR([
            { ALT: () => this.CONSUME(T.IntegerLiteral) },
            { ALT: () => this.CONSUME(T.DecimalLiteral) },
            { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral)) },
            { ALT: () => this.CONSUME(T.True) },
            { ALT: () => this.CONSUME(T.False) },
            { ALT: () => this.CONSUME(T.Null) },
            {
                GATE: () => this.LA(2).tokenType === T.StringLiteral,
                ALT: () => {
                    this.OR2([{ ALT: () => this.CONSUME(T.DateKw, { LABEL: 'typed' }) }, { ALT: () => this.CONSUME(T.TimestampKw, { LABEL: 'typed' }) }]);
                    this.CONSUME2(T.StringLiteral, { LABEL: 'typedValue' });
                },
            },
        ]);
    });
    /**
     * INTERVAL '3' MONTH, INTERVAL 1 DAY, INTERVAL '1-2' YEAR TO MONTH, INTERVAL 1 DAY 2 HOURS, INTERVAL '1 day'.
     * Units are plain names (year, month, day, ...), checked by a gate so that `INTERVAL '1 day' AS x` still parses.
     */
    intervalLiteral = this.RULE('intervalLiteral', () => {
        this.CONSUME(T.Interval);
        this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Minus, { LABEL: 'sign' }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: 'sign' }) }]));
        this.SUBRULE(this.intervalPart, { LABEL: 'parts' });
        this.MANY({
            GATE: () => isIntervalUnit(this.LA(2)),
            DEF: () => this.SUBRULE2(this.intervalPart, { LABEL: 'parts' }),
        });
    });
    intervalPart = this.RULE('intervalPart', () => {
        this.OR([
            { ALT: () => this.CONSUME(T.IntegerLiteral, { LABEL: 'value' }) },
            { ALT: () => this.CONSUME(T.DecimalLiteral, { LABEL: 'value' }) },
            { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'value' }) },
        ]);
        this.OPTION({
            GATE: () => isIntervalUnit(this.LA(1)),
            DEF: () => {
                this.CONSUME(T.Identifier, { LABEL: 'unit' });
                this.OPTION2(() => {
                    this.CONSUME(T.To);
                    this.CONSUME2(T.Identifier, { LABEL: 'unit' });
                });
            },
        });
    });
    /** EXTRACT(field FROM source) */
    extractExpression = this.RULE('extractExpression', () => {
        this.CONSUME(T.Extract);
        this.CONSUME(T.LParen);
        this.SUBRULE(this.identifier, { LABEL: 'field' });
        this.CONSUME(T.From);
        this.SUBRULE(this.expression, { LABEL: 'source' });
        this.CONSUME(T.RParen);
    });
    castExpression = this.RULE('castExpression', () => {
        this.OR([{ ALT: () => this.CONSUME(T.Cast, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.TryCast, { LABEL: 'op' }) }]);
        this.CONSUME(T.LParen);
        this.SUBRULE(this.expression);
        this.CONSUME(T.As);
        this.SUBRULE(this.dataType);
        this.CONSUME(T.RParen);
    });
    dataType = this.RULE('dataType', () => {
        this.SUBRULE(this.identifier, { LABEL: 'name' });
        this.OPTION(() => {
            this.OR([
                {
                    ALT: () => {
                        this.CONSUME(T.LParen);
                        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.IntegerLiteral, { LABEL: 'params' }) });
                        this.CONSUME(T.RParen);
                    },
                },
                {
                    ALT: () => {
                        this.CONSUME(T.Lt);
                        this.AT_LEAST_ONE_SEP2({
                            SEP: T.Comma,
                            DEF: () => {
                                this.OPTION2({
                                    GATE: () => this.LA(2).tokenType === T.Colon,
                                    DEF: () => {
                                        this.SUBRULE2(this.identifier, { LABEL: 'fieldNames' });
                                        this.CONSUME(T.Colon);
                                    },
                                });
                                this.SUBRULE(this.dataType, { LABEL: 'args' });
                            },
                        });
                        this.CONSUME(T.Gt);
                    },
                },
            ]);
        });
    });
    caseExpression = this.RULE('caseExpression', () => {
        this.CONSUME(T.Case);
        this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'subject' }));
        this.AT_LEAST_ONE(() => {
            this.CONSUME(T.When);
            this.SUBRULE2(this.expression, { LABEL: 'whens' });
            this.CONSUME(T.Then);
            this.SUBRULE3(this.expression, { LABEL: 'thens' });
        });
        this.OPTION2(() => {
            this.CONSUME(T.Else);
            this.SUBRULE4(this.expression, { LABEL: 'otherwise' });
        });
        this.CONSUME(T.End);
    });
    /** Names: plain, back-quoted, or a non-reserved keyword (first, date, range, view, ...; see lexer.ts). */
    identifier = this.RULE('identifier', () => {
        this.CONSUME(T.IdentifierLike);
    });
}
//# sourceMappingURL=grammar.js.map