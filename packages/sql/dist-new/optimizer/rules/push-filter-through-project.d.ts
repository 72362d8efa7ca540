import type { Rule } from '../rule.js';
/** Filter(Project(x)) → Project(Filter(x)): filter before computing the projection (predicate pushdown). */
export declare const pushFilterThroughProject: Rule;
//# sourceMappingURL=push-filter-through-project.d.ts.map