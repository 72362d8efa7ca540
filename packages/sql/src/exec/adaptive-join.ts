import type { Context, RDD, ShuffleDependency } from '@kindling/core';
import type { ResolvedPlan } from '../analysis/resolved.js';
import { rankingEstimate } from '../plan/broadcast-estimate.js';
import { LEFT_FILTERABLE, RIGHT_FILTERABLE } from '../optimizer/join-sides.js';
import type { Step } from './pipeline.js';

/*
 * Adaptive joins (Spark's AQE turning a shuffled join into a broadcast one from map output statistics): a shuffled
 * join runs the map stage of one side first, the one estimated smaller first, and looks at the bytes it wrote.
 *
 * - Under the broadcast threshold, and a side the join may build: its shuffle output is collected and broadcast,
 *   and the other side streams past it unshuffled (or, when its map stage ran already, read back from its shuffle
 *   output: Spark's local shuffle reader).
 * - Under the threshold but a side the join keeps unmatched rows of (the left of a semi, anti or left join, the
 *   right of a right join): it cannot be built, but its keys can filter the other side, whose rows without a key
 *   there can match nothing and are not kept: the other side is semi-joined with this one's broadcast batches on
 *   the keys alone (the residual condition stays in the join), then shuffled, and when that turns out small it
 *   is broadcast in turn, this side streaming from its shuffle output. TPC-H Q21's orders of one nation's late
 *   suppliers meet lineitem's 6 M rows this way, Q04's quarter of orders likewise.
 * - Otherwise the other side is tried the same way, and when neither is small the join stays shuffled on the map
 *   outputs already written: no map stage runs twice.
 *
 * Estimates are guesses (a semi join or a HAVING can keep 57 rows of 1.5 M); the bytes written are not.
 */

export type Side = 'left' | 'right';
type JoinNode = Extract<ResolvedPlan, { kind: 'join' }>;
type Shuffled = RDD<[number, Uint8Array]>;

/** One side of a shuffled join: its input as staged for a task, the steps to apply there, and its shuffle. */
export interface JoinSide {
  steps: Step[];
  staged: { input: RDD<any>; scan: object };
  shuffled: Shuffled;
}

/** What the planner lends the adaptive join. */
export interface AdaptiveHost {
  readonly sc: Context;
  readonly threshold: number;
  /** The stream side (staged, `steps` to apply there) joined past a broadcast of the build side's batches. */
  broadcastJoin(spec: object, buildSide: Side, bytes: Uint8Array[], steps: Step[], staged: JoinSide['staged']): Promise<RDD<Uint8Array>>;
  /** `input` (batches, `steps` to apply) shuffled by `keys` like a join side. */
  shuffle(input: JoinSide['staged'], steps: Step[], keys: JoinNode['leftKeys']): Promise<Shuffled>;
  /** The shuffled join of the two sides' shuffles. */
  shuffledJoin(left: Shuffled, right: Shuffled): Promise<RDD<Uint8Array>>;
}

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The sides of a join of kind `how` a hash table may be built of (not the side whose unmatched rows an outer join keeps). */
export function buildableSides(how: string): { canLeft: boolean; canRight: boolean } {
  return { canRight: ['inner', 'cross', 'left', 'left_semi', 'left_anti'].includes(how), canLeft: ['inner', 'cross', 'right'].includes(how) };
}

const buildable = (how: string, s: Side) => (s === 'left' ? buildableSides(how).canLeft : buildableSides(how).canRight);

/** Whether side `s`'s keys may filter the other side: the other side's unmatched rows are not kept. */
const filters = (how: string, s: Side) => (other(s) === 'left' ? LEFT_FILTERABLE : RIGHT_FILTERABLE).has(how);

/**
 * What adaptive planning may do with each side, in the order it tries them: broadcast it or filter the other side
 * by its keys. A side that can only filter goes first: if it is big, the other side's map stage is needed anyway
 * (shuffled, or broadcast with this one read back from its shuffle); tried second, the other side's whole shuffle
 * would have been written for nothing when this one turns out small. Sides that may be built go by rankingEstimate.
 */
