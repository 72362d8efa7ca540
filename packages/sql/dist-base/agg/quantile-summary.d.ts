/**
 * A Greenwald-Khanna quantile summary (the structure behind Spark's percentile_approx): sorted samples, each with
 * `g` (its minimum rank minus the previous sample's) and `d` (how far its maximum rank may exceed its minimum).
 * Every sample keeps g + d <= 2 * eps * n, so any rank is answered within eps * n. Values arrive in a buffer that
 * is sorted and merged in batches; summaries from different tasks merge with the rank uncertainty of the other
 * side added to each sample (so the bound survives partial/final aggregation), then compress.
 * States are plain arrays so they cross the shuffle as they are.
 */
export interface GkState {
    eps: number;
    n: number;
    v: (number | bigint)[];
    g: number[];
    d: number[];
    buf: (number | bigint)[];
    /** The requested percentage(s), taken from the first row (constant per query). */
    p: number | number[] | null;
}
type Value = number | bigint;
export declare function gkInit(): GkState;
export declare function gkUpdate(s: GkState, x: Value): GkState;
export declare function gkMerge(a: GkState, b: GkState): GkState;
/**
 * The samples answering each percentage: rank r = ceil(p * n) (at least 1), and the first sample whose rank range
 * is within the summary's error of r. Does not change the state (window frames finish a growing state).
 */
export declare function gkFinish(s: GkState, ps: number[]): Value[];
export {};
//# sourceMappingURL=quantile-summary.d.ts.map