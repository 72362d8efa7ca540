import { isDeterministic } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
import { StructField, StructType } from '../../types/data-types.js';
import { andAll, splitConjuncts } from '../conjuncts.js';
const isTrue = (b) => b.kind === 'literal' && b.value === true;
const isFalse = (b) => b.kind === 'literal' && b.value === false;
const TRUE = { kind: 'literal', value: true, type: 'boolean' };
const FALSE = { kind: 'literal', value: false, type: 'boolean' };
const key = (b) => JSON.stringify(b, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
/**
 * (a AND b) OR (a AND c) = a AND (b OR c), and (a AND b) OR a = a, for deterministic a, b, c (Spark's
 * BooleanSimplification does the same): a join key that every branch of an OR repeats — TPC-H Q19 — becomes a
 * conjunct the join can use.
 */
function extractCommonFactors(or) {
    const lhs = splitConjuncts(or.left);
    const rhs = splitConjuncts(or.right);
    const rkeys = new Set(rhs.map(key));
    const common = lhs.filter((c) => rkeys.has(key(c)));
    if (!common.length || !isDeterministic(or))
        return or;
    const ckeys = new Set(common.map(key));
    const ldiff = lhs.filter((c) => !ckeys.has(key(c)));
    const rdiff = rhs.filter((c) => !ckeys.has(key(c)));
    if (!ldiff.length || !rdiff.length)
        return andAll(common);
    return andAll([...common, { ...or, left: andAll(ldiff), right: andAll(rdiff) }]);
}
/**
 * Three-valued identities: x AND true = x, x AND false = false, x OR true = true, x OR false = x, NOT NOT x = x;
 * and common factors out of ORs.
 */
function simplify(b) {
    switch (b.kind) {
        case 'binary': {
            const left = simplify(b.left);
            const right = simplify(b.right);
            if (b.op === 'and') {
                if (isTrue(left))
                    return right;
                if (isTrue(right))
                    return left;
                if ((isFalse(left) && isDeterministic(right)) || (isFalse(right) && isDeterministic(left)))
                    return FALSE;
            }
            if (b.op === 'or') {
                if (isFalse(left))
                    return right;
                if (isFalse(right))
                    return left;
                if ((isTrue(left) && isDeterministic(right)) || (isTrue(right) && isDeterministic(left)))
                    return TRUE;
                return extractCommonFactors({ ...b, left, right });
            }
            return { ...b, left, right };
        }
        case 'unary': {
            const child = simplify(b.child);
            if (b.op === 'not' && child.kind === 'unary' && child.op === 'not')
                return child.child;
            if (b.op === 'not' && isTrue(child))
                return FALSE;
            if (b.op === 'not' && isFalse(child))
                return TRUE;
            return { ...b, child };
        }
        default:
            return b;
    }
}
/**
 * Simplifies boolean expressions, then prunes filters: a filter that is always true goes away; one that is false
 * or NULL keeps no row, so its input need not run at all (Spark's PruneFilters).
 */
export const booleanSimplification = {
    name: 'BooleanSimplification',
    apply(p) {
        const q = mapExprs(p, simplify);
        if (q.kind !== 'filter')
            return q;
        if (isTrue(q.condition))
            return q.child;
        if (q.condition.kind === 'literal' && (q.condition.value === false || q.condition.value === null)) {
            return { kind: 'localRelation', schema: schemaOf(q.output), partitions: [], output: q.output };
        }
        return q;
    },
};
function schemaOf(out) {
    return new StructType(out.map((a) => new StructField(a.name, a.type, a.nullable)));
}
//# sourceMappingURL=boolean-simplification.js.map