import { isDeterministic, substitute } from '../bound-utils.js';
/** Filter(Project(x)) → Project(Filter(x)): filter before computing the projection (predicate pushdown). */
export const pushFilterThroughProject = {
    name: 'PushFilterThroughProject',
    apply(p) {
        if (p.kind !== 'filter' || p.child.kind !== 'project')
            return p;
        const project = p.child;
        if (!project.exprs.every(isDeterministic))
            return p;
        const condition = substitute(p.condition, project.exprs);
        return { ...project, child: { kind: 'filter', child: project.child, condition, output: project.child.output } };
    },
};
//# sourceMappingURL=push-filter-through-project.js.map