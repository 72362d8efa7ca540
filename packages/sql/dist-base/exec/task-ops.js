// Functions that run inside tasks (worker threads or inline). The planner references them by module URL and export
// name (core's moduleFunction), and passes each its part of the plan as plain data.
import { compareKeys } from '@kindling/core';
import '../functions/index.js';
import '../agg/builtin.js';
import { compileBound } from '../eval/evaluate.js';
import { vecToValues } from '../eval/arrow-convert.js';
import { parseType } from '../types/parse-type.js';
import { decode, encode, lazyColumns } from './columnar-batch.js';
import { runSteps } from './pipeline.js';
import { buildVec, concatVecs, gather, gatherOrNull, nullVec, slice as sliceVec, valueAt } from './vec-ops.js';
import { readPartitionedSplit, readSplit } from './scan.js';
import { writeTask } from '../sources/index.js';
import { decodeBatches, encodeBatch } from './batch-codec.js';
import { dictionaryEncode, plainBatch } from './dictionary-encode.js';
import { HashAggregation } from './hash-agg/hash-aggregate.js';
import { JoinTable } from './hash-join/join-table.js';
import { KeyWords } from './hash-agg/key-words.js';
import { fmix } from './hash-agg/hashing.js';
export { windowPartition } from './window-ops.js';
export { expandRows } from './expand-ops.js';
const iterable = (it) => ({ [Symbol.iterator]: () => it });
function* decodeAll(input) {
    for (const bytes of input)
        yield* decode(bytes);
}
function* encodeAll(batches) {
    for (const b of batches)
        yield encode(b);
}
/** What a cached DataFrame stores: its batches with low-cardinality string columns dictionary-encoded. */
export function cacheEncode(_spec, it) {
    function* gen() {
        for (const bytes of iterable(it))
            for (const rb of decodeBatches(bytes))
                yield encodeBatch(dictionaryEncode(rb));
    }
    return gen();
}
/** Batches in (IPC bytes), steps applied, batches out. */
export function mapBatches(spec, it) {
    return encodeAll(runSteps(spec.steps, decodeAll(iterable(it))));
}
const RANGE_BATCH = 1 << 16;
/** range(): partition descriptors in, `id` batches out (bigint ids). */
export function scanRange(spec, it) {
    function* gen() {
        for (const d of iterable(it)) {
            for (let i = d.from; i < d.to; i += RANGE_BATCH) {
                const n = Math.min(RANGE_BATCH, d.to - i);
                const values = new BigInt64Array(n);
                for (let j = 0; j < n; j++)
                    values[j] = BigInt(d.start + (i + j) * d.step);
                yield { names: ['id'], columns: [{ type: parseType('bigint'), length: n, values, nulls: null }], length: n };
            }
        }
    }
    return encodeAll(runSteps(spec.steps, gen()));
}
/** File scans: splits in, batches of the needed columns out. */
export function scanFiles(spec, it) {
    function* gen() {
        for (const split of iterable(it)) {
            if (spec.partitionColumns)
                yield* readPartitionedSplit(spec.format, split, spec.schema, spec.columns, spec.options, spec.partitionColumns);
            else
                yield* readSplit(spec.format, split, spec.schema, spec.columns, spec.options);
        }
    }
    return encodeAll(runSteps(spec.steps, gen()));
}
/**
 * Map side of an aggregation (exec/hash-agg): group ids per batch in columnar loops, states in typed arrays;
 * out go the partial states per reduce partition, as Arrow batches of [keys..., states...].
 */
