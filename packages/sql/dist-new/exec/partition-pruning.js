import { compileBound } from '../eval/evaluate.js';
import { parseType } from '../types/parse-type.js';
import { buildVec, valueAt } from './vec-ops.js';
/**
 * The files of a partitioned source whose directory passes every partition filter (conditions over the partition
 * columns only, bound to `spec.columns`). Evaluated on the driver, once per distinct directory, before any file is
 * opened; a NULL result drops the directory, as a filter drops a row.
 */
export function selectPartitions(spec, filters) {
    if (filters.length === 0)
        return spec.files;
    const dirs = new Map();
    for (const f of spec.files) {
        const key = JSON.stringify(f.values, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
        let d = dirs.get(key);
        if (!d)
            dirs.set(key, (d = { values: f.values, files: [] }));
        d.files.push(f);
    }
    const groups = [...dirs.values()];
    const columns = spec.columns.map((c, i) => buildVec(parseType(c.type), groups.map((g) => g.values[i] ?? null)));
    const keep = groups.map(() => true);
    for (const cond of filters) {
        const r = compileBound(cond)(columns, groups.length);
        groups.forEach((_, i) => {
            if (valueAt(r, i) !== true && valueAt(r, i) !== 1)
                keep[i] = false;
        });
    }
    return groups.filter((_, i) => keep[i]).flatMap((g) => g.files);
}
//# sourceMappingURL=partition-pruning.js.map