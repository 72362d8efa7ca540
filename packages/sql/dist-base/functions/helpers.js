import { implicitCast } from '../eval/coercion.js';
import { datatypeMismatch, ordinal, wrongNumArgs } from '../eval/errors.js';
import { registerFunction } from '../eval/function-registry.js';
import { sqlTypeName } from '../eval/types.js';
import { allocValues, unionNulls } from '../eval/vec-util.js';
export function define(spec) {
    const [min, max] = spec.args;
    const f = {
        name: spec.name,
        resolve(argTypes, literals) {
            if (argTypes.length < min || argTypes.length > max) {
                const expected = min === max ? `${min}` : max === Infinity ? `> ${min - 1}` : `[${range(min, max).join(', ')}]`;
                throw wrongNumArgs(spec.name, expected, argTypes.length);
            }
            return spec.resolve(argTypes, literals ?? []);
        },
        evaluate: spec.evaluate,
        ...(spec.deterministic === false ? { deterministic: false } : {}),
    };
    registerFunction(f, ...(spec.aliases ?? []));
    return f;
}
function range(a, b) {
    const out = [];
    for (let i = a; i <= b; i++)
        out.push(i);
    return out;
}
/** Implicit cast of argument `i` to `expected`, or DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. */
export function expectArg(fn, i, actual, expected, requiredText) {
    const t = implicitCast(actual, expected);
    if (!t)
        throw typeMismatch(fn, i, requiredText ?? `"${sqlTypeName(expected)}"`, actual);
    return t;
}
export function typeMismatch(fn, i, required, actual) {
    return datatypeMismatch('UNEXPECTED_INPUT_TYPE', `"${fn}(...)"`, `The ${ordinal(i + 1)} parameter requires the ${required} type, however it has the type "${sqlTypeName(actual)}".`);
}
/**
 * Row-wise evaluation with Spark's usual null rule (any NULL argument → NULL result): `fn` gets the slot values
 * of one row and returns the result slot, or null for NULL.
 */
export function mapRows(args, n, returnType, fn) {
    const nulls = unionNulls(args, n);
    const out = allocValues(returnType, n);
    let outNulls = nulls ? nulls.slice(0, n) : null;
    const k = args.length;
    const vals = args.map((a) => a.values);
    if (k === 1) {
        const a = vals[0];
        for (let i = 0; i < n; i++) {
            if (outNulls !== null && outNulls[i] === 1)
                continue;
            const r = fn(a[i]);
            if (r === null || r === undefined)
                (outNulls ??= new Uint8Array(n))[i] = 1;
            else
                out[i] = r;
        }
    }
    else if (k === 2) {
        const a = vals[0];
        const b = vals[1];
        for (let i = 0; i < n; i++) {
            if (outNulls !== null && outNulls[i] === 1)
                continue;
            const r = fn(a[i], b[i]);
            if (r === null || r === undefined)
                (outNulls ??= new Uint8Array(n))[i] = 1;
            else
                out[i] = r;
        }
    }
    else {
        const row = new Array(k);
        for (let i = 0; i < n; i++) {
            if (outNulls !== null && outNulls[i] === 1)
                continue;
            for (let j = 0; j < k; j++)
                row[j] = vals[j][i];
            const r = fn(...row);
            if (r === null || r === undefined)
                (outNulls ??= new Uint8Array(n))[i] = 1;
            else
                out[i] = r;
        }
    }
    return { type: returnType, length: n, values: out, nulls: outNulls };
}
/** True when the string holds UTF-16 surrogates (characters beyond U+FFFF), where code points ≠ code units. */
export function hasSurrogates(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdfff)
            return true;
    }
    return false;
}
/** Number of code points (Spark counts characters, not UTF-16 units). */
export function codePointLength(s) {
    if (!hasSurrogates(s))
        return s.length;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
            const d = s.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff)
                i++;
        }
        n++;
    }
    return n;
}
/** Substring by code point indices [start, end). */
export function cpSlice(s, start, end) {
    if (!hasSurrogates(s))
        return s.slice(start, end);
    const cps = Array.from(s);
    return cps.slice(start, end).join('');
}
//# sourceMappingURL=helpers.js.map