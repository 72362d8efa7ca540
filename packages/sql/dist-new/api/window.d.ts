import type { WindowSpecDef } from '../expr/ast.js';
import { Column } from './column.js';
type ColumnArg = Column | string;
/** A window specification (Spark's WindowSpec): immutable, each method returns a new one. */
export declare class WindowSpec {
    readonly def: WindowSpecDef;
    constructor(def?: WindowSpecDef);
    partitionBy(...cols: (ColumnArg | ColumnArg[])[]): WindowSpec;
    orderBy(...cols: (ColumnArg | ColumnArg[])[]): WindowSpec;
    /** A frame of rows relative to the current one: -1 the row before, 0 the current row, 1 the row after. */
    rowsBetween(start: number | bigint, end: number | bigint): WindowSpec;
    /** A frame of order-key values relative to the current row's (one numeric ORDER BY key unless the bounds are unbounded/current). */
    rangeBetween(start: number | bigint, end: number | bigint): WindowSpec;
}
/** Spark's Window: the entry point for window specifications, `Window.partitionBy('k').orderBy('t')`. */
export declare const Window: {
    readonly unboundedPreceding: number;
    readonly unboundedFollowing: number;
    readonly currentRow: 0;
    readonly partitionBy: (...cols: (ColumnArg | ColumnArg[])[]) => WindowSpec;
    readonly orderBy: (...cols: (ColumnArg | ColumnArg[])[]) => WindowSpec;
    readonly rowsBetween: (start: number | bigint, end: number | bigint) => WindowSpec;
    readonly rangeBetween: (start: number | bigint, end: number | bigint) => WindowSpec;
};
export {};
//# sourceMappingURL=window.d.ts.map