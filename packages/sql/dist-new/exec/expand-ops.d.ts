import type { Bound } from '../eval/bound.js';
import { type Step } from './pipeline.js';
/**
 * Spark's Expand, for GROUPING SETS / ROLLUP / CUBE: every input batch comes out once per projection (one per
 * grouping set: the row, its grouping keys with the set's missing ones NULL, the grouping id), so the aggregate
 * above is an ordinary one keyed by the key copies and the id.
 */
export declare function expandRows(spec: {
    steps: Step[];
    projections: Bound[][];
    names: string[];
}, it: Iterator<Uint8Array>): Iterable<Uint8Array>;
//# sourceMappingURL=expand-ops.d.ts.map