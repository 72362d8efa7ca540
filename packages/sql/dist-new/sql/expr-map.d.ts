import type { Expr } from '../expr/ast.js';
/**
 * Rebuilds an expression bottom-up, applying `f` to every node after its children (parsed subqueries are leaves:
 * `f` sees them and may replace them). Window specs are walked too.
 */
export declare function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr;
/** Whether `pred` holds anywhere in `e` (not inside parsed subqueries, which are separate queries). */
export declare function someExpr(e: Expr, pred: (e: Expr) => boolean): boolean;
//# sourceMappingURL=expr-map.d.ts.map