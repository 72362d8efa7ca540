/** An analysis error: the plan refers to something that does not exist or does not type. */
export declare class AnalysisError extends Error {
    readonly code: string;
    constructor(code: string, message: string);
}
/** The closest names to `name` (case-insensitive edit distance), best first. */
export declare function suggest(name: string, candidates: string[], max?: number): string[];
export declare function unresolvedColumn(name: string, available: string[]): AnalysisError;
//# sourceMappingURL=errors.d.ts.map