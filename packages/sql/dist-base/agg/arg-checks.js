import { AnalysisError } from '../analysis/errors.js';
import { ArrayType, ByteType, DataType, DecimalType, DoubleType, FloatType, IntegerType, LongType, NullType, ShortType, } from '../types/data-types.js';
// Argument checks shared by the statistical aggregates (percentile.ts, correlation.ts, moments.ts ...).
const integral = [ByteType, ShortType, IntegerType, LongType];
export const isIntegral = (t) => integral.includes(t);
export const isNumeric = (t) => isIntegral(t) || t === FloatType || t === DoubleType || t instanceof DecimalType;
/** DATATYPE_MISMATCH unless `t` is numeric (or the NULL type, which casts to anything). */
export function needNumeric(fn, t, position = 1) {
    if (t === undefined)
        throw wrongArgs(fn, 'at least one argument');
    if (!isNumeric(t) && t !== NullType) {
        throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${fn}: argument ${position} needs a numeric type, not ${t.simpleString()}`);
    }
}
export function wrongArgs(fn, expected) {
    return new AnalysisError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `${fn} takes ${expected}`);
}
/** A percentage argument: a numeric in [0, 1] or an array of them (checked here when it is a literal). */
export function percentageType(fn, t, literal) {
    if (t instanceof ArrayType) {
        needNumeric(fn, t.elementType, 2);
        return { array: true, argType: new ArrayType(DoubleType, t.containsNull) };
    }
    needNumeric(fn, t, 2);
    if (literal !== undefined)
        checkPercentage(fn, literal);
    return { array: false, argType: DoubleType };
}
/** Runtime check of a percentage value (the analyzer only sees literals; arrays are built by array(...)). */
export function checkPercentage(fn, p) {
    const ps = Array.isArray(p) ? p : [p];
    for (const x of ps) {
        const v = Number(x);
        if (x === null || !(v >= 0 && v <= 1)) {
            throw new AnalysisError('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `${fn}: the percentage must be between 0.0 and 1.0, but got ${x === null ? 'NULL' : String(x)}`);
        }
    }
}
//# sourceMappingURL=arg-checks.js.map