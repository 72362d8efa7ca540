// The task side of the Window operator (re-exported by task-ops.ts, where workers find task functions). Each task
// gets the rows of some window partitions (shuffled by the hash of the PARTITION BY keys), sorts them by partition
// and order keys, and computes every window expression over its frame.
import { compareKeys } from '@kindling/core';
import '../functions/index.js';
import '../agg/builtin.js';
import { lookupAggregate } from '../agg/aggregate-function.js';
import { compileBound } from '../eval/evaluate.js';
import { parseType } from '../types/parse-type.js';
import { decode, encode } from './columnar-batch.js';
import { buildVec, concatVecs, gather, valueAt } from './vec-ops.js';
const iterable = (it) => ({ [Symbol.iterator]: () => it });
/** Sort order of rows: ascending/descending with nulls first or last (the same rules as sortPartition). */
function compare(x, y, o) {
    if (x === null || y === null) {
        if (x === y)
            return 0;
        return (x === null) === o.nullsFirst ? -1 : 1;
    }
    const c = compareKeys(x, y);
    return o.ascending ? c : -c;
}
const ASC = { ascending: true, nullsFirst: true };
/** Results that are arrays (collect_list) are copied: a running aggregate keeps growing its state afterwards. */
const snapshot = (v) => (Array.isArray(v) ? v.slice() : v);
/** One partition's window computations over its sorted rows (positions s..e-1 of `order`). */
class PartitionFrame {
    s;
    e;
    peerStart;
    peerEnd;
    constructor(s, e, 
    /** For each position, the first position of its peer group (equal order keys) and one past its last. */
    peerStart, peerEnd) {
        this.s = s;
        this.e = e;
        this.peerStart = peerStart;
        this.peerEnd = peerEnd;
    }
}
/** Computes window expressions for the rows of one task: [bucket, batch] pairs from the shuffle, or batches. */
export function windowPartition(spec, it) {
    const batches = [];
    for (const item of iterable(it))
        batches.push(...decode(Array.isArray(item) ? item[1] : item));
    const nonEmpty = batches.filter((b) => b.length > 0);
    if (nonEmpty.length === 0)
        return [];
    const columns = nonEmpty[0].columns.map((_, c) => concatVecs(nonEmpty.map((b) => b.columns[c])));
    const n = columns[0]?.length ?? nonEmpty.reduce((s, b) => s + b.length, 0);
    const pk = spec.partitionBy.map((b) => compileBound(b)(columns, n));
    const ok = spec.orderBy.map((o) => compileBound(o.expr)(columns, n));
    const pkVals = pk.map((v) => Array.from({ length: n }, (_, r) => valueAt(v, r)));
    const okVals = ok.map((v) => Array.from({ length: n }, (_, r) => valueAt(v, r)));
    const samePartition = (a, b) => pkVals.every((vals) => compare(vals[a], vals[b], ASC) === 0);
    const samePeers = (a, b) => okVals.every((vals, k) => compare(vals[a], vals[b], spec.orderBy[k]) === 0);
    // Rows in (partition keys, order keys) order; Array.prototype.sort is stable, so ties keep their input order.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
        for (const vals of pkVals) {
            const c = compare(vals[a], vals[b], ASC);
            if (c !== 0)
                return c;
        }
        for (let k = 0; k < okVals.length; k++) {
            const c = compare(okVals[k][a], okVals[k][b], spec.orderBy[k]);
            if (c !== 0)
                return c;
        }
        return 0;
    });
    const peerStart = new Int32Array(n);
    const peerEnd = new Int32Array(n);
    const partitions = [];
    for (let s = 0; s < n;) {
        let e = s + 1;
        while (e < n && samePartition(order[s], order[e]))
            e++;
        for (let g = s; g < e;) {
            let h = g + 1;
            while (h < e && samePeers(order[g], order[h]))
                h++;
            for (let p = g; p < h; p++)
                (peerStart[p] = g), (peerEnd[p] = h);
            g = h;
        }
        partitions.push(new PartitionFrame(s, e, peerStart, peerEnd));
        s = e;
    }
    const results = spec.windowExprs.map((w) => {
        const out = new Array(n);
        const args = w.args.map((a) => compileBound(a)(columns, n));
        for (const part of partitions)
            computeWindow(w, part, order, args, okVals[0] ?? null, spec.orderBy[0] ?? null, out);
        return buildVec(parseType(w.type), out);
    });
    const outColumns = [...columns.map((c) => gather(c, order)), ...results];
    return [encode({ names: spec.names, columns: outColumns, length: n })];
}
function computeWindow(w, part, order, args, firstKey, firstOrder, out) {
    const { s, e, peerStart, peerEnd } = part;
    const len = e - s;
    switch (w.name) {
        case 'row_number':
            for (let p = s; p < e; p++)
                out[p] = p - s + 1;
            return;
        case 'rank':
            for (let p = s; p < e; p++)
                out[p] = peerStart[p] - s + 1;
            return;
        case 'dense_rank': {
            let r = 0;
            for (let p = s; p < e; p++) {
                if (peerStart[p] === p)
                    r++;
                out[p] = r;
            }
            return;
        }
        case 'percent_rank':
            for (let p = s; p < e; p++)
                out[p] = len === 1 ? 0 : (peerStart[p] - s) / (len - 1);
            return;
        case 'cume_dist':
            for (let p = s; p < e; p++)
                out[p] = (peerEnd[p] - s) / len;
            return;
        case 'ntile': {
            // Spark's NTile: buckets of size len / n, the first len % n of them one row larger.
            const buckets = w.n;
            const size = Math.floor(len / buckets);
            const rem = len % buckets;
            const big = rem * (size + 1);
            for (let p = s; p < e; p++) {
                const k = p - s;
                out[p] = k < big ? Math.floor(k / (size + 1)) + 1 : rem + Math.floor((k - big) / size) + 1;
            }
            return;
        }
        case 'lag':
        case 'lead': {
            const [input, dflt] = args;
            for (let p = s; p < e; p++) {
                const t = p + w.n;
                out[p] = t >= s && t < e ? valueAt(input, order[t]) : valueAt(dflt, order[p]);
            }
            return;
        }
    }
    if (w.name === 'nth_value')
        return nthValue(w, part, order, args, firstKey, firstOrder, out);
    const f = lookupAggregate(w.name);
    if (!f)
        throw new Error(`internal: unknown window function ${w.name}`);
    aggregateOverFrames(f, w, part, order, args, firstKey, firstOrder, out);
}
/** The first position in [lo, hi) whose value satisfies `pred` (a predicate false then true along the range). */
function firstWhere(lo, hi, pred) {
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pred(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
function addOffset(v, off) {
    if (v === null)
        return null;
    return typeof v === 'bigint' ? v + BigInt(off) : v + off;
}
/**
 * An aggregate over each row's frame. Frames that start at the partition's start grow with the row: one running
 * state, updated with the rows that enter. Other frames are recomputed from their rows (as Spark's sliding frames
 * do), except when a row's frame equals the previous row's (peers in a RANGE frame, or a whole-partition frame).
 */
function aggregateOverFrames(f, w, part, order, args, firstKey, firstOrder, out) {
    const { s, e } = part;
    const { lower, upper } = w.frame;
    const rowArgs = (p) => args.map((a) => valueAt(a, order[p]));
    const { lowerOf, upperOf } = frameBounds(w, part, order, firstKey, firstOrder);
    if (lower === null) {
        let state = f.init();
        let upTo = s - 1;
        let last = undefined;
        for (let p = s; p < e; p++) {
            const hi = upperOf(p);
            if (hi > upTo || last === undefined) {
                while (upTo < hi)
                    state = f.update(state, rowArgs(++upTo));
                last = f.finish(state);
            }
            out[p] = snapshot(last);
        }
        return;
    }
    if (upper === null && !ORDER_DEPENDENT.has(w.name)) {
        // Frames ending at the partition's end grow as the row moves back: fold rows in from the end, for aggregates
        // whose result does not depend on the order of their input (a floating sum may differ in its last bits from
        // Spark's, which refolds such frames front to back).
        let state = f.init();
        let from = e;
        for (let p = e - 1; p >= s; p--) {
            const lo = lowerOf(p);
            while (from > lo)
                state = f.update(state, rowArgs(--from));
            out[p] = snapshot(f.finish(state));
        }
        return;
    }
    // Otherwise each frame is folded in row order (as Spark's sliding frames recompute), reusing the previous
    // frame's state when the frame only grew at its end.
    let prevLo = -1;
    let prevHi = -2;
    let state = null;
    let last = null;
    for (let p = s; p < e; p++) {
        const lo = lowerOf(p);
        const hi = upperOf(p);
        if (p === s || lo !== prevLo || hi < prevHi) {
            state = f.init();
            for (let j = lo; j <= hi; j++)
                state = f.update(state, rowArgs(j));
            last = f.finish(state);
        }
        else if (hi > prevHi) {
            for (let j = Math.max(prevHi + 1, lo); j <= hi; j++)
                state = f.update(state, rowArgs(j));
            last = f.finish(state);
        }
        prevLo = lo;
        prevHi = hi;
        out[p] = snapshot(last);
    }
}
/** Frame of position p as [lowerOf(p), upperOf(p)], inclusive (empty when upper < lower). */
function frameBounds(w, part, order, firstKey, firstOrder) {
    const { s, e, peerStart, peerEnd } = part;
    const { type, lower, upper } = w.frame;
    const keyAt = (p) => firstKey[order[p]];
    const lowerOf = (p) => {
        if (lower === null)
            return s;
        if (type === 'rows')
            return Math.max(s, p + lower);
        if (lower === 0)
            return peerStart[p];
        const o = firstOrder;
        const b = addOffset(keyAt(p), o.ascending ? lower : -lower);
        return firstWhere(s, e, (j) => compare(keyAt(j), b, o) >= 0);
    };
    const upperOf = (p) => {
        if (upper === null)
            return e - 1;
        if (type === 'rows')
            return Math.min(e - 1, p + upper);
        if (upper === 0)
            return peerEnd[p] - 1;
        const o = firstOrder;
        const b = addOffset(keyAt(p), o.ascending ? upper : -upper);
        return firstWhere(s, e, (j) => compare(keyAt(j), b, o) > 0) - 1;
    };
    return { lowerOf, upperOf };
}
/**
 * nth_value(col, n, ignoreNulls) over each row's frame: the frame's n-th row, or with ignoreNulls its n-th non-null
 * value (found through the positions of the partition's non-null values).
 */
function nthValue(w, part, order, args, firstKey, firstOrder, out) {
    const { s, e } = part;
    const [input, ignore] = args;
    const ignoreNulls = valueAt(ignore, 0) === true || valueAt(ignore, 0) === 1;
    const n = w.n;
    const { lowerOf, upperOf } = frameBounds(w, part, order, firstKey, firstOrder);
    const nonNull = [];
    const before = new Int32Array(e - s + 1); // non-null values at positions s..s+i-1
    for (let p = s; p < e; p++) {
        before[p - s + 1] = before[p - s];
        if (valueAt(input, order[p]) !== null) {
            nonNull.push(p);
            before[p - s + 1]++;
        }
    }
    for (let p = s; p < e; p++) {
        const lo = Math.min(e, Math.max(s, lowerOf(p)));
        const hi = upperOf(p);
        let at = -1;
        if (!ignoreNulls)
            at = lo + n - 1;
        else
            at = nonNull[before[lo - s] + n - 1] ?? -1;
        out[p] = at >= lo && at <= hi ? valueAt(input, order[at]) : null;
    }
}
/** Aggregates whose result depends on the order of their input rows. */
const ORDER_DEPENDENT = new Set(['first', 'last', 'collect_list', 'collect_set']);
//# sourceMappingURL=window-ops.js.map