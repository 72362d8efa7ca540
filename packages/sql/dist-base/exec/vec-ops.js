function allocLike(values, n) {
    const C = values.constructor;
    return Array.isArray(values) ? new Array(n) : new C(n);
}
/** Rows `indices` of `v`, in that order. */
export function gather(v, indices) {
    const n = indices.length;
    const values = allocLike(v.values, n);
    let nulls = null;
    const src = v.values;
    for (let i = 0; i < n; i++)
        values[i] = src[indices[i]];
    if (v.nulls) {
        nulls = new Uint8Array(n);
        for (let i = 0; i < n; i++)
            nulls[i] = v.nulls[indices[i]];
    }
    return { type: v.type, length: n, values, nulls };
}
/** Rows [start, end). */
export function slice(v, start, end) {
    const values = Array.isArray(v.values) ? v.values.slice(start, end) : v.values.subarray(start, end);
    return { type: v.type, length: end - start, values, nulls: v.nulls ? v.nulls.subarray(start, end) : null };
}
/** The value of row i as a JS value (null for SQL NULL), as aggregation and sorting see it. */
export function valueAt(v, i) {
    return v.nulls !== null && v.nulls[i] === 1 ? null : v.values[i];
}
/** Appends rows into growable JS arrays (for building output batches of unknown size). */
export class VecBuilder {
    values = [];
    nulls = [];
    hasNull = false;
    push(v) {
        if (v === null || v === undefined) {
            this.values.push(null);
            this.nulls.push(1);
            this.hasNull = true;
        }
        else {
            this.values.push(v);
            this.nulls.push(0);
        }
    }
    nullMask() {
        return this.hasNull ? Uint8Array.from(this.nulls) : null;
    }
}
const TYPED = {
    tinyint: Int8Array,
    smallint: Int16Array,
    int: Int32Array,
    date: Int32Array,
    bigint: BigInt64Array,
    timestamp: BigInt64Array,
    float: Float32Array,
    double: Float64Array,
    boolean: Uint8Array,
};
/**
 * A Vec from values in the internal representation (see eval/vec.ts: days for dates, microseconds for
 * timestamps, 0/1 for booleans, bigint for bigint), null for SQL NULL.
 */
export function buildVec(type, values) {
    const n = values.length;
    const C = TYPED[type.simpleString()];
    const out = C ? new C(n) : new Array(n);
    let nulls = null;
    for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === null || v === undefined) {
            nulls ??= new Uint8Array(n);
            nulls[i] = 1;
            if (!C)
                out[i] = null;
        }
        else {
            out[i] = C === Uint8Array ? (v ? 1 : 0) : v;
        }
    }
    return { type, length: n, values: out, nulls };
}
/** One Vec holding the rows of several, in order (same type). */
export function concatVecs(vecs) {
    if (vecs.length === 1)
        return vecs[0];
    const type = vecs[0].type;
    const n = vecs.reduce((s, v) => s + v.length, 0);
    const values = allocLike(vecs[0].values, n);
    const anyNulls = vecs.some((v) => v.nulls);
    const nulls = anyNulls ? new Uint8Array(n) : null;
    let at = 0;
    for (const v of vecs) {
        if (Array.isArray(values))
            for (let i = 0; i < v.length; i++)
                values[at + i] = v.values[i];
        else
            values.set(v.values, at);
        if (nulls && v.nulls)
            nulls.set(v.nulls.subarray(0, v.length), at);
        at += v.length;
    }
    return { type, length: n, values, nulls };
}
/** Like gather, but index -1 gives a null row (the missing side of an outer join). */
export function gatherOrNull(v, indices) {
    const n = indices.length;
    const values = allocLike(v.values, n);
    const nulls = new Uint8Array(n);
    const src = v.values;
    let any = false;
    for (let i = 0; i < n; i++) {
        const j = indices[i];
        if (j < 0 || (v.nulls !== null && v.nulls[j] === 1)) {
            nulls[i] = 1;
            any = true;
            if (Array.isArray(values))
                values[i] = null;
        }
        else
            values[i] = src[j];
    }
    return { type: v.type, length: n, values, nulls: any ? nulls : null };
}
/** An all-null column of a type (an empty side of a join). */
export function nullVec(type, n) {
    const v = buildVec(type, new Array(n).fill(null));
    return v;
}
//# sourceMappingURL=vec-ops.js.map