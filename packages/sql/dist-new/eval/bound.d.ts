import type { BinaryOp, UnaryOp } from '../expr/ast.js';
/**
 * A resolved expression, ready to evaluate against batches of one known schema: columns are input ordinals, and
 * every node carries its result type as Spark's type string ("int", "decimal(10,2)", "array<string>"; parse with
 * types/parse-type.ts). Plain data, so it ships to workers inside stage binaries.
 */
export type Bound = {
    kind: 'input';
    ordinal: number;
    type: string;
    nullable: boolean;
} | {
    kind: 'literal';
    value: unknown;
    type: string;
} | {
    kind: 'unary';
    op: UnaryOp;
    child: Bound;
    type: string;
} | {
    kind: 'binary';
    op: BinaryOp;
    left: Bound;
    right: Bound;
    type: string;
} | {
    kind: 'cast';
    child: Bound;
    type: string;
    ansi: boolean;
} | {
    kind: 'case';
    branches: {
        when: Bound;
        then: Bound;
    }[];
    otherwise: Bound | null;
    type: string;
} | {
    kind: 'in';
    child: Bound;
    list: Bound[];
    type: string;
} | {
    kind: 'call';
    name: string;
    args: Bound[];
    type: string;
};
//# sourceMappingURL=bound.d.ts.map