import { intervalArithmetic, isIntervalArithmetic } from './interval.js';
import { BooleanType, DecimalType } from '../types/data-types.js';
import { comparatorFor } from './compare.js';
import { decimalToString, divHalfUp, fitsPrecision, pow10, rescale } from './decimal.js';
import { SqlError, arithmeticOverflow, binaryArithmeticOverflow, divideByZero, numericValueOutOfRange } from './errors.js';
import { kindOf } from './types.js';
import { allocValues, copyNulls, nullVec, unionNulls } from './vec-util.js';
const kernelCache = new Map();
function kernel(key, params, body) {
    let k = kernelCache.get(key);
    if (!k) {
        k = new Function(...params, body());
        kernelCache.set(key, k);
    }
    return k;
}
function numGroup(k) {
    switch (k) {
        case 'byte':
            return 'i8';
        case 'short':
            return 'i16';
        case 'int':
            return 'i32';
        case 'float':
            return 'f32';
        case 'double':
            return 'f64';
        case 'long':
            return 'i64';
    }
    return null;
}
const RANGE_OF = {
    i8: ['-128', '127'],
    i16: ['-32768', '32767'],
    i32: ['-2147483648', '2147483647'],
    i64: ['-9223372036854775808n', '9223372036854775807n'],
};
/** (a, b, out, nulls, start, n) → index of the first non-null row that fails (zero divisor, overflow), or -1. */
function arithKernel(op, g) {
    return kernel(`arith:${op}:${g}`, ['a', 'b', 'out', 'nulls', 'start', 'n'], () => {
        const big = g === 'i64';
        const zero = big ? '0n' : '0';
        const needsZero = op === '/' || op === '%' || op === 'div';
        const expr = op === 'div' ? 'x / y' : `x ${op} y`;
        const range = RANGE_OF[g];
        const check = range && op !== '%' ? `if (r > ${range[1]} || r < ${range[0]}) { if (nulls === null || nulls[i] === 0) return i; continue; }` : '';
        return `
      for (let i = start; i < n; i++) {
        const x = a[i], y = b[i];
        ${needsZero ? `if (y === ${zero}) { if (nulls === null || nulls[i] === 0) return i; continue; }` : ''}
        const r = ${expr};
        ${check}
        out[i] = r;
      }
      return -1;`;
    });
}
const TRY_OP = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', div: 'div' };
/**
 * Arithmetic of two columns already cast to the operand types `resolveBinary` gives (`lt`, `rt`). With `ansi`
 * errors raise (DIVIDE_BY_ZERO, ARITHMETIC_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE); without (try_add, try_divide,
 * …) the failing rows become NULL.
 */
