import { compileBound } from '../../eval/evaluate.js';
import { inputsOf, isDeterministic } from '../bound-utils.js';
import { mapExprs } from '../plan-exprs.js';
// Types whose in-task value is the literal's own value (dates, timestamps and decimals are stored differently).
const FOLDABLE = new Set(['boolean', 'int', 'bigint', 'double', 'string', 'smallint', 'tinyint', 'float']);
function fold(b) {
    if (b.kind === 'literal' || b.kind === 'input')
        return b;
    const folded = foldChildren(b);
    if (inputsOf(folded).size > 0 || !isDeterministic(folded) || !FOLDABLE.has(folded.type))
        return folded;
    try {
        const v = compileBound(folded)([], 1);
        const value = v.nulls && v.nulls[0] ? null : folded.type === 'boolean' ? v.values[0] === 1 || v.values[0] === true : v.values[0];
        return { kind: 'literal', value, type: folded.type };
    }
    catch {
        return folded; // an error (1/0 under ANSI) is raised when the query runs, not while planning
    }
}
function foldChildren(b) {
    switch (b.kind) {
        case 'unary':
        case 'cast':
            return { ...b, child: fold(b.child) };
        case 'binary':
            return { ...b, left: fold(b.left), right: fold(b.right) };
        case 'case':
            return { ...b, branches: b.branches.map((x) => ({ when: fold(x.when), then: fold(x.then) })), otherwise: b.otherwise ? fold(b.otherwise) : null };
        case 'in':
            return { ...b, child: fold(b.child), list: b.list.map(fold) };
        case 'call':
            return { ...b, args: b.args.map(fold) };
        default:
            return b;
    }
}
/** Computes expressions that read no column once, while planning: `col('x').gt(lit(1).plus(2))` → `x > 3`. */
export const constantFolding = {
    name: 'ConstantFolding',
    apply: (p) => mapExprs(p, fold),
};
//# sourceMappingURL=constant-folding.js.map