import type { ResolvedPlan } from '../analysis/resolved.js';
import { estimateBytes, sizedByChild } from './estimate-bytes.js';
import { guessSelectivity } from './selectivity.js';
import { rowWidth } from './row-width.js';

/*
 * The size the planner compares with spark.sql.autoBroadcastJoinThreshold. estimateBytes ignores filters (as
 * Spark's non-CBO size estimate does; Spark then re-plans from actual shuffle sizes with AQE, which Kindling does
 * not have), so a filtered side over the threshold was never broadcast: TPC-H Q03's orders before a date joined
 * with one segment's customers, Q05's orders of one year. Here the estimate is shrunk by the guessed share of rows
 * its filters keep, within two bounds that cap what a wrong guess can cost:
 *
 * - a side whose unfiltered estimate is over MAX_UNFILTERED_FACTOR × the threshold is never shrunk (a filter
 *   cannot make a big table look small: lineitem stays shuffled whatever filters it);
 * - the shrink is at most MIN_KEPT_SHARE (a guess of 1 % counts as 1/8).
 *
 * So a side broadcast on a guess is at most MAX_UNFILTERED_FACTOR × the threshold by the same estimate that was
 * trusted before for unfiltered sides (40 MB at the default 10 MB), however wrong the guess.
 */

/** A side is shrunk by its filters only when its unfiltered estimate is at most this many times the threshold. */
export const MAX_UNFILTERED_FACTOR = 4;
/** The least share of its rows a side's filters are taken to keep. */
export const MIN_KEPT_SHARE = 1 / 8;

/**
 * Guessed share of its unfiltered estimate a plan's output is: its filters' selectivity down to the leaf
 * estimateBytes sizes it by. A dimension chain (estimateBytes: its first leaf) also keeps the share of the
 * chain's other filtered leaves, taking its joins to be key/foreign-key joins from that first leaf, the same
 * assumption that sizes the chain by its first leaf at all.
 */
export function keptShare(p: ResolvedPlan): number {
  if (p.kind === 'filter') return guessSelectivity(p.condition) * keptShare(p.child);
  if (p.kind === 'join') return p.dimension ? keptShare(p.left) * keptShare(p.right) : 1;
  const child = sizedByChild(p);
  return child ? keptShare(child) : 1;
}

/** estimateBytes shrunk by its filters within the bounds above; `threshold` < 0 (never broadcast): unshrunk. */
export function broadcastEstimate(p: ResolvedPlan, threshold: number): number {
  const bytes = estimateBytes(p);
  if (threshold < 0 || !(bytes <= threshold * MAX_UNFILTERED_FACTOR)) return bytes;
  return bytes * Math.max(MIN_KEPT_SHARE, Math.min(1, keptShare(p)));
}

/**
 * A guess of a plan's output size for ranking sides only (which side an adaptive join runs first), never for
 * deciding to broadcast: as estimateBytes with filters' guessed shares applied, and an inner equi-join taken to be a
 * key/foreign-key join — the rows of one side kept in the share the other side's filters keep, at the join's row
 * width — where estimateBytes knows nothing (TPC-H Q10's lineitem of returned items ⋈ one quarter's orders is 4 MB,
 * customer 24 MB; both were ranked by what estimateBytes calls unknown).
 */
export function rankingEstimate(p: ResolvedPlan): number {
  if (p.kind === 'filter') return guessSelectivity(p.condition) * rankingEstimate(p.child);
  if (p.kind === 'join' && p.how === 'inner' && p.leftKeys.length > 0 && !p.dimension) {
    const width = (side: ResolvedPlan) => rowWidth(p.output) / rowWidth(side.output);
    const viaLeft = rankingEstimate(p.left) * keptShare(p.right) * width(p.left);
    const viaRight = rankingEstimate(p.right) * keptShare(p.left) * width(p.right);
    return Math.min(viaLeft, viaRight);
  }
  const child = sizedByChild(p);
  if (child && p.kind !== 'cached') return (rankingEstimate(child) * rowWidth(p.output)) / rowWidth(child.output);
  return estimateBytes(p);
}
