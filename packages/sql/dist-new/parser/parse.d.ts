import type { Expr } from '../expr/ast.js';
import type { Statement } from './sql-ast.js';
export { ParseError } from './errors.js';
/** One SQL expression: `a + 1 > b`, `upper(name)`, `CASE WHEN x IS NULL THEN 0 ELSE x END`. */
export declare function parseExpression(text: string): Expr;
/** selectExpr items: `a`, `b * 2 AS twice`, `count(*) n`. */
export declare function parseNamedExpressions(text: string): Expr[];
/** An ORDER BY item: `a DESC NULLS FIRST`. */
export declare function parseSortItem(text: string): Expr;
/** One statement (a trailing `;` is allowed). */
export declare function parseStatement(text: string): Statement;
/** A statement of a script: its text and where it starts (1-based line and column, 0-based offset). */
export interface ScriptStatement {
    text: string;
    offset: number;
    line: number;
    column: number;
}
/**
 * Splits a script at the semicolons between statements (not those inside strings, names or comments), without
 * parsing the statements.
 */
export declare function splitStatements(text: string): ScriptStatement[];
/** Parses every statement of a script; a syntax error names its line and column in the whole script. */
export declare function parseScript(text: string): (ScriptStatement & {
    statement: Statement;
})[];
//# sourceMappingURL=parse.d.ts.map