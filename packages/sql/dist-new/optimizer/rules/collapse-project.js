import { inputUses, isDeterministic, substitute } from '../bound-utils.js';
/**
 * Project(Project(x)) → one Project with the inner expressions inlined, when that computes nothing twice: each
 * inner expression is a plain reference, a literal, or used at most once above.
 */
export const collapseProject = {
    name: 'CollapseProject',
    apply(p) {
        if (p.kind !== 'project' || p.child.kind !== 'project')
            return p;
        const inner = p.child;
        const uses = inputUses(p.exprs);
        const ok = inner.exprs.every((e, i) => isDeterministic(e) && (e.kind === 'input' || e.kind === 'literal' || (uses.get(i) ?? 0) <= 1));
        if (!ok)
            return p;
        return { ...p, child: inner.child, exprs: p.exprs.map((e) => substitute(e, inner.exprs)) };
    },
};
//# sourceMappingURL=collapse-project.js.map