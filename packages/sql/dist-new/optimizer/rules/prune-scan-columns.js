import { inputUses, remap } from '../bound-utils.js';
/**
 * Project over (Filter over)* FileScan: read only the columns the project and filters use. The scan's output
 * shrinks and every ordinal above it is renumbered.
 */
export const pruneScanColumns = {
    name: 'PruneScanColumns',
    apply(p) {
        if (p.kind !== 'project')
            return p;
        const filters = [];
        let n = p.child;
        while (n.kind === 'filter') {
            filters.push(n);
            n = n.child;
        }
        if (n.kind !== 'fileScan')
            return p;
        const scan = n;
        const used = [...inputUses([...p.exprs, ...filters.map((f) => f.condition)]).keys()].sort((a, b) => a - b);
        if (used.length === scan.output.length)
            return p;
        const map = new Map(used.map((old, i) => [old, i]));
        const output = used.map((i) => scan.output[i]);
        let child = { ...scan, columns: output.map((a) => a.name), output };
        for (const f of filters.reverse())
            child = { kind: 'filter', child, condition: remap(f.condition, map), output };
        return { ...p, child, exprs: p.exprs.map((e) => remap(e, map)) };
    },
};
//# sourceMappingURL=prune-scan-columns.js.map