import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { inputsOf, isDeterministic, mapInputs } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
import type { Rule } from '../rule.js';
import { LEFT_FILTERABLE, RIGHT_FILTERABLE } from '../join-sides.js';

/**
 * The weakest condition on the columns `inside` accepts that `b` implies (Spark's
 * extractPredicatesWithinOutputSet): from a conjunction the parts that can be had, from a disjunction only when
 * each branch yields one. Whenever `b` is true the result is true too (NULL and false alike reject), so a filter
 * on it may run before `b` is checked without changing which rows pass `b`. Null when nothing can be had.
 */
export function extractWithin(b: Bound, inside: (ordinal: number) => boolean): Bound | null {
  if (b.kind === 'binary' && (b.op === 'and' || b.op === 'or')) {
    const l = extractWithin(b.left, inside);
    const r = extractWithin(b.right, inside);
    if (l && r) return { ...b, left: l, right: r };
    return b.op === 'and' ? (l ?? r) : null;
  }
  return [...inputsOf(b)].every(inside) ? b : null;
}


/**
 * Spark's PushExtraPredicateThroughJoin: from each deterministic conjunct of a join's residual condition that
 * reads both sides, the part that reads one side only (see extractWithin) becomes a filter on that side; the
 * condition itself stays. TPC-H Q7's `(n1 = FRANCE AND n2 = GERMANY) OR (n1 = GERMANY AND n2 = FRANCE)` gives
 * `n1 = FRANCE OR n1 = GERMANY` for n1 and the same for n2, which then filter the nations before the joins; Q19's
 * three branches give one condition on part and one on lineitem.
 *
 * The new filters do not change the condition, so the rule would derive them again on every pass: it runs as a
 * batch of its own, once (Spark marks the join as processed instead).
 */
export const pushExtraPredicateThroughJoin: Rule = {
  name: 'PushExtraPredicateThroughJoin',
  apply(p) {
    if (p.kind !== 'join' || !p.residual) return p;
    const L = p.left.output.length;
    const both = splitConjuncts(p.residual).filter((c) => {
      const used = [...inputsOf(c)];
      return isDeterministic(c) && used.some((i) => i < L) && used.some((i) => i >= L);
    });
    const derive = (inside: (i: number) => boolean) => both.map((c) => extractWithin(c, inside)).filter((c): c is Bound => c !== null);
    const toLeft = LEFT_FILTERABLE.has(p.how) ? derive((i) => i < L) : [];
    const toRight = RIGHT_FILTERABLE.has(p.how) ? derive((i) => i >= L).map((c) => mapInputs(c, (x) => ({ ...x, ordinal: x.ordinal - L }))) : [];
    if (!toLeft.length && !toRight.length) return p;
    const below = (side: ResolvedPlan, conds: Bound[]): ResolvedPlan =>
      conds.length ? { kind: 'filter', child: side, condition: andAll(conds)!, output: side.output } : side;
    return { ...p, left: below(p.left, toLeft), right: below(p.right, toRight) };
  },
};
