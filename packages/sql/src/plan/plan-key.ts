import type { ResolvedPlan } from '../analysis/resolved.js';
import { DataType } from '../types/data-types.js';

/*
 * A string that two analyzed subtrees share exactly when they compute the same rows the same way: their JSON,
 * with objects that are not plain data (cached relations' RDDs, in-memory batches, checkpointed RDDs) named by
 * identity. Equal keys let the planner build one exchange for both (Spark's ReuseExchange): TPC-H Q15's revenue
 * view aggregated once for the join and once under max().
 */

const ids = new WeakMap<object, number>();
let next = 0;

function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = next++));
  return id;
}

export function planKey(p: ResolvedPlan): string {
  return structuralKey(p);
}

/** The same key for any plain data (an expression tree, for subexpression elimination). */
export function structuralKey(x: unknown): string {
  return JSON.stringify(x, (_, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`; // literals; JSON has no bigint
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof DataType) return v;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null ? v : `#${idOf(v)}`;
  });
}
