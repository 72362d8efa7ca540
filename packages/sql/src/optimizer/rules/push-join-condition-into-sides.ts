import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { inputsOf, isDeterministic, remap } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
import type { Rule } from '../rule.js';
import { LEFT_FILTERABLE, RIGHT_FILTERABLE } from '../join-sides.js';

/**
 * Join(condition) → the deterministic conjuncts of its residual condition that read one side only become a
 * filter on that side (where join-sides.ts allows it) and leave the condition. TPC-H Q13's `LEFT JOIN orders ON c_custkey = o_custkey AND
 * o_comment NOT LIKE '%special%requests%'` filters orders before the shuffle, which then no longer carries
 * o_comment.
 */
export const pushJoinConditionIntoSides: Rule = {
  name: 'PushJoinConditionIntoSides',
  apply(p) {
    if (p.kind !== 'join' || !p.residual) return p;
    const L = p.left.output.length;
    const toLeft: Bound[] = [];
    const toRight: Bound[] = [];
    const stay: Bound[] = [];
    for (const c of splitConjuncts(p.residual)) {
      const used = [...inputsOf(c)];
      if (!isDeterministic(c) || used.length === 0) stay.push(c);
      else if (used.every((i) => i < L) && LEFT_FILTERABLE.has(p.how)) toLeft.push(c);
      else if (used.every((i) => i >= L) && RIGHT_FILTERABLE.has(p.how)) toRight.push(remap(c, new Map(used.map((i) => [i, i - L]))));
      else stay.push(c);
    }
    if (!toLeft.length && !toRight.length) return p;
    const below = (side: ResolvedPlan, conds: Bound[]): ResolvedPlan =>
      conds.length ? { kind: 'filter', child: side, condition: andAll(conds)!, output: side.output } : side;
    return { ...p, left: below(p.left, toLeft), right: below(p.right, toRight), residual: andAll(stay) };
  },
};
