import { inputsOf, isDeterministic, remap } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
// A filter on one side's columns may run below the join only where that side's rows are not null-extended by it:
// the left side of inner/cross/left/semi/anti joins, the right side of inner/cross/right joins.
const LEFT_OK = new Set(['inner', 'cross', 'left', 'left_semi', 'left_anti']);
const RIGHT_OK = new Set(['inner', 'cross', 'right']);
/** Filter(Join) → conjuncts that read only one side move below the join, into that side (predicate pushdown). */
export const pushFilterThroughJoin = {
    name: 'PushFilterThroughJoin',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'join')
            return p;
        const join = p.child;
        const L = join.left.output.length;
        const toLeft = [];
        const toRight = [];
        const stay = [];
        for (const c of splitConjuncts(p.condition)) {
            const used = [...inputsOf(c)];
            if (!isDeterministic(c) || used.length === 0)
                stay.push(c);
            else if (used.every((i) => i < L) && LEFT_OK.has(join.how))
                toLeft.push(c);
            else if (used.every((i) => i >= L) && RIGHT_OK.has(join.how) && join.output.length > L) {
                toRight.push(remap(c, new Map(used.map((i) => [i, i - L]))));
            }
            else
                stay.push(c);
        }
        if (toLeft.length === 0 && toRight.length === 0)
            return p;
        const below = (side, conds) => conds.length ? { kind: 'filter', child: side, condition: andAll(conds), output: side.output } : side;
        const newJoin = { ...join, left: below(join.left, toLeft), right: below(join.right, toRight) };
        const rest = andAll(stay);
        return rest ? { ...p, child: newJoin, condition: rest } : newJoin;
    },
};
//# sourceMappingURL=push-filter-through-join.js.map