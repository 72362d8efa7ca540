import type { Expr } from '../expr/ast.js';
/**
 * `e` rebuilt top-down: where `f` returns an expression it replaces that node (and is not descended into);
 * where it returns undefined the node is kept and its children are mapped. Subquery plans are not entered.
 */
export declare function mapExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr;
//# sourceMappingURL=expr-map.d.ts.map