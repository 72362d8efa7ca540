import { ArrayType, BooleanType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType, LongType, MapType, NullType, StringType, StructField, StructType, TimestampType, } from '../types/data-types.js';
import { datatypeMismatch, SqlError, unsupported } from './errors.js';
import { INTEGRAL_RANK, adjustPrecisionScale, decimalForIntegral, isAtomicKind, isIntegralKind, isNumericKind, kindOf, sameType, sqlTypeName, widerDecimal, isIntervalKind, } from './types.js';
import { intervalResultType } from './interval.js';
const ARITH = new Set(['+', '-', '*', '/', '%', 'div']);
const COMPARE = new Set(['=', '<=>', '!=', '<', '<=', '>', '>=']);
export const isArithmetic = (op) => ARITH.has(op);
export const isComparison = (op) => COMPARE.has(op);
function opText(op) {
    return op === 'and' ? 'AND' : op === 'or' ? 'OR' : op === 'like' ? 'LIKE' : op === 'rlike' ? 'RLIKE' : op;
}
function diffTypes(op, l, r) {
    return datatypeMismatch('BINARY_OP_DIFF_TYPES', `"(${sqlTypeName(l)} ${opText(op)} ${sqlTypeName(r)})"`, `the left and right operands of the binary operator have incompatible types ("${sqlTypeName(l)}" and "${sqlTypeName(r)}").`);
}
function wrongType(op, t, required) {
    return datatypeMismatch('BINARY_OP_WRONG_TYPE', `"(${opText(op)})"`, `the binary operator requires the input type ${required}, not "${sqlTypeName(t)}".`);
}
/** Tightest numeric type holding both (int+bigint → bigint, int+decimal → decimal, float+int → double). */
export function widerNumeric(a, b) {
    if (sameType(a, b))
        return a;
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka === 'double' || kb === 'double')
        return DoubleType;
    if (ka === 'float' || kb === 'float')
        return ka === kb ? FloatType : DoubleType;
    if (ka === 'decimal' || kb === 'decimal')
        return widerDecimal(decimalForIntegral(a), decimalForIntegral(b));
    return INTEGRAL_RANK[ka] >= INTEGRAL_RANK[kb] ? a : b;
}
/** The type a string is promoted to next to `other` (ANSI string promotion), or null when there is none. */
function promoteString(other) {
    const k = kindOf(other);
    if (isIntegralKind(k))
        return LongType;
    if (k === 'float' || k === 'double' || k === 'decimal')
        return DoubleType;
    if (k === 'boolean' || k === 'date' || k === 'timestamp' || k === 'binary' || k === 'string')
        return other;
    if (k === 'null')
        return StringType;
    return null;
}
/**
 * findWiderTypeForTwo with ANSI string promotion: the common type of two values (for CASE, COALESCE, IN, array(),
 * map(), …), or null when they have none.
 */
export function widerType(a, b, stringPromotion = true) {
    if (sameType(a, b))
        return a;
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka === 'null')
        return b;
    if (kb === 'null')
        return a;
    if (isNumericKind(ka) && isNumericKind(kb))
        return widerNumeric(a, b);
    if ((ka === 'date' && kb === 'timestamp') || (ka === 'timestamp' && kb === 'date'))
        return TimestampType;
    if (stringPromotion && ka === 'string')
        return promoteString(b);
    if (stringPromotion && kb === 'string')
        return promoteString(a);
    if (ka === 'array' && kb === 'array') {
        const el = widerType(a.elementType, b.elementType, stringPromotion);
        return el ? new ArrayType(el, a.containsNull || b.containsNull) : null;
    }
    if (ka === 'map' && kb === 'map') {
        const k = widerType(a.keyType, b.keyType, stringPromotion);
        const v = widerType(a.valueType, b.valueType, stringPromotion);
        return k && v ? new MapType(k, v, a.valueContainsNull || b.valueContainsNull) : null;
    }
    if (ka === 'struct' && kb === 'struct') {
        const fa = a.fields;
        const fb = b.fields;
        if (fa.length !== fb.length)
            return null;
        const out = [];
        for (let i = 0; i < fa.length; i++) {
            if (fa[i].name.toLowerCase() !== fb[i].name.toLowerCase())
                return null;
            const t = widerType(fa[i].dataType, fb[i].dataType, stringPromotion);
            if (!t)
                return null;
            out.push(new StructField(fa[i].name, t, fa[i].nullable || fb[i].nullable));
        }
        return new StructType(out);
    }
    return null;
}
/** Common type of many (null when there is none); no arguments give void. */
export function commonType(types, stringPromotion = true) {
    let t = NullType;
    for (const x of types) {
        const w = widerType(t, x, stringPromotion);
        if (!w)
            return null;
        t = w;
    }
    return t;
}
function integralLiteralDecimal(t, lit) {
    if (isIntegralKind(kindOf(t)) && (typeof lit === 'number' || typeof lit === 'bigint')) {
        const digits = (typeof lit === 'bigint' ? (lit < 0n ? -lit : lit) : Math.abs(lit)).toString().length;
        return new DecimalType(Math.max(digits, 1), 0);
    }
    return decimalForIntegral(t);
}
/** Result type of decimal arithmetic (Spark's DecimalPrecision, allowPrecisionLoss = true). */
export function decimalResultType(op, a, b) {
    const { precision: p1, scale: s1 } = a;
    const { precision: p2, scale: s2 } = b;
    switch (op) {
        case '+':
        case '-': {
            const s = Math.max(s1, s2);
            return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + s + 1, s);
        }
        case '*':
            return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
        case '/': {
            const s = Math.max(6, s1 + p2 + 1);
            return adjustPrecisionScale(p1 - s1 + s2 + s, s);
        }
        case '%': {
            const s = Math.max(s1, s2);
            return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + s, s);
        }
        default:
            throw new TypeError(`no decimal result type for ${op}`);
    }
}
/**
 * Types of a binary operator: the types both operands are cast to and the result type. Throws
 * DATATYPE_MISMATCH.* for operands Spark rejects.
 */
