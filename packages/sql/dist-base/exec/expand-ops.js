import { compileBound } from '../eval/evaluate.js';
import { decode, encode } from './columnar-batch.js';
import { runSteps } from './pipeline.js';
/**
 * Spark's Expand, for GROUPING SETS / ROLLUP / CUBE: every input batch comes out once per projection (one per
 * grouping set: the row, its grouping keys with the set's missing ones NULL, the grouping id), so the aggregate
 * above is an ordinary one keyed by the key copies and the id.
 */
export function expandRows(spec, it) {
    const projections = spec.projections.map((exprs) => exprs.map((e) => (e.kind === 'input' ? (cols) => cols[e.ordinal] : compileBound(e))));
    const input = (function* () {
        for (let r = it.next(); !r.done; r = it.next())
            yield* decode(r.value);
    })();
    return (function* () {
        for (const b of runSteps(spec.steps, input)) {
            for (const exprs of projections)
                yield encode({ names: spec.names, columns: exprs.map((f) => f(b.columns, b.length)), length: b.length });
        }
    })();
}
//# sourceMappingURL=expand-ops.js.map