/** Rounds a double as Spark: through its decimal text (BigDecimal(d)), so round(1.005, 2) = 1.01. */
export declare function roundDouble(x: number, d: number, mode: 'half_up' | 'half_even'): number;
//# sourceMappingURL=math.d.ts.map