import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { splitConjuncts } from '../conjuncts.js';
import type { Rule } from '../rule.js';

/** Spark's spark.sql.optimizer.windowGroupLimitThreshold: larger limits keep too many rows to be worth it. */
export const WINDOW_GROUP_LIMIT_THRESHOLD = 1000;

const RANK_LIKE = new Set(['row_number', 'rank', 'dense_rank']);

const integerLiteral = (b: Bound): number | null => {
  if (b.kind !== 'literal' || !['tinyint', 'smallint', 'int', 'bigint'].includes(b.type)) return null;
  const v = typeof b.value === 'bigint' ? Number(b.value) : b.value;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
};

/** The ordinal a comparison side reads: the column itself, or the column widened by a cast to an integer type. */
const columnOf = (b: Bound): number | null => {
  if (b.kind === 'input') return b.ordinal;
  if (b.kind === 'cast' && ['int', 'bigint'].includes(b.type) && b.child.kind === 'input') return b.child.ordinal;
  return null;
};

/** The largest rank a conjunct lets through when it bounds column `ordinal` from above (rn <= 2, rn < 3, 2 >= rn, rn = 1). */
function limitOf(c: Bound, ordinal: number): number | null {
  if (c.kind !== 'binary') return null;
  const flip: Record<string, string> = { '<=': '>=', '<': '>', '>=': '<=', '>': '<', '=': '=' };
  let op: string = c.op;
  let col = c.left;
  let lit = c.right;
  if (columnOf(col) !== ordinal) {
    if (!(c.op in flip) || columnOf(c.right) !== ordinal) return null;
    op = flip[c.op]!;
    col = c.right;
    lit = c.left;
  }
  const k = integerLiteral(lit);
  if (k === null) return null;
  if (op === '<=' || op === '=') return k;
  if (op === '<') return k - 1;
  return null;
}

/**
 * Filter(rn <= k, Window[rank-like functions only](x)) → Filter(Window(WindowGroupLimit(x))), as Spark 3.5's
 * InferWindowGroupLimit: the group limit drops, in each task before the shuffle, the rows that cannot rank within k
 * in their window partition (exec/window-group-limit.ts), so the Window sorts and the shuffle moves a few rows per
 * partition. Only when every window expression is row_number, rank or dense_rank (their values for the kept rows
 * do not change), the window has an ORDER BY, and 1 <= k <= the threshold; the smallest bound among the filter's
 * conjuncts is used, with the function it bounds.
 */
export const inferWindowGroupLimit: Rule = {
  name: 'InferWindowGroupLimit',
  apply(p) {
    if (p.kind !== 'filter' || p.child.kind !== 'window') return p;
    const w = p.child;
    if (w.child.kind === 'windowGroupLimit' || w.orderBy.length === 0 || !w.windowExprs.every((e) => RANK_LIKE.has(e.name))) return p;
    const first = w.child.output.length;
    let best: { limit: number; fn: string } | null = null;
    for (const c of splitConjuncts(p.condition)) {
      w.windowExprs.forEach((e, i) => {
        const k = limitOf(c, first + i);
        if (k !== null && (best === null || k < best.limit)) best = { limit: k, fn: e.name };
      });
    }
    const found = best as { limit: number; fn: string } | null;
    if (found === null || found.limit < 1 || found.limit > WINDOW_GROUP_LIMIT_THRESHOLD) return p;
    const limited: ResolvedPlan = {
      kind: 'windowGroupLimit',
      child: w.child,
      partitionBy: w.partitionBy,
      orderBy: w.orderBy,
      rankFunction: found.fn as 'row_number' | 'rank' | 'dense_rank',
      limit: found.limit,
      output: w.child.output,
    };
    return { ...p, child: { ...w, child: limited } };
  },
};
