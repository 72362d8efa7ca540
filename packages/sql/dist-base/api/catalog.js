import { AnalysisError, suggest } from '../analysis/errors.js';
/** The session's temporary views (names are case-insensitive, as Spark's). */
export class Catalog {
    views = new Map();
    registerView(name, plan) {
        this.views.set(name.toLowerCase(), { name, plan });
    }
    hasView(name) {
        return this.views.has(name.toLowerCase());
    }
    /** The view's plan, under its name so that `name.col` resolves. */
    lookup(name) {
        const v = this.views.get(name.toLowerCase());
        if (!v) {
            const near = suggest(name, [...this.views.values()].map((x) => x.name));
            throw new AnalysisError('TABLE_OR_VIEW_NOT_FOUND', `table or view '${name}' cannot be found${near.length ? `; did you mean '${near[0]}'?` : ''}`);
        }
        return { kind: 'subqueryAlias', child: v.plan, alias: v.name };
    }
    /** The plan registered under the name (not wrapped in its alias), or undefined. */
    viewPlan(name) {
        return this.views.get(name.toLowerCase())?.plan;
    }
    dropTempView(name) {
        return this.views.delete(name.toLowerCase());
    }
    listTables() {
        return [...this.views.values()].map((v) => v.name).sort();
    }
}
//# sourceMappingURL=catalog.js.map