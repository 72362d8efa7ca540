/** Filter(Filter(x, a), b) → Filter(x, a AND b): one pass over the rows instead of two. */
export const combineFilters = {
    name: 'CombineFilters',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'filter')
            return p;
        const inner = p.child;
        return { ...p, child: inner.child, condition: { kind: 'binary', op: 'and', left: inner.condition, right: p.condition, type: 'boolean' } };
    },
};
//# sourceMappingURL=combine-filters.js.map