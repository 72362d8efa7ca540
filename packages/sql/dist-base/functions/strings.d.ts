/** Spark's substringSQL: 1-based, 0 = 1, negative counts from the end; by code points. */
export declare function substringSQL(s: string, pos: number, len: number): string;
//# sourceMappingURL=strings.d.ts.map