import { listInputFiles, moduleFunction, type Broadcast, type Context, type RDD } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
import { fileFormat } from '../sources/index.js';
import { toDDL } from '../types/parse-type.js';
import type { Step } from './pipeline.js';
import { compareRows, type PartialSkip, type SortSample } from './task-ops.js';
import { selectPartitions } from './partition-pruning.js';
import { StructType } from '../types/data-types.js';
import { estimateBytes } from '../plan/estimate-bytes.js';
import { broadcastEstimate } from '../plan/broadcast-estimate.js';
import { planKey } from '../plan/plan-key.js';
import { takeOrderedOf, type TakeOrdered } from '../plan/take-ordered.js';
import { adaptiveJoin, adaptivePlan, buildableSides, type AdaptiveHost, type JoinSide } from './adaptive-join.js';

export { estimateBytes };

// The task functions live in the built module, which worker threads import by URL (from src/ or dist/ alike).
const TASK_OPS = new URL('../../dist/exec/task-ops.js', import.meta.url).href;
const ops: Record<string, Function> = {};
export async function op(name: string): Promise<(spec: any, it: Iterator<any>) => Iterable<any>> {
  ops[name] ??= await moduleFunction(TASK_OPS, name);
  return ops[name] as (spec: any, it: Iterator<any>) => Iterable<any>;
}

/** Keys of shuffles between SQL stages are reduce partition numbers already: partition = key. */
const byBucket = (bucket: number) => bucket;


/** A stage being built: where its batches come from, and the narrow steps still to fuse into it. */
interface Pending {
  source:
    | { kind: 'batches'; rdd: RDD<Uint8Array> }
    | { kind: 'range'; rdd: RDD<{ start: number; step: number; from: number; to: number }> }
    /** A join: its final task also runs the narrow steps that follow it (see Planner.join). */
    | { kind: 'join'; make: (post: Step[], inTask?: boolean) => Promise<RDD<Uint8Array>> }
    | {
        kind: 'files';
        rdd: RDD<unknown>;
        spec: { format: string; schema: string; columns: string[]; options: Record<string, string>; partitionColumns?: { name: string; type: string }[] };
      };
  steps: Step[];
}

export interface PlannerOptions {
  /** Partitions after a shuffle (Spark's spark.sql.shuffle.partitions). */
  shufflePartitions: number;
  /** Broadcast a join side estimated under this many bytes; -1 never (spark.sql.autoBroadcastJoinThreshold). */
  broadcastThreshold: number;
  /** Decide shuffled joins from their map outputs (spark.sql.adaptive.enabled; exec/adaptive-join.ts). */
  adaptive?: boolean;
  /** Adaptive partial aggregation (exec/task-ops.ts PartialSkip); absent: partial aggregates always aggregate. */
  partialSkip?: PartialSkip;
  /**
   * A global sort whose input, all partitions together, encodes to at most this many bytes is sorted in one task
   * from what its sample job brought back (see the 'sort' case); 0 never.
   */
  smallSortBytes?: number;
}

/**
 * Compiles an analyzed plan into core RDDs of Arrow IPC batches: sources become RDDs of batches or of split
 * descriptors, chains of narrow operators fuse into one mapPartitions per stage, aggregations become a partial
 * aggregate, a shuffle by key hash and a final aggregate, and sorts a sampled range partitioning.
 */
type JoinNode = Extract<ResolvedPlan, { kind: 'join' }>;

export class Planner {
  /** Aggregates planned so far, by planKey: an equal one reuses the RDD (and so the shuffle) built for the first. */
  private readonly exchanges = new Map<string, RDD<Uint8Array>>();
  /** Broadcast build sides so far, by planKey: an equal one shares the first one's job and broadcast (see broadcastOf). */
  private readonly broadcasts = new Map<string, Promise<Broadcast<Uint8Array[]>>>();

  constructor(
    private readonly sc: Context,
    private readonly options: PlannerOptions,
  ) {}

  async toRdd(plan: ResolvedPlan): Promise<RDD<Uint8Array>> {
    return this.materialize(await this.pending(plan));
  }

