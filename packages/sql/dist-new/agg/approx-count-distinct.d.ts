/**
 * approx_count_distinct(x, rsd = 0.05): HyperLogLog++ as Spark sizes it (2^p registers with
 * p = ceil(2 log2(1.106 / rsd)), a 64-bit hash, each register the largest leading-zero rank seen). The state is
 * the register array, so partial states from every map task merge exactly (register-wise max) after the shuffle.
 * The estimate is Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches",
 * 2017), which is unbiased from 0 to very large cardinalities without empirical bias tables; Spark uses Google's
 * bias tables instead, so the two agree within the error bound but not digit for digit.
 */
export declare function precisionFor(rsd: number): number;
/** Ertl's improved raw estimator over the register histogram. */
export declare function estimate(regs: Uint8Array): number;
//# sourceMappingURL=approx-count-distinct.d.ts.map