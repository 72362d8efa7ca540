import { canonicalKey } from '@kindling/core';
import { AnalysisError } from '../analysis/errors.js';
import { DoubleType, LongType, NullType } from '../types/data-types.js';
import { isNumeric, wrongArgs } from './arg-checks.js';
import { registerAggregate } from './aggregate-function.js';
/**
 * approx_count_distinct(x, rsd = 0.05): HyperLogLog++ as Spark sizes it (2^p registers with
 * p = ceil(2 log2(1.106 / rsd)), a 64-bit hash, each register the largest leading-zero rank seen). The state is
 * the register array, so partial states from every map task merge exactly (register-wise max) after the shuffle.
 * The estimate is Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
 * 2017), which is unbiased from 0 to very large cardinalities without empirical bias tables; Spark uses Google's
 * bias tables instead, so the two agree within the error bound but not digit for digit.
 */
export function precisionFor(rsd) {
    if (!(rsd > 0))
        throw badRsd(rsd);
    const p = Math.ceil(2 * Math.log2(1.106 / rsd));
    if (p < 4)
        throw badRsd(rsd);
    if (p > 24) {
        throw new AnalysisError('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `approx_count_distinct: rsd ${rsd} needs 2^${p} registers per group; use an rsd of at least 0.0003`);
    }
    return p;
}
function badRsd(rsd) {
    return new AnalysisError('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `approx_count_distinct: HLL++ requires at least 4 bits for addressing; the relative standard deviation must be positive and at most 0.39, but got ${rsd}`);
}
// ---- 64-bit hash of a value, as two 32-bit halves (murmur3 over the value's canonical words, two seeds) --------
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const u32 = new Uint32Array(f64.buffer);
function mix(h, k) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
function fmix(h, len) {
    h ^= len;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
const SEED_HI = 42;
const SEED_LO = 0x5bd1e995;
/** The two halves of the last hash (module scratch: the hot path allocates nothing). */
let hashHi = 0;
let hashLo = 0;
function hashWords(a, b, len) {
    hashHi = fmix(mix(mix(SEED_HI, a), b), len);
    hashLo = fmix(mix(mix(SEED_LO, a), b), len);
}
function hashString(s) {
    let h1 = SEED_HI;
    let h2 = SEED_LO;
    let i = 0;
    for (; i + 1 < s.length; i += 2) {
        const k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
        h1 = mix(h1, k);
        h2 = mix(h2, k);
    }
    if (i < s.length) {
        h1 = mix(h1, s.charCodeAt(i));
        h2 = mix(h2, s.charCodeAt(i));
    }
    hashHi = fmix(h1, s.length);
    hashLo = fmix(h2, s.length);
}
function hashValue(v) {
    switch (typeof v) {
        case 'number':
            // Equal numbers hash equally (-0 is 0, every NaN the same), as Spark normalizes floating keys.
            f64[0] = v === 0 ? 0 : Number.isNaN(v) ? NaN : v;
            return hashWords(u32[0], u32[1], 8);
        case 'bigint':
            i64[0] = BigInt.asIntN(64, v);
            return hashWords(u32[0], u32[1], 9);
        case 'string':
            return hashString(v);
        case 'boolean':
            return hashWords(v ? 1 : 0, 0, 1);
        default:
            return hashString(canonicalKey(v));
    }
}
// ---- registers and the estimate -----------------------------------------------------------------------------
/** Folds one value's hash into the registers (p index bits from the top, the rank of the remaining 64 - p). */
function add(regs, p, v) {
    hashValue(v);
    const idx = hashHi >>> (32 - p);
    const rest = (hashHi << p) >>> 0;
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - p + (hashLo !== 0 ? Math.clz32(hashLo) : 32) + 1;
    if (rank > regs[idx])
        regs[idx] = rank;
}
function sigma(x) {
    if (x === 1)
        return Infinity;
    let y = 1;
    let z = x;
    let prev;
    do {
        x *= x;
        prev = z;
        z += x * y;
        y += y;
    } while (z !== prev);
    return z;
}
function tau(x) {
    if (x === 0 || x === 1)
        return 0;
    let y = 1;
    let z = 1 - x;
    let prev;
    do {
        x = Math.sqrt(x);
        prev = z;
        y *= 0.5;
        z -= (1 - x) * (1 - x) * y;
    } while (z !== prev);
    return z / 3;
}
/** Ertl's improved raw estimator over the register histogram. */
export function estimate(regs) {
    const m = regs.length;
    const q = 64 - Math.log2(m);
    const hist = new Float64Array(q + 2);
    for (let i = 0; i < m; i++)
        hist[regs[i]]++;
    let z = m * tau(1 - hist[q + 1] / m);
    for (let k = q; k >= 1; k--)
        z = 0.5 * (z + hist[k]);
    z += m * sigma(hist[0] / m);
    return (m * m) / (2 * Math.LN2 * z);
}
const approxCountDistinct = {
    name: 'approx_count_distinct',
    resolve(argTypes, literals) {
        if (argTypes.length < 1 || argTypes.length > 2)
            throw wrongArgs('approx_count_distinct', '1 or 2 arguments (col, rsd)');
        const rsdType = argTypes[1];
        if (rsdType) {
            if (!isNumeric(rsdType) && rsdType !== NullType) {
                throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `approx_count_distinct: rsd must be a number, not ${rsdType.simpleString()}`);
            }
            const lit = literals?.[1];
            if (lit !== undefined)
                precisionFor(Number(lit));
        }
        return { returnType: LongType, argTypes: rsdType ? [argTypes[0], DoubleType] : [argTypes[0]] };
    },
    init: () => null,
    update(s, [v, rsd]) {
        if (s === null) {
            const p = precisionFor(rsd === undefined || rsd === null ? 0.05 : Number(rsd));
            s = { p, regs: new Uint8Array(1 << p) };
        }
        if (v !== null)
            add(s.regs, s.p, v);
        return s;
    },
    merge(a, b) {
        if (a === null)
            return b;
        if (b === null)
            return a;
        const out = new Uint8Array(a.regs);
        for (let i = 0; i < out.length; i++)
            if (b.regs[i] > out[i])
                out[i] = b.regs[i];
        return { p: a.p, regs: out };
    },
    finish: (s) => (s === null ? 0n : BigInt(Math.round(estimate(s.regs)))),
};
registerAggregate(approxCountDistinct);
//# sourceMappingURL=approx-count-distinct.js.map