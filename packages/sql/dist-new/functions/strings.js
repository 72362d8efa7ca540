import { ArrayType, BinaryType, BooleanType, IntegerType, StringType } from '../types/data-types.js';
import { commonType } from '../eval/coercion.js';
import { SqlError, datatypeMismatch, invalidParameterValue } from '../eval/errors.js';
import { groupCount, javaRegex, javaReplacement, javaSplit, likeMatcher } from '../eval/regex.js';
import { kindOf, sqlTypeName } from '../eval/types.js';
import { codePointLength, cpSlice, define, expectArg, hasSurrogates, mapRows, typeMismatch } from './helpers.js';
/** String functions: concat, concat_ws, substring, upper/lower, trim family, length, split, regexp_*, lpad/rpad, instr, like. */
const S = StringType;
function toStringArg(fn, i, t) {
    return expectArg(fn, i, t, S);
}
// ------------------------------------------------------------------------------------------------ concat
define({
    name: 'concat',
    args: [0, Infinity],
    resolve(types) {
        if (types.length > 0 && types.some((t) => kindOf(t) === 'array')) {
            if (!types.every((t) => kindOf(t) === 'array' || kindOf(t) === 'null')) {
                throw datatypeMismatch('DATA_DIFF_TYPES', '"concat(...)"', `Input to \`concat\` should all be the same type, but it's [${types.map((t) => `"${sqlTypeName(t)}"`).join(', ')}].`);
            }
            const t = commonType(types);
            if (!t)
                throw datatypeMismatch('DATA_DIFF_TYPES', '"concat(...)"', 'Input to `concat` should all be arrays of one element type.');
            return { returnType: t, argTypes: types.map(() => t) };
        }
        if (types.length > 0 && types.every((t) => kindOf(t) === 'binary'))
            return { returnType: BinaryType, argTypes: types };
        return { returnType: S, argTypes: types.map((t, i) => toStringArg('concat', i, t)) };
    },
    evaluate(args, n, rt) {
        if (args.length === 0)
            return { type: rt, length: n, values: new Array(n).fill(''), nulls: null };
        const k = kindOf(rt);
        if (k === 'array')
            return mapRows(args, n, rt, (...xs) => [].concat(...xs));
        if (k === 'binary') {
            return mapRows(args, n, rt, (...xs) => {
                const out = new Uint8Array(xs.reduce((s, x) => s + x.length, 0));
                let o = 0;
                for (const x of xs) {
                    out.set(x, o);
                    o += x.length;
                }
                return out;
            });
        }
        if (args.length === 2)
            return mapRows(args, n, rt, (a, b) => a + b);
        return mapRows(args, n, rt, (...xs) => xs.join(''));
    },
});
define({
    name: 'concat_ws',
    args: [1, Infinity],
    resolve(types) {
        const argTypes = types.map((t, i) => {
            if (i > 0 && kindOf(t) === 'array') {
                const el = t.elementType;
                if (kindOf(el) === 'string' || kindOf(el) === 'null')
                    return new ArrayType(S);
                throw typeMismatch('concat_ws', i, '("ARRAY<STRING>" or "STRING")', t);
            }
            return toStringArg('concat_ws', i, t);
        });
        return { returnType: S, argTypes };
    },
    evaluate(args, n, rt) {
        const sep = args[0];
        const out = new Array(n).fill('');
        let nulls = sep.nulls ? sep.nulls.slice(0, n) : null;
        for (let i = 0; i < n; i++) {
            if (nulls !== null && nulls[i] === 1)
                continue;
            const parts = [];
            for (let j = 1; j < args.length; j++) {
                const a = args[j];
                if (a.nulls !== null && a.nulls[i] === 1)
                    continue;
                const v = a.values[i];
                if (Array.isArray(v)) {
                    for (const x of v)
                        if (x !== null)
                            parts.push(x);
                }
                else
                    parts.push(v);
            }
            out[i] = parts.join(sep.values[i]);
        }
        return { type: rt, length: n, values: out, nulls };
    },
});
// ---------------------------------------------------------------------------------------------- substring
/** Spark's substringSQL: 1-based, 0 = 1, negative counts from the end; by code points. */
export function substringSQL(s, pos, len) {
    const surrogates = hasSurrogates(s);
    const cps = surrogates ? Array.from(s) : null;
    const size = cps ? cps.length : s.length;
    let start = pos > 0 ? pos - 1 : pos < 0 ? size + pos : 0;
    const end = Math.min(start + len, 2147483647);
    start = Math.max(start, 0);
    if (start >= end)
        return '';
    return cps ? cps.slice(start, end).join('') : s.slice(start, end);
}
function substringBytes(b, pos, len) {
    let start = pos > 0 ? pos - 1 : pos < 0 ? b.length + pos : 0;
    const end = Math.min(start + len, 2147483647);
    start = Math.max(start, 0);
    if (start >= end)
        return new Uint8Array(0);
    return b.slice(start, end);
}
define({
    name: 'substring',
    aliases: ['substr'],
    args: [2, 3],
    resolve(types) {
        const binary = kindOf(types[0]) === 'binary';
        return {
            returnType: binary ? BinaryType : S,
            argTypes: [
                binary ? BinaryType : toStringArg('substring', 0, types[0]),
                expectArg('substring', 1, types[1], IntegerType),
                ...(types.length > 2 ? [expectArg('substring', 2, types[2], IntegerType)] : []),
            ],
        };
    },
    evaluate(args, n, rt) {
        const bin = kindOf(rt) === 'binary';
        if (args.length === 2) {
            return mapRows(args, n, rt, bin ? (s, p) => substringBytes(s, p, 2147483647) : (s, p) => substringSQL(s, p, 2147483647));
        }
        return mapRows(args, n, rt, bin ? substringBytes : substringSQL);
    },
});
// ------------------------------------------------------------------------------------------- upper / lower
for (const [name, aliases, f] of [
    ['upper', ['ucase'], (s) => s.toUpperCase()],
    ['lower', ['lcase'], (s) => s.toLowerCase()],
]) {
    define({
        name,
        aliases: [...aliases],
        args: [1, 1],
        resolve: (types) => ({ returnType: S, argTypes: [toStringArg(name, 0, types[0])] }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, f),
    });
}
// --------------------------------------------------------------------------------------------------- trim
function trimChars(s, chars, left, right) {
    const set = new Set(Array.from(chars));
    const cps = Array.from(s);
    let a = 0;
    let b = cps.length;
    if (left)
        while (a < b && set.has(cps[a]))
            a++;
    if (right)
        while (b > a && set.has(cps[b - 1]))
            b--;
    return cps.slice(a, b).join('');
}
function trimSpaces(s, left, right) {
    let a = 0;
    let b = s.length;
    if (left)
        while (a < b && s.charCodeAt(a) === 32)
            a++;
    if (right)
        while (b > a && s.charCodeAt(b - 1) === 32)
            b--;
    return a === 0 && b === s.length ? s : s.slice(a, b);
}
/**
 * trim/ltrim/rtrim remove spaces (U+0020 only, as Spark). With two arguments the SQL call form is
 * `trim(trimChars, str)` (Spark's StringTrim(trimStr, srcStr) constructor); `btrim(str, trimChars)` takes the
 * other order. The DataFrame API's trim(col, chars) maps to btrim / to `trim(chars, col)`.
 */
