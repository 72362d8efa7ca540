import { type Expr } from '../expr/ast.js';
import type { Bound } from '../eval/bound.js';
import '../functions/index.js';
import '../agg/builtin.js';
import type { LogicalPlan } from '../plan/logical.js';
import { DataType } from '../types/data-types.js';
import type { Attribute } from './attribute.js';
import type { ResolvedPlan } from './resolved.js';
/** The Spark type of a JS literal: integers in int range are int, larger ones bigint, others double. */
export declare function literalType(v: unknown): DataType;
/** Resolves column names against `input` (case-insensitively, as Spark by default). */
export declare class ExprResolver {
    private readonly input;
    constructor(input: Attribute[]);
    private findColumn;
    resolve(e: Expr): Bound;
}
/** Resolves a logical plan bottom-up. Errors name what is missing and suggest the nearest name. */
export declare function analyze(plan: LogicalPlan): ResolvedPlan;
//# sourceMappingURL=analyzer.d.ts.map