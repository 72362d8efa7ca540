import type { BinaryOp } from '../expr/ast.js';
import { type DataType } from '../types/data-types.js';
import type { Vec } from './vec.js';
/**
 * Arithmetic and comparison kernels over columns. Each (operator, type) pair gets its own generated loop
 * (`new Function`, cached), so every kernel stays monomorphic for the JIT; checks (zero divisors, overflow)
 * skip null rows, whose slots hold placeholders.
 */
export type VecBinary = (l: Vec, r: Vec, n: number) => Vec;
/**
 * Arithmetic of two columns already cast to the operand types `resolveBinary` gives (`lt`, `rt`). With `ansi`
 * errors raise (DIVIDE_BY_ZERO, ARITHMETIC_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE); without (try_add, try_divide,
 * …) the failing rows become NULL.
 */
export declare function arithmetic(op: BinaryOp, lt: DataType, rt: DataType, resultType: DataType, ansi: boolean): VecBinary;
/** Unary minus (and abs when `absOnly`), raising ARITHMETIC_OVERFLOW for the minimum integer when `ansi`. */
export declare function negate(v: Vec, n: number, absOnly?: boolean, ansi?: boolean): Vec;
/** A comparison of two columns of the same type `t` (Spark ordering: NaN largest; <=> never null). */
export declare function comparison(op: BinaryOp, t: DataType): VecBinary;
//# sourceMappingURL=arith.d.ts.map