import { intervalText } from './interval.js';
import { DecimalType } from '../types/data-types.js';
import { decimalFromNumber, decimalToNumber, decimalToString, digitCount, fitsPrecision, parseDecimal, pow10, rescale, rescaleDown } from './decimal.js';
import { formatDate, formatTimestamp, MICROS_PER_SECOND, microsToDays, stringToDate, stringToTimestamp, daysToMicros } from './datetime.js';
import { castInvalidInput, castOverflow, datatypeMismatch, numericValueOutOfRange } from './errors.js';
import { formatDouble, formatFloat, parseDouble, parseIntegral, parseLong, trimAll } from './number-format.js';
import { ArrayType, MapType, StructType, kindOf, sameType, sqlTypeName } from './types.js';
import { allocValues, nullVec } from './vec-util.js';
const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;
const TWO_63 = 9223372036854775808;
const RANGE = {
    byte: [-128, 127],
    short: [-32768, 32767],
    int: [-2147483648, 2147483647],
};
/** Spark's SQL literal text of a value, as error messages show it (3000000000L, 1.0E20D, 'abc', 12.5BD). */
export function sqlLiteral(v, t) {
    switch (kindOf(t)) {
        case 'string':
            return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
        case 'long':
            return `${v}L`;
        case 'short':
            return `${v}S`;
        case 'byte':
            return `${v}Y`;
        case 'double':
            return Number.isFinite(v) ? `${formatDouble(v)}D` : formatDouble(v);
        case 'float':
            return Number.isFinite(v) ? `${formatFloat(v)}F` : formatFloat(v);
        case 'decimal':
            return `${decimalToString(v, t.scale)}BD`;
        case 'boolean':
            return v ? 'true' : 'false';
        case 'date':
            return `DATE '${formatDate(v)}'`;
        case 'timestamp':
            return `TIMESTAMP '${formatTimestamp(v)}'`;
        default:
            return castToString(t)(v);
    }
}
const TRUE_STRINGS = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_STRINGS = new Set(['f', 'false', 'n', 'no', '0']);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The converter for one pair of types. */
export function slotConverter(from, to, ansi) {
    if (sameType(from, to))
        return (v) => v;
    const fk = kindOf(from);
    const tk = kindOf(to);
    const invalid = (v) => {
        if (ansi)
            throw castInvalidInput(sqlLiteral(v, from), from, to);
        return null;
    };
    const overflow = (v) => {
        if (ansi)
            throw castOverflow(sqlLiteral(v, from), from, to);
        return null;
    };
    const outOfRange = (text) => {
        if (ansi)
            throw numericValueOutOfRange(text, to.precision, to.scale);
        return null;
    };
    if (tk === 'string')
        return castToString(from);
    if (fk === 'null')
        return () => null;
    // Between intervals of one family: the value is kept down to the target's last field (Spark truncates).
    if (fk === 'interval_ym' && tk === 'interval_ym') {
        return to.endField === 0 ? (v) => Math.trunc(v / 12) * 12 : (v) => v;
    }
    if (fk === 'interval_dt' && tk === 'interval_dt') {
        const unit = [86400000000n, 3600000000n, 60000000n, 1n][to.endField];
        return (v) => (v / unit) * unit;
    }
    switch (fk) {
        case 'byte':
        case 'short':
        case 'int':
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    return (v) => (v < lo || v > hi ? overflow(v) : v);
                }
                case 'long':
                    return (v) => BigInt(v);
                case 'float':
                    return (v) => Math.fround(v);
                case 'double':
                    return (v) => v;
                case 'decimal': {
                    const { precision, scale } = to;
                    const f = pow10(scale);
                    return (v) => {
                        const r = BigInt(v) * f;
                        return fitsPrecision(r, precision) ? r : outOfRange(String(v));
                    };
                }
                case 'boolean':
                    return (v) => (v !== 0 ? 1 : 0);
                case 'timestamp':
                    return (v) => BigInt(v) * 1000000n;
            }
            break;
        case 'long':
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    const blo = BigInt(lo);
                    const bhi = BigInt(hi);
                    return (v) => (v < blo || v > bhi ? overflow(v) : Number(v));
                }
                case 'float':
                    return (v) => Math.fround(Number(v));
                case 'double':
                    return (v) => Number(v);
                case 'decimal': {
                    const { precision, scale } = to;
                    const f = pow10(scale);
                    return (v) => {
                        const r = v * f;
                        return fitsPrecision(r, precision) ? r : outOfRange(v.toString());
                    };
                }
                case 'boolean':
                    return (v) => (v !== 0n ? 1 : 0);
                case 'timestamp':
                    return (v) => {
                        const r = v * 1000000n;
                        return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
                    };
            }
            break;
        case 'float':
        case 'double':
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    return (v) => (v !== v || Math.floor(v) > hi || Math.ceil(v) < lo ? overflow(v) : Math.trunc(v));
                }
                case 'long':
                    return (v) => {
                        if (v !== v || Math.floor(v) > TWO_63 || Math.ceil(v) < -TWO_63)
                            return overflow(v);
                        const r = BigInt(Math.trunc(v));
                        return r > MAX_LONG ? MAX_LONG : r;
                    };
                case 'float':
                    return (v) => Math.fround(v);
                case 'double':
                    return (v) => v;
                case 'decimal': {
                    const { precision, scale } = to;
                    return (v) => {
                        if (!Number.isFinite(v))
                            return null;
                        const r = decimalFromNumber(v, scale);
                        if (r === null)
                            return null;
                        return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(decimalFromNumber(v, 0) ?? 0n, 0));
                    };
                }
                case 'boolean':
                    return (v) => (v !== 0 ? 1 : 0);
                case 'timestamp':
                    return (v) => {
                        const us = v * MICROS_PER_SECOND;
                        if (!Number.isFinite(us) || Math.abs(us) >= TWO_63) {
                            if (ansi)
                                throw castOverflow(sqlLiteral(us, from), from, to);
                            return null;
                        }
                        return BigInt(Math.trunc(us));
                    };
            }
            break;
        case 'decimal': {
            const fs = from.scale;
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    const blo = BigInt(lo);
                    const bhi = BigInt(hi);
                    return (v) => {
                        const r = rescaleDown(v, fs, 0);
                        return r < blo || r > bhi ? overflow(v) : Number(r);
                    };
                }
                case 'long':
                    return (v) => {
                        const r = rescaleDown(v, fs, 0);
                        return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
                    };
                case 'float':
                    return (v) => Math.fround(decimalToNumber(v, fs));
                case 'double':
                    return (v) => decimalToNumber(v, fs);
                case 'decimal': {
                    const { precision, scale } = to;
                    return (v) => {
                        const r = rescale(v, fs, scale);
                        return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(v, fs));
                    };
                }
                case 'boolean':
                    return (v) => (v !== 0n ? 1 : 0);
                case 'timestamp':
                    return (v) => {
                        const r = rescaleDown(v, fs, 6);
                        return r < MIN_LONG || r > MAX_LONG ? overflow(v) : r;
                    };
            }
            break;
        }
        case 'string':
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    return (v) => parseIntegral(v, lo, hi) ?? invalid(v);
                }
                case 'long':
                    return (v) => parseLong(v) ?? invalid(v);
                case 'float':
                    return (v) => {
                        const d = parseDouble(v);
                        return d === null ? invalid(v) : Math.fround(d);
                    };
                case 'double':
                    return (v) => parseDouble(v) ?? invalid(v);
                case 'decimal': {
                    const { precision, scale } = to;
                    return (v) => {
                        const p = parseDecimal(trimAll(v));
                        if (!p)
                            return invalid(v);
                        if (p.unscaled !== 0n && digitCount(p.unscaled) - p.scale > precision - scale) {
                            return outOfRange(decimalToString(p.unscaled, Math.max(p.scale, 0)));
                        }
                        const r = rescale(p.unscaled, p.scale, scale);
                        return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(p.unscaled, Math.max(p.scale, 0)));
                    };
                }
                case 'boolean':
                    return (v) => {
                        const t = trimAll(v).toLowerCase();
                        return TRUE_STRINGS.has(t) ? 1 : FALSE_STRINGS.has(t) ? 0 : invalid(v);
                    };
                case 'date':
                    return (v) => stringToDate(v) ?? invalid(v);
                case 'timestamp':
                    return (v) => stringToTimestamp(v) ?? invalid(v);
                case 'binary':
                    return (v) => encoder.encode(v);
            }
            break;
        case 'boolean':
            switch (tk) {
                case 'byte':
                case 'short':
                case 'int':
                case 'float':
                case 'double':
                    return (v) => v;
                case 'long':
                    return (v) => BigInt(v);
                case 'decimal': {
                    const { precision, scale } = to;
                    const one = pow10(scale);
                    return (v) => (v === 0 ? 0n : fitsPrecision(one, precision) ? one : outOfRange('1'));
                }
            }
            break;
        case 'date':
            if (tk === 'timestamp')
                return (v) => daysToMicros(v);
            break;
        case 'timestamp':
            switch (tk) {
                case 'date':
                    return (v) => microsToDays(v);
                case 'long':
                    return (v) => floorDivBig(v, 1000000n);
                case 'byte':
                case 'short':
                case 'int': {
                    const [lo, hi] = RANGE[tk];
                    return (v) => {
                        const s = Number(floorDivBig(v, 1000000n));
                        return s < lo || s > hi ? overflow(v) : s;
                    };
                }
                case 'double':
                    return (v) => Number(v) / MICROS_PER_SECOND;
                case 'float':
                    return (v) => Math.fround(Number(v) / MICROS_PER_SECOND);
                case 'decimal': {
                    const { precision, scale } = to;
                    return (v) => {
                        const r = rescale(v, 6, scale);
                        return fitsPrecision(r, precision) ? r : outOfRange(decimalToString(v, 6));
                    };
                }
            }
            break;
        case 'binary':
            break;
        case 'array':
            if (tk === 'array') {
                const el = slotConverter(from.elementType, to.elementType, ansi);
                return (v) => v.map((x) => (x === null ? null : el(x)));
            }
            break;
        case 'map':
            if (tk === 'map') {
                const kc = slotConverter(from.keyType, to.keyType, ansi);
                const vc = slotConverter(from.valueType, to.valueType, ansi);
                return (v) => ({ keys: v.keys.map((x) => kc(x)), values: v.values.map((x) => (x === null ? null : vc(x))) });
            }
            break;
        case 'struct':
            if (tk === 'struct' && from.fields.length === to.fields.length) {
                const fcs = from.fields.map((f, i) => slotConverter(f.dataType, to.fields[i].dataType, ansi));
                return (v) => v.map((x, i) => (x === null ? null : fcs[i](x)));
            }
            break;
    }
    throw castNotSupported(from, to);
}
function floorDivBig(a, b) {
    const q = a / b;
    return a % b !== 0n && a < 0n ? q - 1n : q;
}
export function castNotSupported(from, to) {
    return castTypeError(from, to);
}
function castTypeError(from, to) {
    return datatypeMismatch('CAST_WITHOUT_SUGGESTION', `CAST(... AS ${sqlTypeName(to)})`, `cannot cast "${sqlTypeName(from)}" to "${sqlTypeName(to)}".`);
}
/** Slot value → Spark's string form ("1.0E10", "2020-01-01 00:00:00", "[1, null]", "{a -> 1}", "{1, x}"). */
export function castToString(from) {
    switch (kindOf(from)) {
        case 'string':
            return (v) => v;
        case 'boolean':
            return (v) => (v ? 'true' : 'false');
        case 'byte':
        case 'short':
        case 'int':
        case 'long':
            return (v) => String(v);
        case 'float':
            return formatFloat;
        case 'double':
            return formatDouble;
        case 'decimal': {
            const s = from.scale;
            return (v) => decimalToString(v, s);
        }
        case 'date':
            return formatDate;
        case 'timestamp':
            return formatTimestamp;
        case 'binary':
            return (v) => decoder.decode(v);
        case 'interval_ym':
        case 'interval_dt':
            return (v) => intervalText(v, from);
        case 'null':
            return () => 'null';
        case 'array': {
            const el = castToString(from.elementType);
            return (v) => `[${v.map((x) => (x === null ? 'null' : el(x))).join(', ')}]`;
        }
        case 'map': {
            const kf = castToString(from.keyType);
            const vf = castToString(from.valueType);
            return (v) => `{${v.keys.map((k, i) => `${kf(k)} -> ${v.values[i] === null ? 'null' : vf(v.values[i])}`).join(', ')}}`;
        }
        case 'struct': {
            const fs = from.fields.map((f) => castToString(f.dataType));
            return (v) => `{${v.map((x, i) => (x === null ? 'null' : fs[i](x))).join(', ')}}`;
        }
    }
}
/** Casts a column. Types that already match come back unchanged. */
export function castVec(v, to, ansi = true) {
    const from = v.type;
    const n = v.length;
    if (sameType(from, to))
        return from === to ? v : { type: to, length: n, values: v.values, nulls: v.nulls };
    const fk = kindOf(from);
    const tk = kindOf(to);
    if (fk === 'null')
        return nullVec(to, n);
    const src = v.values;
    const nulls = v.nulls;
    // Widening between typed arrays: no checks, no per-row calls.
    if (isWidening(fk, tk)) {
        const out = allocValues(to, n);
        if (tk === 'long')
            for (let i = 0; i < n; i++)
                out[i] = BigInt(src[i]);
        else if (fk === 'long')
            for (let i = 0; i < n; i++)
                out[i] = Number(src[i]);
        else
            out.set(src.length === n ? src : src.subarray(0, n));
        return { type: to, length: n, values: out, nulls };
    }
    const conv = slotConverter(from, to, ansi);
    const out = allocValues(to, n);
    let outNulls = nulls ? nulls.slice(0, n) : null;
    for (let i = 0; i < n; i++) {
        if (nulls !== null && nulls[i] === 1)
            continue;
        const r = conv(src[i]);
        if (r === null)
            (outNulls ??= new Uint8Array(n))[i] = 1;
        else
            out[i] = r;
    }
    return { type: to, length: n, values: out, nulls: outNulls };
}
function isWidening(f, t) {
    switch (f) {
        case 'byte':
            return t === 'short' || t === 'int' || t === 'long' || t === 'float' || t === 'double';
        case 'short':
            return t === 'int' || t === 'long' || t === 'float' || t === 'double';
        case 'int':
            return t === 'long' || t === 'float' || t === 'double';
        case 'long':
            return t === 'float' || t === 'double';
        case 'float':
            return t === 'double';
        default:
            return false;
    }
}
/** Casts one slot value (null stays null). */
export function castSlot(v, from, to, ansi = true) {
    if (v === null || v === undefined)
        return null;
    return slotConverter(from, to, ansi)(v);
}
export { DecimalType };
//# sourceMappingURL=cast.js.map