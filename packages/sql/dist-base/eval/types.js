import { ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType, LongType, MapType, NullType, ShortType, StringType, StructType, TimestampType, YearMonthIntervalType, DayTimeIntervalType, } from '../types/data-types.js';
import { parseType } from '../types/parse-type.js';
export function kindOf(t) {
    switch (t) {
        case BooleanType:
            return 'boolean';
        case ByteType:
            return 'byte';
        case ShortType:
            return 'short';
        case IntegerType:
            return 'int';
        case LongType:
            return 'long';
        case FloatType:
            return 'float';
        case DoubleType:
            return 'double';
        case StringType:
            return 'string';
        case BinaryType:
            return 'binary';
        case DateType:
            return 'date';
        case TimestampType:
            return 'timestamp';
        case NullType:
            return 'null';
    }
    if (t instanceof DecimalType)
        return 'decimal';
    if (t instanceof YearMonthIntervalType)
        return 'interval_ym';
    if (t instanceof DayTimeIntervalType)
        return 'interval_dt';
    if (t instanceof ArrayType)
        return 'array';
    if (t instanceof MapType)
        return 'map';
    if (t instanceof StructType)
        return 'struct';
    // Atomic types made by another copy of data-types.ts (should not happen) fall back on their names.
    switch (t.typeName) {
        case 'boolean':
            return 'boolean';
        case 'tinyint':
            return 'byte';
        case 'smallint':
            return 'short';
        case 'int':
            return 'int';
        case 'bigint':
            return 'long';
        case 'float':
            return 'float';
        case 'double':
            return 'double';
        case 'string':
            return 'string';
        case 'binary':
            return 'binary';
        case 'date':
            return 'date';
        case 'timestamp':
            return 'timestamp';
        case 'void':
            return 'null';
    }
    throw new TypeError(`unsupported data type ${t.simpleString()}`);
}
const typeCache = new Map();
/** Parses a Bound type string once; later calls with the same string return the same DataType object. */
export function typeOf(s) {
    if (typeof s !== 'string')
        return s;
    let t = typeCache.get(s);
    if (!t) {
        t = parseType(s);
        if (typeCache.size > 10_000)
            typeCache.clear();
        typeCache.set(s, t);
    }
    return t;
}
export function sameType(a, b) {
    return a === b || a.simpleString() === b.simpleString();
}
export const isIntegralKind = (k) => k === 'byte' || k === 'short' || k === 'int' || k === 'long';
export const isNumericKind = (k) => k === 'byte' || k === 'short' || k === 'int' || k === 'long' || k === 'float' || k === 'double' || k === 'decimal';
export const isFractionalKind = (k) => k === 'float' || k === 'double';
export const isNumericType = (t) => isNumericKind(kindOf(t));
export const isIntegralType = (t) => isIntegralKind(kindOf(t));
export const isIntervalKind = (k) => k === 'interval_ym' || k === 'interval_dt';
export const isAtomicKind = (k) => k !== 'array' && k !== 'map' && k !== 'struct';
/** Ranks for numeric widening (ANSI): tinyint < smallint < int < bigint < decimal < float < double. */
export const INTEGRAL_RANK = { byte: 1, short: 2, int: 3, long: 4 };
/** The decimal type that holds every value of an integral type (tinyint → decimal(3,0), int → decimal(10,0)). */
export function decimalForIntegral(t) {
    switch (kindOf(t)) {
        case 'byte':
            return new DecimalType(3, 0);
        case 'short':
            return new DecimalType(5, 0);
        case 'int':
            return new DecimalType(10, 0);
        case 'long':
            return new DecimalType(20, 0);
        default:
            if (t instanceof DecimalType)
                return t;
            throw new TypeError(`${t.simpleString()} is not integral`);
    }
}
export const MAX_PRECISION = 38;
/** Spark's DecimalType.bounded: caps precision and scale at 38. */
export function boundedDecimal(precision, scale) {
    return new DecimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, MAX_PRECISION));
}
/** Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss = true): keeps integral digits, then at least 6 scale. */
export function adjustPrecisionScale(precision, scale) {
    if (precision <= MAX_PRECISION)
        return new DecimalType(precision, scale);
    if (scale < 0)
        return new DecimalType(MAX_PRECISION, scale);
    const intDigits = precision - scale;
    const minScale = Math.min(scale, 6);
    const adjustedScale = Math.max(MAX_PRECISION - intDigits, minScale);
    return new DecimalType(MAX_PRECISION, adjustedScale);
}
/** Widening of two decimals (common type): keeps integral digits first when 38 digits are not enough. */
export function widerDecimal(a, b) {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    if (range + scale <= MAX_PRECISION)
        return new DecimalType(range + scale, scale);
    return new DecimalType(MAX_PRECISION, Math.max(0, MAX_PRECISION - range));
}
/** Spark's SQL name of a type in messages: "INT", "DECIMAL(3,1)", "ARRAY<STRING>", "STRUCT<a: INT>". */
export function sqlTypeName(t) {
    if (t instanceof StructType)
        return `STRUCT<${t.fields.map((f) => `${f.name}: ${sqlTypeName(f.dataType)}`).join(', ')}>`;
    if (t instanceof ArrayType)
        return `ARRAY<${sqlTypeName(t.elementType)}>`;
    if (t instanceof MapType)
        return `MAP<${sqlTypeName(t.keyType)}, ${sqlTypeName(t.valueType)}>`;
    return t.simpleString().toUpperCase();
}
export { ArrayType, MapType, StructType, DecimalType };
//# sourceMappingURL=types.js.map