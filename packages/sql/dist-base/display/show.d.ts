/**
 * Spark's show() table: a header row, cells padded (right-aligned when truncating, as Spark), values longer than
 * `truncate` cut to truncate-3 characters plus "...", and "only showing top N rows" when there are more.
 */
export declare function formatTable(names: string[], rows: string[][], truncate: number, more: boolean, shown: number): string;
/** show(vertical = true): one block per row. */
export declare function formatVertical(names: string[], rows: string[][], truncate: number, more: boolean, shown: number): string;
/** Java's Double.toString, which Spark uses to print doubles: 1.0, 0.001, 1.0E7, 1.234E-5, NaN, Infinity. */
export declare function javaDouble(d: number): string;
/** A value as Spark's show() prints it; `type` is the column's Spark type string. */
export declare function showValue(v: unknown, type?: string): string;
//# sourceMappingURL=show.d.ts.map