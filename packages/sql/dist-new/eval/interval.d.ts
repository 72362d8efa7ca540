import type { BinaryOp } from '../expr/ast.js';
import { type DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
/** `days` plus `months`, the day of month clamped (Jan 31 + 1 month = Feb 28/29). */
export declare function addMonths(days: number, months: number): number;
type Binary = (l: Vec, r: Vec, n: number) => Vec;
/** Whether arithmetic on these operand kinds is interval arithmetic (handled here). */
export declare function isIntervalArithmetic(op: BinaryOp, lt: DataType, rt: DataType): boolean;
/** The kernel for `op` over operands already cast to `lt`, `rt` (see coercion.ts for the types). */
export declare function intervalArithmetic(op: BinaryOp, lt: DataType, rt: DataType, resultType: DataType): Binary;
/** The result type of interval arithmetic (null when these operands are not interval arithmetic). */
export declare function intervalResultType(op: BinaryOp, lt: DataType, rt: DataType): {
    left: DataType;
    right: DataType;
    result: DataType;
} | null;
/** Spark's text of an interval value: INTERVAL '1-2' YEAR TO MONTH, INTERVAL '90' DAY, INTERVAL '1 02:00:00' DAY TO SECOND. */
export declare function intervalText(v: number | bigint, t: DataType): string;
export {};
//# sourceMappingURL=interval.d.ts.map