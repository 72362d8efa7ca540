import { KindlingError } from '@kindling/core';
import { sqlTypeName } from './types.js';
/**
 * An error raised by SQL typing or evaluation, with Spark 4's error class as `code` ("DIVIDE_BY_ZERO",
 * "CAST_INVALID_INPUT", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE") and its SQLSTATE where Spark has one. The
 * message says what went wrong and what to do instead. Messages follow Spark's wording, minus the advice to turn
 * off `spark.sql.ansi.enabled`: Kindling always evaluates with ANSI semantics; the `try_*` forms return NULL.
 */
export class SqlError extends KindlingError {
    sqlState;
    constructor(code, message, options) {
        super(code, message, options?.cause !== undefined ? { cause: options.cause } : undefined);
        this.sqlState = options?.sqlState;
    }
}
export const divideByZero = () => new SqlError('DIVIDE_BY_ZERO', 'Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.', {
    sqlState: '22012',
});
const TRY_NAME = { '+': 'try_add', '-': 'try_subtract', '*': 'try_multiply', '/': 'try_divide', div: 'try_divide', '%': 'try_mod' };
/** Overflow of int or bigint arithmetic: "[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' ...". */
export function arithmeticOverflow(what, op) {
    const alt = op && TRY_NAME[op] ? ` Use '${TRY_NAME[op]}' to tolerate overflow and return NULL instead.` : '';
    return new SqlError('ARITHMETIC_OVERFLOW', `${what}.${alt}`, { sqlState: '22003' });
}
/** Overflow of tinyint or smallint arithmetic, naming the operands as Spark does ("127S + 1S caused overflow"). */
export function binaryArithmeticOverflow(left, op, right) {
    const alt = TRY_NAME[op] ? ` Use \`${TRY_NAME[op]}\` to ignore overflow problem and return NULL.` : '';
    return new SqlError('BINARY_ARITHMETIC_OVERFLOW', `${left}S ${op} ${right}S caused overflow.${alt}`, { sqlState: '22003' });
}
export function castInvalidInput(sqlValue, from, to) {
    return new SqlError('CAST_INVALID_INPUT', `The value ${sqlValue} of the type "${sqlTypeName(from)}" cannot be cast to "${sqlTypeName(to)}" because it is malformed. ` +
        'Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.', { sqlState: '22018' });
}
export function castOverflow(sqlValue, from, to) {
    return new SqlError('CAST_OVERFLOW', `The value ${sqlValue} of the type "${sqlTypeName(from)}" cannot be cast to "${sqlTypeName(to)}" due to an overflow. ` +
        'Use `try_cast` to tolerate overflow and return NULL instead.', { sqlState: '22003' });
}
export function numericValueOutOfRange(value, precision, scale) {
    return new SqlError('NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION', `${value} cannot be represented as Decimal(${precision}, ${scale}). Use a wider decimal type, or a \`try_\` function to return NULL instead.`, { sqlState: '22003' });
}
export function cannotParseTimestamp(detail, fn = 'try_to_timestamp') {
    return new SqlError('CANNOT_PARSE_TIMESTAMP', `${detail}. Use \`${fn}\` to tolerate invalid input string and return NULL instead.`, {
        sqlState: '22007',
    });
}
export function invalidArrayIndex(index, size, inElementAt) {
    return inElementAt
        ? new SqlError('INVALID_ARRAY_INDEX_IN_ELEMENT_AT', `The index ${index} is out of bounds. The array has ${size} elements. Use \`try_element_at\` to tolerate accessing element at invalid index and return NULL instead.`, { sqlState: '22003' })
        : new SqlError('INVALID_ARRAY_INDEX', `The index ${index} is out of bounds. The array has ${size} elements. Use the SQL function \`get()\` to tolerate accessing element at invalid index and return NULL instead.`, { sqlState: '22003' });
}
export const invalidIndexOfZero = () => new SqlError('INVALID_INDEX_OF_ZERO', 'The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).', {
    sqlState: '22003',
});
export const nullMapKey = () => new SqlError('NULL_MAP_KEY', 'Cannot use null as map key.', { sqlState: '2200E' });
export const duplicatedMapKey = (key) => new SqlError('DUPLICATED_MAP_KEY', `Duplicate map key ${key} was found, please check the input data.`, { sqlState: '23505' });
/** An analysis-time type error: DATATYPE_MISMATCH.<sub> "Cannot resolve <expr> due to data type mismatch: ...". */
export function datatypeMismatch(sub, what, detail) {
    return new SqlError(`DATATYPE_MISMATCH.${sub}`, `Cannot resolve ${what} due to data type mismatch: ${detail}`, { sqlState: '42K09' });
}
/** A function argument of the wrong type: "The second parameter requires the "INT" type, however ... has the type ...". */
export function unexpectedInputType(fn, argIndex, required, actual) {
    return datatypeMismatch('UNEXPECTED_INPUT_TYPE', `"${fn}"`, `The ${ordinal(argIndex + 1)} parameter requires the ${required} type, however it has the type "${sqlTypeName(actual)}".`);
}
export function wrongNumArgs(fn, expected, actual) {
    return new SqlError('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `The \`${fn}\` requires ${expected} parameters but the actual number is ${actual}. Please check the function's signature.`, { sqlState: '42605' });
}
export function invalidParameterValue(sub, parameter, fn, detail) {
    return new SqlError(`INVALID_PARAMETER_VALUE.${sub}`, `The value of parameter(s) \`${parameter}\` in \`${fn}\` is invalid: ${detail}`, {
        sqlState: '22023',
    });
}
export const unsupported = (what, instead) => new SqlError('UNSUPPORTED_FEATURE', `${what} is not supported by Kindling.${instead ? ` ${instead}` : ''}`, { sqlState: '0A000' });
export function ordinal(n) {
    const words = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
    return words[n] ?? `${n}th`;
}
//# sourceMappingURL=errors.js.map