/** Limit(Project(x)) → Project(Limit(x)): compute the projection for the kept rows only. */
export const pushLimitThroughProject = {
    name: 'PushLimitThroughProject',
    apply(p) {
        if (p.kind !== 'limit' || p.child.kind !== 'project')
            return p;
        const project = p.child;
        return { ...project, child: { kind: 'limit', child: project.child, n: p.n, output: project.child.output } };
    },
};
//# sourceMappingURL=push-limit-through-project.js.map