  private async materialize(p: Pending): Promise<RDD<Uint8Array>> {
    const steps = p.steps;
    switch (p.source.kind) {
      case 'join':
        return p.source.make(steps);
      case 'batches': {
        if (steps.length === 0) return p.source.rdd;
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
   * The input of a task function that applies `p.steps` itself (see task-ops' stageInput): a file scan is fused
   * into it (the task reads the splits; `scan` goes into its spec), anything else arrives as IPC batches.
   */
  private async stageInput(p: Pending): Promise<{ input: RDD<any>; scan: { scan?: Extract<Pending['source'], { kind: 'files' }>['spec'] } }> {
    if (p.source.kind === 'files') return { input: p.source.rdd, scan: { scan: p.source.spec } };
    return { input: await this.materialize({ ...p, steps: [] }), scan: {} };
  }

  /**
   * A plan as the input of a consumer that runs its own copy of the pending steps in its task (aggregate,
   * shuffle, sort...): a join's steps are fused into the join's task instead, so the consumer gets none.
   */
  private async stage(plan: ResolvedPlan, inTask = false): Promise<Pending> {
    const p = await this.pending(plan);
    if (p.source.kind !== 'join') return p;
    return { source: { kind: 'batches', rdd: await p.source.make(p.steps, inTask) }, steps: [] };
  }

  /**
   * Like stage, for a consumer whose task function reads its input through task-ops' stageInput and runs in the
   * same task as its input (a narrow dependency that nothing else reads): a join then hands its batches over as
   * objects instead of IPC bytes. Such an RDD must never be collected, cached or shuffled as it is.
   */
  private async stageFused(plan: ResolvedPlan): Promise<Pending> {
    return this.stage(plan, true);
  }

  /**
   * ORDER BY ... LIMIT n as Spark's TakeOrderedAndProject: each task keeps its first n rows in sort order, one task
   * after a single-partition shuffle keeps the first n of those, and the projection runs on them. No sampling job
   * and no range shuffle of every row, as a global sort would need.
   */
  private async takeOrdered(top: TakeOrdered, n: number): Promise<Pending> {
    const p = await this.stageFused(top.sort.child);
    const { input, scan } = await this.stageInput(p);
    const take = await op('takeOrdered');
    const spec = { steps: p.steps, orders: top.sort.orders, limit: n, bucket: true, ...scan };
    const finalSpec = { steps: [], orders: top.sort.orders, limit: n };
    const one = input
      .mapPartitions((it) => take(spec, it))
      .partitionBy(1, byBucket)
      .values()
      .mapPartitions((it) => take(finalSpec, it)) as RDD<Uint8Array>;
    const project = top.project;
    return { source: { kind: 'batches', rdd: one }, steps: project ? [{ op: 'project', exprs: project.exprs, names: project.output.map((a) => a.name) }] : [] };
  }

  /**
   * Equi-joins: both sides shuffled by the key hash with the same partitioner, so core's cogroup pairs up their
   * partitions without another shuffle; then a hash join per partition. Without keys: a broadcast nested-loop join
   * when a side may be broadcast (one-row subquery results are), else a cartesian product of partitions, with the
   * condition checked on each pair.
   */
  private async join(plan: JoinNode, post: Step[], inTask = false): Promise<RDD<Uint8Array>> {
    // `post`: the projections and filters above the join run in its task before the output is encoded, so that
    // columns nobody reads (join keys, pruned-away strings) are never gathered. `inTask`: see stageFused.
    const spec = {
      post,
      inTask,
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
      return (whole ? l.coalesce(1) : l).glom().cartesian(r).mapPartitions((it) => pairs(spec, it)) as RDD<Uint8Array>;
    }
    if (buildSide) {
      // A broadcast hash join, or without keys a broadcast nested-loop join (the condition checked on each pair).
      const build = buildSide === 'right' ? plan.right : plan.left;
      const stream = buildSide === 'right' ? plan.left : plan.right;
      const bc = await this.broadcastOf(build);
      const p = await this.stageFused(stream);
      return this.joinPast(spec, buildSide, bc, p.steps, await this.stageInput(p));
    }
    const n = this.options.shufflePartitions;
    const bucketize = await op('hashBucketize');
    const shuffle = async (staged: JoinSide['staged'], steps: Step[], keys: JoinNode['leftKeys']) => {
      const bspec = { steps, keys, numPartitions: n, ...staged.scan };
      return staged.input.mapPartitions((it) => bucketize(bspec, it)).partitionBy(n, byBucket) as RDD<[number, Uint8Array]>;
    };
    const side = async (child: ResolvedPlan, keys: JoinNode['leftKeys']): Promise<JoinSide> => {
      const p = await this.stageFused(child);
      const staged = await this.stageInput(p);
      return { steps: p.steps, staged, shuffled: await shuffle(staged, p.steps, keys) };
    };
    const left = await side(plan.left, plan.leftKeys);
    const right = await side(plan.right, plan.rightKeys);
    const joinOp = await op('joinBuckets');
    const shuffledJoin = async (l: RDD<[number, Uint8Array]>, r: RDD<[number, Uint8Array]>) => l.cogroup(r).mapPartitions((it) => joinOp(spec, it)) as RDD<Uint8Array>;
    const host: AdaptiveHost = {
      sc: this.sc,
      threshold: this.options.broadcastThreshold,
      broadcastJoin: (s, buildSide, bytes, steps, staged) => this.broadcastHashJoin(s, buildSide, bytes, steps, staged),
      shuffle,
      shuffledJoin,
    };
    return (await adaptiveJoin(host, plan, spec, { left, right }, this.adaptiveSides(plan))) ?? shuffledJoin(left.shuffled, right.shuffled);
  }

  /** The stream side (staged, `steps` to apply) through a broadcast of the build side's batches `bytes`, with no shuffle. */
  private async broadcastHashJoin(spec: object, buildSide: 'left' | 'right', bytes: Uint8Array[], steps: Step[], staged: JoinSide['staged']): Promise<RDD<Uint8Array>> {
    return this.joinPast(spec, buildSide, this.sc.broadcast(bytes), steps, staged);
  }

  /**
   * The batches of a join's build side, collected and broadcast; an equal build side planned before (TPC-H Q11's
   * German suppliers, under the aggregate and under the threshold's subquery) shares that job and that broadcast,
   * and so the hash table each worker builds of it (Spark's ReuseExchange of a BroadcastExchange).
   */
  private async broadcastOf(build: ResolvedPlan): Promise<Broadcast<Uint8Array[]>> {
    const key = planKey(build);
    let bc = this.broadcasts.get(key);
    if (!bc) {
      bc = this.collectBroadcast(build);
      this.broadcasts.set(key, bc);
    }
    return await bc;
  }

  private async collectBroadcast(build: ResolvedPlan): Promise<Broadcast<Uint8Array[]>> {
    return this.sc.broadcast(await (await this.toRdd(build)).collect());
  }

  /** The stream side (staged, `steps` to apply) joined past the broadcast `bc` of the build side's batches. */
  private async joinPast(spec: object, buildSide: 'left' | 'right', bc: Broadcast<Uint8Array[]>, steps: Step[], staged: JoinSide['staged']): Promise<RDD<Uint8Array>> {
    const bjoin = await op('broadcastJoin');
    const bspec = { ...spec, steps, buildSide, ...staged.scan };
    return staged.input.mapPartitions((it) => (bjoin as any)(bspec, bc, it)) as RDD<Uint8Array>;
  }

  /** What adaptive planning (exec/adaptive-join.ts) may do with each side of a shuffled join, in order; none when off. */
  adaptiveSides(plan: JoinNode): ReturnType<typeof adaptivePlan> {
    return adaptivePlan(plan, this.options.adaptive === true, this.options.broadcastThreshold);
  }

  /** The threshold adaptive broadcasting compares a shuffle's size with (explain prints it). */
  get broadcastThreshold(): number {
    return this.options.broadcastThreshold;
  }

  /**
   * Which side of an equi-join to broadcast, if any: a side with a broadcast() hint, or whose estimated size
   * (shrunk by its filters within bounds: plan/broadcast-estimate.ts) is under the threshold, among the sides
   * the join type allows building (Spark's rules: not the side whose unmatched rows an outer join must keep).
   */
  broadcastSide(plan: JoinNode): 'left' | 'right' | null {
    const { canLeft, canRight } = buildableSides(plan.how);
    const limit = this.options.broadcastThreshold;
    const size = (p: ResolvedPlan) => broadcastEstimate(p, limit);
    const fits = (p: ResolvedPlan) => p.broadcastHint || (limit >= 0 && size(p) <= limit);
    const r = canRight && fits(plan.right);
    const l = canLeft && fits(plan.left);
    if (r && l) return size(plan.left) < size(plan.right) && !plan.right.broadcastHint ? 'left' : 'right';
    return r ? 'right' : l ? 'left' : null;
  }

  private async pending(plan: ResolvedPlan): Promise<Pending> {
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
          const splits = files.length ? format.planSplits(files, plan.options, this.sc.defaultParallelism).map((s) => ({ ...s, partitionValues: values.get(s.path)! })) : [];
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
        const top = takeOrderedOf(plan);
        if (top) return this.takeOrdered(top, plan.n);
        // Each partition keeps at most n rows, then one task keeps the first n of those.
        const p = await this.pending(plan.child);
        const local = await this.materialize({ ...p, steps: [...p.steps, { op: 'limit', n: plan.n }] });
        return { source: { kind: 'batches', rdd: local.coalesce(1) }, steps: [{ op: 'limit', n: plan.n }] };
      }
      case 'aggregate': {
        // the same aggregate twice in one plan runs its map stage once (ReuseExchange)
        const key = planKey(plan);
        const reused = this.exchanges.get(key);
        if (reused) return { source: { kind: 'batches', rdd: reused }, steps: [] };
        const p = await this.stageFused(plan.child);
        const { input, scan } = await this.stageInput(p);
        const numPartitions = plan.groupBy.length === 0 ? 1 : this.options.shufflePartitions;
        const spec = { steps: p.steps, groupBy: plan.groupBy, aggs: plan.aggs, numPartitions, partialSkip: this.options.partialSkip, ...scan };
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
          .mapPartitions((it) => final(finalSpec, it)) as RDD<Uint8Array>;
        this.exchanges.set(key, out);
        return { source: { kind: 'batches', rdd: out }, steps: [] };
      }
      case 'union': {
        const rdds = await Promise.all(plan.children.map((c) => this.toRdd(c)));
        return { source: { kind: 'batches', rdd: this.sc.union(rdds) }, steps: [] };
      }
      case 'join':
        return { source: { kind: 'join', make: (post, inTask) => this.join(plan, post, inTask) }, steps: [] };
      case 'offset': {
        const skip = await op('skipRows');
        const spec = { n: plan.n };
        const one = (await this.toRdd(plan.child)).coalesce(1);
        return { source: { kind: 'batches', rdd: one.mapPartitions((it) => skip(spec, it)) }, steps: [] };
      }
      case 'repartition': {
        const p = await this.stage(plan.child);
        const input = await this.materialize({ ...p, steps: [] });
        const n = plan.numPartitions;
        if (!plan.shuffle) return { source: { kind: 'batches', rdd: input.coalesce(n) }, steps: p.steps };
        let tagged: RDD<[number, Uint8Array]>;
        if (plan.by.length) {
          const bucketize = await op('hashBucketize');
          const spec = { steps: p.steps, keys: plan.by, numPartitions: n };
          tagged = input.mapPartitions((it) => bucketize(spec, it)) as RDD<[number, Uint8Array]>;
        } else {
          const deal = await op('roundRobin');
          const spec = { steps: p.steps, numPartitions: n };
          tagged = input.mapPartitionsWithIndex((i, it) => (deal as any)(spec, i, it)) as RDD<[number, Uint8Array]>;
        }
        return { source: { kind: 'batches', rdd: tagged.partitionBy(n, byBucket).values() }, steps: [] };
      }
      case 'replicate': {
        const f = await op('replicateRows');
        const spec = { countOrdinal: plan.countOrdinal };
        return { source: { kind: 'batches', rdd: (await this.toRdd(plan.child)).mapPartitions((it) => f(spec, it)) }, steps: [] };
      }
      case 'sample': {
        const p = await this.stage(plan.child);
        const input = await this.materialize({ ...p, steps: [] });
        const f = await op('sampleRows');
        const spec = { steps: p.steps, withReplacement: plan.withReplacement, lower: plan.lower, upper: plan.upper, seed: plan.seed };
        return { source: { kind: 'batches', rdd: input.mapPartitionsWithIndex((i, it) => (f as any)(spec, i, it)) as RDD<Uint8Array> }, steps: [] };
      }
      case 'expand': {
        const p = await this.stage(plan.child);
        const input = await this.materialize({ ...p, steps: [] });
        const f = await op('expandRows');
        const spec = { steps: p.steps, projections: plan.projections, names: plan.output.map((a) => a.name), interleave: plan.interleave === true };
        return { source: { kind: 'batches', rdd: input.mapPartitions((it) => f(spec, it)) }, steps: [] };
      }
      case 'generate': {
        const p = await this.stage(plan.child);
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
        const p = await this.stage(plan.child);
        const input = await this.materialize({ ...p, steps: [] });
        const n = plan.partitionBy.length ? this.options.shufflePartitions : 1;
        const bucketize = await op('hashBucketize');
        const bspec = { steps: p.steps, keys: plan.partitionBy, numPartitions: n };
        const win = await op('windowPartition');
        // Under a group limit the Window task first applies it again (Spark's Final WindowGroupLimit): each map task
        // kept its own top rows per partition, so a reduce task sees up to (map tasks x limit) rows per partition.
        const limited = plan.child.kind === 'windowGroupLimit' ? { rankFunction: plan.child.rankFunction, limit: plan.child.limit } : undefined;
        const wspec = { partitionBy: plan.partitionBy, orderBy: plan.orderBy, windowExprs: plan.windowExprs, names: plan.output.map((a) => a.name), groupLimit: limited };
        const out = input
          .mapPartitions((it) => bucketize(bspec, it))
          .partitionBy(n, byBucket)
          .mapPartitions((it) => win(wspec, it));
        return { source: { kind: 'batches', rdd: out as RDD<Uint8Array> }, steps: [] };
      }
      case 'windowGroupLimit': {
        // Each task keeps, per window partition, the rows that can rank within the limit (exec/window-group-limit.ts).
        const p = await this.stage(plan.child);
        const input = await this.materialize({ ...p, steps: [] });
        const f = await op('windowGroupLimit');
        const spec = { steps: p.steps, partitionBy: plan.partitionBy, orderBy: plan.orderBy, rankFunction: plan.rankFunction, limit: plan.limit };
        return { source: { kind: 'batches', rdd: input.mapPartitions((it) => f(spec, it)) }, steps: [] };
      }
      case 'rddScan':
        return { source: { kind: 'batches', rdd: plan.rdd as RDD<Uint8Array> }, steps: [] };
      case 'cached': {
        if (!plan.holder.rdd) {
          const { StorageLevel } = await import('@kindling/core');
          const level = (StorageLevel as unknown as Record<string, import('@kindling/core').StorageLevel>)[plan.holder.level]!;
          const encode = await op('cacheEncode');
          const p = await this.stage(plan.child);
          const { input, scan } = await this.stageInput(p);
          // a partition adds once when all its blocks are stored; recomputed ones add again (an overestimate)
          const stored = this.sc.longAccumulator();
          const spec = { steps: p.steps, ...scan, stored };
          const rdd = input.mapPartitions((it) => encode(spec, it)).persist(level);
          const partitions = rdd.getNumPartitions();
          plan.holder.rdd = rdd;
          plan.holder.storedBytes = () => (stored.count >= partitions ? stored.sum : undefined);
        }
        return { source: { kind: 'batches', rdd: plan.holder.rdd as RDD<Uint8Array> }, steps: [] };
      }
      case 'sort': {
        // the sort's task functions read their input through stageInput, in the same task as a join feeding them
        const p = await this.stageFused(plan.child);
        if (plan.local) {
          // Each partition sorted on its own: no sample, no shuffle (sortWithinPartitions, SQL SORT BY).
          const sortPart = await op('sortPartition');
          const spec = { steps: p.steps, orders: plan.orders };
          const input = await this.materialize({ ...p, steps: [] });
          return { source: { kind: 'batches', rdd: input.mapPartitions((it) => sortPart(spec, it)) as RDD<Uint8Array> }, steps: [] };
        }
        const input = await this.materialize({ ...p, steps: [] });
        const n = Math.max(1, input.getNumPartitions());
        const spec = { steps: p.steps, orders: plan.orders };
        const sortPart = await op('sortPartition');
        const sortSpec = { steps: [], orders: plan.orders };
        if (n === 1) {
          // One partition sorted is the whole sort: no sample, no shuffle.
          return { source: { kind: 'batches', rdd: input.mapPartitions((it) => sortPart(spec, it)) as RDD<Uint8Array> }, steps: [] };
        }
        const sample = await op('sampleSortKeys');
        const small = this.options.smallSortBytes ?? 0;
        const sampleSpec = { ...spec, perPartition: 60, keepBytes: small > 0 ? Math.floor(small / n) : -1 };
        const parts = (await input.mapPartitions((it) => sample(sampleSpec, it)).collect()) as SortSample[];
        if (small > 0 && parts.every((s) => s.batches !== null)) {
          // The sample job brought every partition's rows back: sort them in one task, in partition order (the
          // order a range shuffle reads them in), rather than compute the input again.
          const batches = parts.flatMap((s) => s.batches!);
          const rdd = this.sc.parallelize(batches, 1).mapPartitions((it) => sortPart(sortSpec, it)) as RDD<Uint8Array>;
          return { source: { kind: 'batches', rdd }, steps: [] };
        }
        const samples = parts.flatMap((s) => s.keys);
        samples.sort((a, b) => compareRows(a, b, plan.orders));
        const bounds = Array.from({ length: n - 1 }, (_, i) => samples[Math.floor(((i + 1) * samples.length) / n)]).filter(
          (b): b is unknown[] => b !== undefined,
        );
        const bucketize = await op('rangeBucketize');
        const out = input
          .mapPartitions((it) => bucketize({ ...spec, bounds }, it))
          .partitionBy(bounds.length + 1, byBucket)
          .mapPartitions((it) => sortPart(sortSpec, it));
        return { source: { kind: 'batches', rdd: out as RDD<Uint8Array> }, steps: [] };
      }
    }
  }
}
