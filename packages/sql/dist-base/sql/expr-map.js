import { isParsedSubquery } from '../parser/sql-ast.js';
/**
 * Rebuilds an expression bottom-up, applying `f` to every node after its children (parsed subqueries are leaves:
 * `f` sees them and may replace them). Window specs are walked too.
 */
export function mapExpr(e, f) {
    if (isParsedSubquery(e)) {
        const s = e;
        return f({ ...s, values: s.values.map((v) => mapExpr(v, f)) });
    }
    const m = (x) => mapExpr(x, f);
    let out;
    switch (e.kind) {
        case 'column':
        case 'star':
        case 'literal':
            out = e;
            break;
        case 'alias':
        case 'unary':
        case 'cast':
        case 'sortOrder':
            out = { ...e, child: m(e.child) };
            break;
        case 'binary':
            out = { ...e, left: m(e.left), right: m(e.right) };
            break;
        case 'case':
            out = { ...e, branches: e.branches.map((b) => ({ when: m(b.when), then: m(b.then) })), otherwise: e.otherwise ? m(e.otherwise) : null };
            break;
        case 'in':
            out = { ...e, child: m(e.child), list: e.list.map(m) };
            break;
        case 'call':
            out = { ...e, args: e.args.map(m) };
            break;
        case 'window':
            out = { ...e, fn: m(e.fn), spec: { ...e.spec, partitionBy: e.spec.partitionBy.map(m), orderBy: e.spec.orderBy.map(m) } };
            break;
        case 'inSubquery':
            out = { ...e, values: e.values.map(m) };
            break;
        default:
            out = e;
    }
    return f(out);
}
/** Whether `pred` holds anywhere in `e` (not inside parsed subqueries, which are separate queries). */
export function someExpr(e, pred) {
    let found = false;
    mapExpr(e, (x) => {
        if (!found && pred(x))
            found = true;
        return x;
    });
    return found;
}
//# sourceMappingURL=expr-map.js.map