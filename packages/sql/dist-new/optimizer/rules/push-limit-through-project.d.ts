import type { Rule } from '../rule.js';
/** Limit(Project(x)) → Project(Limit(x)): compute the projection for the kept rows only. */
export declare const pushLimitThroughProject: Rule;
//# sourceMappingURL=push-limit-through-project.d.ts.map