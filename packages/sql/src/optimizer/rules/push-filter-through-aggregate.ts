import type { ResolvedPlan } from '../../analysis/resolved.js';
import { inputsOf, isDeterministic, substitute } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
import type { Rule } from '../rule.js';

/**
 * Filter(Aggregate) → conjuncts that read only grouping keys run before the aggregation, on fewer rows (they keep
 * or drop whole groups, so the result is the same).
 */
export const pushFilterThroughAggregate: Rule = {
  name: 'PushFilterThroughAggregate',
  apply(p) {
    if (p.kind !== 'filter' || p.child.kind !== 'aggregate') return p;
    const agg = p.child;
    const K = agg.groupBy.length;
    if (K === 0) return p;
    const down: ReturnType<typeof splitConjuncts> = [];
    const stay: ReturnType<typeof splitConjuncts> = [];
    for (const c of splitConjuncts(p.condition)) {
      const used = [...inputsOf(c)];
      if (isDeterministic(c) && used.length > 0 && used.every((i) => i < K) && agg.groupBy.every(isDeterministic)) {
        down.push(substitute(c, agg.groupBy));
      } else stay.push(c);
    }
    if (down.length === 0) return p;
    const child: ResolvedPlan = { kind: 'filter', child: agg.child, condition: andAll(down)!, output: agg.child.output };
    const newAgg: ResolvedPlan = { ...agg, child };
    const rest = andAll(stay);
    return rest ? { ...p, child: newAgg, condition: rest } : newAgg;
  },
};
