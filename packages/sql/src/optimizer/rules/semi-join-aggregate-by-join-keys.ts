import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { isDeterministic } from '../bound-utils.js';
import { selectivity } from '../join-order.js';
import { estimateBytes } from '../../plan/estimate-bytes.js';
import type { Rule } from '../rule.js';

type Join = Extract<ResolvedPlan, { kind: 'join' }>;
type Aggregate = Extract<ResolvedPlan, { kind: 'aggregate' }>;

/** Spark's default broadcast threshold: a key source this small (its key column, unfiltered) is cheap to compute a second time. */
const SMALL_SOURCE_BYTES = 10 * 1024 * 1024;

const inputOrdinal = (b: Bound): number | null => (b.kind === 'input' ? b.ordinal : null);

/** `p` narrowed to its column `ord`. */
function narrow(p: ResolvedPlan, ord: number): ResolvedPlan {
  const a = p.output[ord]!;
  return { kind: 'project', child: p, exprs: [{ kind: 'input', ordinal: ord, type: a.type.simpleString(), nullable: a.nullable }], output: [a] };
}

/** Whether `p` is one filtered table (filters and projections over a scan or cached relation, no join). */
function isFilteredLeaf(p: ResolvedPlan): boolean {
  let q = p;
  while (q.kind === 'project' || q.kind === 'filter') q = q.child;
  return (q.kind === 'fileScan' || q.kind === 'cached' || q.kind === 'localRelation') && selectivity(p) < 1;
}

/**
 * A small filtered table holding every non-null value column `ord` of `p` takes, found through projections,
 * filters, inner joins (either side, and across their equality keys), semi joins (their left side, and their
 * right side through a key) and the preserved side of left outer joins. Null when there is none.
 */
function keySource(p: ResolvedPlan, ord: number): ResolvedPlan | null {
  if (isFilteredLeaf(p)) {
    const keys = narrow(p, ord);
    return estimateBytes(keys) <= SMALL_SOURCE_BYTES ? keys : null;
  }
  switch (p.kind) {
    case 'project': {
      const i = inputOrdinal(p.exprs[ord]!);
      return i === null ? null : keySource(p.child, i);
    }
    case 'filter':
      return keySource(p.child, ord);
    case 'join': {
      if (p.how !== 'inner' && p.how !== 'left_semi' && p.how !== 'left') return null;
      const L = p.left.output.length;
      const onLeft = ord < L;
      if (!onLeft && p.how !== 'inner') return null; // a left join's right columns are not traced
      const own = onLeft ? keySource(p.left, ord) : keySource(p.right, ord - L);
      if (own || p.how === 'left') return own;
      // across an equality key: the matched values are the other side's too
      for (let k = 0; k < p.leftKeys.length; k++) {
        const lk = inputOrdinal(p.leftKeys[k]!);
        const rk = inputOrdinal(p.rightKeys[k]!);
        if (lk === null || rk === null) continue;
        if (onLeft && lk === ord) {
          const s = keySource(p.right, rk);
          if (s) return s;
        }
        if (!onLeft && rk === ord - L) {
          const s = keySource(p.left, lk);
          if (s) return s;
        }
      }
      return null;
    }
    default:
      return null;
  }
}

/** The aggregate under `p` (through projections), with each output column of `p` traced to the aggregate's. */
function aggregateBelow(p: ResolvedPlan): { agg: Aggregate; rebuild: (agg: Aggregate) => ResolvedPlan; column: (ord: number) => number | null } | null {
  if (p.kind === 'aggregate') return { agg: p, rebuild: (a) => a, column: (o) => o };
  if (p.kind !== 'project') return null;
  const below = aggregateBelow(p.child);
  if (!below) return null;
  return {
    agg: below.agg,
    rebuild: (a) => ({ ...p, child: below.rebuild(a) }),
    column: (o) => {
      const i = inputOrdinal(p.exprs[o]!);
      return i === null ? null : below.column(i);
    },
  };
}

/**
 * Join(rows, Aggregate(group by k)) on rows.x = k, inner or left (the aggregate's unmatched groups are dropped):
 * only the groups whose key some row has are used, and when the rows take their x from a small filtered table
 * (TPC-H Q17: lineitem ⋈ the parts of one brand and container; Q20: partsupp ⋉ the parts named 'forest%'), the
 * aggregate's input is semi-joined with that table's keys first. Q17's `avg(l_quantity)` per part then
 * aggregates the lineitems of about 200 parts, not of all 200,000. A group's rows all share its key, so each
 * group kept is whole. Not Spark (which aggregates everything; DuckDB's correlated-subquery flattening restricts
 * the aggregate so). Runs once: the semi join it adds would match again.
 */
export const semiJoinAggregateByJoinKeys: Rule = {
  name: 'SemiJoinAggregateByJoinKeys',
  apply(p) {
    if (p.kind !== 'join' || (p.how !== 'inner' && p.how !== 'left') || p.leftKeys.length === 0) return p;
    const below = aggregateBelow(p.right);
    if (!below || below.agg.groupBy.length === 0) return p;
    const { agg } = below;
    let child = agg.child;
    for (let k = 0; k < p.leftKeys.length; k++) {
      const lk = inputOrdinal(p.leftKeys[k]!);
      const rk = inputOrdinal(p.rightKeys[k]!);
      if (lk === null || rk === null) continue;
      const g = below.column(rk);
      if (g === null || g >= agg.groupBy.length) continue;
      const group = agg.groupBy[g]!;
      if (!isDeterministic(group)) continue;
      const source = keySource(p.left, lk);
      if (!source) continue;
      const key: Bound = { kind: 'input', ordinal: 0, type: source.output[0]!.type.simpleString(), nullable: source.output[0]!.nullable };
      if (key.type !== group.type) continue;
      child = { kind: 'join', left: child, right: source, how: 'left_semi', leftKeys: [group], rightKeys: [key], residual: null, output: child.output } as Join;
    }
    if (child === agg.child) return p;
    return { ...p, right: below.rebuild({ ...agg, child }) };
  },
};
