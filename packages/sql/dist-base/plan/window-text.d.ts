import type { ResolvedPlan } from '../analysis/resolved.js';
type WindowNode = Extract<ResolvedPlan, {
    kind: 'window';
}>;
/** `Window [rank() ROWS BETWEEN ... AS rk, ...], [partition keys], [order keys]`, as Spark's explain shows it. */
export declare function windowNodeText(n: WindowNode): string;
/** The physical lines under a Window: the per-partition sort and the exchange that groups the partitions. */
export declare function windowPhysicalLines(n: WindowNode, shufflePartitions: number): [string, string];
export {};
//# sourceMappingURL=window-text.d.ts.map