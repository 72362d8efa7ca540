import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { inputsOf, isDeterministic, mapInputs } from '../bound-utils.js';
import type { Rule } from '../rule.js';

type Join = Extract<ResolvedPlan, { kind: 'join' }>;

// The sides of an inner join whose rows a semi/anti join may filter before it: both of inner and cross joins;
// only the preserved side of an outer join (its rows reach the output whatever the other side holds).
const LEFT_OK = new Set(['inner', 'cross', 'left']);
const RIGHT_OK = new Set(['inner', 'cross', 'right']);

/** Whether a plan may drop rows of its inputs (a filter, a semi/anti join or a limit somewhere in it). */
function mayFilter(p: ResolvedPlan): boolean {
  if (p.kind === 'filter' || p.kind === 'limit' || (p.kind === 'join' && (p.how === 'left_semi' || p.how === 'left_anti'))) return true;
  if (p.kind === 'cached') return false;
  if ('child' in p) return mayFilter(p.child);
  if (p.kind === 'join') return mayFilter(p.left) || mayFilter(p.right);
  if (p.kind === 'union') return p.children.some(mayFilter);
  return false;
}

const shift = (b: Bound, f: (ordinal: number) => number): Bound => mapInputs(b, (i) => ({ ...i, ordinal: f(i.ordinal) }));

/**
 * Spark's PushLeftSemiLeftAntiThroughJoin: LeftSemi/LeftAnti(Join(a, b), s) whose condition reads, of the join's
 * output, only a's columns (or only b's) → Join(LeftSemi/LeftAnti(a, s), b): whether a row of the join has a match
 * in s depends on its a part alone, so the rows of a can be kept or dropped before the join multiplies them.
 * TPC-H Q18's `o_orderkey IN (subquery)` then filters orders before they meet lineitem. The join's output is the
 * same columns in the same order, so nothing above changes.
 *
 * Without statistics the rule only pushes past a join whose other side filters nothing (no Filter, semi/anti
 * join or limit in it): such a join keeps or multiplies the rows, so filtering first can only help. A join with a
 * filtered side may drop most rows itself (Q21: lineitem ⋈ the suppliers of one nation), and the semi/anti join
 * is then cheaper after it.
 */
export const pushSemiAntiThroughJoin: Rule = {
  name: 'PushLeftSemiLeftAntiThroughJoin',
  apply(p) {
    if (p.kind !== 'join' || (p.how !== 'left_semi' && p.how !== 'left_anti')) return p;
    if (p.left.kind === 'project' && p.left.child.kind === 'join') return belowProjection(p, p.left);
    const inner = p.left;
    if (inner.kind !== 'join' || inner.broadcastHint) return p;
    const J = inner.output.length;
    const A = inner.left.output.length;
    if (J !== A + inner.right.output.length) return p; // a semi/anti join as the inner join: its output is one side
    const conds = [...p.leftKeys, ...p.rightKeys, ...(p.residual ? [p.residual] : [])];
    if (!conds.every(isDeterministic)) return p;
    const used = new Set<number>();
    for (const k of p.leftKeys) inputsOf(k, used);
    if (p.residual) for (const i of inputsOf(p.residual)) if (i < J) used.add(i);
    if (used.size === 0) return p;
    const all = [...used];
    const semi = (side: ResolvedPlan, offset: number): ResolvedPlan => ({
      ...p,
      left: side,
      leftKeys: p.leftKeys.map((k) => shift(k, (i) => i - offset)),
      residual: p.residual ? shift(p.residual, (i) => (i < J ? i - offset : i - J + side.output.length)) : null,
      output: side.output,
    });
    if (all.every((i) => i < A) && LEFT_OK.has(inner.how) && !mayFilter(inner.right)) return { ...inner, left: semi(inner.left, 0) } as Join;
    if (all.every((i) => i >= A) && RIGHT_OK.has(inner.how) && !mayFilter(inner.left)) return { ...inner, right: semi(inner.right, A) } as Join;
    return p;
  },
};

/**
 * Semi/anti(Project(columns, Join)) → Project(columns, Semi/anti(Join)), the condition read through the
 * projection: ReorderJoin restores the column order of a reordered join with such a projection, which would
 * otherwise stop the semi/anti join from moving further down. Only a projection of plain columns (a semi/anti
 * join's output is its left side's, so the projection above computes the same rows).
 */
function belowProjection(p: Join, proj: Extract<ResolvedPlan, { kind: 'project' }>): ResolvedPlan {
  if (!proj.exprs.every((e) => e.kind === 'input')) return p;
  const P = proj.output.length;
  const J = proj.child.output.length;
  const through = (i: number) => (proj.exprs[i] as Extract<Bound, { kind: 'input' }>).ordinal;
  const semi: Join = {
    ...p,
    left: proj.child,
    leftKeys: p.leftKeys.map((k) => shift(k, through)),
    residual: p.residual ? shift(p.residual, (i) => (i < P ? through(i) : i - P + J)) : null,
    output: proj.child.output,
  };
  return { ...proj, child: semi };
}