export function partialAggregate(spec, it) {
    const evalOf = (e) => {
        const f = compileBound(e);
        return (b) => f(b.columns, b.length);
    };
    const agg = new HashAggregation(spec.groupBy, spec.aggs, spec.groupBy.map(evalOf));
    const argFns = agg.slots.map((s) => s.args.map(evalOf));
    for (const b of runSteps(spec.steps, decodeAll(iterable(it))))
        agg.update(b, argFns);
    const out = [];
    agg.byPartition(spec.numPartitions).forEach((order, p) => {
        for (const { batch, generic } of agg.partialChunks(order))
            out.push([p, { batch: encode(batch), generic }]);
    });
    return out;
}
/** Reduce side: merges partial states per key and produces [keys..., results...] batches. */
export function finalAggregate(spec, it) {
    // Partial batches hold the keys as their first columns.
    const agg = new HashAggregation(spec.groupBy.map((k, c) => ({ kind: 'input', ordinal: c, type: k.type, nullable: true })), spec.aggs, spec.groupBy.map((_, c) => (b) => b.columns[c]));
    for (const [, part] of iterable(it))
        for (const b of decode(part.batch))
            agg.merge(b, part.generic);
    if (agg.count === 0)
        return [];
    const order = Int32Array.from({ length: agg.count }, (_, i) => i);
    return encodeAll(agg.resultChunks(order, spec.names));
}
/** Compares two rows' sort keys: per key ascending/descending, nulls first or last (Spark's defaults per direction). */
export function compareRows(a, b, orders) {
    for (let i = 0; i < orders.length; i++) {
        const x = a[i];
        const y = b[i];
        const o = orders[i];
        if (x === null || y === null) {
            if (x === y)
                continue;
            return (x === null) === o.nullsFirst ? -1 : 1;
        }
        const c = compareKeys(x, y);
        if (c !== 0)
            return o.ascending ? c : -c;
    }
    return 0;
}
/** A sample of sort keys from one partition (for the range bounds of a global sort). */
export function sampleSortKeys(spec, it) {
    const keyFns = spec.orders.map((o) => compileBound(o.expr));
    const rows = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const keys = keyFns.map((f) => f(b.columns, b.length));
        for (let r = 0; r < b.length; r++)
            rows.push(keys.map((k) => valueAt(k, r)));
    }
    if (rows.length <= spec.perPartition)
        return rows;
    const stride = rows.length / spec.perPartition;
    return Array.from({ length: spec.perPartition }, (_, i) => rows[Math.floor(i * stride)]);
}
/** Splits each batch's rows by the range bounds: [partition, batch] pairs for the sort shuffle. */
export function rangeBucketize(spec, it) {
    const keyFns = spec.orders.map((o) => compileBound(o.expr));
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const keys = keyFns.map((f) => f(b.columns, b.length));
        const byBucket = new Map();
        for (let r = 0; r < b.length; r++) {
            const row = keys.map((k) => valueAt(k, r));
            let lo = 0;
            let hi = spec.bounds.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (compareRows(spec.bounds[mid], row, spec.orders) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            let idx = byBucket.get(lo);
            if (!idx)
                byBucket.set(lo, (idx = []));
            idx.push(r);
        }
        for (const [bucket, idx] of byBucket) {
            out.push([bucket, encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length })]);
        }
    }
    return out;
}
/** Sorts one partition's rows (all its batches together; stable). */
export function sortPartition(spec, it) {
    const keyFns = spec.orders.map((o) => compileBound(o.expr));
    const batches = [];
    for (const item of iterable(it))
        batches.push(...decode(Array.isArray(item) ? item[1] : item));
    if (batches.length === 0)
        return [];
    const rows = [];
    batches.forEach((b, bi) => {
        const keys = keyFns.map((f) => f(b.columns, b.length));
        for (let r = 0; r < b.length; r++)
            rows.push({ key: keys.map((k) => valueAt(k, r)), batch: bi, row: r });
    });
    rows.sort((x, y) => compareRows(x.key, y.key, spec.orders));
    // Gather the sorted rows column by column from their batches.
    const first = batches[0];
    const columns = first.columns.map((col, c) => buildVec(col.type, rows.map((r) => valueAt(batches[r.batch].columns[c], r.row))));
    return [encode({ names: first.names, columns, length: rows.length })];
}
/** Writes one partition's batches as this task's part file(s) of a write job. */
export function writePartition(spec, index, it) {
    function* batches() {
        for (const bytes of iterable(it))
            for (const rb of decodeBatches(bytes))
                yield plainBatch(rb);
    }
    return [writeTask(spec.job, index, batches())];
}
/** Rows split by the hash of their key values into [partition, batch] pairs (the shuffle side of a hash join). */
export function hashBucketize(spec, it) {
    const n = spec.numPartitions;
    const kw = new KeyWords(spec.keys, spec.keys.map((k) => {
        const f = compileBound(k);
        return (b) => f(b.columns, b.length);
    }));
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        if (n === 1) {
            out.push([0, encode(b)]);
            continue;
        }
        // The partition comes from the high bits of the key hash (hash tables after the shuffle use the low bits).
        kw.encode(kw.sources(b), b.length);
        const h = kw.h;
        const byBucket = Array.from({ length: n }, () => []);
        for (let r = 0; r < b.length; r++)
            byBucket[Math.floor(((fmix(h[r]) >>> 0) / 4294967296) * n)].push(r);
        byBucket.forEach((idx, p) => {
            if (idx.length)
                out.push([p, encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length })]);
        });
    }
    return out;
}
function concatBatches(batches, types) {
    if (batches.length === 1)
        return batches[0];
    if (batches.length === 0)
        return { names: [], columns: types.map((t) => buildVec(parseType(t), [])), length: 0 };
    return { names: batches[0].names, columns: batches[0].columns.map((_, c) => concatVecs(batches.map((b) => b.columns[c]))), length: batches.reduce((s, b) => s + b.length, 0) };
}
/** Joins two sides' rows: a hash table on one side's keys (the right unless `built` says), probed with the other. */
function joinSides(spec, left, right, built) {
    let li = [];
    let ri = [];
    if (spec.leftKeys.length === 0) {
        for (let i = 0; i < left.length; i++)
            for (let j = 0; j < right.length; j++)
                (li.push(i), ri.push(j));
    }
    else if (built?.side === 'left') {
        const m = built.table.probe(right);
        li = m.build;
        ri = m.probe;
    }
    else {
        const table = built?.table ?? new JoinTable(spec.rightKeys, spec.leftKeys, right);
        const m = table.probe(left);
        li = m.probe;
        ri = m.build;
    }
    // Candidate pairs; the residual condition decides which match.
    if (spec.residual && li.length) {
        const cols = [...left.columns.map((c) => gather(c, li)), ...right.columns.map((c) => gather(c, ri))];
        const cond = compileBound(spec.residual)(cols, li.length);
        const kl = [];
        const kr = [];
        for (let p = 0; p < li.length; p++)
            if (cond.values[p] && !(cond.nulls && cond.nulls[p]))
                (kl.push(li[p]), kr.push(ri[p]));
        li = kl;
        ri = kr;
    }
    const how = spec.how;
    if (how === 'left_semi' || how === 'left_anti') {
        const matched = new Uint8Array(left.length);
        for (let p = 0; p < li.length; p++)
            matched[li[p]] = 1;
        const outL = [];
        for (let i = 0; i < left.length; i++)
            if ((matched[i] === 1) === (how === 'left_semi'))
                outL.push(i);
        if (outL.length === 0)
            return null;
        return { names: spec.names, columns: lazyColumns(left.columns.length, (c) => gather(left.columns[c], outL)), length: outL.length };
    }
    if (how === 'inner' || how === 'cross') {
        // Every pair is a matched row on both sides: plain gathers, column by column as they are used.
        if (li.length === 0)
            return null;
        const L = left.columns.length;
        return { names: spec.names, columns: lazyColumns(L + right.columns.length, (c) => (c < L ? gather(left.columns[c], li) : gather(right.columns[c - L], ri))), length: li.length };
    }
    const outL = li;
    const outR = ri;
    if (how === 'left' || how === 'full') {
        const matchedL = new Uint8Array(left.length);
        for (let p = 0; p < li.length; p++)
            matchedL[li[p]] = 1;
        for (let i = 0; i < left.length; i++)
            if (!matchedL[i])
                (outL.push(i), outR.push(-1));
    }
    if (how === 'right' || how === 'full') {
        const matchedR = new Uint8Array(right.length);
        for (let p = 0; p < ri.length; p++)
            if (ri[p] >= 0)
                matchedR[ri[p]] = 1;
        for (let j = 0; j < right.length; j++)
            if (!matchedR[j])
                (outL.push(-1), outR.push(j));
    }
    if (outL.length === 0)
        return null;
    const columns = [
        ...(left.length ? left.columns.map((c) => gatherOrNull(c, outL)) : spec.leftTypes.map((t) => nullVec(parseType(t), outL.length))),
        ...(right.length ? right.columns.map((c) => gatherOrNull(c, outR)) : spec.rightTypes.map((t) => nullVec(parseType(t), outR.length))),
    ];
    return { names: spec.names, columns, length: outL.length };
}
/** The reduce side of a shuffled hash join: [partition, [leftBatches, rightBatches]] from core's cogroup. */
export function joinBuckets(spec, it) {
    const out = [];
    for (const [, [ls, rs]] of iterable(it)) {
        const left = concatBatches(ls.flatMap(decode), spec.leftTypes);
        const right = concatBatches(rs.flatMap(decode), spec.rightTypes);
        const joined = joinSides(spec, left, right);
        if (joined)
            out.push(encode(joined));
    }
    return out;
}
/** A join with no equality keys: pairs of (left partition, right partition) batches from core's cartesian. */
export function joinPairs(spec, it) {
    const out = [];
    for (const [ls, rs] of iterable(it)) {
        const joined = joinSides(spec, concatBatches(ls.flatMap(decode), spec.leftTypes), concatBatches(rs.flatMap(decode), spec.rightTypes));
        if (joined)
            out.push(encode(joined));
    }
    return out;
}
/** Rows dealt round-robin over n partitions from a per-partition start (repartition without columns). */
export function roundRobin(spec, index, it) {
    const n = spec.numPartitions;
    let next = (index * 7919) % n;
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const byBucket = Array.from({ length: n }, () => []);
        for (let r = 0; r < b.length; r++) {
            byBucket[next].push(r);
            next = (next + 1) % n;
        }
        byBucket.forEach((idx, p) => {
            if (idx.length)
                out.push([p, encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length })]);
        });
    }
    return out;
}
/** Skips the first n rows of the (single) partition: a global OFFSET after the rows are gathered in order. */
export function skipRows(spec, it) {
    let left = spec.n;
    const out = [];
    for (const b of decodeAll(iterable(it))) {
        if (left >= b.length) {
            left -= b.length;
            continue;
        }
        const from = left;
        left = 0;
        out.push(encode({ names: b.names, columns: b.columns.map((c) => sliceVec(c, from, b.length)), length: b.length - from }));
    }
    return out;
}
/**
 * A broadcast hash join: the small side arrives once per worker (a core broadcast variable holding its batches);
 * the other side streams through, batch by batch, without a shuffle.
 */