export function adaptivePlan(plan: JoinNode, adaptive: boolean, threshold: number): { side: Side; use: 'broadcast' | 'keys' }[] {
  if (!adaptive || threshold < 0 || plan.leftKeys.length === 0) return [];
  const order: Side[] = rankingEstimate(plan.left) < rankingEstimate(plan.right) ? ['left', 'right'] : ['right', 'left'];
  const keys = order.filter((s) => !buildable(plan.how, s) && filters(plan.how, s)).map((side) => ({ side, use: 'keys' as const }));
  return [...keys, ...order.filter((s) => buildable(plan.how, s)).map((side) => ({ side, use: 'broadcast' as const }))];
}

const bytesOf = async (host: AdaptiveHost, s: Shuffled, what: string) => {
  const stats = await host.sc.submitMapStage(s.dependencies[0] as ShuffleDependency, `adaptive join: map stage of ${what}`);
  return stats.bytesByPartitionId.reduce((a, b) => a + b, 0);
};

/**
 * The batches a side's map stage wrote, in reduce-partition order, for a broadcast. One task reads them all: there is
 * nothing to compute, and each further task would be a round trip to a worker for a few small blocks.
 */
const shuffledBatches = (s: Shuffled): Promise<Uint8Array[]> => s.values().coalesce(1).collect();

/** A side read back from the shuffle output its map stage wrote (its steps applied there). */
const fromShuffle = (s: JoinSide): JoinSide => ({ steps: [], staged: { input: s.shuffled.values(), scan: {} }, shuffled: s.shuffled });

/** The join run adaptively (see above), or null when it stays the plain shuffled join. */
export async function adaptiveJoin(
  host: AdaptiveHost,
  plan: JoinNode,
  spec: { leftTypes: string[]; rightTypes: string[] },
  sides: Record<Side, JoinSide>,
  tries: { side: Side; use: 'broadcast' | 'keys' }[],
): Promise<RDD<Uint8Array> | null> {
  const ran = new Set<Side>();
  for (const { side, use } of tries) {
    const self = sides[side];
    const size = await bytesOf(host, self.shuffled, `the ${side} side`);
    ran.add(side);
    if (size > host.threshold) continue;
    const bytes = await shuffledBatches(self.shuffled);
    const o = other(side);
    const stream = ran.has(o) ? fromShuffle(sides[o]) : sides[o];
    if (use === 'broadcast') return host.broadcastJoin(spec, side, bytes, stream.steps, stream.staged);
    // the other side's rows with a key this side has (a superset of those that match: the residual is not checked)
    const oKeys = o === 'left' ? plan.leftKeys : plan.rightKeys;
    const semi = {
      post: [],
      inTask: true,
      how: 'left_semi',
      leftKeys: oKeys,
      rightKeys: side === 'left' ? plan.leftKeys : plan.rightKeys,
      residual: null,
      leftTypes: o === 'left' ? spec.leftTypes : spec.rightTypes,
      rightTypes: side === 'left' ? spec.leftTypes : spec.rightTypes,
      names: (o === 'left' ? plan.left : plan.right).output.map((a) => a.name),
    };
    const kept = await host.broadcastJoin(semi, 'right', bytes, stream.steps, stream.staged);
    const filtered = await host.shuffle({ input: kept, scan: {} }, [], oKeys);
    if (buildable(plan.how, o) && (await bytesOf(host, filtered, `the ${o} side filtered by the ${side} side's keys`)) <= host.threshold) {
      return host.broadcastJoin(spec, o, await shuffledBatches(filtered), [], fromShuffle(self).staged);
    }
    return side === 'left' ? host.shuffledJoin(self.shuffled, filtered) : host.shuffledJoin(filtered, self.shuffled);
  }
  return null;
}
