import type { Attribute } from '../../analysis/attribute.js';
import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { DecimalType } from '../../types/data-types.js';
import { parseType } from '../../types/parse-type.js';
import type { Rule } from '../rule.js';

// Aggregates whose DISTINCT form is the plain one over the distinct values of the argument.
const OVER_DISTINCT_VALUES = new Set(['count', 'sum', 'avg', 'mean', 'min', 'max']);

const INTEGRAL = ['tinyint', 'smallint', 'int', 'bigint'];

/** Whether every value of type `from` casts to a distinct value of type `to` (so DISTINCT commutes with the cast). */
function injective(from: string, to: string): boolean {
  const a = INTEGRAL.indexOf(from);
  const b = INTEGRAL.indexOf(to);
  if (a >= 0 && b >= a) return true;
  if (a >= 0 && a < 3 && to === 'double') return true;
  if (from === 'float' && to === 'double') return true;
  const f = parseType(from);
  const t = parseType(to);
  return f instanceof DecimalType && t instanceof DecimalType && t.scale >= f.scale && t.precision - t.scale >= f.precision - f.scale;
}

/** `b` without the injective casts around it (avg and sum of ints cast their argument). */
function peel(b: Bound): Bound {
  return b.kind === 'cast' && injective(b.child.type, b.type) ? peel(b.child) : b;
}

/** `b` with the expression `base` (under its casts) replaced by `by`. */
function replaceBase(b: Bound, by: Bound): Bound {
  return b.kind === 'cast' && injective(b.child.type, b.type) ? { ...b, child: replaceBase(b.child, by) } : by;
}

/**
 * Spark's RewriteDistinctAggregates for one distinct group: `GROUP BY k` with `count(DISTINCT x)` (and other
 * aggregates, all DISTINCT over the same x, up to widening casts) becomes an aggregate by (k, x) with no functions
 * — the distinct (k, x) pairs, combined map-side and shuffled like any grouping — under the plain aggregates by k.
 * Both run as columnar hash aggregates, where a DISTINCT aggregate keeps a set of values per group as one JS state
 * (TPC-H Q16's count(DISTINCT ps_suppkey) per brand, type and size). NULLs: (k, NULL) forms a pair and count(x)
 * then skips it, as count(DISTINCT x) does.
 */
export const rewriteDistinctAggregates: Rule = {
  name: 'RewriteDistinctAggregates',
  apply(p) {
    if (p.kind !== 'aggregate' || p.aggs.length === 0) return p;
    if (!p.aggs.every((a) => a.distinct && OVER_DISTINCT_VALUES.has(a.name.toLowerCase()) && a.args.length === 1)) return p;
    const x = peel(p.aggs[0]!.args[0]!);
    const text = JSON.stringify(x);
    if (!p.aggs.every((a) => JSON.stringify(peel(a.args[0]!)) === text)) return p;
    const k = p.groupBy.length;
    const pairs: Attribute[] = [...p.output.slice(0, k), { name: '#distinct0', type: parseType(x.type), nullable: true }];
    const inner: ResolvedPlan = { kind: 'aggregate', child: p.child, groupBy: [...p.groupBy, x], aggs: [], output: pairs };
    const input = (i: number): Bound => ({ kind: 'input', ordinal: i, type: pairs[i]!.type.simpleString(), nullable: pairs[i]!.nullable });
    return {
      kind: 'aggregate',
      child: inner,
      groupBy: p.groupBy.map((_, i) => input(i)),
      aggs: p.aggs.map((a) => ({ ...a, distinct: false, args: [replaceBase(a.args[0]!, input(k))] })),
      output: p.output,
    };
  },
};