export function broadcastJoin(spec, build, it) {
    const types = spec.buildSide === 'right' ? spec.rightTypes : spec.leftTypes;
    const small = concatBatches(build.value.flatMap(decode), types);
    // The hash table of the small side is built once per task, not once per streamed batch.
    // Without keys (a broadcast nested-loop join) there is no table: every pair is a candidate.
    const table = spec.leftKeys.length === 0
        ? null
        : spec.buildSide === 'right'
            ? new JoinTable(spec.rightKeys, spec.leftKeys, small)
            : new JoinTable(spec.leftKeys, spec.rightKeys, small);
    const built = table ? { side: spec.buildSide, table } : undefined;
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const joined = spec.buildSide === 'right' ? joinSides(spec, b, small, built) : joinSides(spec, small, b, built);
        if (joined)
            out.push(encode(joined));
    }
    return out;
}
/** Repeats each row `count` times (intersectAll/exceptAll multiplicities); the count column is dropped. */
export function replicateRows(spec, it) {
    const out = [];
    for (const b of decodeAll(iterable(it))) {
        const counts = b.columns[spec.countOrdinal];
        const idx = [];
        for (let r = 0; r < b.length; r++) {
            const n = Number(valueAt(counts, r) ?? 0);
            for (let k = 0; k < n; k++)
                idx.push(r);
        }
        if (!idx.length)
            continue;
        const keep = b.columns.filter((_, c) => c !== spec.countOrdinal);
        out.push(encode({ names: b.names.filter((_, c) => c !== spec.countOrdinal), columns: keep.map((c) => gather(c, idx)), length: idx.length }));
    }
    return out;
}
/**
 * Keeps each row with probability in [lower, upper) of a seeded uniform draw (or a Poisson count of copies with
 * replacement). The generator is seeded per partition, so every split of randomSplit sees the same draws.
 */