export function resolveBinary(op, left, right, hints = {}) {
    const kl = kindOf(left);
    const kr = kindOf(right);
    if (op === 'and' || op === 'or') {
        const l = toBooleanOperand(op, left);
        const r = toBooleanOperand(op, right);
        return { left: l, right: r, result: BooleanType };
    }
    if (op === 'like' || op === 'rlike') {
        return { left: toStringOperand(op, left), right: toStringOperand(op, right), result: BooleanType };
    }
    if (COMPARE.has(op)) {
        const t = comparisonType(op, left, right);
        return { left: t, right: t, result: BooleanType };
    }
    // Arithmetic
    const interval = intervalResultType(op, left, right);
    if (interval)
        return interval;
    if (isIntervalKind(kl) || isIntervalKind(kr)) {
        throw unsupported(`The operator ${opText(op)} on ${sqlTypeName(left)} and ${sqlTypeName(right)}`, 'Intervals can be added to and subtracted from dates, timestamps and intervals of the same kind.');
    }
    if (kl === 'date' || kr === 'date' || kl === 'timestamp' || kr === 'timestamp')
        return dateArithmetic(op, left, right);
    let l = left;
    let r = right;
    if (kl === 'string' && kr === 'string')
        throw wrongType(op, left, '"NUMERIC"');
    if (kl === 'string')
        l = kr === 'null' ? DoubleType : op === 'div' && isIntegralOrDecimal(kr) ? LongType : stringArith(right, op);
    if (kr === 'string')
        r = kl === 'null' ? DoubleType : op === 'div' && isIntegralOrDecimal(kl) ? LongType : stringArith(left, op);
    const kl2 = kindOf(l);
    const kr2 = kindOf(r);
    if (kl2 === 'null' && kr2 === 'null') {
        l = r = DoubleType;
    }
    else if (kl2 === 'null')
        l = r;
    else if (kr2 === 'null')
        r = l;
    const a = kindOf(l);
    const b = kindOf(r);
    if (!isNumericKind(a))
        throw wrongType(op, l, '("NUMERIC" or "INTERVAL")');
    if (!isNumericKind(b))
        throw wrongType(op, r, '("NUMERIC" or "INTERVAL")');
    if (op === 'div') {
        if (a === 'float' || a === 'double' || b === 'float' || b === 'double')
            throw diffTypes(op, l, r);
        if (a === 'decimal' || b === 'decimal') {
            const dl = a === 'decimal' ? l : integralLiteralDecimal(l, hints.leftLiteral);
            const dr = b === 'decimal' ? r : integralLiteralDecimal(r, hints.rightLiteral);
            return { left: dl, right: dr, result: LongType };
        }
        return { left: LongType, right: LongType, result: LongType };
    }
    const fractional = a === 'float' || a === 'double' || b === 'float' || b === 'double';
    if (op === '/' && !fractional && a !== 'decimal' && b !== 'decimal')
        return { left: DoubleType, right: DoubleType, result: DoubleType };
    if (fractional) {
        const t = op === '/' ? DoubleType : widerNumeric(l, r);
        return { left: t, right: t, result: t };
    }
    if (a === 'decimal' || b === 'decimal') {
        const dl = a === 'decimal' ? l : integralLiteralDecimal(l, hints.leftLiteral);
        const dr = b === 'decimal' ? r : integralLiteralDecimal(r, hints.rightLiteral);
        return { left: dl, right: dr, result: decimalResultType(op, dl, dr) };
    }
    const t = widerNumeric(l, r);
    return { left: t, right: t, result: t };
}
const isIntegralOrDecimal = (k) => isIntegralKind(k) || k === 'decimal';
function stringArith(other, op) {
    const k = kindOf(other);
    if (isIntegralKind(k))
        return op === '/' ? DoubleType : LongType;
    if (k === 'float' || k === 'double' || k === 'decimal')
        return DoubleType;
    throw wrongType(op, StringType, '"NUMERIC"');
}
function dateArithmetic(op, left, right) {
    const kl = kindOf(left);
    const kr = kindOf(right);
    const smallInt = (k) => k === 'byte' || k === 'short' || k === 'int' || k === 'null';
    if (op === '+' && kl === 'date' && (smallInt(kr) || kr === 'string'))
        return { left: DateType, right: kr === 'string' || kr === 'null' ? IntegerType : right, result: DateType };
    if (op === '+' && kr === 'date' && (smallInt(kl) || kl === 'string'))
        return { left: kl === 'string' || kl === 'null' ? IntegerType : left, right: DateType, result: DateType };
    if (op === '-' && kl === 'date' && (smallInt(kr) || kr === 'string'))
        return { left: DateType, right: kr === 'string' || kr === 'null' ? IntegerType : right, result: DateType };
    if (op === '-' && (kl === 'date' || kl === 'timestamp') && (kr === 'date' || kr === 'timestamp')) {
        throw unsupported('Subtracting dates or timestamps (an INTERVAL result)', 'Use datediff(end, start) for days, or unix_timestamp differences for seconds.');
    }
    if (kl === 'timestamp' || kr === 'timestamp')
        throw unsupported('Arithmetic on timestamps (INTERVAL types)', 'Convert with unix_timestamp/timestamp_seconds, or use date_add on dates.');
    throw diffTypes(op, left, right);
}
function toBooleanOperand(op, t) {
    const k = kindOf(t);
    if (k === 'boolean' || k === 'null' || k === 'string')
        return BooleanType;
    throw datatypeMismatch('BINARY_OP_WRONG_TYPE', `"(${opText(op)})"`, `the binary operator requires the input type "BOOLEAN", not "${sqlTypeName(t)}".`);
}
function toStringOperand(op, t) {
    const k = kindOf(t);
    if (isAtomicKind(k) && k !== 'binary')
        return StringType;
    throw datatypeMismatch('UNEXPECTED_INPUT_TYPE', `"${opText(op)}"`, `requires the "STRING" type, however it has the type "${sqlTypeName(t)}".`);
}
/** The type both sides of a comparison are cast to. */
export function comparisonType(op, left, right) {
    const kl = kindOf(left);
    const kr = kindOf(right);
    if (kl === 'map' || kr === 'map') {
        throw datatypeMismatch('INVALID_ORDERING_TYPE', `"(${opText(op)})"`, `the ${opText(op)} does not support ordering on type "${sqlTypeName(kl === 'map' ? left : right)}".`);
    }
    if (sameType(left, right))
        return left;
    if (kl === 'null')
        return right;
    if (kr === 'null')
        return left;
    if (isNumericKind(kl) && isNumericKind(kr))
        return widerNumeric(left, right);
    if (kl === 'string' || kr === 'string') {
        const other = kl === 'string' ? right : left;
        const t = promoteString(other);
        if (t)
            return t;
        throw diffTypes(op, left, right);
    }
    const w = widerType(left, right);
    if (w)
        return w;
    throw diffTypes(op, left, right);
}
/** Types of a unary operator: the type its operand is cast to, and the result type. */
export function resolveUnary(op, t) {
    const k = kindOf(t);
    switch (op) {
        case 'not':
            if (k === 'boolean' || k === 'null' || k === 'string')
                return { child: BooleanType, result: BooleanType };
            throw datatypeMismatch('UNEXPECTED_INPUT_TYPE', '"(NOT)"', `The first parameter requires the "BOOLEAN" type, however it has the type "${sqlTypeName(t)}".`);
        case 'negate':
            if (isNumericKind(k) || isIntervalKind(k))
                return { child: t, result: t };
            if (k === 'string' || k === 'null')
                return { child: DoubleType, result: DoubleType };
            throw datatypeMismatch('UNEXPECTED_INPUT_TYPE', '"(- )"', `The first parameter requires the "NUMERIC" type, however it has the type "${sqlTypeName(t)}".`);
        case 'isNull':
        case 'isNotNull':
            return { child: t, result: BooleanType };
        case 'isNaN':
            if (k === 'double' || k === 'float')
                return { child: t, result: BooleanType };
            if (isNumericKind(k) || k === 'string' || k === 'null')
                return { child: DoubleType, result: BooleanType };
            throw datatypeMismatch('UNEXPECTED_INPUT_TYPE', '"isnan"', `The first parameter requires the ("DOUBLE" or "FLOAT") type, however it has the type "${sqlTypeName(t)}".`);
    }
}
/** CASE WHEN: every WHEN is boolean; the THEN/ELSE values share their common type (the result). */
export function resolveCase(whenTypes, valueTypes) {
    for (let i = 0; i < whenTypes.length; i++) {
        const k = kindOf(whenTypes[i]);
        if (k !== 'boolean' && k !== 'null') {
            throw datatypeMismatch('UNEXPECTED_INPUT_TYPE', '"CASE WHEN"', `The WHEN condition ${i + 1} requires the "BOOLEAN" type, however it has the type "${sqlTypeName(whenTypes[i])}".`);
        }
    }
    const t = commonType(valueTypes);
    if (!t) {
        throw datatypeMismatch('DATA_DIFF_TYPES', '"CASE WHEN"', `Input to \`casewhen\` should all be the same type, but it's [${valueTypes.map((x) => `"${sqlTypeName(x)}"`).join(', ')}].`);
    }
    return { when: BooleanType, result: t };
}
/** x IN (list): the value and every list element are cast to their common type. */
export function resolveIn(child, list) {
    const t = commonType([child, ...list]);
    if (!t || kindOf(t) === 'map') {
        throw datatypeMismatch('DATA_DIFF_TYPES', '"IN"', `Input to \`in\` should all be the same type, but it's [${[child, ...list].map((x) => `"${sqlTypeName(x)}"`).join(', ')}].`);
    }
    return { child: t, list: list.map(() => t), result: BooleanType };
}
/** Whether CAST(from AS to) is allowed with ANSI mode on (try_cast allows the same pairs). */
export function canCast(from, to) {
    if (sameType(from, to))
        return true;
    const f = kindOf(from);
    const t = kindOf(to);
    if (f === 'null')
        return true;
    if (t === 'string')
        return true;
    if (f === 'string')
        return isAtomicKind(t) && t !== 'null';
    if (isNumericKind(f) && (isNumericKind(t) || t === 'boolean' || t === 'timestamp'))
        return true;
    if (f === 'boolean' && isNumericKind(t))
        return true;
    if (f === 'date' && t === 'timestamp')
        return true;
    if (f === 'timestamp' && (t === 'date' || isNumericKind(t)))
        return true;
    if (f === 'array' && t === 'array')
        return canCast(from.elementType, to.elementType);
    if (f === 'map' && t === 'map') {
        return canCast(from.keyType, to.keyType) && canCast(from.valueType, to.valueType);
    }
    if (f === 'struct' && t === 'struct') {
        const a = from.fields;
        const b = to.fields;
        return a.length === b.length && a.every((x, i) => canCast(x.dataType, b[i].dataType));
    }
    return false;
}
/**
 * Implicit cast of a function argument to an expected type (AnsiTypeCoercion.implicitCast): strings become
 * any atomic type, any atomic value becomes a string, numbers convert among themselves, dates and timestamps
 * into each other, NULL into anything. Null when no implicit cast exists.
 */
export function implicitCast(from, expected) {
    if (sameType(from, expected))
        return expected;
    const f = kindOf(from);
    const t = kindOf(expected);
    if (f === 'null')
        return expected;
    if (f === 'string' && isAtomicKind(t))
        return expected;
    if (t === 'string' && isAtomicKind(f))
        return expected;
    if (isNumericKind(f) && isNumericKind(t))
        return expected;
    if ((f === 'date' && t === 'timestamp') || (f === 'timestamp' && t === 'date'))
        return expected;
    if (f === 'array' && t === 'array') {
        const el = implicitCast(from.elementType, expected.elementType);
        return el ? new ArrayType(el, from.containsNull) : null;
    }
    return null;
}
//# sourceMappingURL=coercion.js.map