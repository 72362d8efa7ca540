import { kindOf } from './types.js';
export function typedCtorOf(k) {
    switch (k) {
        case 'byte':
            return Int8Array;
        case 'short':
            return Int16Array;
        case 'int':
        case 'date':
        case 'interval_ym':
            return Int32Array;
        case 'long':
        case 'timestamp':
        case 'interval_dt':
            return BigInt64Array;
        case 'float':
            return Float32Array;
        case 'double':
            return Float64Array;
        case 'boolean':
            return Uint8Array;
        default:
            return null;
    }
}
/** A fresh value buffer for `n` rows of `type` (zeroed typed array, or an array of nulls). */
export function allocValues(type, n) {
    const C = typedCtorOf(kindOf(type));
    return C ? new C(n) : new Array(n).fill(null);
}
export function makeVec(type, values, nulls, length = values.length) {
    return { type, length, values, nulls: nulls && hasAnyNull(nulls, length) ? nulls : null };
}
export function hasAnyNull(nulls, n) {
    for (let i = 0; i < n; i++)
        if (nulls[i] === 1)
            return true;
    return false;
}
/** A column of `n` copies of one slot value (null: all rows null). */
export function constVec(type, value, n) {
    if (value === null || value === undefined)
        return nullVec(type, n);
    const k = kindOf(type);
    const C = typedCtorOf(k);
    if (C) {
        const arr = new C(n);
        arr.fill(value);
        return { type, length: n, values: arr, nulls: null };
    }
    return { type, length: n, values: new Array(n).fill(value), nulls: null };
}
export function nullVec(type, n) {
    return { type, length: n, values: allocValues(type, n), nulls: new Uint8Array(n).fill(1) };
}
/** Null mask of a row-wise function of several columns: null where any input is null. */
export function unionNulls(vecs, n) {
    let out = null;
    let owned = false;
    for (const v of vecs) {
        if (!v.nulls)
            continue;
        if (!out) {
            out = v.nulls;
            continue;
        }
        if (!owned) {
            out = out.slice(0, n);
            owned = true;
        }
        const b = v.nulls;
        for (let i = 0; i < n; i++)
            out[i] |= b[i];
    }
    return out;
}
/** A writable copy of a null mask (all zero when none). */
export function copyNulls(nulls, n) {
    return nulls ? nulls.slice(0, n) : new Uint8Array(n);
}
/** Rows `idx` of `v`, in that order. */
export function takeVec(v, idx) {
    const n = idx.length;
    const src = v.values;
    const values = ArrayBuffer.isView(src) ? new src.constructor(n) : new Array(n);
    for (let i = 0; i < n; i++)
        values[i] = src[idx[i]];
    let nulls = null;
    if (v.nulls) {
        nulls = new Uint8Array(n);
        const sn = v.nulls;
        for (let i = 0; i < n; i++)
            nulls[i] = sn[idx[i]];
    }
    return makeVec(v.type, values, nulls, n);
}
/** Rows of `sub` (computed on the selected rows `idx`) written back into `out` and `outNulls` at those rows. */
export function scatterInto(sub, idx, out, outNulls) {
    const sv = sub.values;
    const sn = sub.nulls;
    for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        if (sn && sn[j] === 1)
            outNulls[i] = 1;
        else {
            out[i] = sv[j];
            outNulls[i] = 0;
        }
    }
}
/** Slot value of row i, or null. */
export function slotAt(v, i) {
    return v.nulls !== null && v.nulls[i] === 1 ? null : v.values[i];
}
/** Builds a column from slot values (null marks a null row). */
export function vecFromSlots(type, slots) {
    const n = slots.length;
    const values = allocValues(type, n);
    let nulls = null;
    for (let i = 0; i < n; i++) {
        const s = slots[i];
        if (s === null || s === undefined)
            (nulls ??= new Uint8Array(n))[i] = 1;
        else
            values[i] = s;
    }
    return { type, length: n, values, nulls };
}
//# sourceMappingURL=vec-util.js.map