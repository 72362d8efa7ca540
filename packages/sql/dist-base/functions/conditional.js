import { BooleanType, DoubleType } from '../types/data-types.js';
import { castVec } from '../eval/cast.js';
import { commonType, comparisonType } from '../eval/coercion.js';
import { comparison } from '../eval/arith.js';
import { comparatorFor } from '../eval/compare.js';
import { datatypeMismatch } from '../eval/errors.js';
import { isNumericKind, kindOf, sqlTypeName } from '../eval/types.js';
import { allocValues } from '../eval/vec-util.js';
import { define, typeMismatch } from './helpers.js';
/**
 * Conditional functions: coalesce, nvl/ifnull, nvl2, nullif, if, greatest, least, isnull, isnotnull, isnan.
 * coalesce, nvl, ifnull, nvl2 and if are evaluated lazily by eval/evaluate.ts (arguments not needed for a row
 * are not evaluated for it, as in Spark); the `evaluate` here is the strict version for direct callers.
 */
function sameTypeArgs(fn, types, stringPromotion = true) {
    const t = commonType(types, stringPromotion);
    if (!t) {
        throw datatypeMismatch('DATA_DIFF_TYPES', `"${fn}(...)"`, `Input to \`${fn}\` should all be the same type, but it's [${types.map((x) => `"${sqlTypeName(x)}"`).join(', ')}].`);
    }
    return t;
}
/** First non-null argument, row by row. */
function firstNonNull(args, n, rt) {
    const out = allocValues(rt, n);
    const nulls = new Uint8Array(n).fill(1);
    for (const a of args) {
        const v = a.values;
        const an = a.nulls;
        for (let i = 0; i < n; i++) {
            if (nulls[i] === 0 || (an !== null && an[i] === 1))
                continue;
            out[i] = v[i];
            nulls[i] = 0;
        }
    }
    return { type: rt, length: n, values: out, nulls };
}
define({
    name: 'coalesce',
    args: [1, Infinity],
    resolve(types) {
        const t = sameTypeArgs('coalesce', types);
        return { returnType: t, argTypes: types.map(() => t) };
    },
    evaluate: firstNonNull,
});
define({
    name: 'nvl',
    aliases: ['ifnull'],
    args: [2, 2],
    resolve(types) {
        const t = sameTypeArgs('nvl', types);
        return { returnType: t, argTypes: [t, t] };
    },
    evaluate: firstNonNull,
});
function pick(cond, a, b, n, rt) {
    const out = allocValues(rt, n);
    const nulls = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        const src = cond(i) ? a : b;
        if (src.nulls !== null && src.nulls[i] === 1)
            nulls[i] = 1;
        else
            out[i] = src.values[i];
    }
    return { type: rt, length: n, values: out, nulls };
}
define({
    name: 'if',
    args: [3, 3],
    resolve(types) {
        const k = kindOf(types[0]);
        if (k !== 'boolean' && k !== 'null')
            throw typeMismatch('if', 0, '"BOOLEAN"', types[0]);
        const t = sameTypeArgs('if', types.slice(1));
        return { returnType: t, argTypes: [BooleanType, t, t] };
    },
    evaluate(args, n, rt) {
        const c = args[0];
        return pick((i) => !(c.nulls !== null && c.nulls[i] === 1) && c.values[i] === 1, args[1], args[2], n, rt);
    },
});
define({
    name: 'nvl2',
    args: [3, 3],
    resolve(types) {
        const t = sameTypeArgs('nvl2', types.slice(1));
        return { returnType: t, argTypes: [types[0], t, t] };
    },
    evaluate(args, n, rt) {
        const c = args[0];
        return pick((i) => !(c.nulls !== null && c.nulls[i] === 1), args[1], args[2], n, rt);
    },
});
/** nullif(a, b): NULL when a = b (compared in their common type), else a (of a's type). */
define({
    name: 'nullif',
    args: [2, 2],
    resolve(types) {
        comparisonType('=', types[0], types[1]);
        return { returnType: types[0], argTypes: [types[0], types[1]] };
    },
    evaluate(args, n, rt) {
        const [a, b] = args;
        const t = comparisonType('=', a.type, b.type);
        const eq = comparison('=', t)(castVec(a, t), castVec(b, t), n);
        const nulls = a.nulls ? a.nulls.slice(0, n) : new Uint8Array(n);
        for (let i = 0; i < n; i++)
            if (!(eq.nulls !== null && eq.nulls[i] === 1) && eq.values[i] === 1)
                nulls[i] = 1;
        return { type: rt, length: n, values: a.values, nulls };
    },
});
/** greatest / least: NULLs skipped (NULL only when all are NULL); NaN is the largest double. */
for (const [name, sign] of [
    ['greatest', 1],
    ['least', -1],
]) {
    define({
        name,
        args: [2, Infinity],
        resolve(types) {
            const t = sameTypeArgs(name, types, false);
            if (kindOf(t) === 'map')
                throw datatypeMismatch('INVALID_ORDERING_TYPE', `"${name}(...)"`, `the ${name} does not support ordering on type "${sqlTypeName(t)}".`);
            return { returnType: t, argTypes: types.map(() => t) };
        },
        evaluate(args, n, rt) {
            const cmp = comparatorFor(rt);
            const out = allocValues(rt, n);
            const nulls = new Uint8Array(n).fill(1);
            for (const a of args) {
                const v = a.values;
                const an = a.nulls;
                for (let i = 0; i < n; i++) {
                    if (an !== null && an[i] === 1)
                        continue;
                    if (nulls[i] === 1 || sign * cmp(v[i], out[i]) > 0) {
                        out[i] = v[i];
                        nulls[i] = 0;
                    }
                }
            }
            return { type: rt, length: n, values: out, nulls };
        },
    });
}
for (const [name, want] of [
    ['isnull', 1],
    ['isnotnull', 0],
]) {
    define({
        name,
        args: [1, 1],
        resolve: (types) => ({ returnType: BooleanType, argTypes: [types[0]] }),
        evaluate(args, n, rt) {
            const a = args[0];
            const out = new Uint8Array(n);
            if (a.nulls)
                for (let i = 0; i < n; i++)
                    out[i] = a.nulls[i] === want ? 1 : 0;
            else if (want === 0)
                out.fill(1);
            return { type: rt, length: n, values: out, nulls: null };
        },
    });
}
define({
    name: 'isnan',
    args: [1, 1],
    resolve(types) {
        const t = types[0];
        const k = kindOf(t);
        if (k === 'double' || k === 'float')
            return { returnType: BooleanType, argTypes: [t] };
        if (isNumericKind(k) || k === 'null' || k === 'string')
            return { returnType: BooleanType, argTypes: [DoubleType] };
        throw typeMismatch('isnan', 0, '("DOUBLE" or "FLOAT")', t);
    },
    evaluate(args, n, rt) {
        const a = args[0];
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
            const x = a.values[i];
            out[i] = x !== x && !(a.nulls !== null && a.nulls[i] === 1) ? 1 : 0;
        }
        return { type: rt, length: n, values: out, nulls: null };
    },
});
//# sourceMappingURL=conditional.js.map