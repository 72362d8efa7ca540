import { ArrayType, DecimalType, MapType, StructType } from '../types/data-types.js';
import { decimalFromNumber, decimalToNumber, decimalToString, fitsPrecision, parseDecimal, pow10, rescale } from './decimal.js';
import { stringToDate, stringToTimestamp } from './datetime.js';
import { SqlError } from './errors.js';
import { kindOf } from './types.js';
import { allocValues } from './vec-util.js';
/**
 * JS row values ↔ slot values. Row values are what users give to createDataFrame and get from collect():
 * number (tinyint … int, float, double; decimals by default), bigint (bigint), string, boolean, Date (date at
 * UTC midnight; timestamp to the millisecond), Uint8Array (binary), arrays, plain objects for structs (by field
 * name; arrays are read by position too), Map for maps (plain objects are read too), null.
 */
function bad(v, t) {
    const shown = typeof v === 'string' ? `'${v}'` : typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : String(v);
    return new SqlError('INVALID_VALUE_FOR_TYPE', `cannot store the ${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v} value ${shown} in a column of type ${t.simpleString()}; give a value of the column's type or change the schema.`);
}
/** The converter from JS row values of type `t` to slot values (null stays null). */
export function toSlot(t) {
    const k = kindOf(t);
    switch (k) {
        case 'null':
            return () => null;
        case 'boolean':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'boolean')
                    return v ? 1 : 0;
                if (v === 0 || v === 1)
                    return v;
                throw bad(v, t);
            };
        case 'byte':
        case 'short':
        case 'int': {
            const [lo, hi] = k === 'byte' ? [-128, 127] : k === 'short' ? [-32768, 32767] : [-2147483648, 2147483647];
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                const x = typeof v === 'bigint' ? Number(v) : v;
                if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
                    throw bad(v, t);
                return x;
            };
        }
        case 'long':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'bigint')
                    return BigInt.asIntN(64, v) === v ? v : (() => { throw bad(v, t); })();
                if (typeof v === 'number' && Number.isInteger(v))
                    return BigInt(v);
                throw bad(v, t);
            };
        case 'float':
        case 'double':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'number')
                    return k === 'float' ? Math.fround(v) : v;
                if (typeof v === 'bigint')
                    return Number(v);
                throw bad(v, t);
            };
        case 'decimal': {
            const { precision, scale } = t;
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                let r = null;
                if (typeof v === 'number')
                    r = decimalFromNumber(v, scale);
                else if (typeof v === 'bigint')
                    r = v * pow10(scale);
                else if (typeof v === 'string') {
                    const p = parseDecimal(v.trim());
                    if (p)
                        r = rescale(p.unscaled, p.scale, scale);
                }
                if (r === null || !fitsPrecision(r, precision))
                    throw bad(v, t);
                return r;
            };
        }
        case 'string':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'string')
                    return v;
                if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
                    return String(v);
                throw bad(v, t);
            };
        case 'binary':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (v instanceof Uint8Array)
                    return v;
                if (v instanceof ArrayBuffer)
                    return new Uint8Array(v);
                if (typeof v === 'string')
                    return new TextEncoder().encode(v);
                if (Array.isArray(v))
                    return Uint8Array.from(v);
                throw bad(v, t);
            };
        case 'date':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (v instanceof Date) {
                    const ms = v.getTime();
                    if (Number.isNaN(ms))
                        throw bad(v, t);
                    return Math.floor(ms / 86_400_000);
                }
                if (typeof v === 'string') {
                    const d = stringToDate(v);
                    if (d === null)
                        throw bad(v, t);
                    return d;
                }
                if (typeof v === 'number' && Number.isInteger(v))
                    return v;
                throw bad(v, t);
            };
        case 'interval_ym':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'number' && Number.isInteger(v))
                    return v;
                if (typeof v === 'bigint')
                    return Number(v);
                throw bad(v, t);
            };
        case 'interval_dt':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (typeof v === 'bigint')
                    return v;
                if (typeof v === 'number' && Number.isInteger(v))
                    return BigInt(v);
                throw bad(v, t);
            };
        case 'timestamp':
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (v instanceof Date) {
                    const ms = v.getTime();
                    if (Number.isNaN(ms))
                        throw bad(v, t);
                    return BigInt(ms) * 1000n;
                }
                if (typeof v === 'bigint')
                    return v;
                if (typeof v === 'number' && Number.isFinite(v))
                    return BigInt(Math.round(v * 1000));
                if (typeof v === 'string') {
                    const us = stringToTimestamp(v);
                    if (us === null)
                        throw bad(v, t);
                    return us;
                }
                throw bad(v, t);
            };
        case 'array': {
            const el = toSlot(t.elementType);
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (!Array.isArray(v))
                    throw bad(v, t);
                return v.map((x) => el(x));
            };
        }
        case 'struct': {
            const fields = t.fields;
            const conv = fields.map((f) => toSlot(f.dataType));
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                if (Array.isArray(v))
                    return fields.map((_, i) => conv[i](v[i]));
                if (typeof v !== 'object')
                    throw bad(v, t);
                const o = v;
                return fields.map((f, i) => conv[i](o[f.name]));
            };
        }
        case 'map': {
            const kc = toSlot(t.keyType);
            const vc = toSlot(t.valueType);
            return (v) => {
                if (v === null || v === undefined)
                    return null;
                const entries = v instanceof Map ? [...v] : typeof v === 'object' ? Object.entries(v) : (() => { throw bad(v, t); })();
                const keys = [];
                const values = [];
                for (const [key, val] of entries) {
                    const ks = kc(key);
                    if (ks === null)
                        throw new SqlError('NULL_MAP_KEY', 'Cannot use null as map key.', { sqlState: '2200E' });
                    keys.push(ks);
                    values.push(vc(val));
                }
                return { keys, values };
            };
        }
    }
}
/** The converter from slot values of type `t` to JS row values. */
export function fromSlot(t, opts = {}) {
    const k = kindOf(t);
    switch (k) {
        case 'boolean':
            return (v) => (v === null ? null : v === 1 || v === true);
        case 'decimal': {
            const s = t.scale;
            if (opts.decimal === 'string')
                return (v) => (v === null ? null : decimalToString(v, s));
            if (opts.decimal === 'bigint')
                return (v) => v;
            return (v) => (v === null ? null : decimalToNumber(v, s));
        }
        case 'date':
            return (v) => (v === null ? null : new Date(v * 86_400_000));
        case 'timestamp':
            if (opts.timestamp === 'micros')
                return (v) => v;
            return (v) => {
                if (v === null)
                    return null;
                const n = Number(v);
                return new Date(Math.floor(n / 1000));
            };
        case 'array': {
            const el = fromSlot(t.elementType, opts);
            return (v) => (v === null ? null : v.map((x) => (x === null ? null : el(x))));
        }
        case 'struct': {
            const fields = t.fields;
            const conv = fields.map((f) => fromSlot(f.dataType, opts));
            return (v) => {
                if (v === null)
                    return null;
                const o = {};
                for (let i = 0; i < fields.length; i++)
                    o[fields[i].name] = v[i] === null ? null : conv[i](v[i]);
                return o;
            };
        }
        case 'map': {
            const kc = fromSlot(t.keyType, opts);
            const vc = fromSlot(t.valueType, opts);
            return (v) => {
                if (v === null)
                    return null;
                const m = new Map();
                for (let i = 0; i < v.keys.length; i++)
                    m.set(kc(v.keys[i]), v.values[i] === null ? null : vc(v.values[i]));
                return m;
            };
        }
        default:
            return (v) => v;
    }
}
/** A column from JS row values (see the module comment for the accepted forms). */
export function vecFromValues(type, values) {
    const n = values.length;
    const conv = toSlot(type);
    const out = allocValues(type, n);
    let nulls = null;
    for (let i = 0; i < n; i++) {
        const s = conv(values[i]);
        if (s === null)
            (nulls ??= new Uint8Array(n))[i] = 1;
        else
            out[i] = s;
    }
    return { type, length: n, values: out, nulls };
}
/** A column's rows as JS row values (null for NULL). */
export function vecToValues(vec, opts = {}) {
    const n = vec.length;
    const conv = fromSlot(vec.type, opts);
    const out = new Array(n);
    const src = vec.values;
    const nulls = vec.nulls;
    for (let i = 0; i < n; i++)
        out[i] = nulls !== null && nulls[i] === 1 ? null : conv(src[i]);
    return out;
}
//# sourceMappingURL=values.js.map