for (const [name, left, right, srcFirst] of [
    ['trim', true, true, false],
    ['ltrim', true, false, false],
    ['rtrim', false, true, false],
    ['btrim', true, true, true],
]) {
    define({
        name,
        args: [1, 2],
        resolve: (types) => ({ returnType: S, argTypes: types.map((t, i) => toStringArg(name, i, t)) }),
        evaluate(args, n, rt) {
            if (args.length === 1)
                return mapRows(args, n, rt, (s) => trimSpaces(s, left, right));
            return mapRows(args, n, rt, srcFirst ? (s, c) => trimChars(s, c, left, right) : (c, s) => trimChars(s, c, left, right));
        },
    });
}
// ------------------------------------------------------------------------------------------------- length
define({
    name: 'length',
    aliases: ['char_length', 'character_length', 'len'],
    args: [1, 1],
    resolve(types) {
        const t = types[0];
        if (kindOf(t) === 'binary')
            return { returnType: IntegerType, argTypes: [BinaryType] };
        return { returnType: IntegerType, argTypes: [toStringArg('length', 0, t)] };
    },
    evaluate(args, n, rt) {
        const a = args[0];
        if (kindOf(a.type) === 'binary')
            return mapRows(args, n, rt, (b) => b.length);
        return mapRows(args, n, rt, codePointLength);
    },
});
// ----------------------------------------------------------------------------------------------- regexps
define({
    name: 'split',
    args: [2, 3],
    resolve(types) {
        return {
            returnType: new ArrayType(S, false),
            argTypes: [toStringArg('split', 0, types[0]), toStringArg('split', 1, types[1]), ...(types.length > 2 ? [expectArg('split', 2, types[2], IntegerType)] : [])],
        };
    },
    evaluate(args, n, rt) {
        const split = (s, p, limit) => {
            if (p === '' && s !== '') {
                // Spark: an empty pattern splits into characters and keeps no trailing empty string
                const cps = Array.from(s);
                if (limit > 0 && limit < cps.length)
                    return [...cps.slice(0, limit - 1), cps.slice(limit - 1).join('')];
                return cps;
            }
            return javaSplit(s, javaRegex(p, 'split'), limit);
        };
        if (args.length === 2)
            return mapRows(args, n, rt, (s, p) => split(s, p, -1));
        return mapRows(args, n, rt, split);
    },
});
const replacerCache = new Map();
function replacerFor(rep, groups) {
    const key = `${groups}\u0000${rep}`;
    let r = replacerCache.get(key);
    if (!r) {
        r = javaReplacement(rep, groups);
        if (replacerCache.size > 1000)
            replacerCache.clear();
        replacerCache.set(key, r);
    }
    return r;
}
define({
    name: 'regexp_replace',
    args: [3, 4],
    resolve(types) {
        return {
            returnType: S,
            argTypes: [
                toStringArg('regexp_replace', 0, types[0]),
                toStringArg('regexp_replace', 1, types[1]),
                toStringArg('regexp_replace', 2, types[2]),
                ...(types.length > 3 ? [expectArg('regexp_replace', 3, types[3], IntegerType)] : []),
            ],
        };
    },
    evaluate(args, n, rt) {
        return mapRows(args, n, rt, (s, p, rep, pos) => {
            const position = pos ?? 1;
            if (position <= 0) {
                throw invalidParameterValue('POSITIVE', 'position', 'regexp_replace', `Expects a positive value, but got ${position}.`);
            }
            const re = javaRegex(p, 'regexp_replace', true);
            let replacer;
            try {
                replacer = replacerFor(rep, groupCount(re));
            }
            catch {
                throw new SqlError('INVALID_REGEXP_REPLACE', `Could not perform regexp_replace for source = "${s}", pattern = "${p}", replacement = "${rep}" and position = ${position}.`, { sqlState: '22023' });
            }
            const surrogates = hasSurrogates(s);
            const cut = surrogates ? Array.from(s).slice(0, position - 1).join('').length : position - 1;
            if (cut > s.length)
                return s;
            const head = s.slice(0, cut);
            const tail = s.slice(cut);
            re.lastIndex = 0;
            return (head +
                tail.replace(re, (...m) => {
                    const hasNamed = typeof m[m.length - 1] === 'object' && m[m.length - 1] !== null;
                    const named = hasNamed ? m[m.length - 1] : undefined;
                    const groups = m.slice(1, hasNamed ? -3 : -2);
                    return replacer(m[0], groups, named);
                }));
        });
    },
});
define({
    name: 'regexp_extract',
    args: [2, 3],
    resolve(types) {
        return {
            returnType: S,
            argTypes: [
                toStringArg('regexp_extract', 0, types[0]),
                toStringArg('regexp_extract', 1, types[1]),
                ...(types.length > 2 ? [expectArg('regexp_extract', 2, types[2], IntegerType)] : []),
            ],
        };
    },
    evaluate(args, n, rt) {
        return mapRows(args, n, rt, (s, p, idx) => {
            const g = idx ?? 1;
            const re = javaRegex(p, 'regexp_extract');
            const count = groupCount(re);
            if (g < 0 || g > count) {
                throw invalidParameterValue('REGEX_GROUP_INDEX', 'idx', 'regexp_extract', `Expects group index between 0 and ${count}, but got ${g}.`);
            }
            const m = re.exec(s);
            if (!m)
                return '';
            return m[g] ?? '';
        });
    },
});
for (const name of ['rlike', 'regexp', 'regexp_like']) {
    define({
        name,
        args: [2, 2],
        resolve: (types) => ({ returnType: BooleanType, argTypes: types.map((t, i) => toStringArg(name, i, t)) }),
        evaluate: (args, n, rt) => mapRows(args, n, rt, (s, p) => (javaRegex(p, name).test(s) ? 1 : 0)),
    });
}
for (const [name, ci] of [
    ['like', false],
    ['ilike', true],
]) {
    define({
        name,
        args: [2, 3],
        resolve: (types) => ({ returnType: BooleanType, argTypes: types.map((t, i) => toStringArg(name, i, t)) }),
        evaluate(args, n, rt) {
            return mapRows(args, n, rt, (s, p, esc) => {
                if (esc !== undefined && Array.from(esc).length !== 1) {
                    throw invalidParameterValue('ESCAPE', 'escape', name, `the escape character must be one character, but got '${esc}'.`);
                }
                return likeMatcher(p, esc ?? '\\', ci)(s) ? 1 : 0;
            });
        },
    });
}
// ---------------------------------------------------------------------------------------------- lpad/rpad
function pad(s, len, p, left) {
    const cps = hasSurrogates(s) || hasSurrogates(p);
    const slen = cps ? codePointLength(s) : s.length;
    const spaces = len - slen;
    if (spaces <= 0 || p.length === 0)
        return len <= 0 ? '' : cps ? cpSlice(s, 0, len) : s.slice(0, len);
    let fill;
    if (cps) {
        const pc = Array.from(p);
        const parts = [];
        for (let i = 0; i < spaces; i++)
            parts.push(pc[i % pc.length]);
        fill = parts.join('');
    }
    else
        fill = p.repeat(Math.ceil(spaces / p.length)).slice(0, spaces);
    return left ? fill + s : s + fill;
}
for (const [name, left] of [
    ['lpad', true],
    ['rpad', false],
]) {
    define({
        name,
        args: [2, 3],
        resolve(types) {
            return {
                returnType: S,
                argTypes: [toStringArg(name, 0, types[0]), expectArg(name, 1, types[1], IntegerType), ...(types.length > 2 ? [toStringArg(name, 2, types[2])] : [])],
            };
        },
        evaluate(args, n, rt) {
            if (args.length === 2)
                return mapRows(args, n, rt, (s, len) => pad(s, len, ' ', left));
            return mapRows(args, n, rt, (s, len, p) => pad(s, len, p, left));
        },
    });
}
// -------------------------------------------------------------------------------------------------- instr
define({
    name: 'instr',
    args: [2, 2],
    resolve: (types) => ({ returnType: IntegerType, argTypes: types.map((t, i) => toStringArg('instr', i, t)) }),
    evaluate(args, n, rt) {
        return mapRows(args, n, rt, (s, sub) => {
            const i = s.indexOf(sub);
            if (i < 0)
                return 0;
            return (hasSurrogates(s) ? codePointLength(s.slice(0, i)) : i) + 1;
        });
    },
});
//# sourceMappingURL=strings.js.map