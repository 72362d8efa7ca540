import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { commonType } from '../../eval/coercion.js';
import { parseType } from '../../types/parse-type.js';
import { inputsOf, isDeterministic, mapInputs } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
import type { Rule } from '../rule.js';
import { dimensionChain, leafBytes, pickNext, selectivity } from '../join-order.js';

/**
 * A tree of inner and cross joins (with the filters and column-only projections between them) seen as its leaves
 * and one list of conditions. Column positions are positions in the leaves' outputs laid end to end; `map` gives,
 * for each output column of the tree's root, its position.
 */
interface Flat {
  leaves: ResolvedPlan[];
  conds: Bound[];
  map: number[];
}

const isInnerish = (p: ResolvedPlan) => p.kind === 'join' && (p.how === 'inner' || p.how === 'cross') && !p.broadcastHint;
const through = (b: Bound, map: number[]): Bound => mapInputs(b, (i) => ({ ...i, ordinal: map[i.ordinal]! }));
const castTo = (b: Bound, type: string): Bound => (b.type === type ? b : { kind: 'cast', child: b, type, ansi: true });
const eq = (left: Bound, right: Bound): Bound => ({ kind: 'binary', op: '=', left, right, type: 'boolean' });

function flatten(p: ResolvedPlan): Flat | null {
  if (p.kind === 'join' && isInnerish(p)) {
    const l = flattenOrLeaf(p.left);
    const r = flattenOrLeaf(p.right);
    const offset = l.leaves.reduce((n, x) => n + x.output.length, 0);
    const rmap = r.map.map((i) => i + offset);
    const map = [...l.map, ...rmap];
    const conds = [...l.conds, ...r.conds.map((c) => mapInputs(c, (i) => ({ ...i, ordinal: i.ordinal + offset })))];
    p.leftKeys.forEach((k, i) => conds.push(eq(through(k, l.map), through(p.rightKeys[i]!, rmap))));
    if (p.residual) conds.push(...splitConjuncts(through(p.residual, map)));
    return { leaves: [...l.leaves, ...r.leaves], conds, map };
  }
  if (p.kind === 'filter' && (isInnerish(p.child) || p.child.kind === 'filter' || p.child.kind === 'project')) {
    const c = flatten(p.child);
    if (!c) return null;
    return { ...c, conds: [...c.conds, ...splitConjuncts(through(p.condition, c.map))] };
  }
  if (p.kind === 'project' && p.exprs.every((e) => e.kind === 'input')) {
    const c = flatten(p.child);
    if (!c) return null;
    return { ...c, map: p.exprs.map((e) => c.map[(e as Extract<Bound, { kind: 'input' }>).ordinal]!) };
  }
  return null;
}

function flattenOrLeaf(p: ResolvedPlan): Flat {
  return flatten(p) ?? { leaves: [p], conds: [], map: p.output.map((_, i) => i) };
}

/**
 * Spark's ReorderJoin (with PushPredicateThroughJoin's handling of inner joins): a chain of inner/cross joins —
 * typically `FROM a, b, c WHERE ...` — is rebuilt left-deep. Spark keeps FROM order when it has no statistics;
 * here the chain starts from the largest leaf by the planner's size estimates (the fact table, which then
 * streams through hash joins whose build sides are the smaller leaves) and adds each time, among the leaves an
 * equality connects to those joined so far, the one whose filters cut the rows most (join-order.ts: TPC-H Q5 and
 * Q7 meet their filtered nations and regions before lineitem reaches orders). An unfiltered leaf picked for the
 * small filtered leaves behind it is joined with them first and the result joined as one build side, the only
 * bushy part of the tree (lineitem ⋈ (supplier ⋈ nation ⋈ region) probes one hash table, not three; see
 * dimensionChain). Only when no equality connects a remaining leaf does it take one any condition connects, else
 * the next in order, so that no join is a cartesian product when a condition could key it. Each condition is
 * placed at the lowest join that sees all its columns: equalities between the two sides become hash keys, the
 * rest the join's residual, and conditions on one table a filter on that table. A projection on top restores the
 * original column order. Plans with non-deterministic conditions are left alone.
 */
