import { inputsOf, mapInputs } from '../bound-utils.js';
import { splitConjuncts } from '../conjuncts.js';
const text = (bs) => JSON.stringify(bs, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
/**
 * Filter over a partitioned FileScan: the conjuncts that read only partition columns become the scan's partition
 * filters (rebound to the partition columns), so the planner drops whole directories before opening a file. The
 * Filter stays as it is; on the rows that are read it is true for those conjuncts anyway.
 */
export const prunePartitions = {
    name: 'PrunePartitions',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'fileScan' || !p.child.partitions)
            return p;
        const scan = p.child;
        const partIndex = new Map();
        scan.output.forEach((a, i) => {
            const k = scan.partitions.columns.findIndex((c) => c.name.toLowerCase() === a.name.toLowerCase());
            if (k >= 0)
                partIndex.set(i, k);
        });
        const picked = splitConjuncts(p.condition).filter((c) => {
            const used = [...inputsOf(c)];
            return used.length > 0 && used.every((i) => partIndex.has(i));
        });
        if (picked.length === 0)
            return p;
        const filters = picked.map((c) => mapInputs(c, (x) => ({ ...x, ordinal: partIndex.get(x.ordinal) })));
        const merged = [...(scan.partitionFilters ?? [])];
        for (const f of filters)
            if (!merged.some((m) => text([m]) === text([f])))
                merged.push(f);
        if (text(merged) === text(scan.partitionFilters ?? []))
            return p;
        return { ...p, child: { ...scan, partitionFilters: merged } };
    },
};
//# sourceMappingURL=prune-partitions.js.map