/**
 * Optional arguments that Spark's analyzer fills in, so they show in the column name as in Spark:
 * `percentile_approx(x, 0.5)` is named `percentile_approx(x, 0.5, 10000)`, `percentile(x, 0.5)` is
 * `percentile(x, 0.5, 1)`. Keyed by function name: the argument count at which the defaults start.
 */
const DEFAULTS = {
    percentile_approx: { from: 2, values: [10000] },
    approx_percentile: { from: 2, values: [10000] },
    percentile: { from: 2, values: [1] },
};
/** `e` with the missing optional arguments of these aggregate calls appended as literals (anywhere inside). */
export function withDefaultArguments(e) {
    switch (e.kind) {
        case 'alias':
        case 'unary':
        case 'cast':
            return { ...e, child: withDefaultArguments(e.child) };
        case 'binary':
            return { ...e, left: withDefaultArguments(e.left), right: withDefaultArguments(e.right) };
        case 'case':
            return {
                ...e,
                branches: e.branches.map((b) => ({ when: withDefaultArguments(b.when), then: withDefaultArguments(b.then) })),
                otherwise: e.otherwise ? withDefaultArguments(e.otherwise) : null,
            };
        case 'in':
            return { ...e, child: withDefaultArguments(e.child), list: e.list.map(withDefaultArguments) };
        case 'call': {
            const args = e.args.map(withDefaultArguments);
            const d = DEFAULTS[e.name.toLowerCase()];
            if (d && args.length >= d.from && args.length < d.from + d.values.length) {
                for (const v of d.values.slice(args.length - d.from))
                    args.push({ kind: 'literal', value: v, type: null });
            }
            return { ...e, args };
        }
        default:
            return e;
    }
}
//# sourceMappingURL=default-arguments.js.map