import type { CstNode, IToken } from 'chevrotain';
import type { Expr, WindowSpecDef } from '../expr/ast.js';
/** The first token under a CST node (for error positions). */
export declare function firstToken(n: CstNode | IToken | undefined): IToken | undefined;
/**
 * Named windows of the queries being visited (innermost last): the WINDOW clause is visited before the select
 * list, so `OVER w` finds its definition.
 */
export declare const windowScopes: Map<string, WindowSpecDef>[];
export declare function identifierText(n: CstNode): string;
/** A SQL string literal's value: quotes removed, escapes (\n, \t, \', doubled quotes) applied. */
export declare function unquote(image: string): string;
export declare function expression(n: CstNode): Expr;
export declare function windowSpec(n: CstNode): WindowSpecDef;
export declare function dataTypeText(n: CstNode): string;
/** expression [AS] alias */
export declare function namedExpression(n: CstNode): Expr;
/** expression [ASC|DESC] [NULLS FIRST|LAST], with Spark's default null order per direction. */
export declare function sortItem(n: CstNode): Expr;
//# sourceMappingURL=visitor.d.ts.map