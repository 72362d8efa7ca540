import type { ResolvedPlan } from '../../analysis/resolved.js';
import type { Bound } from '../../eval/bound.js';
import { inputUses, remap } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
import type { Rule } from '../rule.js';

type Parent = Extract<ResolvedPlan, { kind: 'project' | 'aggregate' }>;

function exprsOf(p: Parent): Bound[] {
  return p.kind === 'project' ? p.exprs : [...p.groupBy, ...p.aggs.flatMap((a) => a.args)];
}

/**
 * Project or Aggregate over (Filter over)* FileScan: read only the columns the parent and filters use. The scan's
 * output shrinks and every ordinal above it is renumbered. An aggregate straight over a scan (`groupBy(k).agg(..)`
 * on a file) is the common case of a DataFrame query that never selects; without it every column is parsed.
 */
export const pruneScanColumns: Rule = {
  name: 'PruneScanColumns',
  apply(p) {
    if (p.kind !== 'project' && p.kind !== 'aggregate') return p;
    const filters: Extract<ResolvedPlan, { kind: 'filter' }>[] = [];
    let n: ResolvedPlan = p.child;
    while (n.kind === 'filter') {
      filters.push(n);
      n = n.child;
    }
    if (n.kind !== 'fileScan') return p;
    const scan = n;
    const used = [...inputUses([...exprsOf(p), ...filters.map((f) => f.condition)]).keys()].sort((a, b) => a - b);
    if (used.length === scan.output.length) return p;
    const map = new Map(used.map((old, i) => [old, i]));
    const output = used.map((i) => scan.output[i]!);
    let child: ResolvedPlan = { ...scan, columns: output.map((a) => a.name), output };
    for (const f of filters.reverse()) child = { kind: 'filter', child, condition: remap(f.condition, map), output };
    return mapExprs({ ...p, child }, (e) => remap(e, map));
  },
};