export const reorderJoin: Rule = {
  name: 'ReorderJoin',
  apply(p) {
    if (!(isInnerish(p) || (p.kind === 'filter' && isInnerish(p.child)))) return p;
    const flat = flatten(p);
    if (!flat || flat.leaves.length < 2 || !flat.conds.every(isDeterministic)) return p;
    const { leaves, conds, map } = flat;
    const start: number[] = [];
    leaves.reduce((n, x) => (start.push(n), n + x.output.length), 0);
    const leafOf = (pos: number) => {
      let i = leaves.length - 1;
      while (start[i]! > pos) i--;
      return i;
    };
    const leavesOf = (b: Bound) => new Set([...inputsOf(b)].map(leafOf));
    const within = (s: Set<number>, set: Set<number>) => [...s].every((x) => set.has(x));
    const condLeaves = conds.map(leavesOf);

    // one-table conditions become filters on their table
    const placed = conds.map((_, i) => condLeaves[i]!.size === 1);
    const side = leaves.map((leaf, li) => {
      const own = conds.filter((_, i) => condLeaves[i]!.size === 1 && condLeaves[i]!.has(li));
      if (!own.length) return leaf;
      const local = own.map((c) => mapInputs(c, (x) => ({ ...x, ordinal: x.ordinal - start[li]! })));
      const merged = leaf.kind === 'filter' ? [...splitConjuncts(leaf.condition), ...local] : local;
      const child = leaf.kind === 'filter' ? leaf.child : leaf;
      return { kind: 'filter', child, condition: andAll(merged)!, output: leaf.output } as ResolvedPlan;
    });

    // Whether condition ci is an equality between an expression of the leaves in `a` and one of those in `b`.
    const equiBetween = (ci: number, a: Set<number>, b: Set<number>) => {
      const c = conds[ci]!;
      if (c.kind !== 'binary' || c.op !== '=') return false;
      const l = leavesOf(c.left), r = leavesOf(c.right);
      const only = (s: Set<number>, set: Set<number>) => s.size > 0 && within(s, set);
      return (only(l, a) && only(r, b)) || (only(l, b) && only(r, a));
    };
    // Whether condition ci, not placed yet, reads leaves of both `a` and `b` and no others.
    const connects = (ci: number, a: Set<number>, b: Set<number>) => {
      const s = [...condLeaves[ci]!];
      return !placed[ci] && s.some((y) => a.has(y)) && s.some((y) => b.has(y)) && s.every((y) => a.has(y) || b.has(y));
    };
    const one = (x: number) => new Set([x]);

    // Join order: from the largest leaf (the fact table), each time the equi-connected leaf that cuts
    // the rows most, as far as the size estimates and guessed selectivities tell (see pickNext).
    const bytes = side.map(leafBytes);
    const sel = side.map(selectivity);
    const first = bytes.reduce((best, b, i) => (b > bytes[best]! ? i : best), 0);
    const equiEdge = (x: number, y: number) => conds.some((_, ci) => equiBetween(ci, one(x), one(y)));

    // A join of two units (a leaf, or leaves joined already), placing the conditions that connect them.
    interface Unit { plan: ResolvedPlan; positions: number[]; members: Set<number> }
    const leafUnit = (x: number): Unit => ({ plan: side[x]!, positions: leaves[x]!.output.map((_, i) => start[x]! + i), members: one(x) });
    const joinUnits = (left: Unit, right: Unit, dimension: boolean): Unit => {
      const positions = [...left.positions, ...right.positions];
      const local = new Map(positions.map((pos, i) => [pos, i]));
      const toLocal = (b: Bound) => mapInputs(b, (x) => ({ ...x, ordinal: local.get(x.ordinal)! }));
      const L = left.positions.length;
      const leftKeys: Bound[] = [];
      const rightKeys: Bound[] = [];
      const residual: Bound[] = [];
      conds.forEach((c, ci) => {
        if (!connects(ci, left.members, right.members)) return;
        placed[ci] = true;
        if (equiBetween(ci, left.members, right.members) && c.kind === 'binary') {
          const leftIsJoined = within(leavesOf(c.left), left.members);
          const lk = toLocal(leftIsJoined ? c.left : c.right);
          const rk = mapInputs(toLocal(leftIsJoined ? c.right : c.left), (x) => ({ ...x, ordinal: x.ordinal - L }));
          const t = commonType([parseType(lk.type), parseType(rk.type)]);
          if (t) {
            leftKeys.push(castTo(lk, t.simpleString()));
            rightKeys.push(castTo(rk, t.simpleString()));
            return;
          }
        }
        residual.push(toLocal(c));
      });
      const plan: ResolvedPlan = {
        kind: 'join', left: left.plan, right: right.plan, how: leftKeys.length || residual.length ? 'inner' : 'cross',
        leftKeys, rightKeys, residual: andAll(residual), output: [...left.plan.output, ...right.plan.output],
        ...(dimension ? { dimension: true } : {}),
      };
      return { plan, positions, members: new Set([...left.members, ...right.members]) };
    };

    let cur = leafUnit(first);
    const remaining = leaves.map((_, i) => i).filter((i) => i !== first);
    while (remaining.length) {
      const keyed = remaining.filter((x) => conds.some((_, ci) => !placed[ci] && equiBetween(ci, cur.members, one(x))));
      const pick =
        pickNext(keyed, remaining, bytes, sel, equiEdge) ??
        remaining.find((x) => conds.some((_, ci) => connects(ci, cur.members, one(x)))) ??
        remaining[0]!;
      // an unfiltered pick that leads to small filtered leaves is joined with them first (see dimensionChain)
      const chain = keyed.includes(pick) ? dimensionChain(pick, remaining, bytes, sel, equiEdge) : [pick];
      for (const x of chain) remaining.splice(remaining.indexOf(x), 1);
      let right = leafUnit(chain[0]!);
      for (const y of chain.slice(1)) right = joinUnits(right, leafUnit(y), true);
      cur = joinUnits(cur, right, false);
    }
    const positions = cur.positions;
    const plan0 = cur.plan;
    // conditions on no table at all (constants the folding left) stay above the joins
    const rest = conds.filter((_, ci) => !placed[ci] && condLeaves[ci]!.size === 0);
    const local = new Map(positions.map((pos, i) => [pos, i]));
    let out = plan0;
    if (rest.length) {
      const cond = andAll(rest.map((c) => mapInputs(c, (x) => ({ ...x, ordinal: local.get(x.ordinal)! }))))!;
      out = { kind: 'filter', child: out, condition: cond, output: out.output };
    }
    const order = map.map((pos) => local.get(pos)!);
    if (order.length === out.output.length && order.every((o, i) => o === i)) return { ...out, output: p.output };
    const exprs: Bound[] = order.map((o) => ({ kind: 'input', ordinal: o, type: out.output[o]!.type.simpleString(), nullable: out.output[o]!.nullable }));
    return { kind: 'project', child: out, exprs, output: p.output };
  },
};
