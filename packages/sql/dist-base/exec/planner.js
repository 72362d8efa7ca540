import { listInputFiles, moduleFunction } from '@kindling/core';
import { fileFormat } from '../sources/index.js';
import { toDDL } from '../types/parse-type.js';
import { compareRows } from './task-ops.js';
import { selectPartitions } from './partition-pruning.js';
import { StructType } from '../types/data-types.js';
// The task functions live in the built module, which worker threads import by URL (from src/ or dist/ alike).
const TASK_OPS = new URL('../../dist/exec/task-ops.js', import.meta.url).href;
const ops = {};
export async function op(name) {
    ops[name] ??= await moduleFunction(TASK_OPS, name);
    return ops[name];
}
/** Keys of shuffles between SQL stages are reduce partition numbers already: partition = key. */
const byBucket = (bucket) => bucket;
/**
 * A rough upper bound of a plan's output size in bytes, from what is known before running it: in-memory data,
 * file sizes (scaled by the share of columns read), range lengths. Unknown: Infinity, so it is never broadcast.
 */
export function estimateBytes(p) {
    switch (p.kind) {
        case 'localRelation':
            return p.partitions.reduce((s, b) => s + b.byteLength, 0);
        case 'range':
            return Math.max(0, Math.ceil((p.end - p.start) / p.step)) * 8;
        case 'fileScan': {
            try {
                const files = p.partitions ? selectPartitions(p.partitions, p.partitionFilters ?? []) : listInputFiles(p.paths);
                return (files.reduce((s, f) => s + f.size, 0) * p.columns.length) / Math.max(1, p.schema.fields.length);
            }
            catch {
                return Infinity;
            }
        }
        case 'project':
        case 'filter':
        case 'limit':
        case 'offset':
        case 'sort':
        case 'aggregate':
        case 'repartition':
        case 'cached':
            return estimateBytes(p.child);
        default:
            return Infinity;
    }
}
export class Planner {
    sc;
    options;
    constructor(sc, options) {
        this.sc = sc;
        this.options = options;
    }
    async toRdd(plan) {
        return this.materialize(await this.pending(plan));
    }
    async materialize(p) {
        const steps = p.steps;
        switch (p.source.kind) {
            case 'batches': {
                if (steps.length === 0)
                    return p.source.rdd;
                const f = await op('mapBatches');
                const spec = { steps };
                return p.source.rdd.mapPartitions((it) => f(spec, it));
            }
            case 'range': {
                const f = await op('scanRange');
                const spec = { steps };
                return p.source.rdd.mapPartitions((it) => f(spec, it));
            }
            case 'files': {
                const f = await op('scanFiles');
                const spec = { ...p.source.spec, steps };
                return p.source.rdd.mapPartitions((it) => f(spec, it));
            }
        }
    }
    /**
     * Equi-joins: both sides shuffled by the key hash with the same partitioner, so core's cogroup pairs up their
     * partitions without another shuffle; then a hash join per partition. Without keys: a broadcast nested-loop join
     * when a side may be broadcast (one-row subquery results are), else a cartesian product of partitions, with the
     * condition checked on each pair.
     */
    async join(plan) {
        const spec = {
            how: plan.how,
            leftKeys: plan.leftKeys,
            rightKeys: plan.rightKeys,
            residual: plan.residual,
            leftTypes: plan.left.output.map((a) => a.type.simpleString()),
            rightTypes: plan.right.output.map((a) => a.type.simpleString()),
            names: plan.output.map((a) => a.name),
        };
        const buildSide = this.broadcastSide(plan);
        if (plan.leftKeys.length === 0 && !buildSide) {
            // Every left row must meet every right row exactly once: the right side in one partition, and the left too
            // when unmatched right rows must be found (right and full joins).
            const pairs = await op('joinPairs');
            const whole = plan.how === 'right' || plan.how === 'full';
            const l = await this.toRdd(plan.left);
            const r = (await this.toRdd(plan.right)).coalesce(1).glom();
            return (whole ? l.coalesce(1) : l).glom().cartesian(r).mapPartitions((it) => pairs(spec, it));
        }
        if (buildSide) {
            // A broadcast hash join, or without keys a broadcast nested-loop join (the condition checked on each pair).
            const build = buildSide === 'right' ? plan.right : plan.left;
            const stream = buildSide === 'right' ? plan.left : plan.right;
            const bytes = await (await this.toRdd(build)).collect();
            const bc = this.sc.broadcast(bytes);
            const p = await this.pending(stream);
            const input = await this.materialize({ ...p, steps: [] });
            const bjoin = await op('broadcastJoin');
            const bspec = { ...spec, steps: p.steps, buildSide };
            return input.mapPartitions((it) => bjoin(bspec, bc, it));
        }
        const n = this.options.shufflePartitions;
        const bucketize = await op('hashBucketize');
        const side = async (child, keys) => {
            const p = await this.pending(child);
            const input = await this.materialize({ ...p, steps: [] });
            const bspec = { steps: p.steps, keys, numPartitions: n };
            return input.mapPartitions((it) => bucketize(bspec, it)).partitionBy(n, byBucket);
        };
        const left = await side(plan.left, plan.leftKeys);
        const right = await side(plan.right, plan.rightKeys);
        const joinOp = await op('joinBuckets');
        return left.cogroup(right).mapPartitions((it) => joinOp(spec, it));
    }
    /**
     * Which side of an equi-join to broadcast, if any: a side with a broadcast() hint, or whose estimated size is
     * under the threshold, among the sides the join type allows building (Spark's rules: not the side whose
     * unmatched rows an outer join must keep).
     */
    broadcastSide(plan) {
        const canRight = ['inner', 'cross', 'left', 'left_semi', 'left_anti'].includes(plan.how);
        const canLeft = ['inner', 'cross', 'right'].includes(plan.how);
        const limit = this.options.broadcastThreshold;
        const fits = (p) => p.broadcastHint || (limit >= 0 && estimateBytes(p) <= limit);
        const r = canRight && fits(plan.right);
        const l = canLeft && fits(plan.left);
        if (r && l)
            return estimateBytes(plan.left) < estimateBytes(plan.right) && !plan.right.broadcastHint ? 'left' : 'right';
        return r ? 'right' : l ? 'left' : null;
    }
    async pending(plan) {
        switch (plan.kind) {
            case 'localRelation':
                return { source: { kind: 'batches', rdd: this.sc.parallelize(plan.partitions, Math.max(1, plan.partitions.length)) }, steps: [] };
            case 'range': {
                const length = Math.max(0, Math.ceil((plan.end - plan.start) / plan.step));
                const n = plan.numPartitions;
                const parts = Array.from({ length: n }, (_, i) => ({
                    start: plan.start,
                    step: plan.step,
                    from: Math.floor((i * length) / n),
                    to: Math.floor(((i + 1) * length) / n),
                }));
                return { source: { kind: 'range', rdd: this.sc.parallelize(parts, n) }, steps: [] };
            }
            case 'fileScan': {
                const format = fileFormat(plan.format);
                if (plan.partitions) {
                    // Directories whose partition values fail the partition filters are dropped before any file is opened.
                    const files = selectPartitions(plan.partitions, plan.partitionFilters ?? []);
                    const values = new Map(files.map((f) => [f.path, f.values]));
                    const splits = files.length ? format.planSplits(files, plan.options, this.sc.defaultParallelism).map((s) => ({ ...s, partitionValues: values.get(s.path) })) : [];
                    const partNames = new Set(plan.partitions.columns.map((c) => c.name.toLowerCase()));
                    const dataSchema = new StructType(plan.schema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
                    return {
                        source: {
                            kind: 'files',
                            rdd: this.sc.parallelize(splits, Math.max(1, splits.length)),
                            spec: { format: plan.format, schema: toDDL(dataSchema), columns: plan.columns, options: plan.options, partitionColumns: plan.partitions.columns },
                        },
                        steps: [],
                    };
                }
                const files = listInputFiles(plan.paths);
                const splits = format.planSplits(files, plan.options, this.sc.defaultParallelism);
                return {
                    source: {
                        kind: 'files',
                        rdd: this.sc.parallelize(splits, Math.max(1, splits.length)),
                        spec: { format: plan.format, schema: toDDL(plan.schema), columns: plan.columns, options: plan.options },
                    },
                    steps: [],
                };
            }
            case 'filter': {
                const p = await this.pending(plan.child);
                return { ...p, steps: [...p.steps, { op: 'filter', condition: plan.condition }] };
            }
            case 'project': {
                const p = await this.pending(plan.child);
                return { ...p, steps: [...p.steps, { op: 'project', exprs: plan.exprs, names: plan.output.map((a) => a.name) }] };
            }
            case 'limit': {
                // Each partition keeps at most n rows, then one task keeps the first n of those.
                const p = await this.pending(plan.child);
                const local = await this.materialize({ ...p, steps: [...p.steps, { op: 'limit', n: plan.n }] });
                return { source: { kind: 'batches', rdd: local.coalesce(1) }, steps: [{ op: 'limit', n: plan.n }] };
            }
            case 'aggregate': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const numPartitions = plan.groupBy.length === 0 ? 1 : this.options.shufflePartitions;
                const spec = { steps: p.steps, groupBy: plan.groupBy, aggs: plan.aggs, numPartitions };
                const partial = await op('partialAggregate');
                const final = await op('finalAggregate');
                const finalSpec = {
                    ...spec,
                    steps: [],
                    keyTypes: plan.output.slice(0, plan.groupBy.length).map((a) => a.type.simpleString()),
                    names: plan.output.map((a) => a.name),
                };
                const out = input
                    .mapPartitions((it) => partial(spec, it))
                    .partitionBy(numPartitions, byBucket)
                    .mapPartitions((it) => final(finalSpec, it));
                return { source: { kind: 'batches', rdd: out }, steps: [] };
            }
            case 'union': {
                const rdds = await Promise.all(plan.children.map((c) => this.toRdd(c)));
                return { source: { kind: 'batches', rdd: this.sc.union(rdds) }, steps: [] };
            }
            case 'join':
                return { source: { kind: 'batches', rdd: await this.join(plan) }, steps: [] };
            case 'offset': {
                const skip = await op('skipRows');
                const spec = { n: plan.n };
                const one = (await this.toRdd(plan.child)).coalesce(1);
                return { source: { kind: 'batches', rdd: one.mapPartitions((it) => skip(spec, it)) }, steps: [] };
            }
            case 'repartition': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const n = plan.numPartitions;
                if (!plan.shuffle)
                    return { source: { kind: 'batches', rdd: input.coalesce(n) }, steps: p.steps };
                let tagged;
                if (plan.by.length) {
                    const bucketize = await op('hashBucketize');
                    const spec = { steps: p.steps, keys: plan.by, numPartitions: n };
                    tagged = input.mapPartitions((it) => bucketize(spec, it));
                }
                else {
                    const deal = await op('roundRobin');
                    const spec = { steps: p.steps, numPartitions: n };
                    tagged = input.mapPartitionsWithIndex((i, it) => deal(spec, i, it));
                }
                return { source: { kind: 'batches', rdd: tagged.partitionBy(n, byBucket).values() }, steps: [] };
            }
            case 'replicate': {
                const f = await op('replicateRows');
                const spec = { countOrdinal: plan.countOrdinal };
                return { source: { kind: 'batches', rdd: (await this.toRdd(plan.child)).mapPartitions((it) => f(spec, it)) }, steps: [] };
            }
            case 'sample': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const f = await op('sampleRows');
                const spec = { steps: p.steps, withReplacement: plan.withReplacement, lower: plan.lower, upper: plan.upper, seed: plan.seed };
                return { source: { kind: 'batches', rdd: input.mapPartitionsWithIndex((i, it) => f(spec, i, it)) }, steps: [] };
            }
            case 'expand': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const f = await op('expandRows');
                const spec = { steps: p.steps, projections: plan.projections, names: plan.output.map((a) => a.name) };
                return { source: { kind: 'batches', rdd: input.mapPartitions((it) => f(spec, it)) }, steps: [] };
            }
            case 'generate': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const f = await op('generateRows');
                const spec = {
                    steps: p.steps,
                    generator: plan.generator,
                    outer: plan.outer,
                    position: plan.position,
                    isMap: plan.isMap,
                    names: plan.output.map((a) => a.name),
                    genTypes: plan.output.slice(plan.child.output.length).map((a) => a.type.simpleString()),
                };
                return { source: { kind: 'batches', rdd: input.mapPartitions((it) => f(spec, it)) }, steps: [] };
            }
            case 'window': {
                // Rows shuffled by the hash of the PARTITION BY keys (all to one partition without them), then each task
                // sorts its rows by partition and order keys and computes the window expressions (exec/window-ops.ts).
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const n = plan.partitionBy.length ? this.options.shufflePartitions : 1;
                const bucketize = await op('hashBucketize');
                const bspec = { steps: p.steps, keys: plan.partitionBy, numPartitions: n };
                const win = await op('windowPartition');
                const wspec = { partitionBy: plan.partitionBy, orderBy: plan.orderBy, windowExprs: plan.windowExprs, names: plan.output.map((a) => a.name) };
                const out = input
                    .mapPartitions((it) => bucketize(bspec, it))
                    .partitionBy(n, byBucket)
                    .mapPartitions((it) => win(wspec, it));
                return { source: { kind: 'batches', rdd: out }, steps: [] };
            }
            case 'rddScan':
                return { source: { kind: 'batches', rdd: plan.rdd }, steps: [] };
            case 'cached': {
                if (!plan.holder.rdd) {
                    const { StorageLevel } = await import('@kindling/core');
                    const level = StorageLevel[plan.holder.level];
                    const encode = await op('cacheEncode');
                    plan.holder.rdd = (await this.toRdd(plan.child)).mapPartitions((it) => encode(null, it)).persist(level);
                }
                return { source: { kind: 'batches', rdd: plan.holder.rdd }, steps: [] };
            }
            case 'sort': {
                const p = await this.pending(plan.child);
                const input = await this.materialize({ ...p, steps: [] });
                const n = Math.max(1, input.getNumPartitions());
                const spec = { steps: p.steps, orders: plan.orders };
                const sample = await op('sampleSortKeys');
                const samples = (await input.mapPartitions((it) => sample({ ...spec, perPartition: 60 }, it)).collect());
                samples.sort((a, b) => compareRows(a, b, plan.orders));
                const bounds = Array.from({ length: n - 1 }, (_, i) => samples[Math.floor(((i + 1) * samples.length) / n)]).filter((b) => b !== undefined);
                const bucketize = await op('rangeBucketize');
                const sortPart = await op('sortPartition');
                const sortSpec = { steps: [], orders: plan.orders };
                const out = input
                    .mapPartitions((it) => bucketize({ ...spec, bounds }, it))
                    .partitionBy(bounds.length + 1, byBucket)
                    .mapPartitions((it) => sortPart(sortSpec, it));
                return { source: { kind: 'batches', rdd: out }, steps: [] };
            }
        }
    }
}
//# sourceMappingURL=planner.js.map