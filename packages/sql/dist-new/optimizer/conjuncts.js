export function splitConjuncts(b) {
    return b.kind === 'binary' && b.op === 'and' ? [...splitConjuncts(b.left), ...splitConjuncts(b.right)] : [b];
}
export function andAll(bs) {
    return bs.length ? bs.reduce((a, b) => ({ kind: 'binary', op: 'and', left: a, right: b, type: 'boolean' })) : null;
}
//# sourceMappingURL=conjuncts.js.map