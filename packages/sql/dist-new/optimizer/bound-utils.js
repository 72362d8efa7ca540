/** Rebuilds `b` with every input reference replaced by `f(input)`. */
export function mapInputs(b, f) {
    const m = (x) => mapInputs(x, f);
    switch (b.kind) {
        case 'input':
            return f(b);
        case 'literal':
            return b;
        case 'unary':
            return { ...b, child: m(b.child) };
        case 'binary':
            return { ...b, left: m(b.left), right: m(b.right) };
        case 'cast':
            return { ...b, child: m(b.child) };
        case 'case':
            return { ...b, branches: b.branches.map((x) => ({ when: m(x.when), then: m(x.then) })), otherwise: b.otherwise ? m(b.otherwise) : null };
        case 'in':
            return { ...b, child: m(b.child), list: b.list.map(m) };
        case 'call':
            return { ...b, args: b.args.map(m) };
    }
}
/** Replaces each input reference i by `exprs[i]` (inlining a projection into the expression above it). */
export function substitute(b, exprs) {
    return mapInputs(b, (i) => exprs[i.ordinal]);
}
/** Input ordinals an expression reads. */
export function inputsOf(b, out = new Set()) {
    switch (b.kind) {
        case 'input':
            out.add(b.ordinal);
            break;
        case 'literal':
            break;
        case 'unary':
        case 'cast':
            inputsOf(b.child, out);
            break;
        case 'binary':
            inputsOf(b.left, out);
            inputsOf(b.right, out);
            break;
        case 'case':
            for (const x of b.branches) {
                inputsOf(x.when, out);
                inputsOf(x.then, out);
            }
            if (b.otherwise)
                inputsOf(b.otherwise, out);
            break;
        case 'in':
            inputsOf(b.child, out);
            for (const x of b.list)
                inputsOf(x, out);
            break;
        case 'call':
            for (const x of b.args)
                inputsOf(x, out);
            break;
    }
    return out;
}
/** Renumbers input ordinals through `map` (old → new), keeping their types. */
export function remap(b, map) {
    return mapInputs(b, (i) => ({ ...i, ordinal: map.get(i.ordinal) }));
}
/** Whether evaluating it twice is the same as once (it may be inlined or moved). */
export function isDeterministic(b) {
    if (b.kind === 'call' && ['rand', 'randn', 'current_date', 'current_timestamp', 'uuid'].includes(b.name))
        return false;
    switch (b.kind) {
        case 'unary':
        case 'cast':
            return isDeterministic(b.child);
        case 'binary':
            return isDeterministic(b.left) && isDeterministic(b.right);
        case 'case':
            return b.branches.every((x) => isDeterministic(x.when) && isDeterministic(x.then)) && (!b.otherwise || isDeterministic(b.otherwise));
        case 'in':
            return isDeterministic(b.child) && b.list.every(isDeterministic);
        case 'call':
            return b.args.every(isDeterministic);
        default:
            return true;
    }
}
/** How many times each input ordinal is referenced. */
export function inputUses(exprs) {
    const uses = new Map();
    for (const e of exprs)
        mapInputs(e, (i) => (uses.set(i.ordinal, (uses.get(i.ordinal) ?? 0) + 1), i));
    return uses;
}
//# sourceMappingURL=bound-utils.js.map