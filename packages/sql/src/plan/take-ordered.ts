import type { ResolvedPlan } from '../analysis/resolved.js';

/** A limit over a global sort, with a projection between them or not: what TakeOrderedAndProject runs. */
export interface TakeOrdered {
  sort: Extract<ResolvedPlan, { kind: 'sort' }>;
  project: Extract<ResolvedPlan, { kind: 'project' }> | null;
}

/** The sort (and projection) under `limit` that the planner runs as TakeOrderedAndProject, or null. */
export function takeOrderedOf(limit: Extract<ResolvedPlan, { kind: 'limit' }>): TakeOrdered | null {
  const c = limit.child;
  if (c.kind === 'sort' && !c.local) return { sort: c, project: null };
  if (c.kind === 'project' && c.child.kind === 'sort' && !c.child.local) return { sort: c.child, project: c };
  return null;
}
