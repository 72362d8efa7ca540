import type { Bound } from '../../eval/bound.js';
import { isDeterministic } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
import type { Rule } from '../rule.js';
import { StructField, StructType } from '../../types/data-types.js';
import type { Attribute } from '../../analysis/attribute.js';

const isTrue = (b: Bound) => b.kind === 'literal' && b.value === true;
const isFalse = (b: Bound) => b.kind === 'literal' && b.value === false;
const TRUE: Bound = { kind: 'literal', value: true, type: 'boolean' };
const FALSE: Bound = { kind: 'literal', value: false, type: 'boolean' };

/** Three-valued identities only: x AND true = x, x AND false = false, x OR true = true, x OR false = x, NOT NOT x = x. */
function simplify(b: Bound): Bound {
  switch (b.kind) {
    case 'binary': {
      const left = simplify(b.left);
      const right = simplify(b.right);
      if (b.op === 'and') {
        if (isTrue(left)) return right;
        if (isTrue(right)) return left;
        if ((isFalse(left) && isDeterministic(right)) || (isFalse(right) && isDeterministic(left))) return FALSE;
      }
      if (b.op === 'or') {
        if (isFalse(left)) return right;
        if (isFalse(right)) return left;
        if ((isTrue(left) && isDeterministic(right)) || (isTrue(right) && isDeterministic(left))) return TRUE;
      }
      return { ...b, left, right };
    }
    case 'unary': {
      const child = simplify(b.child);
      if (b.op === 'not' && child.kind === 'unary' && child.op === 'not') return child.child;
      if (b.op === 'not' && isTrue(child)) return FALSE;
      if (b.op === 'not' && isFalse(child)) return TRUE;
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
export const booleanSimplification: Rule = {
  name: 'BooleanSimplification',
  apply(p) {
    const q = mapExprs(p, simplify);
    if (q.kind !== 'filter') return q;
    if (isTrue(q.condition)) return q.child;
    if (q.condition.kind === 'literal' && (q.condition.value === false || q.condition.value === null)) {
      return { kind: 'localRelation', schema: schemaOf(q.output), partitions: [], output: q.output };
    }
    return q;
  },
};

function schemaOf(out: Attribute[]): StructType {
  return new StructType(out.map((a) => new StructField(a.name, a.type, a.nullable)));
}
