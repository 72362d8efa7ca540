/** The node with `f` applied to each of its own expressions (not its children's). */
export function mapExprs(p, f) {
    switch (p.kind) {
        case 'project':
            return { ...p, exprs: p.exprs.map(f) };
        case 'filter':
            return { ...p, condition: f(p.condition) };
        case 'aggregate':
            return { ...p, groupBy: p.groupBy.map(f), aggs: p.aggs.map((a) => ({ ...a, args: a.args.map(f) })) };
        case 'sort':
            return { ...p, orders: p.orders.map((o) => ({ ...o, expr: f(o.expr) })) };
        case 'join':
            return { ...p, leftKeys: p.leftKeys.map(f), rightKeys: p.rightKeys.map(f), residual: p.residual ? f(p.residual) : null };
        case 'repartition':
            return { ...p, by: p.by.map(f) };
        default:
            return p;
    }
}
//# sourceMappingURL=plan-exprs.js.map