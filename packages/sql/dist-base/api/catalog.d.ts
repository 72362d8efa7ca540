import type { LogicalPlan } from '../plan/logical.js';
/** The session's temporary views (names are case-insensitive, as Spark's). */
export declare class Catalog {
    private readonly views;
    registerView(name: string, plan: LogicalPlan): void;
    hasView(name: string): boolean;
    /** The view's plan, under its name so that `name.col` resolves. */
    lookup(name: string): LogicalPlan;
    /** The plan registered under the name (not wrapped in its alias), or undefined. */
    viewPlan(name: string): LogicalPlan | undefined;
    dropTempView(name: string): boolean;
    listTables(): string[];
}
//# sourceMappingURL=catalog.d.ts.map