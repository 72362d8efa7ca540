import type { Bound } from '../eval/bound.js';
import { SqlError } from '../eval/errors.js';
import type { Vec } from '../eval/vec.js';
/**
 * The columnar form of an aggregate: states of all groups in typed arrays indexed by group id, updated by one
 * loop per batch. Partial states cross the shuffle as columns of an Arrow batch (`stateTypes`), and the final
 * aggregate merges them with the same kind of loop.
 */
export interface VectorAggregate {
    /** Spark type strings of the partial state columns. */
    readonly stateTypes: string[];
    /** Makes room for groups 0..n-1. */
    reserve(n: number): void;
    /** Folds rows 0..n-1 of a batch into their groups (`gids[r]`); `args` are the evaluated argument columns. */
    update(gids: Int32Array, n: number, args: Vec[]): void;
    /** Folds partial state rows (columns as `states` lists them) into the groups `gids[r]`. */
    merge(gids: Int32Array, n: number, states: Vec[]): void;
    /** The state columns of the groups `order`. */
    states(order: ArrayLike<number>): Vec[];
    /** The results of the groups `order`, typed as the aggregate's return type. */
    finish(order: ArrayLike<number>): Vec;
}
/** What an AggregateFunction's optional `vectorize` returns: which argument columns to evaluate, and the states. */
export interface Vectorized {
    args: Bound[];
    create(): VectorAggregate;
}
export declare const sumOverflow: () => SqlError;
/** count(args): rows where every argument is non-null. */
export declare function vectorCount(args: Bound[]): Vectorized;
/**
 * sum of integral values into bigint, exactly: each group's running sum is hi * 2^32 + lo with lo in [0, 2^32),
 * so every addition is exact and an overflow past 64 bits is detected (ANSI). Small integers first add into a
 * plain double `acc` (exact below 2^53), which spills into hi/lo only when it passes 2^52: one addition per row.
 */
export declare function vectorSumLong(args: Bound[]): Vectorized | null;
/** sum of doubles (NaN and infinities propagate as in Spark). */
export declare function vectorSumDouble(args: Bound[]): Vectorized | null;
/** avg: double sum and count (as the row-at-a-time avg). */
export declare function vectorAvg(args: Bound[]): Vectorized | null;
/** min / max of numbers held as JS numbers (small integer types, dates, booleans, float, double; NaN is largest). */
export declare function vectorExtreme(sign: 1 | -1): (args: Bound[]) => Vectorized | null;
/** first / last (x, ignoreNulls) with a literal ignoreNulls: which row is first follows the input order. */
export declare function vectorFirstLast(takeLast: boolean): (args: Bound[]) => Vectorized | null;
/** Variance family: Welford's [n, mean, m2] per group, merged with Chan's formula. */
export declare function vectorMoment(finish: (n: number, m2: number) => number | null): (args: Bound[]) => Vectorized | null;
//# sourceMappingURL=vectorized.d.ts.map