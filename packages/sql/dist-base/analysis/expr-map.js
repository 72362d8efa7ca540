/**
 * `e` rebuilt top-down: where `f` returns an expression it replaces that node (and is not descended into);
 * where it returns undefined the node is kept and its children are mapped. Subquery plans are not entered.
 */
export function mapExpr(e, f) {
    const r = f(e);
    if (r !== undefined)
        return r;
    const m = (x) => mapExpr(x, f);
    switch (e.kind) {
        case 'alias':
        case 'unary':
        case 'cast':
        case 'sortOrder':
            return { ...e, child: m(e.child) };
        case 'binary':
            return { ...e, left: m(e.left), right: m(e.right) };
        case 'case':
            return { ...e, branches: e.branches.map((b) => ({ when: m(b.when), then: m(b.then) })), otherwise: e.otherwise ? m(e.otherwise) : null };
        case 'in':
            return { ...e, child: m(e.child), list: e.list.map(m) };
        case 'call':
            return { ...e, args: e.args.map(m) };
        case 'window':
            return { ...e, fn: m(e.fn), spec: { ...e.spec, partitionBy: e.spec.partitionBy.map(m), orderBy: e.spec.orderBy.map(m) } };
        case 'inSubquery':
            return { ...e, values: e.values.map(m) };
        default:
            return e;
    }
}
//# sourceMappingURL=expr-map.js.map