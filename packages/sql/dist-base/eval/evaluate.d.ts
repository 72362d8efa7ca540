import { type DataType } from '../types/data-types.js';
import type { Bound } from './bound.js';
import type { Vec } from './vec.js';
import '../functions/index.js';
/**
 * Column-at-a-time interpretation of Bound trees. `compileBound` turns a tree into a tree of closures once (types
 * parsed, implicit casts inserted, kernels picked per type); each call then runs one tight loop per node over
 * typed arrays. Semantics are Spark 4's with ANSI mode on (see docs/SQL-FUNCTIONS.md).
 *
 * Conditional forms (CASE, IF, COALESCE/NVL, AND, OR) are lazy as in Spark: a branch that raises an error on rows
 * it was not selected for (`CASE WHEN x = 0 THEN 0 ELSE 1 / x END`) does not fail the query. They first run the
 * branch over the whole batch, and only if that raises re-run it on the selected rows alone.
 */
export type CompiledExpr = (columns: Vec[], length: number) => Vec;
interface Node {
    type: DataType;
    run: CompiledExpr;
    /** Slot value of a literal (null for NULL), when the node is one. */
    constant?: {
        slot: unknown;
    };
    /** Input ordinals the node reads (for evaluating on a subset of rows). */
    inputs: number[];
}
/** Compiles a Bound tree into a function of a batch's columns (cached per Bound object). */
export declare function compileBound(bound: Bound): CompiledExpr;
/** Evaluates a Bound tree over one batch. */
export declare function evaluate(bound: Bound, columns: Vec[], length: number): Vec;
export declare function literalNode(value: unknown, type: DataType): Node;
/** Casts a node to `to` (no-op when the types match; literals are folded). */
export declare function castNode(child: Node, to: DataType, ansi?: boolean): Node;
export {};
//# sourceMappingURL=evaluate.d.ts.map