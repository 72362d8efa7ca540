import type { Rule } from '../rule.js';
/**
 * Project(Project(x)) → one Project with the inner expressions inlined, when that computes nothing twice: each
 * inner expression is a plain reference, a literal, or used at most once above.
 */
export declare const collapseProject: Rule;
//# sourceMappingURL=collapse-project.d.ts.map