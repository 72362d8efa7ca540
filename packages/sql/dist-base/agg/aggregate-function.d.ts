import type { Bound } from '../eval/bound.js';
import type { DataType } from '../types/data-types.js';
import type { Vectorized } from './vectorized.js';
/**
 * An aggregate under its Spark SQL name. Work is split as Spark's partial/final aggregation: `update` folds rows
 * into a state inside each map task, states cross the shuffle (plain values: numbers, bigints, strings, arrays),
 * `merge` combines them after it, and `finish` produces the result value.
 */
export interface AggregateFunction {
    name: string;
    /**
     * Result and argument types. `literals[i]` is argument i's value when it is a literal (undefined otherwise), so
     * constant arguments such as a percentage or an rsd are checked when the query is defined.
     */
    resolve(argTypes: DataType[], literals?: readonly unknown[]): {
        returnType: DataType;
        argTypes: DataType[];
    };
    init(): unknown;
    /** `args[k]` is the k-th argument's value in the row (null for SQL NULL). */
    update(state: any, args: unknown[]): any;
    merge(a: any, b: any): any;
    finish(state: any): unknown;
    /**
     * Optional columnar form (agg/vectorized.ts): for a call with these bound (already cast) arguments, the
     * argument columns to evaluate and typed-array states, or null when this call cannot run columnar. Without it
     * the hash aggregate keeps one JS state per group and calls update/merge/finish (correct, slower).
     */
    vectorize?(args: Bound[]): Vectorized | null;
}
export declare function registerAggregate(f: AggregateFunction, ...aliases: string[]): void;
export declare function aggregateNames(): string[];
export declare function lookupAggregate(name: string): AggregateFunction | undefined;
/**
 * A function's resolve, checked for calls it cannot type: every aggregate takes an argument (count(*) arrives as
 * count(1)), and a resolve that fails on the argument list it was given (it reads an argument that is not there)
 * reports a wrong number of arguments instead of a JavaScript error.
 */
export declare function guardedResolve<R>(name: string, resolve: (argTypes: DataType[], literals?: readonly unknown[]) => R, needsArgument: boolean): (argTypes: DataType[], literals?: readonly unknown[]) => R;
//# sourceMappingURL=aggregate-function.d.ts.map