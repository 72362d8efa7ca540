import { ArrayType, DataType, DecimalType, MapType, StructType } from '../types/data-types.js';
/**
 * Type helpers shared by evaluation, casts, coercion and the function library. Atomic Spark types are singletons
 * (compare them with ===); decimals and nested types are compared with `sameType`.
 */
export type Kind = 'boolean' | 'byte' | 'short' | 'int' | 'long' | 'float' | 'double' | 'decimal' | 'string' | 'binary' | 'date' | 'timestamp'
/** YearMonthIntervalType: months in an Int32Array. */
 | 'interval_ym'
/** DayTimeIntervalType: microseconds in a BigInt64Array. */
 | 'interval_dt' | 'null' | 'array' | 'map' | 'struct';
export declare function kindOf(t: DataType): Kind;
/** Parses a Bound type string once; later calls with the same string return the same DataType object. */
export declare function typeOf(s: string | DataType): DataType;
export declare function sameType(a: DataType, b: DataType): boolean;
export declare const isIntegralKind: (k: Kind) => boolean;
export declare const isNumericKind: (k: Kind) => boolean;
export declare const isFractionalKind: (k: Kind) => boolean;
export declare const isNumericType: (t: DataType) => boolean;
export declare const isIntegralType: (t: DataType) => boolean;
export declare const isIntervalKind: (k: Kind) => boolean;
export declare const isAtomicKind: (k: Kind) => boolean;
/** Ranks for numeric widening (ANSI): tinyint < smallint < int < bigint < decimal < float < double. */
export declare const INTEGRAL_RANK: Partial<Record<Kind, number>>;
/** The decimal type that holds every value of an integral type (tinyint → decimal(3,0), int → decimal(10,0)). */
export declare function decimalForIntegral(t: DataType): DecimalType;
export declare const MAX_PRECISION = 38;
/** Spark's DecimalType.bounded: caps precision and scale at 38. */
export declare function boundedDecimal(precision: number, scale: number): DecimalType;
/** Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss = true): keeps integral digits, then at least 6 scale. */
export declare function adjustPrecisionScale(precision: number, scale: number): DecimalType;
/** Widening of two decimals (common type): keeps integral digits first when 38 digits are not enough. */
export declare function widerDecimal(a: DecimalType, b: DecimalType): DecimalType;
/** Spark's SQL name of a type in messages: "INT", "DECIMAL(3,1)", "ARRAY<STRING>", "STRUCT<a: INT>". */
export declare function sqlTypeName(t: DataType): string;
export { ArrayType, MapType, StructType, DecimalType };
//# sourceMappingURL=types.d.ts.map