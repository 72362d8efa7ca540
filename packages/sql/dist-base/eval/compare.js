import { ArrayType, MapType, StructType, kindOf } from './types.js';
export function compareDoubles(a, b) {
    if (a < b)
        return -1;
    if (a > b)
        return 1;
    if (a === b)
        return 0;
    const an = a !== a;
    const bn = b !== b;
    return an === bn ? 0 : an ? 1 : -1;
}
export function compareBytes(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return a.length - b.length;
}
const prim = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export function comparatorFor(t) {
    switch (kindOf(t)) {
        case 'float':
        case 'double':
            return compareDoubles;
        case 'binary':
            return compareBytes;
        case 'array': {
            const el = comparatorFor(t.elementType);
            return (a, b) => {
                const n = Math.min(a.length, b.length);
                for (let i = 0; i < n; i++) {
                    const x = a[i];
                    const y = b[i];
                    if (x === null || y === null) {
                        if (x === y)
                            continue;
                        return x === null ? -1 : 1;
                    }
                    const c = el(x, y);
                    if (c !== 0)
                        return c;
                }
                return a.length - b.length;
            };
        }
        case 'struct': {
            const fs = t.fields.map((f) => comparatorFor(f.dataType));
            return (a, b) => {
                for (let i = 0; i < fs.length; i++) {
                    const x = a[i];
                    const y = b[i];
                    if (x === null || y === null) {
                        if (x === y)
                            continue;
                        return x === null ? -1 : 1;
                    }
                    const c = fs[i](x, y);
                    if (c !== 0)
                        return c;
                }
                return 0;
            };
        }
        case 'map': {
            const mt = t;
            const kc = comparatorFor(mt.keyType);
            const vc = comparatorFor(mt.valueType);
            return (a, b) => {
                const n = Math.min(a.keys.length, b.keys.length);
                for (let i = 0; i < n; i++) {
                    const c = kc(a.keys[i], b.keys[i]);
                    if (c !== 0)
                        return c;
                    const x = a.values[i];
                    const y = b.values[i];
                    if (x === null || y === null) {
                        if (x === y)
                            continue;
                        return x === null ? -1 : 1;
                    }
                    const d = vc(x, y);
                    if (d !== 0)
                        return d;
                }
                return a.keys.length - b.keys.length;
            };
        }
        default:
            return prim;
    }
}
const primEq = (a, b) => a === b;
const doubleEq = (a, b) => a === b || (a !== a && b !== b);
export function equalityFor(t) {
    switch (kindOf(t)) {
        case 'float':
        case 'double':
            return doubleEq;
        case 'binary':
        case 'array':
        case 'struct':
        case 'map': {
            const c = comparatorFor(t);
            return (a, b) => c(a, b) === 0;
        }
        default:
            return primEq;
    }
}
/** A key for hashing a slot value by value (Set/Map lookups): primitives as they are, others as text. */
export function hashKeyFor(t) {
    const k = kindOf(t);
    if (k === 'binary' || k === 'array' || k === 'struct' || k === 'map')
        return (v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? Array.from(x) : x));
    if (k === 'float' || k === 'double')
        return (v) => (v === 0 ? 0 : v); // -0 → 0; NaN is one key in a Set
    return (v) => v;
}
export { ArrayType, MapType, StructType };
//# sourceMappingURL=compare.js.map