import { DecimalType, DoubleType, IntegerType, LongType } from '../types/data-types.js';
import { arithmetic, negate } from '../eval/arith.js';
import { resolveBinary } from '../eval/coercion.js';
import { decimalToString, fitsPrecision, parseDecimal, pow10, rescale, roundUnscaled } from '../eval/decimal.js';
import { arithmeticOverflow, numericValueOutOfRange } from '../eval/errors.js';
import { isNumericKind, kindOf, MAX_PRECISION } from '../eval/types.js';
import { define, expectArg, mapRows, typeMismatch } from './helpers.js';
/** Math functions: abs, round/bround, floor/ceil, sqrt, exp, ln/log/log10/log2, pow, and the try_ arithmetic. */
/** A numeric argument: numbers keep their type, strings (and NULL) become double. */
function numericArg(fn, i, t) {
    const k = kindOf(t);
    if (isNumericKind(k))
        return t;
    if (k === 'string' || k === 'null')
        return DoubleType;
    throw typeMismatch(fn, i, '"NUMERIC"', t);
}
define({
    name: 'abs',
    args: [1, 1],
    resolve(types) {
        const t = numericArg('abs', 0, types[0]);
        return { returnType: t, argTypes: [t] };
    },
    evaluate: (args, n) => negate(args[0], n, true, true),
});
define({
    name: 'negative',
    args: [1, 1],
    resolve(types) {
        const t = numericArg('negative', 0, types[0]);
        return { returnType: t, argTypes: [t] };
    },
    evaluate: (args, n) => negate(args[0], n, false, true),
});
// -------------------------------------------------------------------------------------------- round
/** Rounds a double as Spark: through its decimal text (BigDecimal(d)), so round(1.005, 2) = 1.01. */
export function roundDouble(x, d, mode) {
    if (!Number.isFinite(x))
        return x;
    if (d >= 0 && Number.isInteger(x))
        return x;
    const p = parseDecimal(String(x));
    if (!p || p.scale <= d)
        return x;
    const r = roundUnscaled(p.unscaled, p.scale, d, mode);
    return Number.parseFloat(decimalToString(r, d));
}
function roundType(t, scaleLit) {
    if (!(t instanceof DecimalType))
        return t;
    const { precision: p, scale: s } = t;
    if (typeof scaleLit !== 'number')
        return new DecimalType(Math.min(p + 1, MAX_PRECISION), s);
    const d = scaleLit;
    const integral = p - s + 1;
    if (d < 0)
        return new DecimalType(Math.min(Math.max(integral, -d + 1), MAX_PRECISION), 0);
    const ns = Math.min(s, d);
    return new DecimalType(Math.min(integral + ns, MAX_PRECISION), ns);
}
const INT_LIMIT = {
    byte: [-128n, 127n],
    short: [-32768n, 32767n],
    int: [-2147483648n, 2147483647n],
    long: [-9223372036854775808n, 9223372036854775807n],
};
for (const [name, mode] of [
    ['round', 'half_up'],
    ['bround', 'half_even'],
]) {
    define({
        name,
        args: [1, 2],
        resolve(types, literals) {
            const t = numericArg(name, 0, types[0]);
            const argTypes = [t, ...(types.length > 1 ? [expectArg(name, 1, types[1], IntegerType)] : [])];
            return { returnType: roundType(t, types.length > 1 ? literals[1] : 0), argTypes };
        },
        evaluate(args, n, rt) {
            const x = args[0];
            const k = kindOf(x.type);
            const dArgs = args.length > 1 ? args : [x];
            if (k === 'float' || k === 'double') {
                return mapRows(dArgs, n, rt, (v, d) => roundDouble(v, d ?? 0, mode));
            }
            if (k === 'decimal') {
                const s = x.type.scale;
                const out = rt;
                return mapRows(dArgs, n, rt, (v, d) => {
                    const q = rescale(roundUnscaled(v, s, Math.min(d ?? 0, s), mode), Math.min(d ?? 0, s), out.scale);
                    if (!fitsPrecision(q, out.precision))
                        throw numericValueOutOfRange(decimalToString(q, out.scale), out.precision, out.scale);
                    return q;
                });
            }
            // integral types
            const [lo, hi] = INT_LIMIT[k];
            const big = k === 'long';
            return mapRows(dArgs, n, rt, (v, d) => {
                const dd = d ?? 0;
                if (dd >= 0)
                    return v;
                const r = roundUnscaled(BigInt(v), 0, dd, mode) * pow10(-dd);
                if (r < lo || r > hi)
                    throw arithmeticOverflow('Overflow');
                return big ? r : Number(r);
            });
        },
    });
}
// -------------------------------------------------------------------------------------------- floor / ceil
const MAX_LONG = 9223372036854775807n;
const MIN_LONG = -9223372036854775808n;
for (const [name, aliases, mode] of [
    ['floor', [], 'floor'],
    ['ceil', ['ceiling'], 'ceil'],
]) {
    define({
        name,
        aliases: [...aliases],
        args: [1, 1],
        resolve(types) {
            const t = numericArg(name, 0, types[0]);
            if (t instanceof DecimalType)
                return { returnType: new DecimalType(Math.min(t.precision - t.scale + 1, MAX_PRECISION), 0), argTypes: [t] };
            const k = kindOf(t);
            if (k === 'float' || k === 'double')
                return { returnType: LongType, argTypes: [DoubleType] };
            return { returnType: LongType, argTypes: [LongType] };
        },
        evaluate(args, n, rt) {
            const x = args[0];
            const k = kindOf(x.type);
            if (k === 'decimal') {
                const s = x.type.scale;
                const p = rt.precision;
                return mapRows(args, n, rt, (v) => {
                    const q = roundUnscaled(v, s, 0, mode);
                    if (!fitsPrecision(q, p))
                        throw numericValueOutOfRange(q.toString(), p, 0);
                    return q;
                });
            }
            if (k === 'long')
                return x;
            const f = mode === 'floor' ? Math.floor : Math.ceil;
            // Java's (long) cast: NaN → 0, saturating at the ends.
            return mapRows(args, n, rt, (v) => {
                const r = f(v);
                if (r !== r)
                    return 0n;
                if (r >= 9223372036854775807)
                    return MAX_LONG;
                if (r <= -9223372036854775808)
                    return MIN_LONG;
                return BigInt(r);
            });
        },
    });
}
// ----------------------------------------------------------------------------------------- transcendental
for (const [name, aliases, f] of [
    ['sqrt', [], Math.sqrt],
    ['exp', [], Math.exp],
    ['ln', [], (x) => (x <= 0 ? null : Math.log(x))],
    ['log10', [], (x) => (x <= 0 ? null : Math.log10(x))],
    ['log2', [], (x) => (x <= 0 ? null : Math.log2(x))],
    ['cbrt', [], Math.cbrt],
    ['sin', [], Math.sin],
    ['cos', [], Math.cos],
    ['tan', [], Math.tan],
    ['signum', ['sign'], (x) => (x !== x ? x : x > 0 ? 1 : x < 0 ? -1 : 0)],
]) {
    define({
        name,
        aliases: [...aliases],
        args: [1, 1],
        resolve: (types) => ({ returnType: DoubleType, argTypes: [expectArg(name, 0, types[0], DoubleType, '"DOUBLE"')] }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, f),
    });
}
define({
    name: 'log',
    args: [1, 2],
    resolve: (types) => ({ returnType: DoubleType, argTypes: types.map((t, i) => expectArg('log', i, t, DoubleType, '"DOUBLE"')) }),
    evaluate(args, n, rt) {
        if (args.length === 1)
            return mapRows(args, n, rt, (x) => (x <= 0 ? null : Math.log(x)));
        return mapRows(args, n, rt, (b, x) => (b <= 0 || x <= 0 ? null : Math.log(x) / Math.log(b)));
    },
});
define({
    name: 'pow',
    aliases: ['power'],
    args: [2, 2],
    resolve: (types) => ({ returnType: DoubleType, argTypes: types.map((t, i) => expectArg('pow', i, t, DoubleType, '"DOUBLE"')) }),
    evaluate: (args, n, rt) => mapRows(args, n, rt, (x, y) => Math.pow(x, y)),
});
// -------------------------------------------------------------------------------------- try_ arithmetic
for (const [name, op, ansi] of [
    ['try_add', '+', false],
    ['try_subtract', '-', false],
    ['try_multiply', '*', false],
    ['try_divide', '/', false],
    ['try_mod', '%', false],
    ['mod', '%', true],
]) {
    define({
        name,
        args: [2, 2],
        resolve(types, literals) {
            const r = resolveBinary(op, types[0], types[1], { leftLiteral: literals[0], rightLiteral: literals[1] });
            return { returnType: r.result, argTypes: [r.left, r.right] };
        },
        evaluate(args, n, rt) {
            return arithmetic(op, args[0].type, args[1].type, rt, ansi)(args[0], args[1], n);
        },
    });
}
//# sourceMappingURL=math.js.map