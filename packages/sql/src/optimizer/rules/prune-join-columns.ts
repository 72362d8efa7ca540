import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { inputsOf, remap } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
import type { Rule } from '../rule.js';

type Parent = Extract<ResolvedPlan, { kind: 'project' | 'aggregate' }>;

function exprsOf(p: Parent): Bound[] {
  return p.kind === 'project' ? p.exprs : [...p.groupBy, ...p.aggs.flatMap((a) => a.args)];
}

function uses(exprs: (Bound | null)[]): Set<number> {
  const out = new Set<number>();
  for (const e of exprs) if (e) inputsOf(e, out);
  return out;
}

/** The ordinals to keep, ascending; at least one, so that a side's batches keep their row count. */
const keepList = (need: Set<number>) => (need.size ? [...need].sort((a, b) => a - b) : [0]);

/** `side` narrowed to the columns `keep` (a projection of plain references). */
function narrow(side: ResolvedPlan, keep: number[]): ResolvedPlan {
  if (keep.length === side.output.length) return side;
  const exprs: Bound[] = keep.map((i) => ({ kind: 'input', ordinal: i, type: side.output[i]!.type.simpleString(), nullable: side.output[i]!.nullable }));
  return { kind: 'project', child: side, exprs, output: keep.map((i) => side.output[i]!) };
}

/**
 * Project/Aggregate over Filter over x: x narrowed to the columns the parent and the condition read, so that a
 * filter left above a join (an outer join's, a residual the join could not take) does not keep all its columns.
 * Over other inputs the filter and the parent run in the same stage as the input, so there is nothing to save.
 */
function pruneUnderFilter(p: Parent, filter: Extract<ResolvedPlan, { kind: 'filter' }>, used: Set<number>): ResolvedPlan {
  const x = filter.child;
  if (x.kind !== 'join' && x.kind !== 'project') return p;
  const keep = keepList(new Set([...used, ...uses([filter.condition])]));
  if (keep.length === x.output.length) return p;
  const map = new Map(keep.map((old, i) => [old, i]));
  const narrowed =
    x.kind === 'project'
      ? { ...x, exprs: keep.map((i) => x.exprs[i]!), output: keep.map((i) => x.output[i]!) }
      : narrow(x, keep);
  const f: ResolvedPlan = { ...filter, child: narrowed, condition: remap(filter.condition, map), output: narrowed.output };
  return mapExprs({ ...p, child: f }, (e) => remap(e, map));
}

/**
 * Column pruning through projections and joins: a Project or Aggregate over a Project drops the inner
 * expressions nothing above reads; over a Join, each side is narrowed to the columns the parent, the join keys
 * and the residual condition read; over a Filter, its input is narrowed to what the parent and the condition read.
 * Joins then carry (and shuffle, and decode) only those columns. Runs top-down in the pruning batch, so the
 * projections it puts over join sides are narrowed further in the same pass.
 */
export const pruneJoinColumns: Rule = {
  name: 'PruneJoinColumns',
  apply(p) {
    if (p.kind !== 'project' && p.kind !== 'aggregate') return p;
    const child = p.child;
    const used = uses(exprsOf(p));
    if (child.kind === 'project') {
      const keep = keepList(new Set([...used].filter((i) => i < child.exprs.length)));
      if (keep.length === child.exprs.length) return p;
      const map = new Map(keep.map((old, i) => [old, i]));
      const inner: ResolvedPlan = { ...child, exprs: keep.map((i) => child.exprs[i]!), output: keep.map((i) => child.output[i]!) };
      return mapExprs({ ...p, child: inner }, (e) => remap(e, map));
    }
    if (child.kind === 'filter') return pruneUnderFilter(p, child, used);
    if (child.kind !== 'join' || child.how === 'cross') return p;
    const join = child;
    const L = join.left.output.length;
    const R = join.right.output.length;
    const semi = join.how === 'left_semi' || join.how === 'left_anti';
    const residual = uses([join.residual]);
    const leftNeed = uses(join.leftKeys);
    const rightNeed = uses(join.rightKeys);
    for (const i of [...used, ...residual]) {
      if (i < L) leftNeed.add(i);
      else if (!semi || residual.has(i)) rightNeed.add(i - L);
    }
    const keepL = keepList(leftNeed);
    const keepR = keepList(rightNeed);
    if (keepL.length === L && keepR.length === R) return p;
    const lmap = new Map(keepL.map((old, i) => [old, i]));
    const rmap = new Map(keepR.map((old, i) => [old, i]));
    const both = new Map([...lmap, ...[...rmap].map(([o, n]) => [o + L, n + keepL.length] as [number, number])]);
    const output = semi ? keepL.map((i) => join.output[i]!) : [...keepL.map((i) => join.output[i]!), ...keepR.map((j) => join.output[L + j]!)];
    const pruned: ResolvedPlan = {
      ...join,
      left: narrow(join.left, keepL),
      right: narrow(join.right, keepR),
      leftKeys: join.leftKeys.map((k) => remap(k, lmap)),
      rightKeys: join.rightKeys.map((k) => remap(k, rmap)),
      residual: join.residual ? remap(join.residual, both) : null,
      output,
    };
    return mapExprs({ ...p, child: pruned }, (e) => remap(e, both));
  },
};
