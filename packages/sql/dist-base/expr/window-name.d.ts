import type { Expr, WindowFrame, WindowSpecDef } from './ast.js';
/** Window functions that rank rows or look at other rows: they need an ORDER BY and use a fixed frame. */
export declare const RANKING_FUNCTIONS: string[];
export declare const OFFSET_FUNCTIONS: string[];
/** Window functions over a frame that are not aggregates: they need an ORDER BY; their frame is any. */
export declare const FRAME_FUNCTIONS: string[];
export declare function isWindowOnlyFunction(name: string): boolean;
export declare function frameText(f: WindowFrame): string;
/**
 * The frame a window function uses when the spec gives none, as Spark: ranking functions ROWS UNBOUNDED
 * PRECEDING..CURRENT ROW; lag/lead the one row at their offset; aggregates RANGE UNBOUNDED PRECEDING..CURRENT ROW
 * with an ORDER BY (peers included), else the whole partition.
 */
export declare function defaultFrame(fn: Expr, spec: WindowSpecDef): WindowFrame;
/** Spark's column name for a window expression: `rank() OVER (PARTITION BY a ORDER BY b ASC NULLS FIRST ROWS ...)`. */
export declare function windowExprName(fn: Expr, spec: WindowSpecDef, name: (e: Expr) => string): string;
//# sourceMappingURL=window-name.d.ts.map