import type { Bound } from '../eval/bound.js';
/** Rebuilds `b` with every input reference replaced by `f(input)`. */
export declare function mapInputs(b: Bound, f: (input: Extract<Bound, {
    kind: 'input';
}>) => Bound): Bound;
/** Replaces each input reference i by `exprs[i]` (inlining a projection into the expression above it). */
export declare function substitute(b: Bound, exprs: Bound[]): Bound;
/** Input ordinals an expression reads. */
export declare function inputsOf(b: Bound, out?: Set<number>): Set<number>;
/** Renumbers input ordinals through `map` (old → new), keeping their types. */
export declare function remap(b: Bound, map: Map<number, number>): Bound;
/** Whether evaluating it twice is the same as once (it may be inlined or moved). */
export declare function isDeterministic(b: Bound): boolean;
/** How many times each input ordinal is referenced. */
export declare function inputUses(exprs: Bound[]): Map<number, number>;
//# sourceMappingURL=bound-utils.d.ts.map