export function sampleRows(spec, index, it) {
    let s = (Math.imul(spec.seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
    const next = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const idx = [];
        for (let r = 0; r < b.length; r++) {
            if (spec.withReplacement) {
                const limit = Math.exp(-spec.upper);
                let k = 0;
                for (let p = next(); p > limit; p *= next())
                    k++;
                for (let j = 0; j < k; j++)
                    idx.push(r);
            }
            else {
                const u = next();
                if (u >= spec.lower && u < spec.upper)
                    idx.push(r);
            }
        }
        if (idx.length)
            out.push(encode({ names: b.names, columns: b.columns.map((c) => gather(c, idx)), length: idx.length }));
    }
    return out;
}
/** explode / posexplode (and _outer): one row per element of an array, or per entry of a map. */
export function generateRows(spec, it) {
    const gen = compileBound(spec.generator);
    const types = spec.genTypes.map(parseType);
    const out = [];
    for (const b of runSteps(spec.steps, decodeAll(iterable(it)))) {
        const g = gen(b.columns, b.length);
        const idx = [];
        const pos = [];
        const first = [];
        const second = [];
        for (let r = 0; r < b.length; r++) {
            const v = valueAt(g, r);
            const items = v == null ? [] : v instanceof Map ? [...v.entries()] : spec.isMap ? Object.entries(v) : v.map((x) => [x, undefined]);
            if (items.length === 0 && spec.outer) {
                idx.push(r);
                pos.push(null);
                first.push(null);
                second.push(null);
            }
            items.forEach(([a, c], k) => {
                idx.push(r);
                pos.push(k);
                first.push(a ?? null);
                second.push(c ?? null);
            });
        }
        if (!idx.length)
            continue;
        const generated = [
            ...(spec.position ? [buildVec(parseType('int'), pos)] : []),
            buildVec(types[spec.position ? 1 : 0], first),
            ...(spec.isMap ? [buildVec(types[spec.position ? 2 : 1], second)] : []),
        ];
        out.push(encode({ names: spec.names, columns: [...b.columns.map((c) => gather(c, idx)), ...generated], length: idx.length }));
    }
    return out;
}
/** Batches to row objects, for df.rdd(). */
export function batchToRows(spec, it) {
    const rows = [];
    for (const b of decodeAll(iterable(it))) {
        const cols = b.columns.map((c) => vecToValues(c));
        for (let r = 0; r < b.length; r++) {
            const row = {};
            spec.names.forEach((n, c) => (row[n] = cols[c][r] ?? null));
            rows.push(row);
        }
    }
    return rows;
}
//# sourceMappingURL=task-ops.js.map