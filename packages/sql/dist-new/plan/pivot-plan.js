import { exprName } from '../expr/ast.js';
import { AnalysisError } from '../analysis/errors.js';
const ref = (name) => ({ kind: 'column', name });
const outputName = (e) => (e.kind === 'alias' ? e.name : exprName(e));
/**
 * A pivot as plans, as Spark's PivotFirst: aggregate by (keys, pivot), then group by the keys and pick each
 * (value, aggregate) cell with first(CASE WHEN pivot <=> value THEN cell END, ignoreNulls), so a combination
 * without rows is NULL (also for count). Columns: the keys, then per value (in order) per aggregate: `name` for one
 * aggregate, `name_aggregate` for several (the aggregate's alias or SQL text). Used by GroupedData.pivot and SQL's
 * PIVOT clause.
 */
export function pivotPlan(child, keys, pivot, values, aggs) {
    if (aggs.length === 0)
        throw new AnalysisError('INVALID_PIVOT', 'pivot needs at least one aggregate: call agg(...), count(), sum(...) ...');
    const stage1 = {
        kind: 'aggregate',
        child,
        groupBy: [...keys, { kind: 'alias', child: pivot, name: '__pivot' }],
        aggs: aggs.map((a, j) => ({ kind: 'alias', child: a, name: `__pivot_agg${j}` })),
    };
    const cells = [];
    for (const { value, name } of values) {
        aggs.forEach((a, j) => {
            const cell = { kind: 'case', branches: [{ when: { kind: 'binary', op: '<=>', left: ref('__pivot'), right: value }, then: ref(`__pivot_agg${j}`) }], otherwise: null };
            const picked = { kind: 'call', name: 'first', args: [cell, { kind: 'literal', value: true, type: null }] };
            cells.push({ kind: 'alias', child: picked, name: aggs.length === 1 ? name : `${name}_${outputName(a)}` });
        });
    }
    return { kind: 'aggregate', child: stage1, groupBy: keys.map((k) => ref(outputName(k))), aggs: cells };
}
//# sourceMappingURL=pivot-plan.js.map