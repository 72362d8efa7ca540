export function planChildren(p) {
    if ('child' in p)
        return [p.child];
    if (p.kind === 'join')
        return [p.left, p.right];
    if (p.kind === 'union')
        return p.children;
    return [];
}
//# sourceMappingURL=logical.js.map