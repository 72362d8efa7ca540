import type { Expr } from '../expr/ast.js';
/** `e` with the missing optional arguments of these aggregate calls appended as literals (anywhere inside). */
export declare function withDefaultArguments(e: Expr): Expr;
//# sourceMappingURL=default-arguments.d.ts.map