import type { Bound } from '../eval/bound.js';
export declare function splitConjuncts(b: Bound): Bound[];
export declare function andAll(bs: Bound[]): Bound | null;
//# sourceMappingURL=conjuncts.d.ts.map