import { inputsOf, isDeterministic, substitute } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
/**
 * Filter(Aggregate) → conjuncts that read only grouping keys run before the aggregation, on fewer rows (they keep
 * or drop whole groups, so the result is the same).
 */
export const pushFilterThroughAggregate = {
    name: 'PushFilterThroughAggregate',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'aggregate')
            return p;
        const agg = p.child;
        const K = agg.groupBy.length;
        if (K === 0)
            return p;
        const down = [];
        const stay = [];
        for (const c of splitConjuncts(p.condition)) {
            const used = [...inputsOf(c)];
            if (isDeterministic(c) && used.length > 0 && used.every((i) => i < K) && agg.groupBy.every(isDeterministic)) {
                down.push(substitute(c, agg.groupBy));
            }
            else
                stay.push(c);
        }
        if (down.length === 0)
            return p;
        const child = { kind: 'filter', child: agg.child, condition: andAll(down), output: agg.child.output };
        const newAgg = { ...agg, child };
        const rest = andAll(stay);
        return rest ? { ...p, child: newAgg, condition: rest } : newAgg;
    },
};
//# sourceMappingURL=push-filter-through-aggregate.js.map