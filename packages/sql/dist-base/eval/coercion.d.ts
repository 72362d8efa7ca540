import type { BinaryOp, UnaryOp } from '../expr/ast.js';
import { DataType, DecimalType } from '../types/data-types.js';
/**
 * Spark 4's type coercion with ANSI mode on (AnsiTypeCoercion + DecimalPrecision), as functions of types only.
 * The analyzer calls these to type an operator and to insert the implicit casts (`left`/`right`/… are the types
 * each operand must be cast to; when equal to the operand's type no cast is needed). Evaluation inserts the same
 * casts itself when a Bound tree arrives without them, so both paths agree.
 */
export interface BinaryTyping {
    left: DataType;
    right: DataType;
    result: DataType;
}
/** Literal operands: Spark types an integral literal next to a decimal by its digits (1 → decimal(1,0)). */
export interface LiteralHints {
    leftLiteral?: unknown;
    rightLiteral?: unknown;
}
export declare const isArithmetic: (op: BinaryOp) => boolean;
export declare const isComparison: (op: BinaryOp) => boolean;
/** Tightest numeric type holding both (int+bigint → bigint, int+decimal → decimal, float+int → double). */
export declare function widerNumeric(a: DataType, b: DataType): DataType;
/**
 * findWiderTypeForTwo with ANSI string promotion: the common type of two values (for CASE, COALESCE, IN, array(),
 * map(), …), or null when they have none.
 */
export declare function widerType(a: DataType, b: DataType, stringPromotion?: boolean): DataType | null;
/** Common type of many (null when there is none); no arguments give void. */
export declare function commonType(types: readonly DataType[], stringPromotion?: boolean): DataType | null;
/** Result type of decimal arithmetic (Spark's DecimalPrecision, allowPrecisionLoss = true). */
export declare function decimalResultType(op: BinaryOp, a: DecimalType, b: DecimalType): DecimalType;
/**
 * Types of a binary operator: the types both operands are cast to and the result type. Throws
 * DATATYPE_MISMATCH.* for operands Spark rejects.
 */
export declare function resolveBinary(op: BinaryOp, left: DataType, right: DataType, hints?: LiteralHints): BinaryTyping;
/** The type both sides of a comparison are cast to. */
export declare function comparisonType(op: BinaryOp, left: DataType, right: DataType): DataType;
/** Types of a unary operator: the type its operand is cast to, and the result type. */
export declare function resolveUnary(op: UnaryOp, t: DataType): {
    child: DataType;
    result: DataType;
};
/** CASE WHEN: every WHEN is boolean; the THEN/ELSE values share their common type (the result). */
export declare function resolveCase(whenTypes: readonly DataType[], valueTypes: readonly DataType[]): {
    when: DataType;
    result: DataType;
};
/** x IN (list): the value and every list element are cast to their common type. */
export declare function resolveIn(child: DataType, list: readonly DataType[]): {
    child: DataType;
    list: DataType[];
    result: DataType;
};
/** Whether CAST(from AS to) is allowed with ANSI mode on (try_cast allows the same pairs). */
export declare function canCast(from: DataType, to: DataType): boolean;
/**
 * Implicit cast of a function argument to an expected type (AnsiTypeCoercion.implicitCast): strings become
 * any atomic type, any atomic value becomes a string, numbers convert among themselves, dates and timestamps
 * into each other, NULL into anything. Null when no implicit cast exists.
 */
export declare function implicitCast(from: DataType, expected: DataType): DataType | null;
//# sourceMappingURL=coercion.d.ts.map