import { anyExpr } from '../expr/ast.js';
import { planChildren } from './logical.js';
function ownExprs(p) {
    switch (p.kind) {
        case 'project':
            return p.exprs;
        case 'filter':
            return [p.condition];
        case 'aggregate':
            return [...p.groupBy, ...p.aggs];
        case 'sort':
            return p.orders;
        case 'join':
            return p.on ? [p.on] : [];
        case 'repartition':
            return p.by;
        default:
            return [];
    }
}
/**
 * Whether the plan names a column of an enclosing query with col('x').outer(). Such a DataFrame is only meaningful
 * as a subquery, so it is not analyzed on its own when it is built (as in Spark 4).
 */
export function hasOuterReference(p) {
    return ownExprs(p).some((e) => anyExpr(e, (x) => x.kind === 'column' && x.outer === true)) || planChildren(p).some(hasOuterReference);
}
//# sourceMappingURL=outer-refs.js.map