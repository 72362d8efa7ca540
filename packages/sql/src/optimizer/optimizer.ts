import type { ResolvedPlan } from '../analysis/resolved.js';
import type { Rule } from './rule.js';
import { combineFilters } from './rules/combine-filters.js';
import { collapseProject } from './rules/collapse-project.js';
import { pushFilterThroughProject } from './rules/push-filter-through-project.js';
import { pushLimitThroughProject } from './rules/push-limit-through-project.js';
import { pruneScanColumns } from './rules/prune-scan-columns.js';
import { pruneJoinColumns } from './rules/prune-join-columns.js';
import { prunePartitions } from './rules/prune-partitions.js';
import { constantFolding } from './rules/constant-folding.js';
import { booleanSimplification } from './rules/boolean-simplification.js';
import { pushFilterThroughJoin } from './rules/push-filter-through-join.js';
import { pushFilterIntoJoinCondition } from './rules/push-filter-into-join-condition.js';
import { pushJoinConditionIntoSides } from './rules/push-join-condition-into-sides.js';
import { pushFilterThroughAggregate } from './rules/push-filter-through-aggregate.js';
import { reorderJoin } from './rules/reorder-join.js';
import { inferWindowGroupLimit } from './rules/infer-window-group-limit.js';
import { pushSemiAntiThroughJoin } from './rules/push-semi-anti-through-join.js';
import { pushExtraPredicateThroughJoin } from './rules/push-extra-predicate-through-join.js';
import { semiJoinAggregateByJoinKeys } from './rules/semi-join-aggregate-by-join-keys.js';
import { rewriteDistinctAggregates } from './rules/rewrite-distinct-aggregates.js';

/**
 * The rules, in batches run one after the other (Spark's batches): each batch repeats until the plan stops
 * changing. Column pruning has a batch of its own, after join reordering is done, because ReorderJoin flattens
 * joins through column-only projections and would undo the narrowing projections pruning puts between them; it
 * runs top-down, so that one pass narrows a whole join tree from the root to the scans.
 *
 * PushExtraPredicateThroughJoin and SemiJoinAggregateByJoinKeys run once (their filters leave the join as it was,
 * so a fixpoint would add them again and again), on the joins the first operator batch has settled; the operator
 * batch then runs again to push their filters down to the scans and to reorder the joins with them in place.
 */
export interface Batch {
  name: string;
  rules: Rule[];
  order: 'bottomUp' | 'topDown';
  /** Run one pass only, not to a fixpoint (Spark's Once strategy). */
  once?: boolean;
}

const OPERATOR_OPTIMIZATION: Batch = {
  name: 'Operator optimization',
  order: 'bottomUp',
  rules: [
    constantFolding,
    booleanSimplification,
    pushFilterThroughProject,
    pushFilterThroughJoin,
    pushSemiAntiThroughJoin,
    reorderJoin,
    pushFilterIntoJoinCondition,
    pushJoinConditionIntoSides,
    pushFilterThroughAggregate,
    rewriteDistinctAggregates,
    combineFilters,
    inferWindowGroupLimit,
    collapseProject,
    pushLimitThroughProject,
  ],
};

export const BATCHES: Batch[] = [
  OPERATOR_OPTIMIZATION,
  { name: 'Extra join predicates', order: 'bottomUp', rules: [pushExtraPredicateThroughJoin, semiJoinAggregateByJoinKeys], once: true },
  { ...OPERATOR_OPTIMIZATION, name: 'Operator optimization after extra predicates' },
  { name: 'Column pruning', order: 'topDown', rules: [pruneJoinColumns, collapseProject, pruneScanColumns, prunePartitions] },
];

/** Every rule, in the order the batches first run them. */
export const RULES: Rule[] = [...new Set(BATCHES.flatMap((b) => b.rules))];

function withChild(p: ResolvedPlan, child: ResolvedPlan): ResolvedPlan {
  return 'child' in p ? ({ ...p, child } as ResolvedPlan) : p;
}

function applyBottomUp(p: ResolvedPlan, rule: Rule): ResolvedPlan {
  let q: ResolvedPlan = p;
  if (p.kind === 'cached') return p; // the cached plan is used as it was first planned
  if ('child' in p) q = withChild(p, applyBottomUp(p.child, rule));
  else if (p.kind === 'join') q = { ...p, left: applyBottomUp(p.left, rule), right: applyBottomUp(p.right, rule) };
  else if (p.kind === 'union') q = { ...p, children: p.children.map((c) => applyBottomUp(c, rule)) };
  return rule.apply(q);
}

/** The rule applied at `p` first, then at the children of what it returned (pruning passes downwards). */
function applyTopDown(p: ResolvedPlan, rule: Rule): ResolvedPlan {
  if (p.kind === 'cached') return p;
  const q = rule.apply(p);
  if (q.kind === 'cached') return q;
  if ('child' in q) return withChild(q, applyTopDown(q.child, rule));
  if (q.kind === 'join') return { ...q, left: applyTopDown(q.left, rule), right: applyTopDown(q.right, rule) };
  if (q.kind === 'union') return { ...q, children: q.children.map((c) => applyTopDown(c, rule)) };
  return q;
}

function schemaOf(p: ResolvedPlan): string {
  return p.output.map((a) => `${a.name}:${a.type.simpleString()}`).join(',');
}

/**
 * Runs each batch's rules until the plan stops changing (at most 10 rounds per batch). A rule must not change the
 * plan's output schema; that is checked after each one. Given `rules`, runs them as one bottom-up batch.
 */
export function optimize(plan: ResolvedPlan, rules?: Rule[]): ResolvedPlan {
  const batches = rules ? [{ name: 'rules', rules, order: 'bottomUp' as const }] : BATCHES;
  const schema = schemaOf(plan);
  let cur = plan;
  for (const batch of batches) {
    const apply = batch.order === 'topDown' ? applyTopDown : applyBottomUp;
    for (let round = 0; round < (batch.once ? 1 : 10); round++) {
      const before = cur;
      for (const rule of batch.rules) {
        cur = apply(cur, rule);
        if (schemaOf(cur) !== schema) throw new Error(`internal: optimizer rule ${rule.name} changed the output schema`);
      }
      if (samePlan(cur, before)) break;
    }
  }
  return cur;
}

/**
 * Whether a round left the plan as it was. Rules rebuild the nodes they visit but share what they leave alone, so
 * the walk stops at every shared object instead of serializing both plans whole. It is never looser than comparing
 * the plans' JSON (cached RDDs are ignored and data buffers compared by length, as that fingerprint did): equal here
 * means equal JSON, so the fixpoint ends where it did.
 */
export function samePlan(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlan(a[i], y[i])) return false;
    return true;
  }
  if (typeof (a as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(a) === JSON.stringify(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
    if (k !== 'holder' && !samePlan(x[k], y[k])) return false;
  }
  return true;
}
