import type { Rule } from '../rule.js';
/**
 * Project over (Filter over)* FileScan: read only the columns the project and filters use. The scan's output
 * shrinks and every ordinal above it is renumbered.
 */
export declare const pruneScanColumns: Rule;
//# sourceMappingURL=prune-scan-columns.d.ts.map