import { inputsOf, isDeterministic, remap } from '../bound-utils.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
/**
 * Filter(inner or cross Join) → conditions that read both sides become the join's own: equalities between a
 * left-only and a right-only expression become hash keys, the rest its residual condition (Spark's
 * PushPredicateThroughJoin, then ExtractEquiJoinKeys). So `FROM a, b WHERE a.k = b.k` is a hash join, not a
 * cartesian product. Conditions on one side only are left to PushFilterThroughJoin.
 */
export const pushFilterIntoJoinCondition = {
    name: 'PushFilterIntoJoinCondition',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'join')
            return p;
        const join = p.child;
        if (join.how !== 'inner' && join.how !== 'cross')
            return p;
        const L = join.left.output.length;
        const leftKeys = [...join.leftKeys];
        const rightKeys = [...join.rightKeys];
        const residual = join.residual ? [join.residual] : [];
        const stay = [];
        let moved = false;
        for (const c of splitConjuncts(p.condition)) {
            const used = [...inputsOf(c)];
            const both = used.some((i) => i < L) && used.some((i) => i >= L);
            if (!both || !isDeterministic(c)) {
                stay.push(c);
                continue;
            }
            moved = true;
            if (c.kind === 'binary' && c.op === '=' && c.left.type === c.right.type) {
                const l = [...inputsOf(c.left)];
                const r = [...inputsOf(c.right)];
                const shift = (b) => remap(b, new Map([...inputsOf(b)].map((i) => [i, i - L])));
                if (l.length && r.length && l.every((i) => i < L) && r.every((i) => i >= L)) {
                    leftKeys.push(c.left);
                    rightKeys.push(shift(c.right));
                    continue;
                }
                if (l.length && r.length && r.every((i) => i < L) && l.every((i) => i >= L)) {
                    leftKeys.push(c.right);
                    rightKeys.push(shift(c.left));
                    continue;
                }
            }
            residual.push(c);
        }
        if (!moved)
            return p;
        const newJoin = { ...join, how: 'inner', leftKeys, rightKeys, residual: andAll(residual) };
        const rest = andAll(stay);
        return rest ? { ...p, child: newJoin, condition: rest } : newJoin;
    },
};
//# sourceMappingURL=push-filter-into-join-condition.js.map