export function arithmetic(op, lt, rt, resultType, ansi) {
    const lk = kindOf(lt);
    const rk = kindOf(rt);
    if (lk === 'null' || rk === 'null')
        return (_l, _r, n) => nullVec(resultType, n);
    if (isIntervalArithmetic(op, lt, rt))
        return intervalArithmetic(op, lt, rt, resultType);
    if (lk === 'date' || rk === 'date') {
        // date ± days
        const sign = op === '-' ? -1 : 1;
        const dateLeft = lk === 'date';
        return (lv, rv, n) => {
            const a = (dateLeft ? lv : rv).values;
            const d = (dateLeft ? rv : lv).values;
            const out = new Int32Array(n);
            for (let i = 0; i < n; i++)
                out[i] = a[i] + sign * d[i];
            return { type: resultType, length: n, values: out, nulls: unionNulls([lv, rv], n) };
        };
    }
    if (lk === 'decimal' || rk === 'decimal')
        return decimalArithmetic(op, lt, rt, resultType, ansi);
    const g = numGroup(lk);
    if (!g || lk !== rk)
        throw new SqlError('INTERNAL_ERROR', `arithmetic on ${lt.simpleString()} and ${rt.simpleString()} needs a cast first`);
    const kern = arithKernel(op, g);
    const fail = (x, y) => {
        if ((op === '/' || op === '%' || op === 'div') && (y === 0 || y === 0n))
            return divideByZero();
        if (g === 'i8' || g === 'i16')
            return binaryArithmeticOverflow(x, op, y);
        if (op === 'div')
            return arithmeticOverflow('Overflow in integral divide', 'div');
        return arithmeticOverflow(g === 'i64' ? 'long overflow' : 'integer overflow', TRY_OP[op]);
    };
    return (lv, rv, n) => {
        const a = lv.values;
        const b = rv.values;
        const nulls = unionNulls([lv, rv], n);
        const out = allocValues(resultType, n);
        let outNulls = nulls;
        let start = 0;
        for (;;) {
            const bad = kern(a, b, out, outNulls, start, n);
            if (bad < 0)
                break;
            if (ansi)
                throw fail(a[bad], b[bad]);
            if (outNulls === nulls)
                outNulls = copyNulls(nulls, n);
            outNulls[bad] = 1;
            start = bad + 1;
        }
        return { type: resultType, length: n, values: out, nulls: outNulls };
    };
}
function decimalArithmetic(op, lt, rt, resultType, ansi) {
    const ls = lt.scale;
    const rs = rt.scale;
    const div = op === 'div';
    const out = div ? null : resultType;
    const ps = out ? out.scale : 0;
    const pp = out ? out.precision : 0;
    const s = Math.max(ls, rs);
    const fl = pow10(s - ls);
    const fr = pow10(s - rs);
    const divNum = op === '/' ? pow10(ps + rs) : 1n;
    const divDen = op === '/' ? pow10(ls) : 1n;
    const compute = (x, y) => {
        switch (op) {
            case '+':
            case '-': {
                const v = op === '+' ? x * fl + y * fr : x * fl - y * fr;
                const q = s === ps ? v : rescale(v, s, ps);
                return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, s), pp, ps);
            }
            case '*': {
                const v = x * y;
                const q = rescale(v, ls + rs, ps);
                return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, ls + rs), pp, ps);
            }
            case '/': {
                if (y === 0n)
                    return divideByZero();
                const q = divHalfUp(x * divNum, y * divDen);
                return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(q, ps), pp, ps);
            }
            case '%': {
                if (y === 0n)
                    return divideByZero();
                const v = (x * fl) % (y * fr);
                const q = s === ps ? v : rescale(v, s, ps);
                return fitsPrecision(q, pp) ? q : numericValueOutOfRange(decimalToString(v, s), pp, ps);
            }
            case 'div': {
                if (y === 0n)
                    return divideByZero();
                const q = (x * fl) / (y * fr);
                return q > 9223372036854775807n || q < -9223372036854775808n ? arithmeticOverflow('Overflow in integral divide', 'div') : q;
            }
        }
        throw new SqlError('INTERNAL_ERROR', `no decimal ${op}`);
    };
    return (lv, rv, n) => {
        const a = lv.values;
        const b = rv.values;
        const nulls = unionNulls([lv, rv], n);
        let outNulls = nulls;
        const values = div ? new BigInt64Array(n) : new Array(n).fill(null);
        for (let i = 0; i < n; i++) {
            if (outNulls !== null && outNulls[i] === 1)
                continue;
            const v = compute(a[i], b[i]);
            if (v instanceof SqlError) {
                if (ansi)
                    throw v;
                if (outNulls === nulls)
                    outNulls = copyNulls(nulls, n);
                outNulls[i] = 1;
                continue;
            }
            values[i] = v;
        }
        return { type: resultType, length: n, values, nulls: outNulls };
    };
}
const NEG_OVERFLOW = { byte: 'byte overflow', short: 'short overflow', int: 'integer overflow', long: 'long overflow' };
/** Unary minus (and abs when `absOnly`), raising ARITHMETIC_OVERFLOW for the minimum integer when `ansi`. */
export function negate(v, n, absOnly = false, ansi = true) {
    const k = kindOf(v.type);
    const a = v.values;
    const nulls = v.nulls;
    const out = allocValues(v.type, n);
    let outNulls = nulls;
    switch (k) {
        case 'byte':
        case 'short':
        case 'int':
        case 'interval_ym': {
            const min = k === 'byte' ? -128 : k === 'short' ? -32768 : -2147483648;
            for (let i = 0; i < n; i++) {
                const x = a[i];
                if (x === min && !(nulls !== null && nulls[i] === 1)) {
                    if (ansi)
                        throw arithmeticOverflow(NEG_OVERFLOW[k]);
                    (outNulls = outNulls === nulls ? copyNulls(nulls, n) : outNulls)[i] = 1;
                    continue;
                }
                out[i] = absOnly ? (x < 0 ? -x : x) : -x;
            }
            break;
        }
        case 'long':
        case 'interval_dt':
            for (let i = 0; i < n; i++) {
                const x = a[i];
                if (x === -9223372036854775808n && !(nulls !== null && nulls[i] === 1)) {
                    if (ansi)
                        throw arithmeticOverflow('long overflow');
                    (outNulls = outNulls === nulls ? copyNulls(nulls, n) : outNulls)[i] = 1;
                    continue;
                }
                out[i] = absOnly ? (x < 0n ? -x : x) : -x;
            }
            break;
        case 'float':
        case 'double':
            if (absOnly)
                for (let i = 0; i < n; i++)
                    out[i] = Math.abs(a[i]);
            else
                for (let i = 0; i < n; i++)
                    out[i] = -a[i];
            break;
        case 'decimal':
            for (let i = 0; i < n; i++) {
                const x = a[i];
                out[i] = x === null || x === undefined ? null : absOnly ? (x < 0n ? -x : x) : -x;
            }
            break;
        default:
            throw new SqlError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `cannot negate a value of type ${v.type.simpleString()}`);
    }
    return { type: v.type, length: n, values: out, nulls: outNulls };
}
// ---------------------------------------------------------------------------------------------- compare
/** Comparison loop: (a, b, out, n, cmp) with out[i] = 1/0. */
function compareKernel(op, mode) {
    return kernel(`cmp:${op}:${mode}`, ['a', 'b', 'out', 'n', 'cmp'], () => {
        let expr;
        if (mode === 'cmp') {
            const o = op === '<=>' || op === '=' ? '===' : op === '!=' ? '!==' : op;
            expr = `cmp(x, y) ${o} 0`;
        }
        else if (mode === 'float') {
            expr = {
                '=': 'x === y || (x !== x && y !== y)',
                '<=>': 'x === y || (x !== x && y !== y)',
                '!=': '!(x === y || (x !== x && y !== y))',
                '<': 'x < y || (x === x && y !== y)',
                '<=': 'x <= y || y !== y',
                '>': 'x > y || (x !== x && y === y)',
                '>=': 'x >= y || x !== x',
            }[op];
        }
        else {
            expr = op === '=' || op === '<=>' ? 'x === y' : op === '!=' ? 'x !== y' : `x ${op} y`;
        }
        return `for (let i = 0; i < n; i++) { const x = a[i], y = b[i]; out[i] = (${expr}) ? 1 : 0; }`;
    });
}
/** A comparison of two columns of the same type `t` (Spark ordering: NaN largest; <=> never null). */
export function comparison(op, t) {
    const k = kindOf(t);
    const mode = k === 'float' || k === 'double' ? 'float' : k === 'binary' || k === 'array' || k === 'struct' || k === 'map' ? 'cmp' : 'prim';
    const cmp = mode === 'cmp' ? comparatorFor(t) : null;
    const kern = compareKernel(op, mode);
    const nullType = k === 'null';
    return (lv, rv, n) => {
        const out = new Uint8Array(n);
        const ln = lv.nulls;
        const rn = rv.nulls;
        if (op === '<=>') {
            if (nullType) {
                out.fill(1);
                return { type: BooleanType, length: n, values: out, nulls: null };
            }
            if (mode !== 'cmp' || (ln === null && rn === null))
                kern(lv.values, rv.values, out, n, cmp);
            else {
                for (let i = 0; i < n; i++) {
                    if ((ln !== null && ln[i] === 1) || (rn !== null && rn[i] === 1))
                        continue;
                    out[i] = cmp(lv.values[i], rv.values[i]) === 0 ? 1 : 0;
                }
            }
            if (ln !== null || rn !== null) {
                for (let i = 0; i < n; i++) {
                    const a = ln !== null && ln[i] === 1;
                    const b = rn !== null && rn[i] === 1;
                    if (a || b)
                        out[i] = a && b ? 1 : 0;
                }
            }
            return { type: BooleanType, length: n, values: out, nulls: null };
        }
        if (nullType)
            return nullVec(BooleanType, n);
        const nulls = unionNulls([lv, rv], n);
        if (mode === 'cmp' && nulls) {
            // comparators must not see the placeholders of null rows
            const a = lv.values;
            const b = rv.values;
            for (let i = 0; i < n; i++) {
                if (nulls[i] === 1)
                    continue;
                const x = cmp(a[i], b[i]);
                out[i] = (op === '=' ? x === 0 : op === '!=' ? x !== 0 : op === '<' ? x < 0 : op === '<=' ? x <= 0 : op === '>' ? x > 0 : x >= 0) ? 1 : 0;
            }
        }
        else
            kern(lv.values, rv.values, out, n, cmp);
        return { type: BooleanType, length: n, values: out, nulls };
    };
}
//# sourceMappingURL=arith.js.map