import type { AggregateFunction } from '../../agg/aggregate-function.js';
import type { DataType } from '../../types/data-types.js';
import type { Vec } from '../../eval/vec.js';
/**
 * Aggregates without a columnar form (and DISTINCT aggregates, which keep their distinct argument tuples until
 * after the shuffle): one JS state per group id, through the function's update/merge/finish. Their partial
 * states cross the shuffle as plain values next to the Arrow batch of keys and columnar states.
 */
export declare class GenericStates {
    private readonly f;
    private readonly distinct;
    private readonly states;
    constructor(f: AggregateFunction, distinct: boolean);
    private init;
    update(gids: Int32Array, n: number, args: Vec[]): void;
    merge(gids: Int32Array, n: number, parts: unknown[]): void;
    statesOf(order: ArrayLike<number>): unknown[];
    finish(order: ArrayLike<number>, type: DataType): Vec;
}
//# sourceMappingURL=generic-states.d.ts.map