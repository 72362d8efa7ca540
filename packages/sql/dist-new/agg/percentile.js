import { AnalysisError } from '../analysis/errors.js';
import { ArrayType, DataType, DateType, DoubleType, LongType, NullType, TimestampType } from '../types/data-types.js';
import { checkPercentage, isIntegral, isNumeric, needNumeric, percentageType, wrongArgs } from './arg-checks.js';
import { registerAggregate } from './aggregate-function.js';
import { gkFinish, gkInit, gkMerge, gkUpdate } from './quantile-summary.js';
/** NaN sorts above every number, as Spark orders doubles. */
const numberOrder = (a, b) => (a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1);
/**
 * Exact percentile with linear interpolation between the closest ranks, as Spark's `percentile`: the value at
 * position (n - 1) * p of the sorted values (n counts frequencies).
 */
function interpolate(sorted, counts, p) {
    const total = counts ? counts.reduce((s, c) => s + c, 0) : sorted.length;
    const pos = (total - 1) * p;
    const lower = Math.floor(pos);
    const higher = Math.ceil(pos);
    const at = (k) => {
        if (!counts)
            return sorted[k];
        let seen = 0;
        for (let i = 0; i < sorted.length; i++) {
            seen += counts[i];
            if (seen > k)
                return sorted[i];
        }
        return sorted[sorted.length - 1];
    };
    const lo = at(lower);
    if (lower === higher)
        return lo;
    const hi = at(higher);
    return (higher - pos) * lo + (pos - lower) * hi;
}
function exact(name, fixedP) {
    return {
        name,
        resolve(argTypes, literals) {
            const n = fixedP === null ? [2, 3] : [1, 1];
            if (argTypes.length < n[0] || argTypes.length > n[1]) {
                throw wrongArgs(name, fixedP === null ? '2 or 3 arguments (col, percentage, frequency)' : '1 argument (col)');
            }
            needNumeric(name, argTypes[0]);
            if (fixedP !== null)
                return { returnType: DoubleType, argTypes: [DoubleType] };
            const pct = percentageType(name, argTypes[1], literals?.[1]);
            const types = [DoubleType, pct.argType];
            if (argTypes.length === 3) {
                if (!isIntegral(argTypes[2]) && argTypes[2] !== NullType) {
                    throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${name}: the frequency (argument 3) must be an integral number, not ${argTypes[2].simpleString()}`);
                }
                types.push(LongType);
            }
            return { returnType: pct.array ? new ArrayType(DoubleType, false) : DoubleType, argTypes: types };
        },
        init: () => ({ values: [], counts: null, p: null }),
        update(s, [v, p, freq]) {
            if (s.p === null) {
                const pv = fixedP ?? p;
                checkPercentage(name, pv);
                s.p = pv;
            }
            if (v === null)
                return s;
            if (freq !== undefined) {
                if (freq === null)
                    return s;
                const f = Number(freq);
                if (f < 0)
                    throw new AnalysisError('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `${name}: a frequency must not be negative, but got ${f}`);
                if (f === 0)
                    return s;
                // A frequency of 1 (the default) needs no count array.
                if (f !== 1 && !s.counts)
                    s.counts = s.values.map(() => 1);
                if (s.counts)
                    s.counts.push(f);
            }
            else if (s.counts)
                s.counts.push(1);
            s.values.push(v);
            return s;
        },
        merge(a, b) {
            const p = a.p ?? b.p;
            const counts = a.counts || b.counts ? [...(a.counts ?? a.values.map(() => 1)), ...(b.counts ?? b.values.map(() => 1))] : null;
            return { values: a.values.concat(b.values), counts, p };
        },
        finish(s) {
            if (s.values.length === 0)
                return null;
            // Sort a copy: window frames call finish repeatedly on a growing state.
            let sorted;
            let counts = null;
            if (s.counts) {
                const order = s.values.map((_, i) => i).sort((i, j) => numberOrder(s.values[i], s.values[j]));
                sorted = order.map((i) => s.values[i]);
                counts = order.map((i) => s.counts[i]);
            }
            else
                sorted = Float64Array.from(s.values).sort(); // numeric sort, NaN last (as Spark orders doubles)
            const p = s.p;
            return Array.isArray(p) ? p.map((x) => interpolate(sorted, counts, Number(x))) : interpolate(sorted, counts, p);
        },
    };
}
/**
 * percentile_approx(x, percentage, accuracy = 10000): an element of the input whose rank is within n / accuracy
 * of ceil(percentage * n), from a Greenwald-Khanna summary (agg/quantile-summary.ts) that partial aggregation
 * merges. Numeric, date and timestamp input; the result has the input's type.
 */
const percentileApprox = {
    name: 'percentile_approx',
    resolve(argTypes, literals) {
        if (argTypes.length < 2 || argTypes.length > 3)
            throw wrongArgs('percentile_approx', '2 or 3 arguments (col, percentage, accuracy)');
        const t = argTypes[0];
        if (!isNumeric(t) && t !== DateType && t !== TimestampType && t !== NullType) {
            throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `percentile_approx: argument 1 needs a numeric, date or timestamp type, not ${t.simpleString()}`);
        }
        // Decimals stay decimals: their slots are unscaled bigints of one scale, which order as the values do.
        const valueType = t === NullType ? DoubleType : t;
        const pct = percentageType('percentile_approx', argTypes[1], literals?.[1]);
        const types = [valueType, pct.argType];
        if (argTypes.length === 3) {
            if (!isIntegral(argTypes[2])) {
                throw new AnalysisError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `percentile_approx: the accuracy (argument 3) must be an integral literal, not ${argTypes[2].simpleString()}`);
            }
            const acc = literals?.[2];
            if (acc !== undefined)
                checkAccuracy(acc);
            types.push(argTypes[2]);
        }
        return { returnType: pct.array ? new ArrayType(valueType, false) : valueType, argTypes: types };
    },
    init: () => gkInit(),
    update(s, [v, p, acc]) {
        if (s.p === null) {
            checkPercentage('percentile_approx', p);
            const a = acc === undefined ? 10000 : checkAccuracy(acc);
            s.p = p;
            s.eps = 1 / a;
        }
        return v === null ? s : gkUpdate(s, v);
    },
    merge: (a, b) => gkMerge(a, b),
    finish(s) {
        if (s.n === 0)
            return null;
        const p = s.p;
        return Array.isArray(p) ? gkFinish(s, p.map(Number)) : gkFinish(s, [p])[0];
    },
};
function checkAccuracy(acc) {
    const a = Number(acc);
    if (!(a > 0) || !Number.isFinite(a) || a > 2 ** 31 - 1) {
        throw new AnalysisError('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `percentile_approx: the accuracy must be a positive integer up to 2147483647, but got ${String(acc)}`);
    }
    return a;
}
registerAggregate(exact('percentile', null));
registerAggregate(exact('median', 0.5));
registerAggregate(percentileApprox, 'approx_percentile');
//# sourceMappingURL=percentile.js.map