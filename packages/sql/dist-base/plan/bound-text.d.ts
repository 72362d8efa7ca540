import type { Bound } from '../eval/bound.js';
import type { Attribute } from '../analysis/attribute.js';
/** A bound expression as text, naming inputs by the child's column names (for explain). */
export declare function boundText(b: Bound, input: Attribute[]): string;
//# sourceMappingURL=bound-text.d.ts.map